// SQLite driver: WAL journal, synchronous=FULL, foreign keys on, busy timeout, statement cache.
#pragma once
#include <memory>
#include <string>

#include "storage/db.h"

namespace dvld::storage {

std::unique_ptr<Connection> OpenSqlite(const std::string& path);

}  // namespace dvld::storage
