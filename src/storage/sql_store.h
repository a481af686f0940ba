// app::Store over a Database. Reads: one transaction on a pooled connection. Writes: on
// PostgreSQL the same; on SQLite through a group committer (sql_store.cpp) that makes bursts of
// concurrent writes durable with one COMMIT.
#pragma once
#include <chrono>
#include <memory>

#include "app/ports/store.h"
#include "storage/database.h"

namespace dvld::storage {

class GroupCommitter;

class SqlStore final : public app::Store {
 public:
  // `stale_batch`: on SQLite, a write batch kept open for an announced write that has not come is
  // committed after this long anyway (WriteRequestsQueued).
  explicit SqlStore(Database& db, std::chrono::milliseconds stale_batch = std::chrono::milliseconds(50));
  ~SqlStore() override;
  std::unique_ptr<app::UnitOfWork> Read() override;
  std::unique_ptr<app::UnitOfWork> Write() override;
  bool Ready() override;
  app::StoreStats Stats() override;
  void WriteRequestsQueued(int delta) override;
  void WriteRequestDone() override;

 private:
  Database& db_;
  std::unique_ptr<GroupCommitter> group_;  // SQLite only
};

}  // namespace dvld::storage
