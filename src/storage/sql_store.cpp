#include "storage/sql_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "storage/licensing_repository.h"
#include "storage/migrations.h"
#include "storage/repositories.h"
#include "storage/vehicle_repository.h"

namespace dvld::storage {

// SQLite has one writer at a time, and a durable COMMIT waits for an fsync (milliseconds on real
// disks), so one transaction per request caps writes at a few hundred a second. The committer runs
// the write units of work one after another on one connection, each inside a SAVEPOINT of a shared
// transaction, and COMMITs when no other writer is waiting (or after kMaxUnits units or kMaxAge):
// one fsync makes a whole burst durable. A unit that does not commit is rolled back to its
// savepoint and leaves the others intact; if the COMMIT fails, every unit of the batch fails.
//
// The fsync is pipelined with the next batch (when the connection allows it, DeferCommitSync): the
// COMMIT only writes the batch to SQLite's write-ahead log, the writer lets the next batch in at
// once, and the thread that committed then fsyncs the log outside the writer's lock, one fsync
// covering every batch written before it. A unit's Commit() returns only once its batch is on
// disk, so no request is answered before its write is durable. Other connections may read a batch
// during its fsync (a few milliseconds): a power cut then loses a batch whose writers were never
// told it was saved.
class GroupCommitter {
 public:
  static constexpr int kMaxUnits = 256;
  static constexpr auto kMaxAge = std::chrono::milliseconds(10);

  explicit GroupCommitter(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {
    wal_path_ = conn_->DeferCommitSync();
  }
  ~GroupCommitter() {
    if (wal_fd_ >= 0) ::close(wal_fd_);
  }
  Connection& conn() { return *conn_; }
  AuditHeadCache& audit_head() { return head_; }
  void AddStats(app::StoreStats& s) const {
    s.write_units = units_total_.load(std::memory_order_relaxed);
    s.write_batches = batches_total_.load(std::memory_order_relaxed);
    s.log_syncs = syncs_total_.load(std::memory_order_relaxed);
    s.writer_busy_seconds = static_cast<double>(busy_ns_.load(std::memory_order_relaxed)) / 1e9;
  }

  struct Batch {
    bool done = false;  // durable, or failed (guarded by done_mu_)
    std::string error;  // empty: committed
    // Its own waiters only: with the fsync pipelined two batches are in flight, and one shared
    // condition would wake the next batch's writers (dozens of threads) for nothing.
    std::condition_variable cv;
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
    held_since_ = std::chrono::steady_clock::now();
    try {
      if (!open_) {
        conn_->Begin(true);
        open_ = true;
        started_ = std::chrono::steady_clock::now();
        units_ = 0;
        head_ = AuditHeadCache{};  // another process may have appended since the last batch
      }
      conn_->Execute("SAVEPOINT unit");
      unit_head_ = head_;
    } catch (...) {
      const bool written = FinishIfIdle();
      owner_.store(std::thread::id(), std::memory_order_release);
      Release(lock);
      if (written) Sync();
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
    const bool written = ShouldCommit() && CommitBatch();
    Release(lock);
    if (written) Sync();
    std::unique_lock wait(done_mu_);
    batch->cv.wait(wait, [&] { return batch->done; });
    const std::string error = batch->error;
    wait.unlock();
    if (!error.empty()) throw DbError(DbError::Kind::kOther, "commit failed: " + error);
  }

  // Undoes the unit's work (the unit did not commit) and lets the next writer in.
  void Abandon(std::unique_lock<std::mutex>& lock) {
    bool written = false;
    try {
      conn_->Execute("ROLLBACK TO unit");
      conn_->Execute("RELEASE unit");
      head_ = unit_head_;
      written = FinishIfIdle();
    } catch (...) {
      // The transaction is unusable: the batch fails as a whole.
      EndBatch("the write transaction was lost");
    }
    owner_.store(std::thread::id(), std::memory_order_release);
    Release(lock);
    if (written) Sync();
  }

 private:
  // Lets the next writer in, adding the time this one held the writer to the busy total.
  void Release(std::unique_lock<std::mutex>& lock) {
    const auto held = std::chrono::steady_clock::now() - held_since_;
    busy_ns_.fetch_add(static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(held).count()),
                       std::memory_order_relaxed);
    lock.unlock();
  }

  bool ShouldCommit() const {
    return waiting_.load(std::memory_order_acquire) == 0 || units_ >= kMaxUnits ||
           std::chrono::steady_clock::now() - started_ >= kMaxAge;
  }
  // When nobody waits, end the transaction so the database's write lock is not held idle. True when
  // a batch was written that the caller must Sync() once it has let the writer go.
  bool FinishIfIdle() { return open_ && ShouldCommit() && CommitBatch(); }

  // COMMITs the shared transaction (under mu_). True when the batch is written but waits for the
  // log's fsync (Sync); false when it is already finished: durable (the COMMIT synced) or failed.
  bool CommitBatch() {
    std::string error;
    try {
      if (head_.dirty) {
        conn_->Execute("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", {head_.seq, head_.hash});
      }
      conn_->Commit();
    } catch (const std::exception& e) {
      error = e.what();
    }
    if (error.empty() && units_ > 0) {
      batches_total_.fetch_add(1, std::memory_order_relaxed);
      units_total_.fetch_add(static_cast<std::uint64_t>(units_), std::memory_order_relaxed);
    }
    // A batch of abandoned units only changed nothing and nobody waits for it: no fsync.
    if (!error.empty() || wal_path_.empty() || units_ == 0) {
      EndBatch(error);
      return false;
    }
    auto batch = TakeBatch();
    std::lock_guard q(unsynced_mu_);
    unsynced_.push_back(std::move(batch));
    return true;
  }

  // Ends the shared transaction's bookkeeping (under mu_): the next unit starts a new batch.
  std::shared_ptr<Batch> TakeBatch() {
    open_ = false;
    return std::exchange(current_, std::make_shared<Batch>());
  }

  // Closes the shared transaction (rolled back unless it committed) and finishes its batch (under mu_).
  void EndBatch(const std::string& error) {
    if (!error.empty()) {
      try {
        conn_->Rollback();
      } catch (...) {
      }
    }
    Finish({TakeBatch()}, error);
  }

  void Finish(const std::vector<std::shared_ptr<Batch>>& batches, const std::string& error) {
    {
      std::lock_guard lock(done_mu_);
      for (const auto& b : batches) {
        b->error = error;
        b->done = true;
      }
    }
    for (const auto& b : batches) b->cv.notify_all();
  }

  // Makes every batch written so far durable with one fsync of the write-ahead log. One thread
  // syncs at a time; a thread that waited for it finds its batch done, or syncs the batches
  // written meanwhile together.
  void Sync() {
    std::lock_guard one(sync_mu_);
    std::vector<std::shared_ptr<Batch>> batches;
    {
      std::lock_guard q(unsynced_mu_);
      batches.swap(unsynced_);
    }
    if (batches.empty()) return;
    Finish(batches, SyncLog());
  }

  // fdatasync of the log (under sync_mu_); "" when done. The log is opened once, and again should
  // SQLite have replaced the file; a log that is gone was checkpointed into the database, which
  // SQLite synced.
  std::string SyncLog() {
    struct stat path_stat {};
    if (::stat(wal_path_.c_str(), &path_stat) != 0) {
      return errno == ENOENT ? std::string() : "cannot find the write-ahead log: " + std::string(strerror(errno));
    }
    struct stat fd_stat {};
    if (wal_fd_ >= 0 &&
        (::fstat(wal_fd_, &fd_stat) != 0 || fd_stat.st_ino != path_stat.st_ino || fd_stat.st_dev != path_stat.st_dev)) {
      ::close(wal_fd_);
      wal_fd_ = -1;
    }
    if (wal_fd_ < 0) {
      wal_fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
      if (wal_fd_ < 0) return "cannot open the write-ahead log: " + std::string(strerror(errno));
    }
    if (::fdatasync(wal_fd_) != 0) return "cannot sync the write-ahead log: " + std::string(strerror(errno));
    syncs_total_.fetch_add(1, std::memory_order_relaxed);
    return {};
  }

  std::unique_ptr<Connection> conn_;
  std::mutex mu_;  // the writer: held from Enter to Commit or Abandon
  std::atomic<int> waiting_{0};
  std::atomic<std::thread::id> owner_{};
  bool open_ = false;
  int units_ = 0;
  std::chrono::steady_clock::time_point started_{};
  std::chrono::steady_clock::time_point held_since_{};
  std::shared_ptr<Batch> current_ = std::make_shared<Batch>();
  AuditHeadCache head_;       // the batch's audit head (under mu_)
  AuditHeadCache unit_head_;  // as it was when the current unit began

  std::string wal_path_;  // "": every COMMIT is durable when it returns
  std::mutex unsynced_mu_;
  std::vector<std::shared_ptr<Batch>> unsynced_;  // written, not yet synced
  std::mutex sync_mu_;                            // one fsync at a time
  int wal_fd_ = -1;                               // under sync_mu_

  std::mutex done_mu_;

  std::atomic<std::uint64_t> units_total_{0}, batches_total_{0}, syncs_total_{0}, busy_ns_{0};
};

namespace {

class SqlUnitOfWork : public app::UnitOfWork {
 public:
  explicit SqlUnitOfWork(Connection& c, AuditHeadCache* head = nullptr)
      : users_(c),
        sessions_(c),
        api_keys_(c),
        people_(c),
        reference_(c),
        audit_(c, head),
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
  explicit GroupUnitOfWork(GroupCommitter& g) : SqlUnitOfWork(g.conn(), &g.audit_head()), group_(g), lock_(g.Enter()) {}
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
  app::StoreStats stats{s.open, s.in_use, s.waiting};
  if (group_) group_->AddStats(stats);
  return stats;
}

}  // namespace dvld::storage
