// Schema migrations: numbered SQL files per dialect, embedded in the binary, applied in order and
// recorded in schema_migrations. Safe to run from two processes at once.
#pragma once
#include <string>
#include <vector>

#include "storage/database.h"

namespace dvld::storage {

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;
};

// The highest migration this binary knows for the dialect.
int LatestSchemaVersion(Dialect dialect);
// The version the database is at (0 when empty).
int CurrentSchemaVersion(Connection& conn);
MigrationReport Migrate(Database& db);

}  // namespace dvld::storage
