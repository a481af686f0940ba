// Storage ports of vehicles, violations, demerit points and suspensions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace dvld::app {

template <typename T>
struct Page;
struct PageRequest;

struct VehicleRecord {
  std::int64_t id = 0;
  std::string vin, plate, make, model, color, fuel, category;
  int year = 0;
  std::optional<int> engine_cc;
  bool electric = false;
  int seats = 0, weight_kg = 0;
  std::int64_t owner_person_id = 0;
  std::string license_expiry;
  core::SysTime registered_at{};
  std::optional<core::SysTime> deregistered_at;
  std::int64_t branch_id = 0;
  // Joined.
  std::string owner_name_en, owner_name_ar;
  bool seized = false, lien = false;
  std::string status;  // licensed, expired, deregistered: set by the service, which knows today
};

struct InsuranceRecord {
  std::int64_t id = 0, vehicle_id = 0;
  std::string insurer, policy_number;
  std::int64_t insured_person_id = 0;
  std::string start_date, end_date;
  core::SysTime created_at{};
};

struct InspectionRecord {
  std::int64_t id = 0, vehicle_id = 0;
  std::string centre, date;
  bool passed = false;
  std::int64_t odometer_km = 0;
  std::string notes;
  core::SysTime created_at{};
};

// A lien or a seizure: something placed on a vehicle and later lifted.
struct BlockRecord {
  std::int64_t id = 0, vehicle_id = 0;
  std::string holder_or_authority;
  std::int64_t amount_fils = 0;  // liens
  std::string reason;            // seizures
  core::SysTime placed_at{};
  std::optional<core::SysTime> lifted_at;
};

struct OwnershipRecord {
  std::int64_t id = 0, vehicle_id = 0, person_id = 0;
  std::string from_date;
  std::optional<std::string> to_date;
  std::optional<std::int64_t> transfer_id;
  std::string person_name_en, person_name_ar;
};

struct TransferRecord {
  std::int64_t id = 0, vehicle_id = 0, seller_person_id = 0, buyer_person_id = 0;
  std::string status = "pending";  // pending, completed, cancelled
  std::int64_t fee_fils = 0;
  std::optional<std::int64_t> bill_id;
  core::SysTime created_at{};
  std::optional<core::SysTime> completed_at;
};

struct ViolationType {
  std::int64_t id = 0;
  std::string code, name_ar, name_en;
  std::int64_t fine_fils = 0;
  int points = 0;
};

struct ViolationRecord {
  std::int64_t id = 0, type_id = 0;
  std::string type_code, type_name_en, type_name_ar;
  std::optional<std::int64_t> license_id, vehicle_id;
  std::int64_t person_id = 0;
  std::string place, occurred_at, occurred_on, notes;
  std::int64_t fine_fils = 0;
  int points = 0;
  std::int64_t bill_id = 0;
  std::string status = "recorded";  // recorded, disputed, upheld, cancelled
  std::string recorded_by;
  core::SysTime created_at{};
  std::optional<core::SysTime> disputed_at, decided_at;
  std::string bill_status;  // joined
};

struct SuspensionRecord {
  std::int64_t id = 0, person_id = 0;
  std::string start_date, end_date;
  int points = 0, days = 0;
  std::optional<std::int64_t> violation_id;
  std::optional<core::SysTime> lifted_at;
};

class VehicleRepository {
 public:
  virtual ~VehicleRepository() = default;
  virtual core::Result<std::int64_t> InsertVehicle(const VehicleRecord& v) = 0;  // conflict: vin-taken
  virtual std::optional<VehicleRecord> FindVehicle(std::int64_t id) = 0;
  // By plate, VIN (exact), or the owner's national number.
  virtual Page<VehicleRecord> SearchVehicles(const std::string& q, std::optional<std::int64_t> owner_id,
                                             const PageRequest& page) = 0;
  virtual void UpdateVehicleExpiry(std::int64_t id, const std::string& expiry) = 0;
  virtual void SetOwner(std::int64_t id, std::int64_t person_id) = 0;
  virtual void SetPlate(std::int64_t id, const std::string& plate) = 0;
  virtual bool Deregister(std::int64_t id, core::SysTime at) = 0;
  virtual void UpdateViolationType(const ViolationType& t) = 0;
  virtual std::optional<ViolationType> FindViolationTypeById(std::int64_t id) = 0;
  virtual void InsertOwnership(const OwnershipRecord& o) = 0;
  virtual void CloseOwnership(std::int64_t vehicle_id, const std::string& to_date, std::int64_t transfer_id) = 0;
  virtual std::vector<OwnershipRecord> OwnershipOf(std::int64_t vehicle_id) = 0;

  virtual core::Result<std::int64_t> InsertInsurance(const InsuranceRecord& p) = 0;  // conflict: policy-taken
  virtual std::vector<InsuranceRecord> InsuranceOf(std::int64_t vehicle_id) = 0;
  virtual std::int64_t InsertInspection(const InspectionRecord& i) = 0;
  virtual std::vector<InspectionRecord> InspectionsOf(std::int64_t vehicle_id) = 0;

  virtual std::int64_t PlaceLien(std::int64_t vehicle_id, const std::string& holder, std::int64_t amount,
                                 core::SysTime at) = 0;
  virtual std::int64_t PlaceSeizure(std::int64_t vehicle_id, const std::string& authority, const std::string& reason,
                                    core::SysTime at) = 0;
  virtual std::optional<BlockRecord> FindLien(std::int64_t id) = 0;
  virtual std::optional<BlockRecord> FindSeizure(std::int64_t id) = 0;
  virtual bool LiftLien(std::int64_t id, core::SysTime at) = 0;
  virtual bool LiftSeizure(std::int64_t id, core::SysTime at) = 0;
  virtual std::vector<BlockRecord> LiensOf(std::int64_t vehicle_id) = 0;
  virtual std::vector<BlockRecord> SeizuresOf(std::int64_t vehicle_id) = 0;

  virtual bool HasUnpaidVehicleFines(std::int64_t vehicle_id) = 0;

  virtual std::int64_t InsertTransfer(const TransferRecord& t) = 0;
  virtual std::optional<TransferRecord> FindTransfer(std::int64_t id) = 0;
  virtual bool CloseTransfer(std::int64_t id, const std::string& status, core::SysTime at) = 0;
  virtual std::vector<TransferRecord> TransfersOf(std::int64_t vehicle_id) = 0;

  virtual std::vector<ViolationType> ViolationTypes() = 0;
  virtual std::optional<ViolationType> FindViolationType(const std::string& code) = 0;
  virtual std::int64_t InsertViolation(const ViolationRecord& v) = 0;
  virtual std::optional<ViolationRecord> FindViolation(std::int64_t id) = 0;
  virtual Page<ViolationRecord> ListViolations(std::optional<std::int64_t> person_id,
                                               std::optional<std::int64_t> vehicle_id,
                                               std::optional<std::string> status, const PageRequest& page) = 0;
  // Moves a violation from one status to another; false when it was not in `from`.
  virtual bool SetViolationStatus(std::int64_t id, const std::string& from, const std::string& to, core::SysTime at) = 0;
  // Points of the person's violations that are not cancelled, committed between the two days.
  virtual int PointsBetween(std::int64_t person_id, const std::string& from, const std::string& to) = 0;
  virtual std::optional<SuspensionRecord> ActiveSuspension(std::int64_t person_id, const std::string& today) = 0;
  virtual std::int64_t InsertSuspension(const SuspensionRecord& s) = 0;
  virtual void LiftSuspension(std::int64_t id, core::SysTime at) = 0;
  virtual std::vector<SuspensionRecord> SuspensionsOf(std::int64_t person_id) = 0;
};

}  // namespace dvld::app
