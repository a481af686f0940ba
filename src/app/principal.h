// Who is acting: a signed-in staff member (later also a partner API key or a citizen).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/accounts/role.h"

namespace dvld::app {

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  domain::Role role = domain::Role::kAuditor;
  std::int64_t branch_id = 0;
  std::optional<std::int64_t> person_id;

  bool Can(std::string_view permission) const { return domain::HasPermission(role, permission); }
};

}  // namespace dvld::app
