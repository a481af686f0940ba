#include "http/dto/users.h"

namespace dvld::http::dto {

boost::json::object PrincipalJson(const app::Principal& p) {
  boost::json::array perms;
  for (auto perm : domain::PermissionsOf(p.role)) perms.emplace_back(perm);
  boost::json::object o{{"id", p.user_id},
                        {"username", p.username},
                        {"role", domain::RoleName(p.role)},
                        {"branchId", p.branch_id},
                        {"permissions", std::move(perms)}};
  if (p.person_id) o["personId"] = *p.person_id;
  else o["personId"] = nullptr;
  return o;
}

}  // namespace dvld::http::dto
