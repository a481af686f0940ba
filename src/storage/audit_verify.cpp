#include "storage/audit_verify.h"

#include "storage/repositories.h"

namespace dvld::storage {

AuditVerification VerifyAuditChain(Database& db) {
  AuditVerification out;
  auto conn = db.Acquire();
  conn->Begin(false);
  std::string prev_hash = kAuditGenesisHash;
  std::int64_t expected = 1;
  auto fail = [&](std::int64_t seq, std::string reason) {
    out.ok = false;
    out.broken_seq = seq;
    out.reason = std::move(reason);
  };
  for (;;) {
    auto rows = conn->Query(
        "SELECT seq, at, actor_type, actor_id, actor_name, action, entity, entity_id, before_json, after_json, "
        "branch_id, request_id, prev_hash, hash FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT 1000",
        {expected});
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto e = AuditEntryAt(rows, i);
      if (e.seq != expected) {
        fail(expected, "entry " + std::to_string(expected) + " is missing (deleted?)");
        break;
      }
      if (e.prev_hash != prev_hash) {
        fail(e.seq, "entry " + std::to_string(e.seq) + " does not link to the entry before it");
        break;
      }
      if (AuditHash(e) != e.hash) {
        fail(e.seq, "entry " + std::to_string(e.seq) + " was changed after it was written");
        break;
      }
      prev_hash = e.hash;
      ++expected;
      ++out.entries;
    }
    if (!out.ok || rows.size() < 1000) break;
  }
  if (out.ok) {
    auto head = conn->Query("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (head.empty()) {
      fail(0, "the chain head is missing");
    } else if (head.Int(0, 0) != out.entries || head.Text(0, 1) != prev_hash) {
      fail(out.entries + 1, "the chain ends at entry " + std::to_string(out.entries) + " but its head says " +
                                std::to_string(head.Int(0, 0)) + " (entries deleted from the end?)");
    }
  }
  conn->Rollback();
  return out;
}

}  // namespace dvld::storage
