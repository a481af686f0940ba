// SQLite driver: WAL journal, synchronous=FULL, foreign keys on, busy timeout, statement cache.
#pragma once
#include <memory>
#include <string>

#include "storage/db.h"

namespace dvld::storage {

// `batched_log`: the write-ahead log is written a transaction at a time (sqlite_wal_vfs.h), for the
// one connection that writes.
std::unique_ptr<Connection> OpenSqlite(const std::string& path, bool batched_log = false);

}  // namespace dvld::storage
