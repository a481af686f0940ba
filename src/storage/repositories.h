// SQL repositories behind the app ports, written once for both dialects.
#pragma once
#include "app/ports/store.h"
#include "storage/db.h"

namespace dvld::storage {

class SqlUserRepository final : public app::UserRepository {
 public:
  explicit SqlUserRepository(Connection& c) : c_(c) {}
  std::optional<app::UserRecord> FindById(std::int64_t id) override;
  std::optional<app::UserRecord> FindByUsername(std::string_view username) override;
  std::optional<std::int64_t> Insert(const app::UserRecord& user) override;
  void UpdatePasswordHash(std::int64_t id, const std::string& hash, core::SysTime now) override;

 private:
  Connection& c_;
};

class SqlSessionRepository final : public app::SessionRepository {
 public:
  explicit SqlSessionRepository(Connection& c) : c_(c) {}
  std::int64_t Insert(const app::SessionRecord& session) override;
  std::optional<app::SessionRecord> FindByTokenHash(std::string_view token_hash) override;
  void Touch(std::int64_t id, core::SysTime last_seen_at) override;
  bool DeleteByTokenHash(std::string_view token_hash) override;
  std::int64_t DeleteExpired(core::SysTime now, core::SysTime idle_cutoff) override;

 private:
  Connection& c_;
};

// Text <-> time helpers shared by repositories.
std::string Ts(core::SysTime t);
core::SysTime ParseTs(const std::string& text);

}  // namespace dvld::storage
