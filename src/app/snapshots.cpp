#include "app/snapshots.h"

#include "core/json_writer.h"

namespace dvld::app {

std::string Snapshot(const domain::PersonData& p) {
  return core::JsonObject()
      .Add("nationalNo", p.national_no)
      .Add("documentType", p.document_type)
      .Add("documentNo", p.document_no)
      .Add("firstNameAr", p.first_name_ar)
      .Add("secondNameAr", p.second_name_ar)
      .Add("thirdNameAr", p.third_name_ar)
      .Add("lastNameAr", p.last_name_ar)
      .Add("firstNameEn", p.first_name_en)
      .Add("secondNameEn", p.second_name_en)
      .Add("thirdNameEn", p.third_name_en)
      .Add("lastNameEn", p.last_name_en)
      .Add("dateOfBirth", p.date_of_birth)
      .Add("gender", p.gender)
      .Add("nationalityCode", p.nationality_code)
      .Add("address", p.address)
      .Add("phone", p.phone)
      .Add("email", p.email)
      .Add("deceased", p.deceased)
      .str();
}

std::string Snapshot(const UserRecord& u) {
  core::JsonObject o;
  o.Add("username", u.username)
      .Add("role", domain::RoleName(u.role))
      .Add("branchId", u.branch_id)
      .Add("personId", u.person_id)
      .Add("active", u.active)
      .Add("failedAttempts", u.failed_attempts);
  if (u.locked_until)
    o.Add("lockedUntil", core::FormatTimestamp(*u.locked_until));
  else
    o.AddNull("lockedUntil");
  return o.str();
}

std::string Snapshot(const ApiKeyRecord& k) {
  core::JsonObject o;
  o.Add("name", k.name).Add("scope", domain::ApiScopeName(k.scope)).Add("prefix", k.prefix);
  if (k.revoked_at)
    o.Add("revokedAt", core::FormatTimestamp(*k.revoked_at));
  else
    o.AddNull("revokedAt");
  return o.str();
}

std::string Snapshot(const Branch& b) {
  return core::JsonObject()
      .Add("code", b.code)
      .Add("nameAr", b.name_ar)
      .Add("nameEn", b.name_en)
      .Add("cityAr", b.city_ar)
      .Add("cityEn", b.city_en)
      .Add("active", b.active)
      .str();
}

std::string Snapshot(const LicenseClass& c) {
  return core::JsonObject()
      .Add("code", c.code)
      .Add("nameAr", c.name_ar)
      .Add("nameEn", c.name_en)
      .Add("minimumAge", c.minimum_age)
      .Add("validityYears", c.validity_years)
      .Add("feeFils", c.fee_fils)
      .str();
}

std::string Snapshot(const FeeItem& f) {
  auto o = core::JsonObject()
               .Add("code", f.code)
               .Add("nameAr", f.name_ar)
               .Add("nameEn", f.name_en)
               .Add("feeFils", f.fee_fils);
  if (f.sequence > 0) o.Add("dailyCapacity", std::int64_t{f.daily_capacity});  // tests only
  return o.str();
}

}  // namespace dvld::app
