// Vehicle rules (DOMAIN.md sections 4 and 5): VINs, plates, vehicle records, the annual renewal and
// ownership transfer conditions, fees by engine size and age, and demerit-point suspensions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace dvld::domain {

// 17 characters, digits and capital letters except I, O and Q (normalised to upper case). For North
// American manufacturers (first character 1-5) the check digit in position 9 is verified.
// Errors name the field "vin" with the rule length, characters or check-digit.
core::Status CheckVin(std::string& vin);
// The check digit a VIN should carry in position 9 ('0'-'9' or 'X').
char VinCheckDigit(std::string_view vin);

struct VehicleData {
  std::string vin, make, model, color, fuel, category;
  int year = 0;
  std::optional<int> engine_cc;
  bool electric = false;
  int seats = 0;
  int weight_kg = 0;
  std::int64_t owner_person_id = 0;
};
// Every field's rule; fuel is petrol, diesel, hybrid, lpg or electric (electric has no engine size);
// category is private, public, commercial or motorcycle.
core::Status ValidateVehicle(VehicleData& v, core::Date today);

// "13-20697": the office's region code and a serial.
std::string FormatPlate(int region, std::int64_t serial);

// Ownership transfer fee by engine size and age (older than 10 years: the lower fee).
std::int64_t TransferFeeFils(const std::optional<int>& engine_cc, bool electric, int vehicle_year, core::Date today);
// The engine part of the annual renewal fee.
std::int64_t RenewalEngineFeeFils(const std::optional<int>& engine_cc, bool electric);

inline constexpr int kInspectionValidDays = 60;

struct VehicleRenewalFacts {
  core::Date license_expiry = core::Date::FromDays({});
  bool deregistered = false;
  bool seized = false;
  bool lien = false;
  bool unpaid_fines = false;  // on the vehicle or its owner
  std::optional<core::Date> insurance_end;  // the latest policy that has started by the new period's start
  std::optional<core::Date> last_passed_inspection;
};
// The new licence year: one year after the old expiry, or after today when it had lapsed.
core::Date VehicleRenewedExpiry(core::Date old_expiry, core::Date today);
core::Status CanRenewVehicle(const VehicleRenewalFacts& f, core::Date today);

struct TransferFacts {
  core::Date license_expiry = core::Date::FromDays({});
  bool deregistered = false;
  bool seized = false;
  bool lien = false;
  bool unpaid_fines = false;
  bool same_owner = false;
  bool buyer_insured = false;  // a policy in the buyer's name covers today
  bool buyer_deceased = false;
};
core::Status CanTransfer(const TransferFacts& f, core::Date today);

// ---- demerit points ----
// Suspension days for the points of the last 12 months: more than 16 -> 60, more than 20 -> 90,
// more than 24 -> 120, more than 28 -> 180; otherwise 0.
int SuspensionDays(int points);
// The first day that still counts in the rolling 12 months ending today.
inline core::Date PointsWindowStart(core::Date today) { return today.AddYears(-1).AddDays(1); }

}  // namespace dvld::domain
