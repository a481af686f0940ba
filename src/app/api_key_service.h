// Partner API keys (insurers, inspection centres, police, payment gateway): created by an
// administrator, shown once, stored only as a hash, revocable.
#pragma once
#include <string>
#include <vector>

#include "app/ports/store.h"
#include "core/clock.h"
#include "core/result.h"

namespace dvld::app {

struct CreatedApiKey {
  ApiKeyRecord record;
  std::string key;  // the only time it is seen
};

class ApiKeyService {
 public:
  ApiKeyService(Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}
  core::Result<CreatedApiKey> Create(const Principal& who, const std::string& name, const std::string& scope);
  std::vector<ApiKeyRecord> List();
  core::Status Revoke(const Principal& who, std::int64_t id);

 private:
  Store& store_;
  const core::Clock& clock_;
};

// The audit trail of one record, for auditors and administrators.
class AuditService {
 public:
  explicit AuditService(Store& store) : store_(store) {}
  core::Result<Page<AuditEntry>> History(const std::string& entity, std::optional<std::int64_t> entity_id,
                                         const PageRequest& page);

 private:
  Store& store_;
};

}  // namespace dvld::app
