#include "storage/sql_store.h"

#include "storage/licensing_repository.h"
#include "storage/migrations.h"
#include "storage/vehicle_repository.h"
#include "storage/repositories.h"

namespace dvld::storage {
namespace {

class SqlUnitOfWork final : public app::UnitOfWork {
 public:
  SqlUnitOfWork(Lease lease, bool write)
      : lease_(std::move(lease)),
        users_(*lease_),
        sessions_(*lease_),
        api_keys_(*lease_),
        people_(*lease_),
        reference_(*lease_),
        audit_(*lease_),
        licensing_(*lease_),
        idempotency_(*lease_),
        vehicles_(*lease_) {
    lease_->Begin(write);
  }
  ~SqlUnitOfWork() override {
    if (!done_) {
      try {
        lease_->Rollback();
      } catch (...) {  // the lease's release check replaces a broken connection
      }
    }
  }
  app::UserRepository& Users() override { return users_; }
  app::SessionRepository& Sessions() override { return sessions_; }
  app::ApiKeyRepository& ApiKeys() override { return api_keys_; }
  app::PeopleRepository& People() override { return people_; }
  app::ReferenceRepository& Reference() override { return reference_; }
  app::AuditRepository& Audit() override { return audit_; }
  app::LicensingRepository& Licensing() override { return licensing_; }
  app::IdempotencyRepository& Idempotency() override { return idempotency_; }
  app::VehicleRepository& Vehicles() override { return vehicles_; }
  void Commit() override {
    lease_->Commit();
    done_ = true;
  }

 private:
  Lease lease_;
  SqlUserRepository users_;
  SqlSessionRepository sessions_;
  SqlApiKeyRepository api_keys_;
  SqlPeopleRepository people_;
  SqlReferenceRepository reference_;
  SqlAuditRepository audit_;
  SqlLicensingRepository licensing_;
  SqlIdempotencyRepository idempotency_;
  SqlVehicleRepository vehicles_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<app::UnitOfWork> SqlStore::Read() { return std::make_unique<SqlUnitOfWork>(db_.Acquire(), false); }

std::unique_ptr<app::UnitOfWork> SqlStore::Write() { return std::make_unique<SqlUnitOfWork>(db_.Acquire(), true); }

bool SqlStore::Ready() {
  try {
    auto conn = db_.Acquire();
    auto rows = conn->Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return rows.Int(0, 0) == LatestSchemaVersion(db_.dialect());
  } catch (const DbError&) {
    return false;
  }
}

app::StoreStats SqlStore::Stats() {
  const auto s = db_.GetStats();
  return app::StoreStats{s.open, s.in_use, s.waiting};
}

}  // namespace dvld::storage
