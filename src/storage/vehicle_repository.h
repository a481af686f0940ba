// SQL for the vehicle and violation ports (both dialects).
#pragma once
#include "app/ports/store.h"
#include "storage/db.h"

namespace dvld::storage {

class SqlVehicleRepository final : public app::VehicleRepository {
 public:
  explicit SqlVehicleRepository(Connection& c) : c_(c) {}
  core::Result<std::int64_t> InsertVehicle(const app::VehicleRecord& v) override;
  std::optional<app::VehicleRecord> FindVehicle(std::int64_t id) override;
  app::Page<app::VehicleRecord> SearchVehicles(const std::string& q, std::optional<std::int64_t> owner_id,
                                               const app::PageRequest& page) override;
  void UpdateVehicleExpiry(std::int64_t id, const std::string& expiry) override;
  void SetOwner(std::int64_t id, std::int64_t person_id) override;
  void SetPlate(std::int64_t id, const std::string& plate) override;
  bool Deregister(std::int64_t id, core::SysTime at) override;
  void UpdateViolationType(const app::ViolationType& t) override;
  std::optional<app::ViolationType> FindViolationTypeById(std::int64_t id) override;
  void InsertOwnership(const app::OwnershipRecord& o) override;
  void CloseOwnership(std::int64_t vehicle_id, const std::string& to_date, std::int64_t transfer_id) override;
  std::vector<app::OwnershipRecord> OwnershipOf(std::int64_t vehicle_id) override;
  core::Result<std::int64_t> InsertInsurance(const app::InsuranceRecord& p) override;
  std::vector<app::InsuranceRecord> InsuranceOf(std::int64_t vehicle_id) override;
  std::int64_t InsertInspection(const app::InspectionRecord& i) override;
  std::vector<app::InspectionRecord> InspectionsOf(std::int64_t vehicle_id) override;
  std::int64_t PlaceLien(std::int64_t vehicle_id, const std::string& holder, std::int64_t amount, core::SysTime at) override;
  std::int64_t PlaceSeizure(std::int64_t vehicle_id, const std::string& authority, const std::string& reason,
                            core::SysTime at) override;
  std::optional<app::BlockRecord> FindLien(std::int64_t id) override;
  std::optional<app::BlockRecord> FindSeizure(std::int64_t id) override;
  bool LiftLien(std::int64_t id, core::SysTime at) override;
  bool LiftSeizure(std::int64_t id, core::SysTime at) override;
  std::vector<app::BlockRecord> LiensOf(std::int64_t vehicle_id) override;
  std::vector<app::BlockRecord> SeizuresOf(std::int64_t vehicle_id) override;
  bool HasUnpaidVehicleFines(std::int64_t vehicle_id) override;
  std::int64_t InsertTransfer(const app::TransferRecord& t) override;
  std::optional<app::TransferRecord> FindTransfer(std::int64_t id) override;
  bool CloseTransfer(std::int64_t id, const std::string& status, core::SysTime at) override;
  std::vector<app::TransferRecord> TransfersOf(std::int64_t vehicle_id) override;
  std::vector<app::ViolationType> ViolationTypes() override;
  std::optional<app::ViolationType> FindViolationType(const std::string& code) override;
  std::int64_t InsertViolation(const app::ViolationRecord& v) override;
  std::optional<app::ViolationRecord> FindViolation(std::int64_t id) override;
  app::Page<app::ViolationRecord> ListViolations(std::optional<std::int64_t> person_id,
                                                 std::optional<std::int64_t> vehicle_id,
                                                 std::optional<std::string> status,
                                                 const app::PageRequest& page) override;
  bool SetViolationStatus(std::int64_t id, const std::string& from, const std::string& to, core::SysTime at) override;
  int PointsBetween(std::int64_t person_id, const std::string& from, const std::string& to) override;
  std::optional<app::SuspensionRecord> ActiveSuspension(std::int64_t person_id, const std::string& today) override;
  std::int64_t InsertSuspension(const app::SuspensionRecord& s) override;
  void LiftSuspension(std::int64_t id, core::SysTime at) override;
  std::vector<app::SuspensionRecord> SuspensionsOf(std::int64_t person_id) override;

 private:
  std::vector<app::VehicleRecord> Vehicles(const std::string& where_and_tail, const std::vector<Param>& params);
  std::vector<app::BlockRecord> Blocks(bool liens, const std::string& where, const std::vector<Param>& params);
  std::vector<app::ViolationRecord> Violations(const std::string& where_and_tail, const std::vector<Param>& params);
  std::vector<app::SuspensionRecord> Suspensions(const std::string& where, const std::vector<Param>& params);
  Connection& c_;
};

}  // namespace dvld::storage
