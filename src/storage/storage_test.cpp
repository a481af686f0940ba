#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "app/principal.h"
#include "core/crypto.h"
#include "storage/audit_verify.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sql_store.h"
#include "storage/sqlite_connection.h"

namespace dvld::storage {
namespace {

// A valid person of the Al-Abbadi family with the given first name.
domain::PersonData person(std::string first_en, std::string first_ar, std::string national_no) {
  domain::PersonData p;
  p.national_no = std::move(national_no);
  p.first_name_ar = std::move(first_ar);
  p.second_name_ar = "أحمد";
  p.last_name_ar = "العبادي";
  p.first_name_en = std::move(first_en);
  p.second_name_en = "Ahmad";
  p.last_name_en = "Al-Abbadi";
  p.date_of_birth = "1990-05-17";
  p.gender = "male";
  p.nationality_code = "JO";
  return p;
}

class SqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::InitCrypto();
    dir_ = std::filesystem::temp_directory_path() / ("dvld-storage-" + core::RandomHex(6));
    url_ = "sqlite:" + (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string url_;
};

TEST(DatabaseUrl, ParsesBothDialectsAndRedactsPasswords) {
  EXPECT_EQ(DatabaseUrl::Parse("sqlite:var/dvld.db").target, "var/dvld.db");
  EXPECT_EQ(DatabaseUrl::Parse("sqlite:///abs/path.db").target, "/abs/path.db");
  const auto pg = DatabaseUrl::Parse("postgresql://u:secret@h:5432/db");
  EXPECT_EQ(pg.dialect, Dialect::kPostgres);
  EXPECT_THROW(DatabaseUrl::Parse("mysql://x"), DbError);
  EXPECT_THROW(DatabaseUrl::Parse("sqlite:"), DbError);
  EXPECT_EQ(DatabaseUrl::Redact("postgresql://u:secret@h:5432/db"), "postgresql://u:***@h:5432/db");
  EXPECT_EQ(DatabaseUrl::Redact("sqlite:var/dvld.db"), "sqlite:var/dvld.db");
}

TEST_F(SqliteTest, MigratesOnceAndRecordsEachMigration) {
  Database db(url_, 2);
  const auto first = Migrate(db);
  EXPECT_EQ(first.from_version, 0);
  EXPECT_EQ(first.to_version, LatestSchemaVersion(Dialect::kSqlite));
  EXPECT_FALSE(first.applied.empty());
  const auto again = Migrate(db);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.to_version, first.to_version);
  auto conn = db.Acquire();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM schema_migrations").Int(0, 0), first.to_version);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM license_classes").Int(0, 0), 7);
  EXPECT_EQ(conn->Query("SELECT fee_fils FROM license_classes WHERE id = $1", {std::int64_t{4}}).Int(0, 0), 200000);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM test_types").Int(0, 0), 3);
  EXPECT_EQ(conn->Query("SELECT journal_mode FROM pragma_journal_mode").Text(0, 0), "wal");
}

TEST_F(SqliteTest, ValueListChecksStillRefuseAndNeedNoTemporaryIndex) {
  Database db(url_, 2);
  Migrate(db);
  auto conn = db.Acquire();
  // Every CHECK of a list of three values or more (migration 0014 rewrote them as comparisons): a
  // write to the column opens no temporary b-tree, which SQLite builds for `IN (...)` lists.
  const std::vector<std::pair<std::string, std::string>> checked = {{"users", "role"},
                                                                    {"api_keys", "scope"},
                                                                    {"audit_log", "actor_type"},
                                                                    {"applications", "status"},
                                                                    {"bills", "status"},
                                                                    {"test_appointments", "status"},
                                                                    {"licenses", "issue_reason"},
                                                                    {"vehicles", "category"},
                                                                    {"transfers", "status"},
                                                                    {"violations", "status"}};
  for (const auto& [table, column] : checked) {
    const auto program = conn->Query("EXPLAIN UPDATE " + table + " SET " + column + " = 'x' WHERE rowid = 1");
    for (std::size_t i = 0; i < program.size(); ++i) {
      EXPECT_NE(program.Text(i, 1), "OpenEphemeral") << table << "." << column;
    }
  }
  const char* kEntry =
      "INSERT INTO audit_log (at, actor_type, actor_name, action, entity, request_id, prev_hash, hash) "
      "VALUES ('2026-11-28T00:00:00Z', $1, 'a', 'b', 'c', 'r', 'p', 'h')";
  try {
    conn->Execute(kEntry, {std::string("nobody")});
    ADD_FAILURE() << "an actor type outside the list was stored";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kCheck);
  }
  for (const char* type : {"user", "api-key", "system"}) EXPECT_EQ(conn->Execute(kEntry, {std::string(type)}), 1);
  // Insert answers the new row's id without RETURNING.
  const auto id = conn->Insert(kEntry, {std::string("system")});
  EXPECT_EQ(id, conn->Query("SELECT MAX(seq) FROM audit_log").Int(0, 0));
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM audit_log").Int(0, 0), 4);
}

TEST_F(SqliteTest, NumberedParametersIgnoreDollarsInsideQuotes) {
  Database db(url_, 1);
  auto conn = db.Acquire();
  auto rows = conn->Query("SELECT '$1 stays', $2, $1", {std::int64_t{7}, std::string("two")});
  EXPECT_EQ(rows.Text(0, 0), "$1 stays");
  EXPECT_EQ(rows.Text(0, 1), "two");
  EXPECT_EQ(rows.Int(0, 2), 7);
  EXPECT_TRUE(conn->Query("SELECT $1", {Null{}}).IsNull(0, 0));
}

TEST_F(SqliteTest, ArabicTextRoundTripsByteForByte) {
  Database db(url_, 1);
  Migrate(db);
  auto conn = db.Acquire();
  const std::string name = "مُحَمَّد بن عبد الله – Ω ✓";
  EXPECT_EQ(conn->Query("SELECT $1", {name}).Text(0, 0), name);
}

TEST_F(SqliteTest, UniqueViolationsAreTypedAndRolledBack) {
  Database db(url_, 2);
  Migrate(db);
  SqlStore store(db);
  app::UserRecord u;
  u.username = "clerk1";
  u.password_hash = "x";
  u.branch_id = 1;
  {
    auto uow = store.Write();
    ASSERT_TRUE(uow->Users().Insert(u));
    EXPECT_FALSE(uow->Users().Insert(u)) << "a taken user name answers nullopt, not an exception";
    uow->Commit();
  }
  {
    auto uow = store.Write();
    u.username = "clerk2";
    ASSERT_TRUE(uow->Users().Insert(u));
    // No commit: rolled back.
  }
  auto uow = store.Read();
  EXPECT_TRUE(uow->Users().FindByUsername("clerk1"));
  EXPECT_FALSE(uow->Users().FindByUsername("clerk2"));
}

TEST_F(SqliteTest, ConstraintsGuardTheSchema) {
  Database db(url_, 1);
  Migrate(db);
  auto conn = db.Acquire();
  try {
    conn->Execute(
        "INSERT INTO users (username, password_hash, role, branch_id, created_at, updated_at) "
        "VALUES ('x', 'h', 'superuser', 1, 't', 't')");
    FAIL() << "an unknown role was stored";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kCheck);
  }
  try {
    conn->Execute(
        "INSERT INTO users (username, password_hash, role, branch_id, created_at, updated_at) "
        "VALUES ('x', 'h', 'clerk', 999, 't', 't')");
    FAIL() << "a user in a branch that does not exist was stored";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kForeignKey);
  }
}

TEST_F(SqliteTest, PoolReusesConnectionsAndReportsUse) {
  Database db(url_, 2);
  {
    auto a = db.Acquire();
    auto b = db.Acquire();
    EXPECT_EQ(db.GetStats().in_use, 2u);
  }
  EXPECT_EQ(db.GetStats().in_use, 0u);
  EXPECT_EQ(db.GetStats().open, 2u);
}

TEST_F(SqliteTest, ReadyOnlyWhenMigrated) {
  Database db(url_, 1);
  SqlStore store(db);
  EXPECT_FALSE(store.Ready());
  Migrate(db);
  EXPECT_TRUE(store.Ready());
}

}  // namespace
}  // namespace dvld::storage

namespace dvld::storage {
namespace {

// Many threads writing at once through the group committer: every committed unit is kept, every
// abandoned one leaves nothing, whatever batch they shared.
// The group committer's connection keeps a unit's savepoint journal in memory up to a limit and
// then writes it to a temporary file in one call. The unix VFS writes a length modulo 128 KiB, so
// with the 256 KiB limit every unit that changed more than that failed with "database or disk is
// full" (at 10M people, every registration) and lost its batch; the batched-log VFS now writes
// such journals in pieces. A unit that changes ~2 MiB of existing pages must commit.
TEST_F(SqliteTest, AUnitOfWorkLargerThanTheInMemorySavepointJournalCommits) {
  std::filesystem::create_directories(dir_);
  auto conn = OpenSqlite((dir_ / "big.db").string(), /*batched_log=*/true);
  ASSERT_FALSE(conn->DeferCommitSync().empty());
  conn->ExecuteScript("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  conn->Begin(true);
  const std::string text(400, 'x');
  for (int i = 0; i < 5000; ++i) conn->Execute("INSERT INTO t (v) VALUES ($1)", {text});
  conn->Commit();
  conn->Begin(true);  // as GroupCommitter: a batch's transaction, a savepoint a unit
  conn->Execute("SAVEPOINT unit");
  EXPECT_EQ(conn->Execute("UPDATE t SET v = $1", {std::string(400, 'y')}), 5000);
  conn->Execute("RELEASE unit");
  conn->Commit();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM t WHERE v LIKE 'y%'").Int(0, 0), 5000);
}

TEST_F(SqliteTest, GroupCommitKeepsCommittedUnitsAndDropsAbandonedOnes) {
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db);
  constexpr int kThreads = 8, kEach = 40;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < kEach; ++i) {
        auto uow = store.Write();
        const auto key = "k" + std::to_string(t) + "-" + std::to_string(i);
        EXPECT_FALSE(uow->Idempotency().Claim("group-test", key, "h", core::SysTime{}));
        if (i % 3 != 0) uow->Commit();  // every third unit is abandoned
      }
    });
  }
  for (auto& th : threads) th.join();
  auto conn = db.Acquire();
  const auto kept = conn->Query("SELECT COUNT(*) FROM idempotency_keys WHERE principal = 'group-test'").Int(0, 0);
  EXPECT_EQ(kept, kThreads * (kEach - (kEach + 2) / 3));
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key LIKE '%-0'").Int(0, 0), 0);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = 'k3-1'").Int(0, 0), 1);
  // Every committed unit was in a committed batch, and every batch was made durable by an fsync of
  // the write-ahead log after its COMMIT (SQLite's own COMMIT does not sync on the writer).
  const auto stats = store.Stats();
  EXPECT_EQ(stats.write_units, static_cast<std::uint64_t>(kept));
  EXPECT_GE(stats.write_batches, 1u);
  EXPECT_LE(stats.write_batches, stats.write_units);
  EXPECT_GE(stats.log_syncs, 1u);
  EXPECT_LE(stats.log_syncs, stats.write_batches);
  EXPECT_EQ(db.Acquire()->Query("PRAGMA synchronous").Int(0, 0), 2) << "readers keep synchronous=FULL";
}

TEST_F(SqliteTest, AuditChainStaysLinkedAcrossBatchesRollbacksAndOtherWriters) {
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db);
  const auto who = app::Principal::System("audit-test");
  // Concurrent units share batches, whose audit head the committer keeps; every third unit is
  // rolled back after appending and must hand the head back as it found it.
  constexpr int kThreads = 6, kEach = 30;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto uow = store.Write();
        uow->Audit().Append(who, core::SysTime{}, "test", "thing", t * 100 + i, std::nullopt, std::string("{}"));
        uow->Audit().Append(who, core::SysTime{}, "test", "thing", t * 100 + i, std::string("{}"), std::nullopt);
        if (i % 3 != 0) uow->Commit();
      }
    });
  }
  for (auto& th : threads) th.join();
  // Another process appending between two batches (here a second store on the same file): the
  // next batch reads the head again instead of reusing what the last one left.
  Database other_db(url_, 1);
  SqlStore other(other_db);
  for (int i = 0; i < 3; ++i) {
    auto mine = store.Write();
    mine->Audit().Append(who, core::SysTime{}, "test", "mine", i, std::nullopt, std::nullopt);
    mine->Commit();
    auto theirs = other.Write();
    theirs->Audit().Append(who, core::SysTime{}, "test", "theirs", i, std::nullopt, std::nullopt);
    theirs->Commit();
  }
  const std::int64_t expected = kThreads * (kEach - (kEach + 2) / 3) * 2 + 6;
  const auto result = VerifyAuditChain(db);
  EXPECT_TRUE(result.ok) << result.reason << " at " << result.broken_seq;
  auto conn = db.Acquire();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM audit_log").Int(0, 0), expected);
  EXPECT_EQ(conn->Query("SELECT seq FROM audit_head").Int(0, 0), expected);
  EXPECT_EQ(conn->Query("SELECT hash FROM audit_head").Text(0, 0),
            conn->Query("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").Text(0, 0));
}

// What DeferredCommits::WhenDurable reports, waited for with a generous bound (a missed report
// fails the test instead of hanging it).
struct DurableReport {
  std::promise<std::string> promise;
  std::future<std::string> future = promise.get_future();
  std::atomic<int> calls{0};
  std::function<void(const std::string&)> Callback() {
    return [this](const std::string& error) {
      if (calls.fetch_add(1) == 0) promise.set_value(error);
    };
  }
  bool Arrived(std::chrono::milliseconds within) { return future.wait_for(within) == std::future_status::ready; }
};

TEST_F(SqliteTest, DeferredCommitsReturnAtOnceAndReportDurabilityOnce) {
  DurableReport report;  // outlives the store, which may still finish a batch as it closes
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db);
  {
    app::DeferredCommits deferred;
    for (int i = 0; i < 3; ++i) {
      auto uow = store.Write();
      EXPECT_FALSE(uow->Idempotency().Claim("deferred", "k" + std::to_string(i), "h", core::SysTime{}));
      uow->Commit();  // returns without waiting for the fsync
    }
    auto abandoned = store.Write();
    abandoned->Idempotency().Claim("deferred", "dropped", "h", core::SysTime{});
    abandoned.reset();
    deferred.WhenDurable(report.Callback());
  }
  ASSERT_TRUE(report.Arrived(std::chrono::seconds(30)));
  EXPECT_EQ(report.future.get(), "");
  EXPECT_EQ(report.calls.load(), 1);
  auto conn = db.Acquire();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM idempotency_keys WHERE principal = 'deferred'").Int(0, 0), 3);
  EXPECT_GE(store.Stats().log_syncs, 1u) << "durable means the log was synced";
  // Outside a scope Commit() waits as before.
  EXPECT_EQ(app::DeferredCommits::Current(), nullptr);
  store.Write()->Commit();
}

TEST_F(SqliteTest, ABatchKeptOpenForAQueuedRequestIsCommittedWhenThatRequestWritesNothing) {
  DurableReport report;  // outlives the store, which may still finish a batch as it closes
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db, std::chrono::hours(1));  // no safety net: the accounting alone
  store.WriteRequestsQueued(1);               // another request is queued: the batch stays open for it
  {
    app::DeferredCommits deferred;
    auto uow = store.Write();
    uow->Idempotency().Claim("queued", "first", "h", core::SysTime{});
    uow->Commit();
    store.WriteRequestDone();  // the queued request is still to come: nothing to do yet
    deferred.WhenDurable(report.Callback());
  }
  EXPECT_FALSE(report.Arrived(std::chrono::milliseconds(50))) << "the batch waits for the queued request";
  EXPECT_EQ(report.calls.load(), 0);
  // The queued request starts and ends without writing: it commits the batch left open for it.
  std::thread([&store] {
    store.WriteRequestsQueued(-1);
    store.WriteRequestDone();
  }).join();
  ASSERT_TRUE(report.Arrived(std::chrono::seconds(30)));
  EXPECT_EQ(report.future.get(), "");
  EXPECT_EQ(db.Acquire()->Query("SELECT COUNT(*) FROM idempotency_keys WHERE principal = 'queued'").Int(0, 0), 1);
}

TEST_F(SqliteTest, ABatchKeptOpenForARequestThatNeverComesIsCommittedBySafetyNet) {
  DurableReport report;
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db, std::chrono::milliseconds(20));
  store.WriteRequestsQueued(1);  // announced, and then never run (as if the accounting missed it)
  {
    app::DeferredCommits deferred;
    auto uow = store.Write();
    uow->Idempotency().Claim("stale", "first", "h", core::SysTime{});
    uow->Commit();
    deferred.WhenDurable(report.Callback());
  }
  ASSERT_TRUE(report.Arrived(std::chrono::seconds(30)));
  EXPECT_EQ(report.future.get(), "");
  EXPECT_EQ(store.Stats().stale_batches, 1u);
  store.WriteRequestsQueued(-1);
}

TEST_F(SqliteTest, AReadAfterADeferredCommitSeesTheWriteEvenWhileItsBatchIsKeptOpen) {
  DurableReport report;
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db, std::chrono::hours(1));
  store.WriteRequestsQueued(1);  // the batch would stay open for a queued request
  {
    app::DeferredCommits deferred;
    auto uow = store.Write();
    uow->Audit().Append(app::Principal::System("visible-test"), core::SysTime{}, "test", "visible", 7, std::nullopt,
                        std::string("{}"));
    uow->Commit();
    // The same request reads what it wrote, on another connection (a vehicle's new record).
    auto read = store.Read();
    EXPECT_EQ(read->Audit().List("visible", 7, app::PageRequest{}).items.size(), 1u)
        << "the read does not see the request's own write";
    read.reset();
    deferred.WhenDurable(report.Callback());
  }
  ASSERT_TRUE(report.Arrived(std::chrono::seconds(30))) << "the batch was committed for the read";
  EXPECT_EQ(report.future.get(), "");
  store.WriteRequestsQueued(-1);
  store.WriteRequestDone();
}

// The writer's log is written a transaction at a time (sqlite_wal_vfs.h). Every committed batch must
// be in the log file itself when its COMMIT returns: readers on other connections read it from the
// file, the log sync (on its own file descriptor) makes only the file durable, and after a crash
// SQLite recovers the database from the file, keeping frames up to the first one whose checksum
// fails. Here a copy of the database and its log, taken while the store is open and the log not
// yet checkpointed, is recovered with every committed unit.
TEST_F(SqliteTest, EveryCommittedBatchIsInTheLogFileAndRecoversFromACopy) {
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db);
  db.Acquire()->ExecuteScript("PRAGMA wal_checkpoint(TRUNCATE)");
  constexpr int kThreads = 6, kEach = 60;
  std::atomic<int> committed{0};
  std::atomic<bool> stale_read{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        {
          auto uow = store.Write();
          // A few pages a unit: a key, and an audit entry with a body of some size.
          uow->Idempotency().Claim("log-test", "k" + std::to_string(t) + "-" + std::to_string(i), "h", core::SysTime{});
          uow->Audit().Append(app::Principal::System("log-test"), core::SysTime{}, "test", "log", t * 1000 + i,
                              std::nullopt, std::string(600, static_cast<char>('a' + i % 26)));
          uow->Commit();  // durable: in the file and synced
        }
        const int mine = committed.fetch_add(1) + 1;
        // Another connection reads what was committed so far from the log file (a frame missing
        // from the file reads short: "disk I/O error").
        try {
          auto read = db.Acquire();
          const auto seen = read->Query("SELECT COUNT(*) FROM idempotency_keys WHERE principal = 'log-test'");
          if (seen.Int(0, 0) < mine / kThreads) stale_read = true;
        } catch (const std::exception&) {
          stale_read = true;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_FALSE(stale_read.load());
  ASSERT_GE(store.Stats().write_batches, 2u);
  // Copy the database and its log while the store is open (the log holds the batches since the last
  // checkpoint), then open the copy: SQLite rebuilds its index of the log from the file.
  const auto copy = dir_ / "copy";
  std::filesystem::create_directories(copy);
  const auto file = dir_ / "t.db";
  ASSERT_TRUE(std::filesystem::exists(file.string() + "-wal"));
  EXPECT_GT(std::filesystem::file_size(file.string() + "-wal"), 0u);
  std::filesystem::copy_file(file, copy / "t.db");
  std::filesystem::copy_file(file.string() + "-wal", (copy / "t.db").string() + "-wal");
  Database recovered("sqlite:" + (copy / "t.db").string(), 1);
  {
    auto conn = recovered.Acquire();
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM idempotency_keys WHERE principal = 'log-test'").Int(0, 0),
              kThreads * kEach);
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM audit_log WHERE entity = 'log'").Int(0, 0), kThreads * kEach);
    EXPECT_EQ(conn->Query("PRAGMA integrity_check").Text(0, 0), "ok");
  }
  const auto chain = VerifyAuditChain(recovered);
  EXPECT_TRUE(chain.ok) << chain.reason;
}

// Runs `units` (write units of work) in one batch of the group committer: the batch is kept open
// for a write request announced as queued, which then writes nothing, so the batch commits. Checks
// that the units shared that one batch (the store's first) and that it became durable.
void InOneBatch(SqlStore& store, const std::function<void()>& units) {
  DurableReport report;
  store.WriteRequestsQueued(1);  // the batch stays open: every unit shares it
  {
    app::DeferredCommits deferred;
    units();
    deferred.WhenDurable(report.Callback());
  }
  std::thread([&store] {
    store.WriteRequestsQueued(-1);
    store.WriteRequestDone();  // the queued request wrote nothing: the batch commits
  }).join();
  ASSERT_TRUE(report.Arrived(std::chrono::seconds(30)));
  EXPECT_EQ(report.future.get(), "");
  EXPECT_EQ(store.Stats().write_batches, 1u) << "the units did not share one batch";
}

// Full-text changes (SQLite's index of names) are left for the end of their batch: one index
// segment a batch instead of one a person. What a batch's units did to the index must then be
// exactly what they did to the people: a rename after a registration in the same batch replaces
// the words, and a unit rolled back leaves no words behind (the search counts from the index).
TEST_F(SqliteTest, FullTextChangesOfABatchAreAppliedInOrderAndThoseOfARolledBackUnitAreDropped) {
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db, std::chrono::hours(1));
  std::int64_t id = 0;
  InOneBatch(store, [&] {
    {
      auto uow = store.Write();
      auto inserted = uow->People().Insert(person("Zaid", "زيد", "9900000001"), core::SysTime{});
      ASSERT_TRUE(inserted);
      id = *inserted;
      uow->Commit();
    }
    {
      auto abandoned = store.Write();
      ASSERT_TRUE(abandoned->People().Insert(person("Yazan", "يزن", "9900000002"), core::SysTime{}));
    }  // rolled back
    auto uow = store.Write();
    ASSERT_TRUE(uow->People().Update(id, person("Omar", "عمر", "9900000001"), core::SysTime{}));
    uow->Commit();
  });
  if (HasFatalFailure()) return;
  auto search = [&store](const std::string& q) {
    app::PeopleQuery query;
    query.q = q;
    return store.Read()->People().Search(query);
  };
  for (const char* q : {"omar", "عمر", "omar al-abbadi"}) {
    const auto page = search(q);
    EXPECT_EQ(page.total, 1) << q;
    ASSERT_EQ(page.items.size(), 1u) << q;
    EXPECT_EQ(page.items[0].id, id) << q;
  }
  for (const char* q : {"zaid", "زيد", "yazan", "يزن"}) EXPECT_EQ(search(q).total, 0) << q << " is still indexed";
  EXPECT_EQ(search("al-abbadi").total, 1);
}

// FTS5 segments of the name index: FTS5 numbers each segment's pages from segid << 37 in its
// %_data table (rowids up to 10 are its own records).
std::int64_t FtsSegments(Connection& c) {
  return c.Query("SELECT COUNT(DISTINCT rowid >> 37) FROM person_names_fts_data WHERE rowid > 10").Int(0, 0);
}

// The index keeps each person under the rowid -id, so its own order is newest first; a batch that
// registers several people (ids ascending, rowids descending) is written in ascending rowid order,
// as one segment: FTS5 starts a new segment whenever a rowid is lower than the one before it.
TEST_F(SqliteTest, ABatchOfRegistrationsIsOneFullTextSegmentStoredNewestFirst) {
  Database db(url_, 4);
  Migrate(db);
  SqlStore store(db, std::chrono::hours(1));
  std::vector<std::int64_t> ids;
  InOneBatch(store, [&] {
    for (int i = 0; i < 3; ++i) {
      auto uow = store.Write();
      auto inserted = uow->People().Insert(person("Zaid", "زيد", "990000001" + std::to_string(i)), core::SysTime{});
      ASSERT_TRUE(inserted);
      ids.push_back(*inserted);
      uow->Commit();
    }
  });
  if (HasFatalFailure()) return;
  auto conn = db.Acquire();
  EXPECT_EQ(FtsSegments(*conn), 1) << "a segment a registration";
  const auto rows = conn->Query("SELECT rowid FROM person_names_fts WHERE person_names_fts MATCH 'zaid'");
  ASSERT_EQ(rows.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(rows.Int(i, 0), -ids[2 - i]) << "not newest first";
  app::PeopleQuery query;
  query.q = "zaid";
  query.sort = "-createdAt";
  EXPECT_EQ(store.Read()->People().Search(query).items.at(0).id, ids[2]);
  query.sort = "createdAt";
  EXPECT_EQ(store.Read()->People().Search(query).items.at(0).id, ids[0]);
}

// Migration 0015 rebuilds an index written the old way (rowid = id, 0011) from person_names.
TEST_F(SqliteTest, TheFullTextIndexOfOlderDatabasesIsRebuiltNewestFirst) {
  Database db(url_, 2);
  Migrate(db);
  std::vector<std::int64_t> ids;
  SqlStore store(db, std::chrono::hours(1));
  for (int i = 0; i < 3; ++i) {
    auto uow = store.Write();
    ids.push_back(*uow->People().Insert(person(i == 1 ? "Omar" : "Zaid", "زيد", "990000002" + std::to_string(i)),
                                        core::SysTime{}));
    uow->Commit();
  }
  {
    auto conn = db.Acquire();
    conn->ExecuteScript(
        "DROP TABLE person_names_fts; CREATE VIRTUAL TABLE person_names_fts USING fts5(names, content = '', "
        "columnsize = 0, detail = none, tokenize = 'ascii', prefix = '2 3'); INSERT INTO person_names_fts (rowid, "
        "names) SELECT id, 'stale' FROM people; DELETE FROM schema_migrations WHERE version = 15;");
  }
  EXPECT_EQ(Migrate(db).applied.size(), 1u);
  app::PeopleQuery query;
  query.q = "zaid";
  query.sort = "-createdAt";
  const auto page = store.Read()->People().Search(query);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, ids[2]);
  EXPECT_EQ(page.items[1].id, ids[0]);
  query.q = "omar al-abbadi";
  EXPECT_EQ(store.Read()->People().Search(query).total, 1);
  query.q = "stale";
  EXPECT_EQ(store.Read()->People().Search(query).total, 0);
}

// The HTTP server's use of the committer, stirred: write requests queued for a few threads, some
// writing once, twice, not at all or abandoning, some reading what they wrote, while other threads
// write and wait the old way. Every request must be told its writes are durable: a batch left
// open with nobody to commit it would leave some never answered.
TEST_F(SqliteTest, EveryDeferredRequestIsAnsweredUnderAMixOfQueuedAndWaitingWriters) {
  Database db(url_, 12);
  Migrate(db);
  SqlStore store(db, std::chrono::hours(1));  // no safety net: the accounting alone
  constexpr int kRequests = 1500, kThreads = 4;
  std::atomic<int> answered{0}, failed{0};
  std::mutex mu;
  std::condition_variable cv;
  std::deque<int> queue;
  bool closed = false;
  auto append = [](app::UnitOfWork& uow, int id) {
    uow.Audit().Append(app::Principal::System("mix"), core::SysTime{}, "test", "mix", id, std::nullopt, std::nullopt);
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (;;) {
        int id = 0;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return closed || !queue.empty(); });
          if (queue.empty()) return;
          id = queue.front();
          queue.pop_front();
        }
        store.WriteRequestsQueued(-1);
        app::DeferredCommits deferred;
        switch (id % 5) {
          case 0: {  // writes nothing
            auto read = store.Read();
            break;
          }
          case 1: {  // writes and abandons
            auto uow = store.Write();
            append(*uow, id);
            break;
          }
          case 2: {  // writes twice
            for (int i = 0; i < 2; ++i) {
              auto uow = store.Write();
              append(*uow, id);
              uow->Commit();
            }
            break;
          }
          case 3: {  // writes, then reads it back
            auto uow = store.Write();
            append(*uow, id);
            uow->Commit();
            if (store.Read()->Audit().List("mix", id, app::PageRequest{}).items.empty()) ++failed;
            break;
          }
          default: {
            auto uow = store.Write();
            append(*uow, id);
            uow->Commit();
          }
        }
        store.WriteRequestDone();
        deferred.WhenDurable([&](const std::string& error) {
          if (!error.empty()) ++failed;
          ++answered;
        });
      }
    });
  }
  // Writers of the old kind (a sign-in, a read that touches its session): they wait for the fsync.
  std::atomic<bool> stop{false};
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        auto uow = store.Write();
        append(*uow, 100000 + t * 10000 + i);
        uow->Commit();
      }
    });
  }
  for (int id = 1; id <= kRequests; ++id) {
    store.WriteRequestsQueued(1);
    {
      std::lock_guard lock(mu);
      queue.push_back(id);
    }
    cv.notify_one();
    if (id % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  {
    std::lock_guard lock(mu);
    closed = true;
  }
  cv.notify_all();
  for (int t = 0; t < kThreads; ++t) threads[static_cast<std::size_t>(t)].join();
  stop = true;
  for (std::size_t t = kThreads; t < threads.size(); ++t) threads[t].join();
  for (int i = 0; i < 3000 && answered.load() < kRequests; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(answered.load(), kRequests) << "requests never told their writes are durable";
  EXPECT_EQ(failed.load(), 0);
}

TEST_F(SqliteTest, AWriteInsideAWriteOnOneThreadIsRefusedNotADeadlock) {
  Database db(url_, 2);
  Migrate(db);
  SqlStore store(db);
  auto outer = store.Write();
  EXPECT_THROW(store.Write(), std::logic_error);
  outer->Commit();
  EXPECT_NO_THROW(store.Write()->Commit());
}

}  // namespace
}  // namespace dvld::storage
