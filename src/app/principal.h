// Who is acting, and in which request: a signed-in staff member, a partner system's API key, or
// the system itself (init, demo data). Services take it to check permissions and to audit.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/accounts/role.h"

namespace dvld::app {

struct Principal {
  enum class Kind { kUser, kApiKey, kSystem };
  Kind kind = Kind::kUser;
  std::int64_t user_id = 0;  // kUser
  std::string username;      // kUser: user name; kApiKey: the key's name; kSystem: "system"
  domain::Role role = domain::Role::kAuditor;
  std::int64_t branch_id = 0;
  std::optional<std::int64_t> person_id;
  std::int64_t api_key_id = 0;  // kApiKey
  domain::ApiScope scope = domain::ApiScope::kPolice;
  std::string request_id;  // ties audit entries to the request's log line

  bool Can(std::string_view permission) const {
    switch (kind) {
      case Kind::kUser: return domain::HasPermission(role, permission);
      case Kind::kApiKey: return domain::HasPermission(scope, permission);
      case Kind::kSystem: return true;
    }
    return false;
  }
  bool IsUser() const { return kind == Kind::kUser; }

  static Principal System(std::string request_id = {}) {
    Principal p;
    p.kind = Kind::kSystem;
    p.username = "system";
    p.role = domain::Role::kAdministrator;
    p.request_id = std::move(request_id);
    return p;
  }
};

}  // namespace dvld::app
