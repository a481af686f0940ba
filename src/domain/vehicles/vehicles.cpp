#include "domain/vehicles/vehicles.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace dvld::domain {
namespace {

int Transliterate(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";
  static constexpr int kValues[] = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
  const auto pos = kLetters.find(c);
  return pos == std::string_view::npos ? -1 : kValues[pos];
}

core::Error Refuse(std::string slug, std::string message) {
  return core::Error::Of(core::ErrorCode::kConflict, std::move(slug), std::move(message));
}

}  // namespace

char VinCheckDigit(std::string_view vin) {
  static constexpr int kWeights[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17 && i < vin.size(); ++i) sum += Transliterate(vin[i]) * kWeights[i];
  const int r = sum % 11;
  return r == 10 ? 'X' : static_cast<char>('0' + r);
}

core::Status CheckVin(std::string& vin) {
  std::transform(vin.begin(), vin.end(), vin.begin(), [](unsigned char c) { return std::toupper(c); });
  if (vin.size() != 17) return core::Error::Invalid("vin", "length", "A VIN has exactly 17 characters.");
  for (char c : vin) {
    if (Transliterate(c) < 0) {
      return core::Error::Invalid("vin", "characters", "A VIN has digits and letters other than I, O and Q.");
    }
  }
  if (vin[0] >= '1' && vin[0] <= '5' && vin[8] != VinCheckDigit(vin)) {
    return core::Error::Invalid("vin", "check-digit", "The VIN's check digit (position 9) does not match.");
  }
  return core::OkStatus();
}

core::Status ValidateVehicle(VehicleData& v, core::Date today) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (auto ok = CheckVin(v.vin); !ok) e.fields.push_back(ok.error().fields.at(0));
  auto text = [&](const char* field, const std::string& value) {
    if (value.empty()) e.fields.push_back({field, "required", std::string(field) + " is required."});
    else if (value.size() > 50) e.fields.push_back({field, "max-length", std::string(field) + " has at most 50 characters."});
  };
  text("make", v.make);
  text("model", v.model);
  text("color", v.color);
  const int this_year = static_cast<int>(today.ymd().year());
  if (v.year < 1900 || v.year > this_year + 1) {
    e.fields.push_back({"year", "range", "The model year is from 1900 to next year."});
  }
  static constexpr std::string_view kFuels[] = {"petrol", "diesel", "hybrid", "lpg", "electric"};
  if (v.electric) v.fuel = "electric";
  if (std::find(std::begin(kFuels), std::end(kFuels), v.fuel) == std::end(kFuels)) {
    e.fields.push_back({"fuel", "one-of", "The fuel is petrol, diesel, hybrid, lpg or electric."});
  }
  if (v.fuel == "electric") v.electric = true;
  if (v.electric) {
    if (v.engine_cc) e.fields.push_back({"engineCc", "electric", "An electric vehicle has no engine size."});
  } else if (!v.engine_cc) {
    e.fields.push_back({"engineCc", "required", "The engine size (cc) is required unless the vehicle is electric."});
  } else if (*v.engine_cc < 50 || *v.engine_cc > 20000) {
    e.fields.push_back({"engineCc", "range", "The engine size is 50 to 20000 cc."});
  }
  if (v.seats < 1 || v.seats > 100) e.fields.push_back({"seats", "range", "Seats are 1 to 100."});
  if (v.weight_kg < 50 || v.weight_kg > 60000) e.fields.push_back({"weightKg", "range", "The weight is 50 to 60000 kg."});
  static constexpr std::string_view kCategories[] = {"private", "public", "commercial", "motorcycle"};
  if (std::find(std::begin(kCategories), std::end(kCategories), v.category) == std::end(kCategories)) {
    e.fields.push_back({"category", "one-of", "The category is private, public, commercial or motorcycle."});
  }
  if (!e.fields.empty()) return e;
  return core::OkStatus();
}

std::string FormatPlate(int region, std::int64_t serial) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d-%05lld", region, static_cast<long long>(serial));
  return buf;
}

std::int64_t TransferFeeFils(const std::optional<int>& engine_cc, bool electric, int vehicle_year, core::Date today) {
  const bool old = static_cast<int>(today.ymd().year()) - vehicle_year > 10;
  if (electric) return old ? 40000 : 50000;
  const int cc = engine_cc.value_or(0);
  if (cc <= 1500) return old ? 40000 : 50000;
  if (cc <= 2000) return old ? 80000 : 100000;
  if (cc <= 3000) return old ? 120000 : 400000;
  return old ? 150000 : 500000;
}

std::int64_t RenewalEngineFeeFils(const std::optional<int>& engine_cc, bool electric) {
  if (electric) return 0;
  const int cc = engine_cc.value_or(0);
  if (cc <= 1500) return 10000;
  if (cc <= 2000) return 25000;
  if (cc <= 3000) return 60000;
  return 100000;
}

core::Date VehicleRenewedExpiry(core::Date old_expiry, core::Date today) {
  return today <= old_expiry ? old_expiry.AddYears(1) : today.AddYears(1);
}

core::Status CanRenewVehicle(const VehicleRenewalFacts& f, core::Date today) {
  if (f.deregistered) return Refuse("vehicle-deregistered", "The vehicle is deregistered.");
  if (f.seized) return Refuse("vehicle-seized", "The vehicle is seized.");
  if (f.lien) return Refuse("vehicle-lien", "A lien on the vehicle blocks its renewal.");
  if (f.unpaid_fines) return Refuse("unpaid-fines", "There are unpaid fines on the vehicle or its owner.");
  const auto new_expiry = VehicleRenewedExpiry(f.license_expiry, today);
  if (!f.insurance_end || *f.insurance_end < new_expiry) {
    return Refuse("insurance-missing", "No insurance policy covers the new licence year (to " + new_expiry.ToString() + ").");
  }
  if (!f.last_passed_inspection || *f.last_passed_inspection < today.AddDays(-kInspectionValidDays) ||
      *f.last_passed_inspection > today) {
    return Refuse("inspection-missing", "A passed technical inspection of the last 60 days is required.");
  }
  return core::OkStatus();
}

core::Status CanTransfer(const TransferFacts& f, core::Date today) {
  if (f.same_owner) return core::Error::Invalid("buyerPersonId", "same-owner", "The buyer already owns the vehicle.");
  if (f.buyer_deceased) return Refuse("person-deceased", "The buyer is recorded as deceased.");
  if (f.deregistered) return Refuse("vehicle-deregistered", "The vehicle is deregistered.");
  if (today > f.license_expiry) return Refuse("vehicle-unlicensed", "The vehicle licence has expired; renew it first.");
  if (f.unpaid_fines) return Refuse("unpaid-fines", "There are unpaid fines on the vehicle or its owner.");
  if (f.seized) return Refuse("vehicle-seized", "The vehicle is seized.");
  if (f.lien) return Refuse("vehicle-lien", "A lien on the vehicle blocks its transfer.");
  if (!f.buyer_insured) return Refuse("insurance-not-buyer", "The vehicle must be insured in the buyer's name.");
  return core::OkStatus();
}

int SuspensionDays(int points) {
  if (points > 28) return 180;
  if (points > 24) return 120;
  if (points > 20) return 90;
  if (points > 16) return 60;
  return 0;
}

}  // namespace dvld::domain
