// The database interface under the repositories: one Connection per thread of work, a driver for
// SQLite (embedded) and one for PostgreSQL (libpq), a prepared-statement cache on each connection.
// SQL is written once with numbered placeholders ($1, $2, ...) that both drivers accept.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/infra_error.h"

namespace dvld::storage {

enum class Dialect { kSqlite, kPostgres };

struct Null {};
using Param = std::variant<Null, std::int64_t, std::string, std::string_view>;

// A failure of the database. kUnique and kForeignKey/kCheck are expected and mapped by the
// repositories; the others are infrastructure failures that reach the top of the request.
class DbError : public core::InfraError {
 public:
  enum class Kind { kUnique, kForeignKey, kCheck, kBusy, kConnection, kOther };
  DbError(Kind kind, const std::string& what, std::string constraint = {})
      : core::InfraError(what, kind == Kind::kBusy || kind == Kind::kConnection),
        kind_(kind),
        constraint_(std::move(constraint)) {}
  Kind kind() const { return kind_; }
  const std::string& constraint() const { return constraint_; }

 private:
  Kind kind_;
  std::string constraint_;
};

// A connection's prepared statements by their SQL text, found without copying the text: every
// query looks its statement up, and a statement's text can be hundreds of characters.
struct SqlTextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
};
template <typename Prepared>
using StatementCache = std::unordered_map<std::string, Prepared, SqlTextHash, std::equal_to<>>;

// Result rows as text cells (both drivers speak text); typed getters convert.
class Rows {
 public:
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  std::size_t columns() const { return columns_; }

  bool IsNull(std::size_t row, std::size_t col) const { return !rows_[row][col].has_value(); }
  const std::string& Text(std::size_t row, std::size_t col) const;
  std::optional<std::string> OptText(std::size_t row, std::size_t col) const { return rows_[row][col]; }
  std::int64_t Int(std::size_t row, std::size_t col) const;
  std::optional<std::int64_t> OptInt(std::size_t row, std::size_t col) const;
  bool Bool(std::size_t row, std::size_t col) const;

  // For the drivers.
  void SetColumns(std::size_t n) { columns_ = n; }
  std::vector<std::optional<std::string>>& AddRow() { return rows_.emplace_back(columns_); }

 private:
  std::size_t columns_ = 0;
  std::vector<std::vector<std::optional<std::string>>> rows_;
};

// Loads many rows into one table fast (`dvld generate`): COPY FROM STDIN on PostgreSQL, prepared
// multi-row INSERTs on SQLite. Add the values of a row in column order, then EndRow(); Finish()
// sends what is buffered and must be called, inside the caller's transaction, before the
// connection runs anything else (PostgreSQL cannot run other statements during a COPY).
class BulkInsert {
 public:
  virtual ~BulkInsert() = default;
  virtual BulkInsert& Int(std::int64_t v) = 0;
  virtual BulkInsert& Text(std::string_view v) = 0;
  virtual BulkInsert& Null() = 0;
  virtual void EndRow() = 0;
  virtual void Finish() = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement (prepared once per connection and cached) and returns its rows.
  virtual Rows Query(std::string_view sql, const std::vector<Param>& params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual std::int64_t Execute(std::string_view sql, const std::vector<Param>& params = {}) = 0;
  // Runs one INSERT into a table whose key is `id` and returns the new row's id. On PostgreSQL the
  // statement gets `RETURNING id`; SQLite answers from the connection (sqlite3_last_insert_rowid),
  // because its RETURNING collects the rows in a temporary table, a cost paid on every write.
  virtual std::int64_t Insert(std::string_view sql, const std::vector<Param>& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;
  // Transactions: Begin(true) takes the write lock at once on SQLite (BEGIN IMMEDIATE).
  virtual void Begin(bool write) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  // False when the connection is known to be broken and should be replaced.
  virtual bool Healthy() = 0;
  // Commits that return before they are durable: SQLite in WAL mode writes a COMMIT to its log
  // without waiting for the disk, and the caller makes the log durable with an fsync of its own
  // (the group committer, sql_store.cpp). Returns the log's path, or "" when this connection
  // cannot (another database, or no log on disk): its commits then stay durable on return.
  virtual std::string DeferCommitSync() { return {}; }
  // Starts a bulk load of `columns` of `table` (trusted names, not user input).
  virtual std::unique_ptr<BulkInsert> BulkInsertInto(std::string_view table,
                                                     const std::vector<std::string>& columns) = 0;
};

}  // namespace dvld::storage
