#include "app/staff_service.h"

#include "app/snapshots.h"
#include "core/crypto.h"
#include "domain/accounts/account_rules.h"
#include "domain/accounts/password_policy.h"

namespace dvld::app {
namespace {
core::Error UserNotFound() {
  return core::Error::Of(core::ErrorCode::kNotFound, "user-not-found", "No such staff account.");
}
}  // namespace

core::Status StaffService::CheckBranchAndPerson(UnitOfWork& uow, std::int64_t branch_id,
                                                std::optional<std::int64_t> person_id, std::int64_t user_id) {
  auto branch = uow.Reference().FindBranch(branch_id);
  if (!branch) return core::Error::Invalid("branchId", "unknown-branch", "No office has this id.");
  if (!branch->active) return core::Error::Invalid("branchId", "inactive-branch", "This office is closed.");
  if (person_id) {
    auto person = uow.People().FindById(*person_id);
    if (!person) return core::Error::Invalid("personId", "unknown-person", "No person has this id.");
    if (person->deceased) {
      return core::Error{core::ErrorCode::kConflict,
                         "person-deceased",
                         "A deceased person cannot hold an account.",
                         {{"personId", "deceased", "This person is recorded as deceased."}}};
    }
    auto holder = uow.Users().FindByPersonId(*person_id);
    if (holder && holder->id != user_id) {
      return core::Error{core::ErrorCode::kConflict,
                         "person-has-account",
                         "This person already holds the staff account " + holder->username + ".",
                         {{"personId", "unique", "This person already holds a staff account."}}};
    }
  }
  return core::OkStatus();
}

core::Result<UserRecord> StaffService::Create(const Principal& who, const NewStaffAccount& input) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (auto ok = domain::CheckUsername(input.username); !ok) e.fields.push_back(ok.error().fields.at(0));
  if (auto ok = domain::CheckPasswordStrength(input.password, input.username, "password"); !ok) {
    e.fields.push_back(ok.error().fields.at(0));
  }
  const auto role = domain::ParseRole(input.role);
  if (!role) {
    e.fields.push_back({"role", "one-of", "The role is administrator, clerk, examiner, officer, finance or auditor."});
  }
  if (!e.fields.empty()) return e;

  const auto hash = core::HashPassword(input.password);
  const auto now = clock_.Now();
  auto uow = store_.Write();
  if (auto ok = CheckBranchAndPerson(*uow, input.branch_id, input.person_id, 0); !ok) return std::move(ok).error();
  UserRecord user;
  user.username = input.username;
  user.password_hash = hash;
  user.role = *role;
  user.branch_id = input.branch_id;
  user.person_id = input.person_id;
  user.created_at = now;
  user.updated_at = now;
  auto id = uow->Users().Insert(user);
  if (!id) return std::move(id).error();
  uow->Audit().Append(who, now, "create", "user", *id, std::nullopt, Snapshot(user));
  auto created = uow->Users().FindById(*id);
  uow->Commit();
  return *created;
}

core::Result<UserRecord> StaffService::Update(const Principal& who, std::int64_t id, const StaffPatch& patch) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto user = uow->Users().FindById(id);
  if (!user) return UserNotFound();
  const auto before = Snapshot(*user);
  const bool was_active_admin = user->active && user->role == domain::Role::kAdministrator;
  if (patch.role) {
    auto role = domain::ParseRole(*patch.role);
    if (!role) {
      return core::Error::Invalid("role", "one-of",
                                  "The role is administrator, clerk, examiner, officer, finance or auditor.");
    }
    user->role = *role;
  }
  if (patch.branch_id) user->branch_id = *patch.branch_id;
  if (patch.active) user->active = *patch.active;
  if (patch.person_id) user->person_id = *patch.person_id;
  if (who.IsUser() && who.user_id == id && (!user->active || user->role != domain::Role::kAdministrator) &&
      was_active_admin) {
    return core::Error::Of(core::ErrorCode::kConflict, "cannot-demote-self",
                           "You cannot deactivate your own account or remove your own administrator role.");
  }
  if (was_active_admin && (!user->active || user->role != domain::Role::kAdministrator) &&
      uow->Users().CountActiveAdministrators() <= 1) {
    return core::Error::Of(core::ErrorCode::kConflict, "last-administrator",
                           "This is the last active administrator; appoint another one first.");
  }
  if (auto ok = CheckBranchAndPerson(*uow, user->branch_id, user->person_id, user->id); !ok) {
    return std::move(ok).error();
  }
  const auto after = Snapshot(*user);
  if (after == before) return *user;
  user->updated_at = now;
  if (auto ok = uow->Users().Update(*user); !ok) return std::move(ok).error();
  if (!user->active) uow->Sessions().DeleteForUser(user->id);
  uow->Audit().Append(who, now, "update", "user", id, before, after);
  auto updated = uow->Users().FindById(id);
  uow->Commit();
  AccountsChanged();
  return *updated;
}

core::Status StaffService::ResetPassword(const Principal& who, std::int64_t id, const std::string& password) {
  std::optional<UserRecord> user;
  {
    auto uow = store_.Read();
    user = uow->Users().FindById(id);
  }
  if (!user) return UserNotFound();
  if (auto ok = domain::CheckPasswordStrength(password, user->username, "password"); !ok) return ok;
  const auto hash = core::HashPassword(password);
  const auto now = clock_.Now();
  auto uow = store_.Write();
  user = uow->Users().FindById(id);
  if (!user) return UserNotFound();
  const auto before = Snapshot(*user);
  user->password_hash = hash;
  user->failed_attempts = 0;
  user->locked_until.reset();
  user->updated_at = now;
  if (auto ok = uow->Users().Update(*user); !ok) return ok;
  uow->Sessions().DeleteForUser(id);
  uow->Audit().Append(who, now, "reset-password", "user", id, before, Snapshot(*user));
  uow->Commit();
  AccountsChanged();
  return core::OkStatus();
}

core::Status StaffService::Unlock(const Principal& who, std::int64_t id) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto user = uow->Users().FindById(id);
  if (!user) return UserNotFound();
  if (user->failed_attempts == 0 && !domain::IsLocked(user->locked_until, now)) return core::OkStatus();
  const auto before = Snapshot(*user);
  user->failed_attempts = 0;
  user->locked_until.reset();
  user->updated_at = now;
  if (auto ok = uow->Users().Update(*user); !ok) return ok;
  uow->Audit().Append(who, now, "unlock", "user", id, before, Snapshot(*user));
  uow->Commit();
  AccountsChanged();
  return core::OkStatus();
}

core::Result<UserRecord> StaffService::Get(std::int64_t id) {
  auto uow = store_.Read();
  auto user = uow->Users().FindById(id);
  if (!user) return UserNotFound();
  return *user;
}

core::Result<Page<UserRecord>> StaffService::List(const UserFilter& filter, const PageRequest& page) {
  auto uow = store_.Read();
  return uow->Users().List(filter, page);
}

}  // namespace dvld::app
