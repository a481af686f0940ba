#include "app/people_service.h"

#include <algorithm>
#include "app/snapshots.h"

#include "core/crypto.h"
#include "core/json_writer.h"

namespace dvld::app {

core::Error PersonNotFound() {
  return core::Error::Of(core::ErrorCode::kNotFound, "person-not-found", "No such person.");
}

core::Status PeopleService::CheckReferences(UnitOfWork& uow, const domain::PersonData& data) {
  if (!uow.Reference().FindCountry(data.nationality_code)) {
    return core::Error::Invalid("nationalityCode", "unknown-country",
                                "No country has the code " + data.nationality_code + ".");
  }
  return core::OkStatus();
}

core::Result<domain::Person> PeopleService::Register(const Principal& who, domain::PersonData data) {
  const auto now = clock_.Now();
  data.deceased = false;
  if (auto ok = domain::ValidatePerson(data, core::Date::On(clock_, now)); !ok) return std::move(ok).error();
  auto uow = store_.Write();
  if (auto ok = CheckReferences(*uow, data); !ok) return std::move(ok).error();
  auto id = uow->People().Insert(data, now);
  if (!id) return std::move(id).error();
  uow->Audit().Append(who, now, "create", "person", *id, std::nullopt, Snapshot(data));
  auto person = uow->People().FindById(*id);
  uow->Commit();
  return *person;
}

core::Result<domain::Person> PeopleService::Update(const Principal& who, std::int64_t id, const PersonPatch& patch) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto current = uow->People().FindById(id);
  if (!current) return PersonNotFound();
  domain::PersonData data = *current;
  auto apply_opt = [](std::optional<std::string>& field, const PersonPatch::Field<std::optional<std::string>>& v) {
    if (v) field = (*v && !(*v)->empty()) ? *v : std::nullopt;
  };
  auto apply = [](std::string& field, const PersonPatch::Field<std::string>& v) {
    if (v) field = *v;
  };
  apply_opt(data.national_no, patch.national_no);
  apply_opt(data.document_type, patch.document_type);
  apply_opt(data.document_no, patch.document_no);
  apply_opt(data.third_name_ar, patch.third_name_ar);
  apply_opt(data.third_name_en, patch.third_name_en);
  apply_opt(data.phone, patch.phone);
  apply_opt(data.email, patch.email);
  apply(data.first_name_ar, patch.first_name_ar);
  apply(data.second_name_ar, patch.second_name_ar);
  apply(data.last_name_ar, patch.last_name_ar);
  apply(data.first_name_en, patch.first_name_en);
  apply(data.second_name_en, patch.second_name_en);
  apply(data.last_name_en, patch.last_name_en);
  apply(data.date_of_birth, patch.date_of_birth);
  apply(data.gender, patch.gender);
  apply(data.nationality_code, patch.nationality_code);
  apply(data.address, patch.address);
  if (patch.deceased) {
    if (current->deceased && !*patch.deceased) {
      return core::Error{core::ErrorCode::kConflict,
                         "deceased-is-final",
                         "A person recorded as deceased cannot be marked alive again; correct it with an audited "
                         "administrator request.",
                         {{"deceased", "final", "A deceased person cannot be marked alive again."}}};
    }
    data.deceased = *patch.deceased;
  }
  if (auto ok = domain::ValidatePerson(data, core::Date::On(clock_, now)); !ok) return std::move(ok).error();
  if (auto ok = CheckReferences(*uow, data); !ok) return std::move(ok).error();
  const std::string before = Snapshot(static_cast<const domain::PersonData&>(*current));
  const std::string after = Snapshot(data);
  if (before == after) return *current;  // nothing changed: nothing to store or audit
  if (auto ok = uow->People().Update(id, data, now); !ok) return std::move(ok).error();
  uow->Audit().Append(who, now, "update", "person", id, before, after);
  auto person = uow->People().FindById(id);
  uow->Commit();
  return *person;
}

core::Result<domain::Person> PeopleService::Get(std::int64_t id) {
  auto uow = store_.Read();
  auto person = uow->People().FindById(id);
  if (!person) return PersonNotFound();
  return *person;
}

core::Result<domain::Person> PeopleService::GetByNationalNo(const std::string& national_no) {
  auto uow = store_.Read();
  auto person = uow->People().FindByNationalNo(national_no);
  if (!person) return PersonNotFound();
  return *person;
}

core::Result<Page<domain::Person>> PeopleService::Search(PeopleQuery query) {
  static const std::vector<std::string> kSorts{"name",         "-name",     "dateOfBirth",
                                               "-dateOfBirth", "createdAt", "-createdAt"};
  if (std::find(kSorts.begin(), kSorts.end(), query.sort) == kSorts.end()) {
    return core::Error::Invalid("sort", "one-of",
                                "Sort by name, dateOfBirth or createdAt, with '-' in front for descending order.");
  }
  if (query.q.size() > 100)
    return core::Error::Invalid("q", "max-length", "The search text has at most 100 characters.");
  auto uow = store_.Read();
  return uow->People().Search(query);
}

core::Result<domain::Person> PeopleService::SetPhoto(const Principal& who, std::int64_t id, std::string_view bytes) {
  if (bytes.empty()) return core::Error::Invalid("photo", "required", "Send the photo as the request body.");
  if (bytes.size() > kMaxPhotoBytes) {
    return core::Error{core::ErrorCode::kTooLarge,
                       "photo-too-large",
                       "A photo is at most 2 MB.",
                       {{"photo", "max-size", "A photo is at most 2 MB."}}};
  }
  auto photo = images_.Process(bytes);
  if (!photo) return std::move(photo).error();
  photo->sha256 = core::Sha256Hex(bytes);
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto person = uow->People().FindById(id);
  if (!person) return PersonNotFound();
  uow->People().SavePhoto(id, *photo, now);
  uow->Audit().Append(who, now, person->has_photo ? "replace-photo" : "add-photo", "person", id, std::nullopt,
                      core::JsonObject().Add("photoSha256", photo->sha256).str());
  auto updated = uow->People().FindById(id);
  uow->Commit();
  return *updated;
}

core::Status PeopleService::RemovePhoto(const Principal& who, std::int64_t id) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  if (!uow->People().FindById(id)) return PersonNotFound();
  if (!uow->People().DeletePhoto(id)) {
    return core::Error::Of(core::ErrorCode::kNotFound, "photo-not-found", "This person has no photo.");
  }
  uow->Audit().Append(who, now, "remove-photo", "person", id, std::nullopt, std::nullopt);
  uow->Commit();
  return core::OkStatus();
}

core::Result<std::string> PeopleService::GetPhoto(std::int64_t id, bool thumbnail) {
  auto uow = store_.Read();
  auto bytes = uow->People().LoadPhoto(id, thumbnail);
  if (!bytes) return core::Error::Of(core::ErrorCode::kNotFound, "photo-not-found", "This person has no photo.");
  return std::move(*bytes);
}

}  // namespace dvld::app
