// First-run set-up: the administrator account that `dvld init` creates.
#pragma once
#include <optional>
#include <string>

#include "app/ports/store.h"
#include "core/clock.h"
#include "core/result.h"

namespace dvld::app {

struct AdminSetup {
  bool created = false;
  std::string password;  // the generated password, shown once; empty when given or not created
};

class SetupService {
 public:
  SetupService(Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  // Creates user `admin` (administrator, head office) unless it exists. With no password given, one
  // is generated and returned. A given password must meet the password policy.
  core::Result<AdminSetup> EnsureAdministrator(const std::optional<std::string>& password);

 private:
  Store& store_;
  const core::Clock& clock_;
};

}  // namespace dvld::app
