#include "storage/sql_store.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <stdexcept>
#include <thread>

#include "storage/licensing_repository.h"
#include "storage/migrations.h"
#include "storage/repositories.h"
#include "storage/vehicle_repository.h"

namespace dvld::storage {

// SQLite has one writer at a time, and a durable COMMIT waits for an fsync (milliseconds on real
// disks), so one transaction per request caps writes at a few hundred a second. The committer runs
// the write units of work one after another on one connection, each inside a SAVEPOINT of a shared
// transaction, and COMMITs when no other writer is waiting (or after kMaxUnits units or kMaxAge):
// one fsync makes a whole burst durable. A unit's Commit() returns only after that COMMIT, so no
// request is answered before its write is on disk; if the COMMIT fails, every unit of the batch
// fails. A unit that does not commit is rolled back to its savepoint and leaves the others intact.
class GroupCommitter {
 public:
  static constexpr int kMaxUnits = 256;
  static constexpr auto kMaxAge = std::chrono::milliseconds(10);

  explicit GroupCommitter(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
  Connection& conn() { return *conn_; }

  struct Batch {
    bool done = false;
    std::string error;  // empty: committed
  };

  // Takes the writer and opens the unit's savepoint; the lock is held until Commit or Abandon.
  std::unique_lock<std::mutex> Enter() {
    if (owner_.load(std::memory_order_acquire) == std::this_thread::get_id()) {
      // A second write unit of work on a thread that holds one would wait for itself forever.
      throw std::logic_error("nested write unit of work on one thread");
    }
    waiting_.fetch_add(1, std::memory_order_acq_rel);
    std::unique_lock lock(mu_);
    waiting_.fetch_sub(1, std::memory_order_acq_rel);
    owner_.store(std::this_thread::get_id(), std::memory_order_release);
    try {
      if (!open_) {
        conn_->Begin(true);
        open_ = true;
        started_ = std::chrono::steady_clock::now();
        units_ = 0;
      }
      conn_->Execute("SAVEPOINT unit");
    } catch (...) {
      FinishIfIdle();
      owner_.store(std::thread::id(), std::memory_order_release);
      throw;
    }
    return lock;
  }

  // Keeps the unit's work and returns once it is durable; throws DbError when the batch failed.
  void Commit(std::unique_lock<std::mutex>& lock) {
    try {
      conn_->Execute("RELEASE unit");
    } catch (...) {
      Abandon(lock);
      throw;
    }
    ++units_;
    auto batch = current_;
    owner_.store(std::thread::id(), std::memory_order_release);
    if (ShouldCommit()) {
      CommitBatch();
    } else {
      lock.unlock();
      std::unique_lock wait(mu_);
      done_cv_.wait(wait, [&] { return batch->done; });
      wait.unlock();
    }
    if (lock.owns_lock()) lock.unlock();
    if (!batch->error.empty()) throw DbError(DbError::Kind::kOther, "commit failed: " + batch->error);
  }

  // Undoes the unit's work (the unit did not commit) and lets the next writer in.
  void Abandon(std::unique_lock<std::mutex>& lock) {
    try {
      conn_->Execute("ROLLBACK TO unit");
      conn_->Execute("RELEASE unit");
    } catch (...) {
      // The transaction is unusable: the batch fails as a whole.
      FailBatch("the write transaction was lost");
    }
    FinishIfIdle();
    owner_.store(std::thread::id(), std::memory_order_release);
    lock.unlock();
  }

 private:
  bool ShouldCommit() const {
    return waiting_.load(std::memory_order_acquire) == 0 || units_ >= kMaxUnits ||
           std::chrono::steady_clock::now() - started_ >= kMaxAge;
  }
  // When nobody waits, end the transaction so the database's write lock is not held idle.
  void FinishIfIdle() {
    if (open_ && ShouldCommit()) CommitBatch();
  }
  void CommitBatch() {
    std::string error;
    try {
      conn_->Commit();
    } catch (const std::exception& e) {
      error = e.what();
    }
    EndBatch(error);
  }
  void FailBatch(const std::string& why) { EndBatch(why); }
  // Closes the shared transaction (rolled back unless it committed) and wakes the batch's units.
  void EndBatch(const std::string& error) {
    if (!error.empty()) {
      try {
        conn_->Rollback();
      } catch (...) {
      }
    }
    open_ = false;
    current_->error = error;
    current_->done = true;
    current_ = std::make_shared<Batch>();
    done_cv_.notify_all();
  }

  std::unique_ptr<Connection> conn_;
  std::mutex mu_;
  std::condition_variable done_cv_;
  std::atomic<int> waiting_{0};
  std::atomic<std::thread::id> owner_{};
  bool open_ = false;
  int units_ = 0;
  std::chrono::steady_clock::time_point started_{};
  std::shared_ptr<Batch> current_ = std::make_shared<Batch>();
};

namespace {

class SqlUnitOfWork : public app::UnitOfWork {
 public:
  explicit SqlUnitOfWork(Connection& c)
      : users_(c),
        sessions_(c),
        api_keys_(c),
        people_(c),
        reference_(c),
        audit_(c),
        licensing_(c),
        idempotency_(c),
        vehicles_(c) {}
  app::UserRepository& Users() override { return users_; }
  app::SessionRepository& Sessions() override { return sessions_; }
  app::ApiKeyRepository& ApiKeys() override { return api_keys_; }
  app::PeopleRepository& People() override { return people_; }
  app::ReferenceRepository& Reference() override { return reference_; }
  app::AuditRepository& Audit() override { return audit_; }
  app::LicensingRepository& Licensing() override { return licensing_; }
  app::IdempotencyRepository& Idempotency() override { return idempotency_; }
  app::VehicleRepository& Vehicles() override { return vehicles_; }

 private:
  SqlUserRepository users_;
  SqlSessionRepository sessions_;
  SqlApiKeyRepository api_keys_;
  SqlPeopleRepository people_;
  SqlReferenceRepository reference_;
  SqlAuditRepository audit_;
  SqlLicensingRepository licensing_;
  SqlIdempotencyRepository idempotency_;
  SqlVehicleRepository vehicles_;
};

// One transaction on a pooled connection.
struct LeaseHolder {
  explicit LeaseHolder(Lease l) : lease(std::move(l)) {}
  Lease lease;
};
class PooledUnitOfWork final : private LeaseHolder, public SqlUnitOfWork {
 public:
  PooledUnitOfWork(Lease conn, bool write) : LeaseHolder(std::move(conn)), SqlUnitOfWork(*this->lease) {
    this->lease->Begin(write);
    if (write && this->lease->dialect() == Dialect::kPostgres) {
      // Almost every write appends to the audit chain, whose head row serialises appenders. Taking
      // it first gives every write transaction the same lock order: without it, one transaction
      // holding a counter (receipt, licence number) and waiting for the head while another holds
      // the head and waits for that counter was a deadlock (40P01, answered 503) under load.
      try {
        this->lease->Query("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE");
      } catch (...) {
        this->lease->Rollback();
        throw;
      }
    }
  }
  ~PooledUnitOfWork() override {
    if (!done_) {
      try {
        lease->Rollback();
      } catch (...) {  // the lease's release check replaces a broken connection
      }
    }
  }
  void Commit() override {
    lease->Commit();
    done_ = true;
  }

 private:
  bool done_ = false;
};

// A unit of work inside the group committer's shared transaction (SQLite writes).
class GroupUnitOfWork final : public SqlUnitOfWork {
 public:
  explicit GroupUnitOfWork(GroupCommitter& g) : SqlUnitOfWork(g.conn()), group_(g), lock_(g.Enter()) {}
  ~GroupUnitOfWork() override {
    if (lock_.owns_lock()) group_.Abandon(lock_);
  }
  void Commit() override { group_.Commit(lock_); }

 private:
  GroupCommitter& group_;
  std::unique_lock<std::mutex> lock_;
};

}  // namespace

SqlStore::SqlStore(Database& db) : db_(db) {
  if (db_.dialect() == Dialect::kSqlite) group_ = std::make_unique<GroupCommitter>(db_.OpenConnection());
}

SqlStore::~SqlStore() = default;

std::unique_ptr<app::UnitOfWork> SqlStore::Read() { return std::make_unique<PooledUnitOfWork>(db_.Acquire(), false); }

std::unique_ptr<app::UnitOfWork> SqlStore::Write() {
  if (group_) return std::make_unique<GroupUnitOfWork>(*group_);
  return std::make_unique<PooledUnitOfWork>(db_.Acquire(), true);
}

bool SqlStore::Ready() {
  try {
    auto conn = db_.Acquire();
    auto rows = conn->Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return rows.Int(0, 0) == LatestSchemaVersion(db_.dialect());
  } catch (const DbError&) {
    return false;
  }
}

app::StoreStats SqlStore::Stats() {
  const auto s = db_.GetStats();
  return app::StoreStats{s.open, s.in_use, s.waiting};
}

}  // namespace dvld::storage
