// Vehicles (DOMAIN.md section 4): registration with a plate, insurance and inspections (from staff
// or partner systems), annual renewal, liens and seizures, ownership transfer; and violations
// (section 5) with fines, demerit points and automatic suspensions. One transaction per call.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/licensing_service.h"
#include "app/ports/store.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/vehicles/vehicles.h"

namespace dvld::app {

struct VehicleView {
  VehicleRecord vehicle;
  std::string status;  // licensed, expired, deregistered
  std::vector<InsuranceRecord> insurance;
  std::vector<InspectionRecord> inspections;
  std::vector<BlockRecord> liens, seizures;
  std::vector<OwnershipRecord> owners;
  std::vector<TransferRecord> transfers;
  std::vector<ViolationRecord> violations;
  std::vector<BillRecord> bills;
};

struct NewViolation {
  std::string type_code;
  std::optional<std::int64_t> license_id, vehicle_id;
  std::string place, occurred_at, notes;
};

struct PointsView {
  int points = 0;  // in the rolling 12 months
  std::optional<SuspensionRecord> active;
  std::vector<SuspensionRecord> suspensions;
};

class VehicleService {
 public:
  VehicleService(Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  core::Result<VehicleView> Register(const Principal& who, domain::VehicleData data,
                                     const std::optional<PaymentInput>& payment);
  core::Result<VehicleView> Get(std::int64_t id);
  core::Result<Page<VehicleRecord>> Search(const std::string& q, std::optional<std::int64_t> owner_id,
                                           const PageRequest& page);
  core::Result<InsuranceRecord> AddInsurance(const Principal& who, std::int64_t vehicle_id, InsuranceRecord policy);
  core::Result<InspectionRecord> AddInspection(const Principal& who, std::int64_t vehicle_id,
                                               InspectionRecord inspection);
  core::Result<VehicleView> Renew(const Principal& who, std::int64_t vehicle_id,
                                  const std::optional<PaymentInput>& payment);
  core::Result<BlockRecord> PlaceLien(const Principal& who, std::int64_t vehicle_id, const std::string& holder,
                                      std::int64_t amount);
  core::Result<BlockRecord> PlaceSeizure(const Principal& who, std::int64_t vehicle_id, const std::string& authority,
                                         const std::string& reason);
  core::Status LiftLien(const Principal& who, std::int64_t lien_id);
  core::Status LiftSeizure(const Principal& who, std::int64_t seizure_id);
  core::Result<TransferRecord> StartTransfer(const Principal& who, std::int64_t vehicle_id, std::int64_t buyer_id);
  core::Result<TransferRecord> AcceptTransfer(const Principal& who, std::int64_t transfer_id,
                                              const std::optional<PaymentInput>& payment);

  core::Result<VehicleView> ReplacePlate(const Principal& who, std::int64_t vehicle_id,
                                         const std::optional<PaymentInput>& payment);
  core::Result<VehicleView> Deregister(const Principal& who, std::int64_t vehicle_id,
                                       const std::optional<PaymentInput>& payment);

  std::vector<ViolationType> ViolationTypes();
  core::Result<ViolationType> UpdateViolationType(const Principal& who, ViolationType t);
  core::Result<ViolationRecord> RecordViolation(const Principal& who, const NewViolation& v);
  core::Result<ViolationRecord> GetViolation(std::int64_t id);
  core::Result<Page<ViolationRecord>> ListViolations(std::optional<std::int64_t> person_id,
                                                     std::optional<std::int64_t> vehicle_id,
                                                     std::optional<std::string> status, const PageRequest& page);
  core::Result<ViolationRecord> Dispute(const Principal& who, std::int64_t id);
  core::Result<ViolationRecord> Decide(const Principal& who, std::int64_t id, bool upheld);
  core::Result<PointsView> Points(std::int64_t person_id);

 private:
  core::Date Today() const { return core::Date::Today(clock_); }
  Store& store_;
  const core::Clock& clock_;
};

}  // namespace dvld::app
