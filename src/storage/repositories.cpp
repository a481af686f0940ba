#include "storage/repositories.h"

namespace dvld::storage {

std::string Ts(core::SysTime t) { return core::FormatTimestamp(t); }

core::SysTime ParseTs(const std::string& text) {
  core::SysTime t{};
  if (!core::ParseTimestamp(text, t)) throw DbError(DbError::Kind::kOther, "stored timestamp is malformed: " + text);
  return t;
}

namespace {

constexpr const char* kUserColumns =
    "SELECT id, username, password_hash, role, branch_id, person_id, active, created_at FROM users ";

std::optional<app::UserRecord> UserFrom(const Rows& r) {
  if (r.empty()) return std::nullopt;
  app::UserRecord u;
  u.id = r.Int(0, 0);
  u.username = r.Text(0, 1);
  u.password_hash = r.Text(0, 2);
  const auto role = domain::ParseRole(r.Text(0, 3));
  if (!role) throw DbError(DbError::Kind::kOther, "stored role is unknown: " + r.Text(0, 3));
  u.role = *role;
  u.branch_id = r.Int(0, 4);
  u.person_id = r.OptInt(0, 5);
  u.active = r.Bool(0, 6);
  u.created_at = ParseTs(r.Text(0, 7));
  return u;
}

Param OptId(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(Null{}); }

}  // namespace

std::optional<app::UserRecord> SqlUserRepository::FindById(std::int64_t id) {
  return UserFrom(c_.Query(std::string(kUserColumns) + "WHERE id = $1", {id}));
}

std::optional<app::UserRecord> SqlUserRepository::FindByUsername(std::string_view username) {
  return UserFrom(c_.Query(std::string(kUserColumns) + "WHERE username = $1", {username}));
}

std::optional<std::int64_t> SqlUserRepository::Insert(const app::UserRecord& u) {
  try {
    const auto ts = Ts(u.created_at);
    auto rows = c_.Query(
        "INSERT INTO users (username, password_hash, role, branch_id, person_id, active, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        {u.username, u.password_hash, std::string(domain::RoleName(u.role)), u.branch_id, OptId(u.person_id),
         std::int64_t{u.active ? 1 : 0}, ts});
    return rows.Int(0, 0);
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) return std::nullopt;
    throw;
  }
}

void SqlUserRepository::UpdatePasswordHash(std::int64_t id, const std::string& hash, core::SysTime now) {
  c_.Execute("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3", {hash, Ts(now), id});
}

std::int64_t SqlSessionRepository::Insert(const app::SessionRecord& s) {
  auto rows = c_.Query(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {s.token_hash, s.user_id, Ts(s.created_at), Ts(s.expires_at), Ts(s.last_seen_at), s.ip, s.user_agent});
  return rows.Int(0, 0);
}

std::optional<app::SessionRecord> SqlSessionRepository::FindByTokenHash(std::string_view token_hash) {
  auto r = c_.Query(
      "SELECT id, token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent FROM sessions "
      "WHERE token_hash = $1",
      {token_hash});
  if (r.empty()) return std::nullopt;
  return app::SessionRecord{r.Int(0, 0),           r.Text(0, 1),          r.Int(0, 2),
                            ParseTs(r.Text(0, 3)), ParseTs(r.Text(0, 4)), ParseTs(r.Text(0, 5)),
                            r.Text(0, 6),          r.Text(0, 7)};
}

void SqlSessionRepository::Touch(std::int64_t id, core::SysTime last_seen_at) {
  c_.Execute("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", {Ts(last_seen_at), id});
}

bool SqlSessionRepository::DeleteByTokenHash(std::string_view token_hash) {
  return c_.Execute("DELETE FROM sessions WHERE token_hash = $1", {token_hash}) > 0;
}

std::int64_t SqlSessionRepository::DeleteExpired(core::SysTime now, core::SysTime idle_cutoff) {
  return c_.Execute("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2", {Ts(now), Ts(idle_cutoff)});
}

}  // namespace dvld::storage
