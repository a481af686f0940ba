#include "storage/repositories.h"

#include <cctype>
#include <stdexcept>
#include <utility>

#include "core/crypto.h"
#include "core/json_writer.h"
#include "storage/counting.h"
#include "storage/name_search.h"

namespace dvld::storage {

std::string Ts(core::SysTime t) { return core::FormatTimestamp(t); }

core::SysTime ParseTs(const std::string& text) {
  core::SysTime t{};
  if (!core::ParseTimestamp(text, t)) throw DbError(DbError::Kind::kOther, "stored timestamp is malformed: " + text);
  return t;
}

std::optional<core::SysTime> ParseOptTs(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  return ParseTs(*text);
}

namespace {

Param OptId(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(Null{}); }
Param OptText(const std::optional<std::string>& v) { return v ? Param(*v) : Param(Null{}); }
Param OptTime(const std::optional<core::SysTime>& v) { return v ? Param(Ts(*v)) : Param(Null{}); }
Param Bool(bool b) { return std::int64_t{b ? 1 : 0}; }

core::Error Conflict(std::string slug, std::string field, std::string message) {
  return core::Error{core::ErrorCode::kConflict, std::move(slug), message, {{std::move(field), "unique", message}}};
}

// ---------------------------------------------------------------- users

constexpr const char* kUserSelect =
    "SELECT u.id, u.username, u.password_hash, u.role, u.branch_id, u.person_id, u.active, u.failed_attempts, "
    "u.locked_until, u.created_at, u.updated_at, b.name_en, b.name_ar, "
    "p.first_name_en || ' ' || p.last_name_en, p.first_name_ar || ' ' || p.last_name_ar "
    "FROM users u JOIN branches b ON b.id = u.branch_id LEFT JOIN people p ON p.id = u.person_id ";

app::UserRecord UserAt(const Rows& r, std::size_t i) {
  app::UserRecord u;
  u.id = r.Int(i, 0);
  u.username = r.Text(i, 1);
  u.password_hash = r.Text(i, 2);
  const auto role = domain::ParseRole(r.Text(i, 3));
  if (!role) throw DbError(DbError::Kind::kOther, "stored role is unknown: " + r.Text(i, 3));
  u.role = *role;
  u.branch_id = r.Int(i, 4);
  u.person_id = r.OptInt(i, 5);
  u.active = r.Bool(i, 6);
  u.failed_attempts = static_cast<int>(r.Int(i, 7));
  u.locked_until = ParseOptTs(r.OptText(i, 8));
  u.created_at = ParseTs(r.Text(i, 9));
  u.updated_at = ParseTs(r.Text(i, 10));
  u.branch_name_en = r.Text(i, 11);
  u.branch_name_ar = r.Text(i, 12);
  u.person_name_en = r.OptText(i, 13);
  u.person_name_ar = r.OptText(i, 14);
  return u;
}

std::optional<app::UserRecord> FirstUser(const Rows& r) {
  if (r.empty()) return std::nullopt;
  return UserAt(r, 0);
}

core::Error UserConflict(const DbError& e) {
  if (e.constraint().find("person") != std::string::npos) {
    return Conflict("person-has-account", "personId", "This person already holds a staff account.");
  }
  return Conflict("username-taken", "username", "This user name is taken.");
}

}  // namespace

std::optional<app::UserRecord> SqlUserRepository::FindById(std::int64_t id) {
  return FirstUser(c_.Query(std::string(kUserSelect) + "WHERE u.id = $1", {id}));
}

std::optional<app::UserRecord> SqlUserRepository::FindByUsername(std::string_view username) {
  return FirstUser(c_.Query(std::string(kUserSelect) + "WHERE u.username = $1", {username}));
}

std::optional<app::UserRecord> SqlUserRepository::FindByPersonId(std::int64_t person_id) {
  return FirstUser(c_.Query(std::string(kUserSelect) + "WHERE u.person_id = $1", {person_id}));
}

core::Result<std::int64_t> SqlUserRepository::Insert(const app::UserRecord& u) {
  try {
    return c_.Insert(
        "INSERT INTO users (username, password_hash, role, branch_id, person_id, active, failed_attempts, "
        "locked_until, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        {u.username, u.password_hash, std::string(domain::RoleName(u.role)), u.branch_id, OptId(u.person_id),
         Bool(u.active), std::int64_t{u.failed_attempts}, OptTime(u.locked_until), Ts(u.created_at), Ts(u.updated_at)});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) return UserConflict(e);
    throw;
  }
}

core::Status SqlUserRepository::Update(const app::UserRecord& u) {
  try {
    c_.Execute(
        "UPDATE users SET password_hash = $1, role = $2, branch_id = $3, person_id = $4, active = $5, "
        "failed_attempts = $6, locked_until = $7, updated_at = $8 WHERE id = $9",
        {u.password_hash, std::string(domain::RoleName(u.role)), u.branch_id, OptId(u.person_id), Bool(u.active),
         std::int64_t{u.failed_attempts}, OptTime(u.locked_until), Ts(u.updated_at), u.id});
    return core::OkStatus();
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) return UserConflict(e);
    throw;
  }
}

app::Page<app::UserRecord> SqlUserRepository::List(const app::UserFilter& f, const app::PageRequest& page) {
  std::string where = "WHERE 1 = 1";
  std::vector<Param> params;
  auto add = [&](const std::string& cond, Param p) {
    params.push_back(std::move(p));
    std::string c = cond;
    c.replace(c.find('?'), 1, "$" + std::to_string(params.size()));
    where += " AND " + c;
  };
  if (!f.q.empty()) {
    add("u.username >= ?", f.q);
    add("u.username < ?", f.q + "\x7f");
  }
  if (f.role) add("u.role = ?", std::string(domain::RoleName(*f.role)));
  if (f.branch_id) add("u.branch_id = ?", *f.branch_id);
  if (f.active) add("u.active = ?", Bool(*f.active));
  app::Page<app::UserRecord> out;
  out.page = page.page;
  out.page_size = page.page_size;
  out.total = c_.Query("SELECT COUNT(*) FROM users u " + where, params).Int(0, 0);
  params.push_back(std::int64_t{page.page_size});
  params.push_back(page.Offset());
  const auto n = params.size();
  auto rows = c_.Query(std::string(kUserSelect) + where + " ORDER BY u.username LIMIT $" + std::to_string(n - 1) +
                           " OFFSET $" + std::to_string(n),
                       params);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(UserAt(rows, i));
  return out;
}

std::int64_t SqlUserRepository::CountActiveAdministrators() {
  return c_.Query("SELECT COUNT(*) FROM users WHERE role = 'administrator' AND active = 1").Int(0, 0);
}

// ---------------------------------------------------------------- sessions

std::int64_t SqlSessionRepository::Insert(const app::SessionRecord& s) {
  return c_.Insert(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {s.token_hash, s.user_id, Ts(s.created_at), Ts(s.expires_at), Ts(s.last_seen_at), s.ip, s.user_agent});
}

std::optional<app::SessionRecord> SqlSessionRepository::FindByTokenHash(std::string_view token_hash) {
  auto r = c_.Query(
      "SELECT id, token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent FROM sessions "
      "WHERE token_hash = $1",
      {token_hash});
  if (r.empty()) return std::nullopt;
  return app::SessionRecord{r.Int(0, 0),           r.Text(0, 1),          r.Int(0, 2),  ParseTs(r.Text(0, 3)),
                            ParseTs(r.Text(0, 4)), ParseTs(r.Text(0, 5)), r.Text(0, 6), r.Text(0, 7)};
}

void SqlSessionRepository::Touch(std::int64_t id, core::SysTime last_seen_at) {
  c_.Execute("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", {Ts(last_seen_at), id});
}

bool SqlSessionRepository::DeleteByTokenHash(std::string_view token_hash) {
  return c_.Execute("DELETE FROM sessions WHERE token_hash = $1", {token_hash}) > 0;
}

void SqlSessionRepository::DeleteForUser(std::int64_t user_id, std::string_view keep_token_hash) {
  c_.Execute("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2", {user_id, keep_token_hash});
}

std::int64_t SqlSessionRepository::DeleteExpired(core::SysTime now, core::SysTime idle_cutoff) {
  return c_.Execute("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2", {Ts(now), Ts(idle_cutoff)});
}

// ---------------------------------------------------------------- API keys

namespace {
constexpr const char* kKeySelect =
    "SELECT id, name, scope, prefix, key_hash, created_by, created_at, revoked_at FROM api_keys ";

app::ApiKeyRecord KeyAt(const Rows& r, std::size_t i) {
  app::ApiKeyRecord k;
  k.id = r.Int(i, 0);
  k.name = r.Text(i, 1);
  k.scope = domain::ParseApiScope(r.Text(i, 2)).value_or(domain::ApiScope::kPolice);
  k.prefix = r.Text(i, 3);
  k.key_hash = r.Text(i, 4);
  k.created_by = r.Int(i, 5);
  k.created_at = ParseTs(r.Text(i, 6));
  k.revoked_at = ParseOptTs(r.OptText(i, 7));
  return k;
}
}  // namespace

std::int64_t SqlApiKeyRepository::Insert(const app::ApiKeyRecord& k) {
  return c_.Insert(
      "INSERT INTO api_keys (name, scope, prefix, key_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, "
      "$6)",
      {k.name, std::string(domain::ApiScopeName(k.scope)), k.prefix, k.key_hash, k.created_by, Ts(k.created_at)});
}

std::optional<app::ApiKeyRecord> SqlApiKeyRepository::FindById(std::int64_t id) {
  auto r = c_.Query(std::string(kKeySelect) + "WHERE id = $1", {id});
  if (r.empty()) return std::nullopt;
  return KeyAt(r, 0);
}

std::optional<app::ApiKeyRecord> SqlApiKeyRepository::FindByHash(std::string_view key_hash) {
  auto r = c_.Query(std::string(kKeySelect) + "WHERE key_hash = $1", {key_hash});
  if (r.empty()) return std::nullopt;
  return KeyAt(r, 0);
}

std::vector<app::ApiKeyRecord> SqlApiKeyRepository::List() {
  auto r = c_.Query(std::string(kKeySelect) + "ORDER BY id");
  std::vector<app::ApiKeyRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(KeyAt(r, i));
  return out;
}

void SqlApiKeyRepository::Revoke(std::int64_t id, core::SysTime at) {
  c_.Execute("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", {Ts(at), id});
}

// ---------------------------------------------------------------- people

namespace {
constexpr const char* kPersonColumns =
    "p.id, p.national_no, p.document_type, p.document_no, p.first_name_ar, p.second_name_ar, p.third_name_ar, "
    "p.last_name_ar, p.first_name_en, p.second_name_en, p.third_name_en, p.last_name_en, p.date_of_birth, p.gender, "
    "p.nationality_code, p.address, p.phone, p.email, p.deceased, p.created_at, p.updated_at, "
    "(SELECT COUNT(*) FROM person_photos ph WHERE ph.person_id = p.id) ";

domain::Person PersonAt(const Rows& r, std::size_t i) {
  domain::Person p;
  p.id = r.Int(i, 0);
  p.national_no = r.OptText(i, 1);
  p.document_type = r.OptText(i, 2);
  p.document_no = r.OptText(i, 3);
  p.first_name_ar = r.Text(i, 4);
  p.second_name_ar = r.Text(i, 5);
  p.third_name_ar = r.OptText(i, 6);
  p.last_name_ar = r.Text(i, 7);
  p.first_name_en = r.Text(i, 8);
  p.second_name_en = r.Text(i, 9);
  p.third_name_en = r.OptText(i, 10);
  p.last_name_en = r.Text(i, 11);
  p.date_of_birth = r.Text(i, 12);
  p.gender = r.Text(i, 13);
  p.nationality_code = r.Text(i, 14);
  p.address = r.Text(i, 15);
  p.phone = r.OptText(i, 16);
  p.email = r.OptText(i, 17);
  p.deceased = r.Bool(i, 18);
  p.created_at = ParseTs(r.Text(i, 19));
  p.updated_at = ParseTs(r.Text(i, 20));
  p.has_photo = r.Int(i, 21) > 0;
  return p;
}

std::vector<Param> PersonParams(const domain::PersonData& p) {
  return {OptText(p.national_no),
          OptText(p.document_type),
          OptText(p.document_no),
          p.first_name_ar,
          p.second_name_ar,
          OptText(p.third_name_ar),
          p.last_name_ar,
          p.first_name_en,
          p.second_name_en,
          OptText(p.third_name_en),
          p.last_name_en,
          p.date_of_birth,
          p.gender,
          p.nationality_code,
          p.address,
          OptText(p.phone),
          OptText(p.email),
          Bool(p.deceased)};
}

core::Error PersonConflict(const DbError& e) {
  if (e.constraint().find("national_no") != std::string::npos) {
    return Conflict("national-no-taken", "nationalNo", "A person with this national number is already registered.");
  }
  return Conflict("document-taken", "documentNo", "A person with this document is already registered.");
}

// A query word longer than the prefix indexes is replaced by at most this many name words it starts.
constexpr std::size_t kMaxExpansion = 16;
// A name search counts this many matches at most (every match of two common words costs an index
// seek): "more than 200 people" says "add a word" as well as a larger number would.
constexpr std::int64_t kNameCountCap = 200;

// The smallest string above every string that starts with `prefix` (U+10FFFF appended).
std::string PrefixEnd(const std::string& prefix) { return prefix + "\xF4\x8F\xBF\xBF"; }

// A statement made of parts of a search names some of the search's parameters ($n): it gets those
// alone, renumbered in order of first use. PostgreSQL refuses a statement with a parameter it
// cannot type (one the text never uses); SQLite would bind it to nothing. The statements hold no
// '$' but in placeholders (user text is always a parameter).
std::pair<std::string, std::vector<Param>> UsedParams(const std::string& sql, const std::vector<Param>& params) {
  std::pair<std::string, std::vector<Param>> out;
  std::vector<std::size_t> renumbered(params.size() + 1, 0);
  for (std::size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] != '$' || i + 1 >= sql.size() || !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      out.first.push_back(sql[i]);
      continue;
    }
    std::size_t n = 0;
    while (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) n = n * 10 + (sql[++i] - '0');
    if (n == 0 || n > params.size()) throw std::logic_error("search statement names a parameter it lacks: " + sql);
    if (renumbered[n] == 0) {
      out.second.push_back(params[n - 1]);
      renumbered[n] = out.second.size();
    }
    out.first += "$" + std::to_string(renumbered[n]);
  }
  return out;
}

}  // namespace

std::optional<domain::Person> SqlPeopleRepository::FindById(std::int64_t id) {
  auto r = c_.Query(std::string("SELECT ") + kPersonColumns + "FROM people p WHERE p.id = $1", {id});
  if (r.empty()) return std::nullopt;
  return PersonAt(r, 0);
}

std::optional<domain::Person> SqlPeopleRepository::FindByNationalNo(std::string_view national_no) {
  auto r = c_.Query(std::string("SELECT ") + kPersonColumns + "FROM people p WHERE p.national_no = $1", {national_no});
  if (r.empty()) return std::nullopt;
  return PersonAt(r, 0);
}

void ApplyFtsChanges(Connection& c, const FtsChanges& changes) {
  // In ascending rowid order (the newest person first), each person's changes in the order they
  // were made: FTS5 writes its pending words out as a segment whenever a rowid is lower than the
  // one before it, so a batch that registered several people would otherwise make a segment each.
  std::vector<const FtsChange*> order;
  order.reserve(changes.size());
  for (const auto& change : changes) order.push_back(&change);
  std::stable_sort(order.begin(), order.end(), [](const FtsChange* a, const FtsChange* b) {
    return FtsRowid(a->person_id) < FtsRowid(b->person_id);
  });
  for (const auto* change : order) {
    if (change->remove) {
      c.Execute("INSERT INTO person_names_fts (person_names_fts, rowid, names) VALUES ('delete', $1, $2)",
                {FtsRowid(change->person_id), change->document});
    } else {
      c.Execute("INSERT INTO person_names_fts (rowid, names) VALUES ($1, $2)",
                {FtsRowid(change->person_id), change->document});
    }
  }
}

void SqlPeopleRepository::IndexNames(std::int64_t id, const domain::PersonData& person, bool replace) {
  const bool fts = c_.dialect() == Dialect::kSqlite;
  FtsChanges changes;
  if (replace) {
    if (fts) {
      // The full-text table keeps no copy of the text: a document is removed by giving the tokens
      // it was added with, which are the person's words in person_names.
      auto old = c_.Query("SELECT name_norm FROM person_names WHERE person_id = $1", {id});
      std::vector<std::string> terms;
      for (std::size_t i = 0; i < old.size(); ++i) terms.push_back(old.Text(i, 0));
      if (!terms.empty()) changes.push_back({true, id, FtsDocument(terms)});
    }
    c_.Execute("DELETE FROM person_names WHERE person_id = $1", {id});
  }
  const auto terms = domain::SearchTerms(person);
  for (const auto& term : terms) {
    c_.Execute("INSERT INTO person_names (name_norm, person_id) VALUES ($1, $2)", {term, id});
  }
  if (fts) {
    changes.push_back({false, id, FtsDocument(terms)});
    if (deferred_fts_ == nullptr) {
      ApplyFtsChanges(c_, changes);
    } else {
      for (auto& change : changes) deferred_fts_->push_back(std::move(change));
    }
  } else {
    // PostgreSQL's tsvector of the same words (migration 0013), replaced whole on a rename.
    c_.Execute(
        "INSERT INTO person_name_words (person_id, words) VALUES ($1, CAST($2 AS tsvector)) ON CONFLICT (person_id) "
        "DO UPDATE SET words = excluded.words",
        {id, TsVectorText(terms)});
  }
}

core::Result<std::int64_t> SqlPeopleRepository::Insert(const domain::PersonData& person, core::SysTime now) {
  auto params = PersonParams(person);
  params.push_back(Ts(now));
  try {
    auto id = c_.Insert(
        "INSERT INTO people (national_no, document_type, document_no, first_name_ar, second_name_ar, "
        "third_name_ar, last_name_ar, first_name_en, second_name_en, third_name_en, last_name_en, "
        "date_of_birth, gender, nationality_code, address, phone, email, deceased, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)",
        params);
    IndexNames(id, person, /*replace=*/false);
    return id;
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) return PersonConflict(e);
    throw;
  }
}

core::Status SqlPeopleRepository::Update(std::int64_t id, const domain::PersonData& person, core::SysTime now) {
  auto params = PersonParams(person);
  params.push_back(Ts(now));
  params.push_back(id);
  try {
    c_.Execute(
        "UPDATE people SET national_no = $1, document_type = $2, document_no = $3, first_name_ar = $4, "
        "second_name_ar = $5, third_name_ar = $6, last_name_ar = $7, first_name_en = $8, second_name_en = $9, "
        "third_name_en = $10, last_name_en = $11, date_of_birth = $12, gender = $13, nationality_code = $14, "
        "address = $15, phone = $16, email = $17, deceased = $18, updated_at = $19 WHERE id = $20",
        params);
    IndexNames(id, person, /*replace=*/true);
    return core::OkStatus();
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) return PersonConflict(e);
    throw;
  }
}

app::Page<domain::Person> SqlPeopleRepository::Search(const app::PeopleQuery& query) {
  app::Page<domain::Person> out;
  out.page = query.page.page;
  out.page_size = query.page.page_size;
  bool by_name = false, fts = false, ordered_fts = false;
  const bool sqlite = c_.dialect() == Dialect::kSqlite;
  // The order of full-text matches by registration, newest or oldest first. SQLite's documents have
  // the rowid -person_id (FtsRowid), so its ascending order is newest first.
  auto fts_order = [&](bool newest_first) -> std::string {
    if (sqlite) return newest_first ? "rowid" : "rowid DESC";
    return newest_first ? "person_id DESC" : "person_id";
  };
  // The end of an EXISTS that checks one word for one person. On PostgreSQL "OFFSET 0" keeps it a
  // per-person index seek: a statement is prepared once, and its generic plan (parameters unknown)
  // would rather hash the word's whole range (a quarter of person_names for one letter: ~150 ms
  // at 100k people instead of ~5).
  const std::string check_end = sqlite ? ")" : " OFFSET 0)";
  std::string where, matches;
  std::vector<std::string> words;
  std::vector<std::pair<std::string, std::string>> bounds;  // placeholders of each word's range
  std::vector<Param> params;
  auto param = [&](Param p) {
    params.push_back(std::move(p));
    return "$" + std::to_string(params.size());
  };
  std::string q = query.q;
  while (!q.empty() && q.back() == ' ') q.pop_back();
  while (!q.empty() && q.front() == ' ') q.erase(0, 1);
  const bool digits = !q.empty() && q.find_first_not_of("0123456789") == std::string::npos;
  const bool phone_like = !q.empty() && (q[0] == '+' || q.find_first_not_of("0123456789 -") == std::string::npos);
  const bool has_letter = q.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != std::string::npos;
  const bool has_digit = q.find_first_of("0123456789") != std::string::npos;
  if (q.empty()) {
    where = "1 = 1";
  } else if (digits && q.size() == 10) {
    where = "p.national_no = " + param(q);
    if (auto phone = domain::NormalisePhone(q)) where += " OR p.phone = " + param(*phone);
  } else if (phone_like) {
    auto phone = domain::NormalisePhone(q);
    where = "p.phone = " + param(phone.value_or(q));
    if (digits) {
      where += " OR (p.national_no >= " + param(q) + " AND p.national_no < " + param(q + ":") + ")";
    }
  } else if (has_letter && has_digit) {
    std::string upper = q;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    where = "p.document_no = " + param(upper);
  } else {
    by_name = true;
    // Every word must start one of the person's names, in either script. The matches come from the
    // full-text index (FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL), otherwise (single
    // letters) from the rarest word's index range (each other word checked per person); at most
    // kNameCountCap + 1 of them are counted: above that the total says "more than", so a common
    // name answers as fast as a rare one.
    const auto norm = domain::NormaliseName(q);
    for (std::size_t start = 0; start < norm.size();) {
      auto end = norm.find(' ', start);
      if (end == std::string::npos) end = norm.size();
      if (end > start && words.size() < 5) words.push_back(norm.substr(start, end - start));
      start = end + 1;
    }
    if (words.empty()) words.push_back(norm);
    // The full-text index finds the people who have every word: on SQLite (migration 0011) unless
    // a word is a single letter, which no prefix index covers; on PostgreSQL (migration 0013) when
    // a word has two letters or more, a single letter being checked in person_names (as a tsquery
    // prefix it would gather the posting lists of every word with that letter first).
    fts = sqlite;
    for (const auto& w : words) {
      if (sqlite)
        fts = fts && Utf8Length(FtsToken(w)) >= 2;
      else
        fts = fts || Utf8Length(w) >= 2;
    }
    if (words.size() > 1 && !fts) {
      std::vector<std::pair<std::int64_t, std::string>> ranked;
      for (const auto& w : words) {
        ranked.emplace_back(c_.Query("SELECT COUNT(*) FROM (SELECT 1 FROM person_names WHERE name_norm >= $1 AND "
                                     "name_norm < $2 LIMIT 5000) s",
                                     {w, PrefixEnd(w)})
                                .Int(0, 0),
                            w);
      }
      std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (std::size_t i = 0; i < words.size(); ++i) words[i] = ranked[i].second;
    }
    // One pair of placeholders per word (lower and upper bound of its range), made in order: the
    // walk below uses them again.
    for (const auto& w : words) {
      auto lo = param(w);
      auto hi = param(PrefixEnd(w));
      bounds.emplace_back(std::move(lo), std::move(hi));
    }
    if (fts) {
      // Each word becomes a part of the full-text query. On SQLite a short word (up to three
      // characters, without punctuation) is a prefix the prefix indexes answer. Other words are
      // replaced by the name words they start (an index skip per word, at most kMaxExpansion):
      // exact tokens, which FTS5 reads in id order and stops early, and whose posting lists GIN
      // intersects by skipping (a tsquery prefix would read all of each first). A prefix that
      // starts more words than that is, on SQLite, found by its first three characters and
      // checked in person_names; on PostgreSQL a tsquery prefix (lexemes keep their punctuation,
      // so it is exact). The tsquery is text the cast parses: every word goes in as a quoted
      // lexeme (TsLexeme), bound as a parameter, so no character of a query is an operator.
      std::string expr;
      std::vector<bool> check(words.size(), false);
      for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        const auto token = FtsToken(w);
        std::string part;
        if (!sqlite && Utf8Length(w) < 2) {
          check[i] = true;
          continue;
        }
        if (sqlite && Utf8Length(w) <= kFtsPrefixChars && token == w) {
          part = "\"" + token + "\"*";
        } else {
          auto starts = c_.Query(
              "WITH RECURSIVE w(word, n) AS (SELECT (SELECT name_norm FROM person_names WHERE name_norm >= $1 AND "
              "name_norm < $2 ORDER BY name_norm LIMIT 1), 1 UNION ALL SELECT (SELECT name_norm FROM person_names "
              "WHERE name_norm > w.word AND name_norm < $2 ORDER BY name_norm LIMIT 1), n + 1 FROM w WHERE w.word IS "
              "NOT NULL AND n <= $3) SELECT word FROM w WHERE word IS NOT NULL",
              {w, PrefixEnd(w), std::int64_t{kMaxExpansion}});
          if (starts.empty()) {  // no one has a name starting so
            out.total = 0;
            out.total_exact = true;
            return out;
          }
          if (starts.size() > kMaxExpansion && !sqlite) {
            part = TsLexeme(w) + ":*";
          } else if (starts.size() > kMaxExpansion) {
            part = "\"" + Utf8Prefix(token, kFtsPrefixChars) + "\"*";
            check[i] = true;
          } else if (!sqlite) {
            for (std::size_t r = 0; r < starts.size(); ++r)
              part += (part.empty() ? "(" : " | ") + TsLexeme(starts.Text(r, 0));
            part += ")";
          } else {
            std::vector<std::string> tokens;
            for (std::size_t r = 0; r < starts.size(); ++r) tokens.push_back(FtsToken(starts.Text(r, 0)));
            std::sort(tokens.begin(), tokens.end());
            tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
            for (const auto& t : tokens) part += (part.empty() ? "(\"" : " OR \"") + t + "\"";
            part += ")";
          }
        }
        expr += (expr.empty() ? "" : sqlite ? " AND " : " & ") + part;
      }
      matches = sqlite ? "SELECT -rowid AS person_id FROM person_names_fts WHERE person_names_fts MATCH " + param(expr)
                       : "SELECT person_id FROM person_name_words WHERE words @@ CAST(" + param(expr) + " AS tsquery)";
      const char* id = sqlite ? "-person_names_fts.rowid" : "person_name_words.person_id";
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (!check[i]) continue;
        matches += std::string(" AND EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = ") + id +
                   " AND n.name_norm >= " + bounds[i].first + " AND n.name_norm < " + bounds[i].second + check_end;
      }
    } else {
      matches = "SELECT DISTINCT n0.person_id FROM person_names n0 WHERE n0.name_norm >= " + bounds[0].first +
                " AND n0.name_norm < " + bounds[0].second;
      for (std::size_t i = 1; i < words.size(); ++i) {
        matches += " AND EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = n0.person_id AND n.name_norm >= " +
                   bounds[i].first + " AND n.name_norm < " + bounds[i].second + check_end;
      }
    }
    std::int64_t found = 0;
    std::string newest;  // on SQLite: the placeholder of the newest kNameCountCap matching ids
    if (fts && sqlite) {
      // One pass of the full-text index gives the count and the set to sort: the newest
      // kNameCountCap + 1 matching ids, newest first (FTS5's own order: it stops there); the page
      // reads the newest kNameCountCap of them from one parameter (a JSON array, json_each)
      // instead of asking the index again.
      const auto [ids_sql, ids_params] =
          UsedParams(matches + " ORDER BY " + fts_order(true) + " LIMIT " + std::to_string(kNameCountCap + 1), params);
      const auto ids = c_.Query(ids_sql, ids_params);
      found = static_cast<std::int64_t>(ids.size());
      std::string list = "[";
      for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(kNameCountCap); ++i) {
        if (i > 0) list += ',';
        list += std::to_string(ids.Int(i, 0));
      }
      newest = param(list + "]");
    } else {
      const auto [count_sql, count_params] = UsedParams(
          "SELECT COUNT(*) FROM (" + matches + " LIMIT " + std::to_string(kNameCountCap + 1) + ") m", params);
      found = c_.Query(count_sql, count_params).Int(0, 0);
    }
    out.total_exact = found <= kNameCountCap;
    out.total = std::min(found, kNameCountCap);
    if (found == 0) return out;
    // Above the cap the sorts by name and by date of birth order the newest kNameCountCap matches
    // (the oldest without the full-text index, which finds them in word order), and every page
    // comes from that one set; the registration sorts page through every match (below). Sorting
    // all the matches of a common name by name would read them all (tens of thousands at 1M
    // people), and walking the name index until the page fills only pays when the first names in
    // that order match: a page 1 from such a walk and a page 2 from the newest matches did not
    // follow each other. On PostgreSQL ordered only then: asked for
    // the newest, the planner may walk person_name_words from the newest on, testing each
    // tsvector, which reads the whole table when its estimate of two words together is wrong
    // (two first names never given to one person: ~400 ms at 1M people); all the matches are
    // wanted anyway when they are few.
    ordered_fts = fts && (sqlite || !out.total_exact);
    where = !newest.empty() ? "p.id IN (SELECT value FROM json_each(" + newest + "))"
                            : "p.id IN (" + matches + (ordered_fts ? " ORDER BY " + fts_order(true) : "") + " LIMIT " +
                                  std::to_string(kNameCountCap) + ")";
  }
  std::string order;
  const std::string& s = query.sort;
  if (s == "name")
    order = "p.last_name_en, p.first_name_en, p.id";
  else if (s == "-name")
    order = "p.last_name_en DESC, p.first_name_en DESC, p.id DESC";
  else if (s == "dateOfBirth")
    order = "p.date_of_birth, p.id";
  else if (s == "-dateOfBirth")
    order = "p.date_of_birth DESC, p.id DESC";
  else if (s == "createdAt")
    order = "p.id";
  else
    order = "p.id DESC";

  if (!by_name) CountCapped(c_, "FROM people p WHERE " + where, params, out);
  // One page size and offset serve every way of reading the page below.
  const auto limit = param(std::int64_t{query.page.page_size});
  const auto offset = param(query.page.Offset());
  auto read = [&](const std::string& condition, const std::string& tail) {
    const auto [sql, used] = UsedParams(
        std::string("SELECT ") + kPersonColumns + "FROM people p WHERE " + condition + " ORDER BY " + order + tail,
        params);
    auto rows = c_.Query(sql, used);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(PersonAt(rows, i));
  };
  if (by_name && (s == "-createdAt" || s == "createdAt")) {
    // In registration order the page is chosen among the matching ids alone: only its rows are read.
    const char* dir = s == "createdAt" ? "" : " DESC";
    if (ordered_fts) {
      // Every page of every match, in id order. FTS5 reads newest first in its own order and stops
      // at the page (oldest first, it reads each word's whole id list first); on PostgreSQL the
      // planner either sorts the matches GIN found (few) or walks person_name_words' primary key
      // from the newest (or oldest) on, testing each tsvector (many, so the page fills early).
      read("p.id IN (" + matches + " ORDER BY " + fts_order(s != "createdAt") + " LIMIT " + limit + " OFFSET " +
               offset + ")",
           "");
    } else {
      read("p.id IN (SELECT person_id FROM (" + matches + " LIMIT " + std::to_string(kNameCountCap) +
               ") m ORDER BY person_id" + dir + " LIMIT " + limit + " OFFSET " + offset + ")",
           "");
    }
    return out;
  }
  if (by_name) {
    // Up to kNameCountCap matches sorted as asked: the order and the page come from the sort
    // columns alone, then only the page's rows are read whole (a person's every column and photo
    // count for 20 rows, not for 200).
    read("p.id IN (SELECT p.id FROM people p WHERE " + where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " +
             offset + ")",
         "");
    return out;
  }
  read(where, " LIMIT " + limit + " OFFSET " + offset);
  return out;
}

void SqlPeopleRepository::SavePhoto(std::int64_t person_id, const app::Photo& photo, core::SysTime now) {
  c_.Execute(
      "INSERT INTO person_photos (person_id, full_jpeg, thumb_jpeg, sha256, uploaded_at) VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT (person_id) DO UPDATE SET full_jpeg = excluded.full_jpeg, thumb_jpeg = excluded.thumb_jpeg, "
      "sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at",
      {person_id, core::Base64Encode(photo.full_jpeg), core::Base64Encode(photo.thumb_jpeg), photo.sha256, Ts(now)});
}

bool SqlPeopleRepository::DeletePhoto(std::int64_t person_id) {
  return c_.Execute("DELETE FROM person_photos WHERE person_id = $1", {person_id}) > 0;
}

std::optional<std::string> SqlPeopleRepository::LoadPhoto(std::int64_t person_id, bool thumbnail) {
  auto r = c_.Query(thumbnail ? "SELECT thumb_jpeg FROM person_photos WHERE person_id = $1"
                              : "SELECT full_jpeg FROM person_photos WHERE person_id = $1",
                    {person_id});
  if (r.empty()) return std::nullopt;
  return core::Base64Decode(r.Text(0, 0));
}

// ---------------------------------------------------------------- reference data

std::vector<app::Country> SqlReferenceRepository::Countries() {
  auto r = c_.Query("SELECT code, name_en, name_ar FROM countries ORDER BY name_en");
  std::vector<app::Country> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back({r.Text(i, 0), r.Text(i, 1), r.Text(i, 2)});
  return out;
}

std::optional<app::Country> SqlReferenceRepository::FindCountry(std::string_view code) {
  auto r = c_.Query("SELECT code, name_en, name_ar FROM countries WHERE code = $1", {code});
  if (r.empty()) return std::nullopt;
  return app::Country{r.Text(0, 0), r.Text(0, 1), r.Text(0, 2)};
}

namespace {
constexpr const char* kBranchSelect =
    "SELECT id, code, name_ar, name_en, city_ar, city_en, active, plate_region FROM branches ";
app::Branch BranchAt(const Rows& r, std::size_t i) {
  return app::Branch{r.Int(i, 0),  r.Text(i, 1), r.Text(i, 2), r.Text(i, 3),
                     r.Text(i, 4), r.Text(i, 5), r.Bool(i, 6), static_cast<int>(r.Int(i, 7))};
}
constexpr const char* kClassSelect =
    "SELECT id, code, name_ar, name_en, minimum_age, validity_years, fee_fils FROM license_classes ";
app::LicenseClass ClassAt(const Rows& r, std::size_t i) {
  return app::LicenseClass{r.Int(i, 0),
                           r.Text(i, 1),
                           r.Text(i, 2),
                           r.Text(i, 3),
                           static_cast<int>(r.Int(i, 4)),
                           static_cast<int>(r.Int(i, 5)),
                           r.Int(i, 6)};
}
app::FeeItem FeeAt(const Rows& r, std::size_t i) {
  return app::FeeItem{r.Int(i, 0),
                      r.Text(i, 1),
                      r.Text(i, 2),
                      r.Text(i, 3),
                      static_cast<int>(r.Int(i, 4)),
                      r.Int(i, 5),
                      r.columns() > 6 ? static_cast<int>(r.Int(i, 6)) : 0};
}
}  // namespace

std::vector<app::Branch> SqlReferenceRepository::Branches() {
  auto r = c_.Query(std::string(kBranchSelect) + "ORDER BY id");
  std::vector<app::Branch> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(BranchAt(r, i));
  return out;
}

std::optional<app::Branch> SqlReferenceRepository::FindBranch(std::int64_t id) {
  auto r = c_.Query(std::string(kBranchSelect) + "WHERE id = $1", {id});
  if (r.empty()) return std::nullopt;
  return BranchAt(r, 0);
}

core::Result<std::int64_t> SqlReferenceRepository::InsertBranch(const app::Branch& b) {
  try {
    return c_.Insert(
        "INSERT INTO branches (code, name_ar, name_en, city_ar, city_en, active) VALUES ($1, $2, $3, $4, $5, $6)",
        {b.code, b.name_ar, b.name_en, b.city_ar, b.city_en, Bool(b.active)});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) return Conflict("branch-code-taken", "code", "An office has this code.");
    throw;
  }
}

core::Status SqlReferenceRepository::UpdateBranch(const app::Branch& b) {
  c_.Execute("UPDATE branches SET name_ar = $1, name_en = $2, city_ar = $3, city_en = $4, active = $5 WHERE id = $6",
             {b.name_ar, b.name_en, b.city_ar, b.city_en, Bool(b.active), b.id});
  return core::OkStatus();
}

std::vector<app::LicenseClass> SqlReferenceRepository::LicenseClasses() {
  auto r = c_.Query(std::string(kClassSelect) + "ORDER BY id");
  std::vector<app::LicenseClass> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ClassAt(r, i));
  return out;
}

std::optional<app::LicenseClass> SqlReferenceRepository::FindLicenseClass(std::int64_t id) {
  auto r = c_.Query(std::string(kClassSelect) + "WHERE id = $1", {id});
  if (r.empty()) return std::nullopt;
  return ClassAt(r, 0);
}

void SqlReferenceRepository::UpdateLicenseClass(const app::LicenseClass& c) {
  c_.Execute(
      "UPDATE license_classes SET name_ar = $1, name_en = $2, minimum_age = $3, validity_years = $4, fee_fils = $5 "
      "WHERE id = $6",
      {c.name_ar, c.name_en, std::int64_t{c.minimum_age}, std::int64_t{c.validity_years}, c.fee_fils, c.id});
}

std::vector<app::FeeItem> SqlReferenceRepository::ApplicationTypes() {
  auto r = c_.Query("SELECT id, code, name_ar, name_en, 0, fee_fils FROM application_types ORDER BY id");
  std::vector<app::FeeItem> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(FeeAt(r, i));
  return out;
}

std::optional<app::FeeItem> SqlReferenceRepository::FindApplicationType(std::int64_t id) {
  auto r = c_.Query("SELECT id, code, name_ar, name_en, 0, fee_fils FROM application_types WHERE id = $1", {id});
  if (r.empty()) return std::nullopt;
  return FeeAt(r, 0);
}

std::optional<app::FeeItem> SqlReferenceRepository::FindApplicationTypeByCode(std::string_view code) {
  auto r = c_.Query("SELECT id, code, name_ar, name_en, 0, fee_fils FROM application_types WHERE code = $1", {code});
  if (r.empty()) return std::nullopt;
  return FeeAt(r, 0);
}

void SqlReferenceRepository::UpdateApplicationType(const app::FeeItem& f) {
  c_.Execute("UPDATE application_types SET name_ar = $1, name_en = $2, fee_fils = $3 WHERE id = $4",
             {f.name_ar, f.name_en, f.fee_fils, f.id});
}

std::vector<app::FeeItem> SqlReferenceRepository::TestTypes() {
  auto r = c_.Query(
      "SELECT id, code, name_ar, name_en, sequence, fee_fils, daily_capacity FROM test_types ORDER BY sequence");
  std::vector<app::FeeItem> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(FeeAt(r, i));
  return out;
}

std::optional<app::FeeItem> SqlReferenceRepository::FindTestType(std::int64_t id) {
  auto r = c_.Query(
      "SELECT id, code, name_ar, name_en, sequence, fee_fils, daily_capacity FROM test_types WHERE id = $1", {id});
  if (r.empty()) return std::nullopt;
  return FeeAt(r, 0);
}

void SqlReferenceRepository::UpdateTestType(const app::FeeItem& f) {
  c_.Execute("UPDATE test_types SET name_ar = $1, name_en = $2, fee_fils = $3, daily_capacity = $4 WHERE id = $5",
             {f.name_ar, f.name_en, f.fee_fils, std::int64_t{f.daily_capacity}, f.id});
}

// ---------------------------------------------------------------- audit

std::string AuditHash(const app::AuditEntry& e) {
  const auto canonical = core::JsonObject()
                             .Add("seq", e.seq)
                             .Add("at", core::FormatTimestamp(e.at))
                             .Add("actorType", e.actor_type)
                             .Add("actorId", e.actor_id)
                             .Add("actorName", e.actor_name)
                             .Add("action", e.action)
                             .Add("entity", e.entity)
                             .Add("entityId", e.entity_id)
                             .Add("before", e.before_json)
                             .Add("after", e.after_json)
                             .Add("branchId", e.branch_id)
                             .Add("requestId", e.request_id)
                             .Add("prevHash", e.prev_hash)
                             .str();
  return core::Sha256Hex(canonical);
}

void LoadAuditHead(Connection& c, AuditHeadCache& head, bool for_update) {
  auto row = c.Query(for_update ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                : "SELECT seq, hash FROM audit_head WHERE id = 1");
  head.seq = row.Int(0, 0);
  head.hash = row.Text(0, 1);
  head.loaded = true;
}

void SaveAuditHead(Connection& c, const AuditHeadCache& head) {
  if (head.dirty) c.Execute("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", {head.seq, head.hash});
}

app::AuditEntry SqlAuditRepository::Append(const app::Principal& who, core::SysTime at, std::string_view action,
                                           std::string_view entity, std::optional<std::int64_t> entity_id,
                                           std::optional<std::string> before_json,
                                           std::optional<std::string> after_json) {
  app::AuditEntry e;
  if (head_) {
    if (!head_->loaded) LoadAuditHead(c_, *head_);
    e.seq = head_->seq + 1;
    e.prev_hash = head_->hash;
  } else {
    // Taking the head row first serialises appenders (a row lock on PostgreSQL).
    auto head = c_.Query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash");
    e.seq = head.Int(0, 0);
    e.prev_hash = head.Text(0, 1);
  }
  e.at = at;
  switch (who.kind) {
    case app::Principal::Kind::kUser:
      e.actor_type = "user";
      e.actor_id = who.user_id;
      e.branch_id = who.branch_id;
      break;
    case app::Principal::Kind::kApiKey:
      e.actor_type = "api-key";
      e.actor_id = who.api_key_id;
      break;
    case app::Principal::Kind::kSystem:
      e.actor_type = "system";
      break;
  }
  e.actor_name = who.username;
  e.action = std::string(action);
  e.entity = std::string(entity);
  e.entity_id = entity_id;
  e.before_json = std::move(before_json);
  e.after_json = std::move(after_json);
  e.request_id = who.request_id;
  e.hash = AuditHash(e);
  c_.Execute(
      "INSERT INTO audit_log (seq, at, actor_type, actor_id, actor_name, action, entity, entity_id, before_json, "
      "after_json, branch_id, request_id, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
      "$13, $14)",
      {e.seq, Ts(e.at), e.actor_type, OptId(e.actor_id), e.actor_name, e.action, e.entity, OptId(e.entity_id),
       OptText(e.before_json), OptText(e.after_json), OptId(e.branch_id), e.request_id, e.prev_hash, e.hash});
  if (head_) {
    head_->seq = e.seq;
    head_->hash = e.hash;
    head_->dirty = true;
  } else {
    c_.Execute("UPDATE audit_head SET hash = $1 WHERE id = 1", {e.hash});
  }
  return e;
}

app::AuditEntry AuditEntryAt(const Rows& r, std::size_t i) {
  app::AuditEntry e;
  e.seq = r.Int(i, 0);
  e.at = ParseTs(r.Text(i, 1));
  e.actor_type = r.Text(i, 2);
  e.actor_id = r.OptInt(i, 3);
  e.actor_name = r.Text(i, 4);
  e.action = r.Text(i, 5);
  e.entity = r.Text(i, 6);
  e.entity_id = r.OptInt(i, 7);
  e.before_json = r.OptText(i, 8);
  e.after_json = r.OptText(i, 9);
  e.branch_id = r.OptInt(i, 10);
  e.request_id = r.Text(i, 11);
  e.prev_hash = r.Text(i, 12);
  e.hash = r.Text(i, 13);
  return e;
}

app::Page<app::AuditEntry> SqlAuditRepository::List(std::string_view entity, std::optional<std::int64_t> entity_id,
                                                    const app::PageRequest& page) {
  constexpr const char* kSelect =
      "SELECT seq, at, actor_type, actor_id, actor_name, action, entity, entity_id, before_json, after_json, "
      "branch_id, request_id, prev_hash, hash FROM audit_log ";
  std::string where = "WHERE 1 = 1";
  std::vector<Param> params;
  if (!entity.empty()) {
    params.push_back(entity);
    where += " AND entity = $" + std::to_string(params.size());
  }
  if (entity_id) {
    params.push_back(*entity_id);
    where += " AND entity_id = $" + std::to_string(params.size());
  }
  app::Page<app::AuditEntry> out;
  out.page = page.page;
  out.page_size = page.page_size;
  CountCapped(c_, "FROM audit_log " + where, params, out);
  params.push_back(std::int64_t{page.page_size});
  params.push_back(page.Offset());
  const auto n = params.size();
  auto rows = c_.Query(std::string(kSelect) + where + " ORDER BY seq DESC LIMIT $" + std::to_string(n - 1) +
                           " OFFSET $" + std::to_string(n),
                       params);
  for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(AuditEntryAt(rows, i));
  return out;
}

}  // namespace dvld::storage
