#include "http/dto/users.h"

#include "http/dto/common.h"

namespace dvld::http::dto {

boost::json::object PrincipalJson(const app::Principal& p) {
  boost::json::array perms;
  if (p.kind == app::Principal::Kind::kApiKey) {
    for (auto perm : domain::PermissionsOf(p.scope)) perms.emplace_back(perm);
    return {{"kind", "api-key"},
            {"id", p.api_key_id},
            {"name", p.username},
            {"scope", domain::ApiScopeName(p.scope)},
            {"permissions", std::move(perms)}};
  }
  for (auto perm : domain::PermissionsOf(p.role)) perms.emplace_back(perm);
  return {{"kind", "user"},
          {"id", p.user_id},
          {"username", p.username},
          {"role", domain::RoleName(p.role)},
          {"branchId", p.branch_id},
          {"personId", OptInt(p.person_id)},
          {"permissions", std::move(perms)}};
}

boost::json::object UserJson(const app::UserRecord& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"role", domain::RoleName(u.role)},
          {"branchId", u.branch_id},
          {"branchNameEn", u.branch_name_en},
          {"branchNameAr", u.branch_name_ar},
          {"personId", OptInt(u.person_id)},
          {"personNameEn", OptString(u.person_name_en)},
          {"personNameAr", OptString(u.person_name_ar)},
          {"active", u.active},
          {"failedAttempts", u.failed_attempts},
          {"lockedUntil", OptTime(u.locked_until)},
          {"createdAt", core::FormatTimestamp(u.created_at)},
          {"updatedAt", core::FormatTimestamp(u.updated_at)}};
}

boost::json::object ApiKeyJson(const app::ApiKeyRecord& k) {
  return {{"id", k.id},
          {"name", k.name},
          {"scope", domain::ApiScopeName(k.scope)},
          {"prefix", k.prefix},
          {"createdAt", core::FormatTimestamp(k.created_at)},
          {"revokedAt", OptTime(k.revoked_at)}};
}

boost::json::object BranchJson(const app::Branch& b) {
  return {{"id", b.id},          {"code", b.code},      {"nameAr", b.name_ar}, {"nameEn", b.name_en},
          {"cityAr", b.city_ar}, {"cityEn", b.city_en}, {"active", b.active}};
}

boost::json::object LicenseClassJson(const app::LicenseClass& c) {
  return {{"id", c.id},
          {"code", c.code},
          {"nameAr", c.name_ar},
          {"nameEn", c.name_en},
          {"minimumAge", c.minimum_age},
          {"validityYears", c.validity_years},
          {"fee", c.fee_fils},
          {"currency", "JOD"}};
}

boost::json::object FeeItemJson(const app::FeeItem& f, bool with_sequence) {
  boost::json::object o{{"id", f.id},          {"code", f.code},    {"nameAr", f.name_ar},
                        {"nameEn", f.name_en}, {"fee", f.fee_fils}, {"currency", "JOD"}};
  if (with_sequence) {
    o["sequence"] = f.sequence;
    o["dailyCapacity"] = f.daily_capacity;
  }
  return o;
}

boost::json::object CountryJson(const app::Country& c) {
  return {{"code", c.code}, {"nameEn", c.name_en}, {"nameAr", c.name_ar}};
}

boost::json::object AuditJson(const app::AuditEntry& e) {
  auto parse = [](const std::optional<std::string>& j) -> boost::json::value {
    if (!j) return nullptr;
    boost::system::error_code ec;
    auto v = boost::json::parse(*j, ec);
    return ec ? boost::json::value(*j) : v;
  };
  return {{"id", e.seq},
          {"seq", e.seq},
          {"at", core::FormatTimestamp(e.at)},
          {"actorType", e.actor_type},
          {"actorId", OptInt(e.actor_id)},
          {"actorName", e.actor_name},
          {"action", e.action},
          {"entity", e.entity},
          {"entityId", OptInt(e.entity_id)},
          {"before", parse(e.before_json)},
          {"after", parse(e.after_json)},
          {"branchId", OptInt(e.branch_id)},
          {"requestId", e.request_id},
          {"prevHash", e.prev_hash},
          {"hash", e.hash}};
}

}  // namespace dvld::http::dto
