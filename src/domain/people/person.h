// A person in the registry (DOMAIN.md section 1) and the rules a record must satisfy: identity
// numbers, names in both scripts, date of birth, phone (E.164), email. Field names in errors are
// the API's (camelCase) so that a form can show each error on its field.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/result.h"

namespace dvld::domain {

inline constexpr std::string_view kJordan = "JO";

struct PersonData {
  std::optional<std::string> national_no;
  std::optional<std::string> document_type;  // "passport" | "residence-permit"
  std::optional<std::string> document_no;
  std::string first_name_ar, second_name_ar;
  std::optional<std::string> third_name_ar;
  std::string last_name_ar;
  std::string first_name_en, second_name_en;
  std::optional<std::string> third_name_en;
  std::string last_name_en;
  std::string date_of_birth;  // YYYY-MM-DD
  std::string gender;         // "male" | "female"
  std::string nationality_code;
  std::string address;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  bool deceased = false;
};

struct Person : PersonData {
  std::int64_t id = 0;
  bool has_photo = false;
  core::SysTime created_at{};
  core::SysTime updated_at{};
};

// Checks every rule and normalises in place (phone to E.164, e-mail domain to lower case,
// document number to upper case). Returns one error listing every offending field.
core::Status ValidatePerson(PersonData& person, core::Date today);

// "+962 79 123-4567", "0791234567" (Jordanian mobile) -> "+962791234567"; nullopt if not E.164.
std::optional<std::string> NormalisePhone(std::string_view phone);
bool IsValidEmail(std::string_view email);
bool IsArabicName(std::string_view name);
bool IsLatinName(std::string_view name);

std::string FullNameAr(const PersonData& p);
std::string FullNameEn(const PersonData& p);

// Search form of a name: Latin lower-cased; Arabic without diacritics and tatweel, with the alef
// forms, taa marbuta and alef maqsura folded, so that "احمد" finds "أحمد".
std::string NormaliseName(std::string_view name);
// Every normalised word of every name of the person, without duplicates: what search matches.
std::vector<std::string> SearchTerms(const PersonData& p);

}  // namespace dvld::domain
