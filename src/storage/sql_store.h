// app::Store over a Database. Reads: one transaction on a pooled connection. Writes: on
// PostgreSQL the same; on SQLite through a group committer (sql_store.cpp) that makes bursts of
// concurrent writes durable with one COMMIT.
#pragma once
#include <memory>

#include "app/ports/store.h"
#include "storage/database.h"

namespace dvld::storage {

class GroupCommitter;

class SqlStore final : public app::Store {
 public:
  explicit SqlStore(Database& db);
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
