// Sample records for trying dvld out (`dvld init --demo`): people with Arabic and English names.
#pragma once
#include "core/clock.h"
#include "storage/database.h"

namespace dvld::storage {

// Adds the sample people unless the registry already has people. Returns how many were added.
int LoadDemoData(Database& db, core::SysTime now);

}  // namespace dvld::storage
