// The storage ports the use cases need: repositories reached through a unit of work (one
// transaction), opened from a Store. storage/ implements them for SQLite and PostgreSQL.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "domain/accounts/role.h"

namespace dvld::app {

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string password_hash;
  domain::Role role = domain::Role::kClerk;
  std::int64_t branch_id = 0;
  std::optional<std::int64_t> person_id;
  bool active = true;
  core::SysTime created_at{};
};

struct SessionRecord {
  std::int64_t id = 0;
  std::string token_hash;  // SHA-256 of the token; the token itself is never stored
  std::int64_t user_id = 0;
  core::SysTime created_at{};
  core::SysTime expires_at{};
  core::SysTime last_seen_at{};
  std::string ip;
  std::string user_agent;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<UserRecord> FindById(std::int64_t id) = 0;
  virtual std::optional<UserRecord> FindByUsername(std::string_view username) = 0;
  // Returns the new id; nullopt when the user name is taken.
  virtual std::optional<std::int64_t> Insert(const UserRecord& user) = 0;
  virtual void UpdatePasswordHash(std::int64_t id, const std::string& hash, core::SysTime now) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual std::int64_t Insert(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> FindByTokenHash(std::string_view token_hash) = 0;
  virtual void Touch(std::int64_t id, core::SysTime last_seen_at) = 0;
  virtual bool DeleteByTokenHash(std::string_view token_hash) = 0;
  // Removes sessions that have expired by `now`; returns how many.
  virtual std::int64_t DeleteExpired(core::SysTime now, core::SysTime idle_cutoff) = 0;
};

// One transaction. Destroying it without Commit() rolls back.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual UserRepository& Users() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual void Commit() = 0;
};

struct StoreStats {
  std::size_t connections = 0;
  std::size_t in_use = 0;
  std::size_t waiting = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // A read-only transaction (a consistent snapshot).
  virtual std::unique_ptr<UnitOfWork> Read() = 0;
  // A write transaction (on SQLite it takes the write lock at once: BEGIN IMMEDIATE).
  virtual std::unique_ptr<UnitOfWork> Write() = 0;
  // True when the database answers and its schema is at the version this binary expects.
  virtual bool Ready() = 0;
  virtual StoreStats Stats() = 0;
};

}  // namespace dvld::app
