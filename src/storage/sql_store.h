// app::Store over a Database: each unit of work is one transaction on one pooled connection.
#pragma once
#include <memory>

#include "app/ports/store.h"
#include "storage/database.h"

namespace dvld::storage {

class SqlStore final : public app::Store {
 public:
  explicit SqlStore(Database& db) : db_(db) {}
  std::unique_ptr<app::UnitOfWork> Read() override;
  std::unique_ptr<app::UnitOfWork> Write() override;
  bool Ready() override;
  app::StoreStats Stats() override;

 private:
  Database& db_;
};

}  // namespace dvld::storage
