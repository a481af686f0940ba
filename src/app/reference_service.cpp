#include "app/reference_service.h"

#include <algorithm>
#include <cctype>

#include "app/snapshots.h"

namespace dvld::app {
namespace {

core::Error NotFound(const char* what) {
  return core::Error::Of(core::ErrorCode::kNotFound, std::string(what) + "-not-found", "No such record.");
}

void CheckNames(core::Error& e, const std::string& ar, const std::string& en) {
  if (ar.empty())
    e.fields.push_back({"nameAr", "required", "The Arabic name is required."});
  else if (ar.size() > 200)
    e.fields.push_back({"nameAr", "max-length", "The Arabic name is too long."});
  if (en.empty())
    e.fields.push_back({"nameEn", "required", "The English name is required."});
  else if (en.size() > 200)
    e.fields.push_back({"nameEn", "max-length", "The English name is too long."});
}

void CheckFee(core::Error& e, std::int64_t fee) {
  if (fee < 0 || fee > ReferenceService::kMaxFeeFils) {
    e.fields.push_back({"fee", "range", "The fee is between 0 and 10000 JOD, in fils."});
  }
}

core::Error Invalid() {
  return {core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
}

}  // namespace

std::vector<Country> ReferenceService::Countries() { return store_.Read()->Reference().Countries(); }
std::vector<Branch> ReferenceService::Branches() { return store_.Read()->Reference().Branches(); }
std::vector<LicenseClass> ReferenceService::LicenseClasses() { return store_.Read()->Reference().LicenseClasses(); }
std::vector<FeeItem> ReferenceService::ApplicationTypes() { return store_.Read()->Reference().ApplicationTypes(); }
std::vector<FeeItem> ReferenceService::TestTypes() { return store_.Read()->Reference().TestTypes(); }

core::Result<Branch> ReferenceService::CreateBranch(const Principal& who, Branch branch) {
  auto e = Invalid();
  std::transform(branch.code.begin(), branch.code.end(), branch.code.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  if (branch.code.size() < 2 || branch.code.size() > 8 ||
      !std::all_of(branch.code.begin(), branch.code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    e.fields.push_back({"code", "format", "The office code has 2 to 8 letters."});
  }
  CheckNames(e, branch.name_ar, branch.name_en);
  if (branch.city_ar.empty()) e.fields.push_back({"cityAr", "required", "The city (Arabic) is required."});
  if (branch.city_en.empty()) e.fields.push_back({"cityEn", "required", "The city (English) is required."});
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto id = uow->Reference().InsertBranch(branch);
  if (!id) return std::move(id).error();
  branch.id = *id;
  uow->Audit().Append(who, now, "create", "branch", *id, std::nullopt, Snapshot(branch));
  uow->Commit();
  return branch;
}

core::Result<Branch> ReferenceService::UpdateBranch(const Principal& who, Branch branch) {
  auto e = Invalid();
  CheckNames(e, branch.name_ar, branch.name_en);
  if (branch.city_ar.empty()) e.fields.push_back({"cityAr", "required", "The city (Arabic) is required."});
  if (branch.city_en.empty()) e.fields.push_back({"cityEn", "required", "The city (English) is required."});
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto current = uow->Reference().FindBranch(branch.id);
  if (!current) return NotFound("branch");
  branch.code = current->code;  // the code identifies the office and does not change
  const auto before = Snapshot(*current), after = Snapshot(branch);
  if (before == after) return branch;
  if (auto ok = uow->Reference().UpdateBranch(branch); !ok) return std::move(ok).error();
  uow->Audit().Append(who, now, "update", "branch", branch.id, before, after);
  uow->Commit();
  return branch;
}

core::Result<LicenseClass> ReferenceService::UpdateLicenseClass(const Principal& who, LicenseClass c) {
  auto e = Invalid();
  CheckNames(e, c.name_ar, c.name_en);
  CheckFee(e, c.fee_fils);
  if (c.minimum_age < 16 || c.minimum_age > 99)
    e.fields.push_back({"minimumAge", "range", "The minimum age is 16 to 99."});
  if (c.validity_years < 1 || c.validity_years > 20) {
    e.fields.push_back({"validityYears", "range", "The validity is 1 to 20 years."});
  }
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto current = uow->Reference().FindLicenseClass(c.id);
  if (!current) return NotFound("license-class");
  c.code = current->code;
  const auto before = Snapshot(*current), after = Snapshot(c);
  if (before == after) return c;
  uow->Reference().UpdateLicenseClass(c);
  uow->Audit().Append(who, now, "update", "license_class", c.id, before, after);
  uow->Commit();
  return c;
}

namespace {
// Services and tests are both a code, names and a fee: one update for both.
template <typename Find, typename Save>
core::Result<FeeItem> UpdateFeeItem(Store& store, const core::Clock& clock, const Principal& who, FeeItem item,
                                    const char* entity, const char* not_found, Find find, Save save) {
  auto e = Invalid();
  CheckNames(e, item.name_ar, item.name_en);
  CheckFee(e, item.fee_fils);
  if (!e.fields.empty()) return e;
  const auto now = clock.Now();
  auto uow = store.Write();
  auto current = find(uow->Reference(), item.id);
  if (!current) return NotFound(not_found);
  item.code = current->code;
  item.sequence = current->sequence;  // the order of tests is a rule, not a setting
  if (item.daily_capacity < 0 || item.sequence == 0) item.daily_capacity = current->daily_capacity;
  const auto before = Snapshot(*current), after = Snapshot(item);
  if (before == after) return item;
  save(uow->Reference(), item);
  uow->Audit().Append(who, now, "update", entity, item.id, before, after);
  uow->Commit();
  return item;
}
}  // namespace

core::Result<FeeItem> ReferenceService::UpdateApplicationType(const Principal& who, FeeItem item) {
  return UpdateFeeItem(
      store_, clock_, who, std::move(item), "application_type", "application-type",
      [](ReferenceRepository& r, std::int64_t id) { return r.FindApplicationType(id); },
      [](ReferenceRepository& r, const FeeItem& f) { r.UpdateApplicationType(f); });
}

core::Result<FeeItem> ReferenceService::UpdateTestType(const Principal& who, FeeItem item) {
  return UpdateFeeItem(
      store_, clock_, who, std::move(item), "test_type", "test-type",
      [](ReferenceRepository& r, std::int64_t id) { return r.FindTestType(id); },
      [](ReferenceRepository& r, const FeeItem& f) { r.UpdateTestType(f); });
}

}  // namespace dvld::app
