// Staff accounts, managed by administrators: create, change role/branch/person, activate or
// deactivate, reset passwords, unlock.
#pragma once
#include <optional>
#include <string>

#include "app/ports/store.h"
#include "app/session_cache.h"
#include "core/clock.h"
#include "core/result.h"

namespace dvld::app {

struct NewStaffAccount {
  std::string username;
  std::string password;
  std::string role;
  std::int64_t branch_id = 0;
  std::optional<std::int64_t> person_id;
};

struct StaffPatch {
  std::optional<std::string> role;
  std::optional<std::int64_t> branch_id;
  std::optional<bool> active;
  std::optional<std::optional<std::int64_t>> person_id;  // present and empty: unlink the person
};

class StaffService {
 public:
  // `sessions`: the sign-in service's session cache, emptied whenever an account changes.
  StaffService(Store& store, const core::Clock& clock, SessionCache* sessions = nullptr)
      : store_(store), clock_(clock), sessions_(sessions) {}

  core::Result<UserRecord> Create(const Principal& who, const NewStaffAccount& input);  // slow: argon2id
  core::Result<UserRecord> Update(const Principal& who, std::int64_t id, const StaffPatch& patch);
  core::Status ResetPassword(const Principal& who, std::int64_t id, const std::string& password);  // slow
  core::Status Unlock(const Principal& who, std::int64_t id);
  core::Result<UserRecord> Get(std::int64_t id);
  core::Result<Page<UserRecord>> List(const UserFilter& filter, const PageRequest& page);

 private:
  core::Status CheckBranchAndPerson(UnitOfWork& uow, std::int64_t branch_id, std::optional<std::int64_t> person_id,
                                    std::int64_t user_id);
  Store& store_;
  const core::Clock& clock_;
  SessionCache* sessions_;
  void AccountsChanged() {
    if (sessions_) sessions_->Invalidate();
  }
};

}  // namespace dvld::app
