#include "app/setup_service.h"

#include "app/snapshots.h"
#include "core/crypto.h"
#include "domain/accounts/password_policy.h"

namespace dvld::app {

core::Result<AdminSetup> SetupService::EnsureAdministrator(const std::optional<std::string>& password) {
  static constexpr std::string_view kUsername = "admin";
  {
    auto uow = store_.Read();
    if (uow->Users().FindByUsername(kUsername)) return AdminSetup{};
  }
  AdminSetup out{true, {}};
  std::string chosen;
  if (password && !password->empty()) {
    if (auto ok = domain::CheckPasswordStrength(*password, kUsername, "DVLD_ADMIN_PASSWORD"); !ok) {
      return std::move(ok).error();
    }
    chosen = *password;
  } else {
    chosen = core::GeneratePassword(16);
    out.password = chosen;
  }
  const auto now = clock_.Now();
  UserRecord admin;
  admin.username = std::string(kUsername);
  admin.password_hash = core::HashPassword(chosen);
  admin.role = domain::Role::kAdministrator;
  admin.branch_id = 1;  // head office, seeded by the reference data migration
  admin.created_at = now;
  admin.updated_at = now;
  auto uow = store_.Write();
  auto id = uow->Users().Insert(admin);
  if (!id) return AdminSetup{};  // created meanwhile by another process
  uow->Audit().Append(Principal::System(), now, "create", "user", *id, std::nullopt, Snapshot(admin));
  uow->Commit();
  return out;
}

}  // namespace dvld::app
