#include "storage/database.h"

#include <chrono>
#include <filesystem>

#include "storage/pg_connection.h"
#include "storage/sqlite_connection.h"

namespace dvld::storage {

DatabaseUrl DatabaseUrl::Parse(const std::string& url) {
  DatabaseUrl out;
  if (url.rfind("sqlite://", 0) == 0) {
    out.target = url.substr(9);  // sqlite:///abs -> /abs
  } else if (url.rfind("sqlite:", 0) == 0) {
    out.target = url.substr(7);
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    out.dialect = Dialect::kPostgres;
    out.target = url;
  } else {
    throw DbError(DbError::Kind::kConnection,
                  "unsupported database URL (use sqlite:PATH or postgresql://...): " + Redact(url));
  }
  if (out.target.empty()) throw DbError(DbError::Kind::kConnection, "the database URL names no database");
  return out;
}

std::string DatabaseUrl::Redact(const std::string& url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Lease::~Lease() {
  if (conn_ && db_) db_->Release(std::move(conn_));
}

Database::Database(const std::string& url, std::size_t pool_size)
    : url_(DatabaseUrl::Parse(url)), capacity_(pool_size == 0 ? 1 : pool_size) {
  if (url_.dialect == Dialect::kSqlite) {
    const auto parent = std::filesystem::path(url_.target).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  // Open one connection now so that a wrong URL fails at start, not at the first request.
  auto first = OpenConnection();
  std::lock_guard lock(mu_);
  ++open_;
  idle_.push_back(std::move(first));
}

std::unique_ptr<Connection> Database::OpenConnection(bool batched_log) {
  return url_.dialect == Dialect::kSqlite ? OpenSqlite(url_.target, batched_log) : OpenPostgres(url_.target);
}

Lease Database::Acquire() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    if (open_ < capacity_) {
      ++open_;
      lock.unlock();
      try {
        return Lease(this, OpenConnection());
      } catch (...) {
        lock.lock();
        --open_;
        cv_.notify_one();
        throw;
      }
    }
    ++waiting_;
    const bool got = cv_.wait_for(lock, std::chrono::seconds(10), [&] { return !idle_.empty() || open_ < capacity_; });
    --waiting_;
    if (!got) throw DbError(DbError::Kind::kBusy, "no database connection free within 10 s");
  }
}

void Database::Release(std::unique_ptr<Connection> conn) {
  bool healthy = false;
  try {
    conn->Rollback();  // a no-op unless a transaction was left open
    healthy = conn->Healthy();
  } catch (...) {
    healthy = false;
  }
  std::lock_guard lock(mu_);
  if (healthy) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  cv_.notify_one();
}

Database::Stats Database::GetStats() {
  std::lock_guard lock(mu_);
  return Stats{open_, open_ - idle_.size(), waiting_, capacity_};
}

}  // namespace dvld::storage
