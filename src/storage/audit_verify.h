// Walks the audit trail from the first entry to the last and checks every link: consecutive
// sequence numbers, each entry's prev_hash equal to the hash before it, each hash equal to the
// SHA-256 of the entry's content, and the chain head matching the last entry. `dvld audit verify`.
#pragma once
#include <cstdint>
#include <string>

#include "storage/database.h"

namespace dvld::storage {

struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;     // entries checked
  std::int64_t broken_seq = 0;  // the first entry that does not fit (0 when ok)
  std::string reason;
};

AuditVerification VerifyAuditChain(Database& db);

}  // namespace dvld::storage
