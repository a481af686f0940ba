#include "app/api_key_service.h"

#include "app/snapshots.h"
#include "core/crypto.h"

namespace dvld::app {

core::Result<CreatedApiKey> ApiKeyService::Create(const Principal& who, const std::string& name,
                                                  const std::string& scope_name) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (name.empty() || name.size() > 100) e.fields.push_back({"name", "required", "Name the partner system (at most 100 characters)."});
  const auto scope = domain::ParseApiScope(scope_name);
  if (!scope) e.fields.push_back({"scope", "one-of", "The scope is insurer, inspection, police or payment-gateway."});
  if (!e.fields.empty()) return e;
  CreatedApiKey out;
  out.key = "dvld_" + core::RandomToken(32);
  const auto now = clock_.Now();
  out.record.name = name;
  out.record.scope = *scope;
  out.record.prefix = out.key.substr(0, 12);
  out.record.key_hash = core::Sha256Hex(out.key);
  out.record.created_by = who.user_id;
  out.record.created_at = now;
  auto uow = store_.Write();
  out.record.id = uow->ApiKeys().Insert(out.record);
  uow->Audit().Append(who, now, "create", "api_key", out.record.id, std::nullopt, Snapshot(out.record));
  uow->Commit();
  return out;
}

std::vector<ApiKeyRecord> ApiKeyService::List() { return store_.Read()->ApiKeys().List(); }

core::Status ApiKeyService::Revoke(const Principal& who, std::int64_t id) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto key = uow->ApiKeys().FindById(id);
  if (!key) return core::Error::Of(core::ErrorCode::kNotFound, "api-key-not-found", "No such API key.");
  if (key->revoked_at) return core::OkStatus();
  const auto before = Snapshot(*key);
  uow->ApiKeys().Revoke(id, now);
  key->revoked_at = now;
  uow->Audit().Append(who, now, "revoke", "api_key", id, before, Snapshot(*key));
  uow->Commit();
  return core::OkStatus();
}

core::Result<Page<AuditEntry>> AuditService::History(const std::string& entity, std::optional<std::int64_t> entity_id,
                                                     const PageRequest& page) {
  if (entity.size() > 40) return core::Error::Invalid("entity", "max-length", "Unknown entity.");
  return store_.Read()->Audit().List(entity, entity_id, page);
}

}  // namespace dvld::app
