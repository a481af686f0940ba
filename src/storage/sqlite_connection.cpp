#include "storage/sqlite_connection.h"

#include <sqlite3.h>

#include <string>
#include <unordered_map>

namespace dvld::storage {
namespace {

// "$1" -> "?1" outside quotes: SQLite's numbered parameters, so $N means the same in both drivers.
std::string ToSqliteParams(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('?');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw DbError(DbError::Kind::kConnection, "cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_extended_result_codes(db_, 1);
    ExecuteScript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8000;");
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Rows Query(std::string_view sql, const std::vector<Param>& params) override {
    Rows rows;
    Run(sql, params, &rows);
    return rows;
  }

  std::int64_t Execute(std::string_view sql, const std::vector<Param>& params) override {
    Run(sql, params, nullptr);
    return sqlite3_changes64(db_);
  }

  void ExecuteScript(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      const int code = sqlite3_extended_errcode(db_);
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      Throw(code, msg);
    }
  }

  void Begin(bool write) override { Execute(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", {}); }
  void Commit() override { Execute("COMMIT", {}); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) Execute("ROLLBACK", {});
  }
  bool Healthy() override { return db_ != nullptr; }

 private:
  sqlite3_stmt* Prepare(std::string_view sql) {
    const std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    const std::string text = ToSqliteParams(sql);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
      Throw(sqlite3_extended_errcode(db_), std::string(sqlite3_errmsg(db_)) + " in: " + text);
    }
    cache_.emplace(key, stmt);
    return stmt;
  }

  void Run(std::string_view sql, const std::vector<Param>& params, Rows* rows) {
    sqlite3_stmt* stmt = Prepare(sql);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      if (std::holds_alternative<Null>(params[i])) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        const auto& v = std::get<std::string_view>(params[i]);
        rc = sqlite3_bind_text64(stmt, idx, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) Throw(rc, "cannot bind parameter " + std::to_string(idx));
    }
    const int ncol = sqlite3_column_count(stmt);
    if (rows) rows->SetColumns(static_cast<std::size_t>(ncol));
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) Throw(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_));
      if (!rows) continue;
      auto& row = rows->AddRow();
      for (int c = 0; c < ncol; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) continue;
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        row[static_cast<std::size_t>(c)].emplace(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  [[noreturn]] void Throw(int code, const std::string& msg) {
    using K = DbError::Kind;
    K kind = K::kOther;
    switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        kind = K::kUnique;
        break;
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        kind = K::kForeignKey;
        break;
      case SQLITE_CONSTRAINT_CHECK:
      case SQLITE_CONSTRAINT_NOTNULL:
        kind = K::kCheck;
        break;
      default:
        if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) kind = K::kBusy;
    }
    throw DbError(kind, "sqlite: " + msg, msg);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<Connection> OpenSqlite(const std::string& path) { return std::make_unique<SqliteConnection>(path); }

}  // namespace dvld::storage
