#include "storage/sql_store.h"

#include <fcntl.h>
#include <pthread.h>
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
// transaction, and COMMITs when no other write is on its way (no thread waits for the writer and no
// write request is queued for a thread), or after kMaxUnits units or kMaxAge: one fsync makes a
// whole burst durable. A unit that does not commit is rolled back to its savepoint and leaves the
// others intact; if the COMMIT fails, every unit of the batch fails.
//
// The fsync is pipelined with the next batch (when the connection allows it, DeferCommitSync): the
// COMMIT only writes the batch to SQLite's write-ahead log, the writer lets the next batch in at
// once, and the committer's own thread fsyncs the log outside the writer's lock, one fsync covering
// every batch written before it, and then finishes those batches. A unit's Commit() returns once
// its batch is on disk, so no request is answered before its write is durable; inside an
// app::DeferredCommits scope it returns at once and the scope waits instead (the HTTP write threads
// go on to their next request). Other connections may read a batch during its fsync (a few
// milliseconds): a power cut then loses a batch whose writers were never told it was saved.
class GroupCommitter {
 public:
  static constexpr int kMaxUnits = 256;
  static constexpr auto kMaxAge = std::chrono::milliseconds(10);

  GroupCommitter(std::unique_ptr<Connection> conn, std::chrono::milliseconds stale)
      : conn_(std::move(conn)), stale_(stale) {
    wal_path_ = conn_->DeferCommitSync();
    syncer_ = std::thread([this] { SyncLoop(); });
  }
  ~GroupCommitter() {
    {
      std::unique_lock lock(mu_);
      if (open_) CommitBatch();  // a batch kept open for a write that never came
    }
    {
      std::lock_guard q(unsynced_mu_);
      stopping_ = true;
    }
    unsynced_cv_.notify_one();
    syncer_.join();
    if (wal_fd_ >= 0) ::close(wal_fd_);
  }
  Connection& conn() { return *conn_; }
  AuditHeadCache& audit_head() { return head_; }
  FtsChanges& unit_fts() { return unit_fts_; }
  void AddStats(app::StoreStats& s) const {
    s.write_units = units_total_.load(std::memory_order_relaxed);
    s.write_batches = batches_total_.load(std::memory_order_relaxed);
    s.log_syncs = syncs_total_.load(std::memory_order_relaxed);
    s.writer_busy_seconds = static_cast<double>(busy_ns_.load(std::memory_order_relaxed)) / 1e9;
    s.log_sync_seconds = static_cast<double>(sync_ns_.load(std::memory_order_relaxed)) / 1e9;
    s.stale_batches = stale_commits_.load(std::memory_order_relaxed);
  }

  // The units of work of one transaction.
  class Batch final : public app::PendingCommit {
   public:
    void WhenDone(std::function<void(const std::string& error)> done) override {
      std::unique_lock lock(mu_);
      if (!done_) {
        callbacks_.push_back(std::move(done));
        return;
      }
      const std::string error = error_;
      lock.unlock();
      done(error);
    }
    // Waits until it is durable or failed; "" or why it failed.
    std::string Wait() {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return done_; });
      return error_;
    }
    void Finish(const std::string& error) {
      std::vector<std::function<void(const std::string&)>> callbacks;
      {
        std::lock_guard lock(mu_);
        error_ = error;
        done_ = true;
        callbacks.swap(callbacks_);
      }
      cv_.notify_all();
      for (auto& done : callbacks) done(error);
    }

   private:
    std::mutex mu_;
    std::condition_variable cv_;  // its own waiters only: two batches are in flight
    bool done_ = false;           // durable, or failed
    std::string error_;           // empty: committed
    std::vector<std::function<void(const std::string&)>> callbacks_;
  };

  // Write requests queued for a thread: a batch stays open for them.
  void Queued(int delta) { queued_.fetch_add(delta); }

  // After a write request: commits the batch if it was kept open for writes that did not come.
  void Settle() {
    own_open_batch_.reset();
    if (!open_.load() || waiting_.load() != 0 || queued_.load() != 0) return;
    if (owner_.load(std::memory_order_acquire) == std::this_thread::get_id()) return;
    std::unique_lock lock(mu_);
    CommitOpenBatchIf(lock, [&] { return ShouldCommit(); });
  }

  // Before a read: a write this thread committed in a DeferredCommits scope may sit in a batch
  // still kept open for queued requests, which other connections do not see yet. A request that
  // reads what it has just written (a new vehicle's record, a signing key) commits that batch
  // first, as a thread that waited for its Commit() would have found it.
  void MakeOwnWritesVisible() {
    auto mine = own_open_batch_.lock();
    own_open_batch_.reset();
    if (!mine || !open_.load()) return;
    if (owner_.load(std::memory_order_acquire) == std::this_thread::get_id()) return;  // inside its own unit
    std::unique_lock lock(mu_);
    CommitOpenBatchIf(lock, [&] { return current_ == mine; });
  }

  // Takes the writer and opens the unit's savepoint; the lock is held until Commit or Abandon.
  std::unique_lock<std::mutex> Enter() {
    if (owner_.load(std::memory_order_acquire) == std::this_thread::get_id()) {
      // A second write unit of work on a thread that holds one would wait for itself forever.
      throw std::logic_error("nested write unit of work on one thread");
    }
    waiting_.fetch_add(1);
    std::unique_lock lock(mu_);
    waiting_.fetch_sub(1);
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
      unit_fts_.clear();
    } catch (...) {
      FinishIfIdle();
      owner_.store(std::thread::id(), std::memory_order_release);
      Release(lock);
      throw;
    }
    return lock;
  }

  // Keeps the unit's work. Returns once it is durable, and throws DbError when the batch failed;
  // inside a DeferredCommits scope returns at once, and the scope learns how the batch ended.
  void Commit(std::unique_lock<std::mutex>& lock) {
    try {
      conn_->Execute("RELEASE unit");
    } catch (...) {
      Abandon(lock);
      throw;
    }
    ++units_;
    for (auto& change : unit_fts_) batch_fts_.push_back(std::move(change));
    unit_fts_.clear();
    auto batch = current_;
    owner_.store(std::thread::id(), std::memory_order_release);
    if (ShouldCommit()) CommitBatch();
    Release(lock);
    if (auto* scope = app::DeferredCommits::Current()) {
      own_open_batch_ = batch;
      scope->Add(std::move(batch));
      return;
    }
    const std::string error = batch->Wait();
    if (!error.empty()) throw DbError(DbError::Kind::kOther, "commit failed: " + error);
  }

  // Undoes the unit's work (the unit did not commit) and lets the next writer in.
  void Abandon(std::unique_lock<std::mutex>& lock) {
    try {
      conn_->Execute("ROLLBACK TO unit");
      conn_->Execute("RELEASE unit");
      head_ = unit_head_;
      FinishIfIdle();
    } catch (...) {
      // The transaction is unusable: the batch fails as a whole.
      EndBatch("the write transaction was lost");
    }
    owner_.store(std::thread::id(), std::memory_order_release);
    Release(lock);
  }

 private:
  // Holding the writer outside any unit (`lock` on mu_): commits the open batch when `commit()`
  // says so, then lets the writer go.
  template <typename Pred>
  void CommitOpenBatchIf(std::unique_lock<std::mutex>& lock, Pred commit) {
    held_since_ = std::chrono::steady_clock::now();
    if (open_ && commit()) CommitBatch();
    Release(lock);
  }

  // Lets the next writer in, adding the time this one held the writer to the busy total.
  void Release(std::unique_lock<std::mutex>& lock) {
    const auto held = std::chrono::steady_clock::now() - held_since_;
    busy_ns_.fetch_add(static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(held).count()),
                       std::memory_order_relaxed);
    lock.unlock();
  }

  // Under mu_. The reads pair with Settle's: a writer that leaves its batch open because a request
  // is queued, and that request's thread when it finds nothing to write, cannot both miss the other.
  bool ShouldCommit() const {
    return (waiting_.load() == 0 && queued_.load() == 0) || units_ >= kMaxUnits ||
           std::chrono::steady_clock::now() - started_ >= kMaxAge;
  }
  // When no write is on its way, end the transaction so the database's write lock is not held idle.
  void FinishIfIdle() {
    if (open_ && ShouldCommit()) CommitBatch();
  }

  // COMMITs the shared transaction (under mu_) and hands the batch to the syncer thread, which
  // finishes it once the log is on disk (or at once, failed or when the COMMIT itself synced).
  void CommitBatch() {
    std::string error;
    try {
      // The batch's full-text changes, outside any savepoint: FTS5 writes them as one segment at
      // the COMMIT (FtsChange).
      ApplyFtsChanges(*conn_, batch_fts_);
      SaveAuditHead(*conn_, head_);
      conn_->Commit();
    } catch (const std::exception& e) {
      error = e.what();
    }
    if (!error.empty()) return EndBatch(error);
    if (units_ == 0) {
      // Only abandoned units: it changed nothing and nobody waits for it.
      TakeBatch()->Finish({});
      return;
    }
    batches_total_.fetch_add(1, std::memory_order_relaxed);
    units_total_.fetch_add(static_cast<std::uint64_t>(units_), std::memory_order_relaxed);
    Hand(TakeBatch(), {});
  }

  // Ends the shared transaction's bookkeeping (under mu_): the next unit starts a new batch.
  std::shared_ptr<Batch> TakeBatch() {
    open_ = false;
    batch_fts_.clear();
    return std::exchange(current_, std::make_shared<Batch>());
  }

  // Rolls the shared transaction back and fails its batch (under mu_).
  void EndBatch(const std::string& error) {
    try {
      conn_->Rollback();
    } catch (...) {
    }
    Hand(TakeBatch(), error);
  }

  // Gives a written (error "") or failed batch to the syncer thread, which finishes batches in the
  // order they were written: their callbacks never run under the writer's lock.
  void Hand(std::shared_ptr<Batch> batch, std::string error) {
    {
      std::lock_guard q(unsynced_mu_);
      unsynced_.push_back({std::move(batch), std::move(error)});
    }
    unsynced_cv_.notify_one();
  }

  // The syncer thread: one fsync of the write-ahead log makes every batch written before it
  // durable, then their writers are told.
  void SyncLoop() {
    pthread_setname_np(pthread_self(), "dvld-log-sync");
    std::unique_lock q(unsynced_mu_);
    for (;;) {
      if (!unsynced_cv_.wait_for(q, stale_, [&] { return stopping_ || !unsynced_.empty(); })) {
        q.unlock();
        CommitIfStale();
        q.lock();
        continue;
      }
      if (unsynced_.empty()) return;  // stopping, and every batch finished
      auto batches = std::move(unsynced_);
      unsynced_.clear();
      q.unlock();
      bool written = false;
      for (const auto& b : batches) written = written || b.error.empty();
      const std::string sync_error = written && !wal_path_.empty() ? SyncLog() : std::string();
      for (auto& b : batches) b.batch->Finish(b.error.empty() ? sync_error : b.error);
      batches.clear();
      q.lock();
    }
  }

  // A safety net (on the syncer thread): a batch kept open for a write that was announced but has
  // not come for `stale_`, with no unit holding the writer, is committed, so that no answer waits on
  // a request that is slow to start or that the accounting above missed.
  void CommitIfStale() {
    if (!open_.load()) return;
    std::unique_lock lock(mu_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    CommitOpenBatchIf(lock, [&] {
      const bool stale = held_since_ - started_ >= stale_;
      if (stale) stale_commits_.fetch_add(1, std::memory_order_relaxed);
      return stale;
    });
  }

  // fdatasync of the log (on the syncer thread); "" when done. The log is opened once, and again
  // should SQLite have replaced the file; a log that is gone was checkpointed into the database,
  // which SQLite synced.
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
    const auto start = std::chrono::steady_clock::now();
    const int synced = ::fdatasync(wal_fd_);
    const auto took = std::chrono::steady_clock::now() - start;
    sync_ns_.fetch_add(static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(took).count()),
                       std::memory_order_relaxed);
    if (synced != 0) return "cannot sync the write-ahead log: " + std::string(strerror(errno));
    syncs_total_.fetch_add(1, std::memory_order_relaxed);
    return {};
  }

  std::unique_ptr<Connection> conn_;
  const std::chrono::milliseconds stale_;
  std::mutex mu_;                // the writer: held from Enter to Commit or Abandon
  std::atomic<int> waiting_{0};  // threads waiting for the writer
  std::atomic<int> queued_{0};   // write requests queued for a thread
  std::atomic<std::thread::id> owner_{};
  std::atomic<bool> open_{false};  // a batch is open (written under mu_; Settle reads it outside)
  int units_ = 0;
  std::chrono::steady_clock::time_point started_{};
  std::chrono::steady_clock::time_point held_since_{};
  std::shared_ptr<Batch> current_ = std::make_shared<Batch>();
  AuditHeadCache head_;       // the batch's audit head (under mu_)
  AuditHeadCache unit_head_;  // as it was when the current unit began
  FtsChanges unit_fts_;       // the current unit's full-text changes (under mu_; emptied by Enter)
  FtsChanges batch_fts_;      // those of the batch's committed units, applied before its COMMIT

  std::string wal_path_;  // "": every COMMIT is durable when it returns
  struct Unsynced {
    std::shared_ptr<Batch> batch;
    std::string error;  // "": written, to be synced
  };
  std::mutex unsynced_mu_;
  std::condition_variable unsynced_cv_;
  std::vector<Unsynced> unsynced_;  // handed to the syncer thread (under unsynced_mu_)
  bool stopping_ = false;           // under unsynced_mu_
  int wal_fd_ = -1;                 // the syncer thread's
  std::thread syncer_;

  std::atomic<std::uint64_t> units_total_{0}, batches_total_{0}, syncs_total_{0}, busy_ns_{0}, sync_ns_{0};
  std::atomic<std::uint64_t> stale_commits_{0};  // batches the safety net committed
  // The batch of this thread's last deferred Commit() (MakeOwnWritesVisible).
  static thread_local std::weak_ptr<Batch> own_open_batch_;
};

thread_local std::weak_ptr<GroupCommitter::Batch> GroupCommitter::own_open_batch_;

namespace {

class SqlUnitOfWork : public app::UnitOfWork {
 public:
  explicit SqlUnitOfWork(Connection& c, AuditHeadCache* head = nullptr, FtsChanges* deferred_fts = nullptr)
      : users_(c),
        sessions_(c),
        api_keys_(c),
        people_(c, deferred_fts),
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
  LeaseHolder(Lease l, bool write) : lease(std::move(l)), keeps_head(write && lease->dialect() == Dialect::kPostgres) {}
  Lease lease;
  // PostgreSQL writes: the audit chain's head, locked at BEGIN and kept for the transaction.
  const bool keeps_head;
  AuditHeadCache head;
};
class PooledUnitOfWork final : private LeaseHolder, public SqlUnitOfWork {
 public:
  PooledUnitOfWork(Lease conn, bool write)
      : LeaseHolder(std::move(conn), write), SqlUnitOfWork(*this->lease, keeps_head ? &this->head : nullptr) {
    this->lease->Begin(write);
    if (keeps_head) {
      // Almost every write appends to the audit chain, whose head row serialises appenders. Taking
      // it first gives every write transaction the same lock order: without it, one transaction
      // holding a counter (receipt, licence number) and waiting for the head while another holds
      // the head and waits for that counter was a deadlock (40P01, answered 503) under load. With
      // the row locked until COMMIT, the transaction keeps the head itself: an entry is one INSERT,
      // and the head row is written once, before COMMIT (as the SQLite group committer does).
      try {
        LoadAuditHead(*this->lease, head, /*for_update=*/true);
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
    SaveAuditHead(*lease, head);
    lease->Commit();
    done_ = true;
  }

 private:
  bool done_ = false;
};

// A unit of work inside the group committer's shared transaction (SQLite writes).
class GroupUnitOfWork final : public SqlUnitOfWork {
 public:
  explicit GroupUnitOfWork(GroupCommitter& g)
      : SqlUnitOfWork(g.conn(), &g.audit_head(), &g.unit_fts()), group_(g), lock_(g.Enter()) {}
  ~GroupUnitOfWork() override {
    if (lock_.owns_lock()) group_.Abandon(lock_);
  }
  void Commit() override { group_.Commit(lock_); }

 private:
  GroupCommitter& group_;
  std::unique_lock<std::mutex> lock_;
};

}  // namespace

SqlStore::SqlStore(Database& db, std::chrono::milliseconds stale_batch) : db_(db) {
  if (db_.dialect() == Dialect::kSqlite)
    group_ = std::make_unique<GroupCommitter>(db_.OpenConnection(/*batched_log=*/true), stale_batch);
}

SqlStore::~SqlStore() = default;

std::unique_ptr<app::UnitOfWork> SqlStore::Read() {
  if (group_) group_->MakeOwnWritesVisible();
  return std::make_unique<PooledUnitOfWork>(db_.Acquire(), false);
}

std::unique_ptr<app::UnitOfWork> SqlStore::Write() {
  if (group_) return std::make_unique<GroupUnitOfWork>(*group_);
  return std::make_unique<PooledUnitOfWork>(db_.Acquire(), true);
}

void SqlStore::WriteRequestsQueued(int delta) {
  if (group_) group_->Queued(delta);
}

void SqlStore::WriteRequestDone() {
  if (group_) group_->Settle();
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
