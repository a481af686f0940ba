// PostgreSQL driver over libpq: text protocol, statements prepared once per connection.
#pragma once
#include <memory>
#include <string>

#include "storage/db.h"

namespace dvld::storage {

// `conninfo` is a libpq connection string or URI (postgresql://user:pass@host:port/db).
std::unique_ptr<Connection> OpenPostgres(const std::string& conninfo);

}  // namespace dvld::storage
