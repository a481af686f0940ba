// Opens a database from its URL and hands out connections from a pool: on SQLite one connection
// per server thread (WAL lets readers run beside the one writer), on PostgreSQL a bounded pool.
#pragma once
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/db.h"

namespace dvld::storage {

struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string target;  // SQLite: file path; PostgreSQL: the libpq URI
  // "sqlite:var/dvld.db", "sqlite:///abs/path.db", "postgresql://user:pass@host:port/db".
  static DatabaseUrl Parse(const std::string& url);
  // The URL with any password replaced by ***, for logs.
  static std::string Redact(const std::string& url);
};

class Database;

// A connection on loan from the pool; returned when destroyed.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  // Opens (and for SQLite creates) the database; throws DbError when it cannot.
  Database(const std::string& url, std::size_t pool_size);
  Dialect dialect() const { return url_.dialect; }

  // Waits up to 10 s for a free connection, then throws DbError(kBusy).
  Lease Acquire();
  // A new connection (the pool opens its own with it). Outside the pool: the SQLite writer of the
  // group committer, which writes the write-ahead log a transaction at a time (`batched_log`,
  // sqlite_wal_vfs.h).
  std::unique_ptr<Connection> OpenConnection(bool batched_log = false);

  struct Stats {
    std::size_t open = 0, in_use = 0, waiting = 0, capacity = 0;
  };
  Stats GetStats();

 private:
  friend class Lease;
  void Release(std::unique_ptr<Connection> conn);

  DatabaseUrl url_;
  std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
  std::size_t waiting_ = 0;
};

}  // namespace dvld::storage
