// The people registry: register, correct, find and search people; their photos.
#pragma once
#include <optional>
#include <string>

#include "app/ports/store.h"
#include "core/clock.h"
#include "core/result.h"

namespace dvld::app {

// A partial change: only the fields present are changed.
struct PersonPatch {
  template <typename T>
  using Field = std::optional<T>;
  // For optional fields an empty string clears them.
  Field<std::optional<std::string>> national_no, document_type, document_no, third_name_ar, third_name_en, phone,
      email;
  Field<std::string> first_name_ar, second_name_ar, last_name_ar, first_name_en, second_name_en, last_name_en,
      date_of_birth, gender, nationality_code, address;
  Field<bool> deceased;
};

class PeopleService {
 public:
  PeopleService(Store& store, const core::Clock& clock, ImageProcessor& images)
      : store_(store), clock_(clock), images_(images) {}

  core::Result<domain::Person> Register(const Principal& who, domain::PersonData data);
  core::Result<domain::Person> Update(const Principal& who, std::int64_t id, const PersonPatch& patch);
  core::Result<domain::Person> Get(std::int64_t id);
  core::Result<domain::Person> GetByNationalNo(const std::string& national_no);
  core::Result<Page<domain::Person>> Search(PeopleQuery query);

  static constexpr std::size_t kMaxPhotoBytes = 2 * 1024 * 1024;
  core::Result<domain::Person> SetPhoto(const Principal& who, std::int64_t id, std::string_view bytes);
  core::Status RemovePhoto(const Principal& who, std::int64_t id);
  core::Result<std::string> GetPhoto(std::int64_t id, bool thumbnail);

 private:
  core::Status CheckReferences(UnitOfWork& uow, const domain::PersonData& data);
  Store& store_;
  const core::Clock& clock_;
  ImageProcessor& images_;
};

core::Error PersonNotFound();

}  // namespace dvld::app
