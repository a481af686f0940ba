#include "domain/vehicles/vehicles.h"

#include <gtest/gtest.h>

namespace dvld::domain {
namespace {

core::Date D(const char* s) { return *core::Date::Parse(s); }
const core::Date kToday = D("2026-11-28");

std::string Rule(std::string vin) {
  auto st = CheckVin(vin);
  return st ? "ok" : st.error().fields.at(0).rule;
}

TEST(Vin, KnownValidNorthAmericanVinsPass) {
  // Published examples: the ISO 3779 / NHTSA worked example, a Honda Accord, the all-ones VIN.
  for (const char* vin : {"1M8GDM9AXKP042788", "1HGCM82633A004352", "11111111111111111"}) {
    EXPECT_EQ(Rule(vin), "ok") << vin;
  }
  EXPECT_EQ(VinCheckDigit("1M8GDM9A_KP042788"), 'X');
}

TEST(Vin, AWrongCheckDigitIsRefusedForNorthAmericaOnly) {
  EXPECT_EQ(Rule("1M8GDM9A1KP042788"), "check-digit");
  EXPECT_EQ(Rule("1HGCM82643A004352"), "check-digit");
  EXPECT_EQ(Rule("11111111211111111"), "check-digit");
  // Europe and Asia (first character not 1-5): alphabet and length only.
  EXPECT_EQ(Rule("WVWZZZ1JZXW000001"), "ok");
  EXPECT_EQ(Rule("JTDKB20U793000001"), "ok");
  EXPECT_EQ(Rule("SALLAAA146A000001"), "ok");
}

TEST(Vin, LengthAndAlphabetAreChecked) {
  EXPECT_EQ(Rule("1HGCM82633A00435"), "length");
  EXPECT_EQ(Rule("1HGCM82633A0043520"), "length");
  EXPECT_EQ(Rule("WVWZZZ1JZXW00000I"), "characters");
  EXPECT_EQ(Rule("WVWZZZ1JZXW00000O"), "characters");
  EXPECT_EQ(Rule("WVWZZZ1JZXW00000Q"), "characters");
  EXPECT_EQ(Rule("WVWZZZ1JZXW0000-1"), "characters");
  std::string lower = "1hgcm82633a004352";
  EXPECT_TRUE(CheckVin(lower));
  EXPECT_EQ(lower, "1HGCM82633A004352");
}

VehicleData Car() {
  VehicleData v;
  v.vin = "1HGCM82633A004352";
  v.make = "Honda";
  v.model = "Accord";
  v.color = "Silver";
  v.fuel = "petrol";
  v.category = "private";
  v.year = 2020;
  v.engine_cc = 1998;
  v.seats = 5;
  v.weight_kg = 1400;
  return v;
}

TEST(Vehicle, EveryFieldHasItsRule) {
  auto v = Car();
  EXPECT_TRUE(ValidateVehicle(v, kToday));
  v.year = 2028;
  EXPECT_EQ(ValidateVehicle(v, kToday).error().fields.at(0).field, "year");
  v = Car();
  v.engine_cc.reset();
  EXPECT_EQ(ValidateVehicle(v, kToday).error().fields.at(0).field, "engineCc");
  v = Car();
  v.electric = true;
  EXPECT_EQ(ValidateVehicle(v, kToday).error().fields.at(0).rule, "electric");
  v.engine_cc.reset();
  EXPECT_TRUE(ValidateVehicle(v, kToday));
  EXPECT_EQ(v.fuel, "electric");
  v = Car();
  v.category = "tank";
  EXPECT_EQ(ValidateVehicle(v, kToday).error().fields.at(0).field, "category");
}

TEST(Plate, IsTheRegionAndASerial) {
  EXPECT_EQ(FormatPlate(13, 20697), "13-20697");
  EXPECT_EQ(FormatPlate(10, 7), "10-00007");
}

TEST(TransferFee, FollowsTheTableByEngineSizeAndAge) {
  EXPECT_EQ(TransferFeeFils(1500, false, 2020, kToday), 50000);
  EXPECT_EQ(TransferFeeFils(1500, false, 2015, kToday), 40000) << "older than 10 years";
  EXPECT_EQ(TransferFeeFils(1500, false, 2016, kToday), 50000) << "exactly 10 years is not older";
  EXPECT_EQ(TransferFeeFils(1501, false, 2020, kToday), 100000);
  EXPECT_EQ(TransferFeeFils(2000, false, 2000, kToday), 80000);
  EXPECT_EQ(TransferFeeFils(2001, false, 2020, kToday), 400000);
  EXPECT_EQ(TransferFeeFils(3000, false, 2000, kToday), 120000);
  EXPECT_EQ(TransferFeeFils(3001, false, 2020, kToday), 500000);
  EXPECT_EQ(TransferFeeFils(5000, false, 2000, kToday), 150000);
  EXPECT_EQ(TransferFeeFils(std::nullopt, true, 2020, kToday), 50000);
  EXPECT_EQ(TransferFeeFils(std::nullopt, true, 2010, kToday), 40000);
}

VehicleRenewalFacts Renewable() {
  VehicleRenewalFacts f;
  f.license_expiry = D("2026-12-31");
  f.insurance_end = D("2027-12-31");
  f.last_passed_inspection = D("2026-11-01");
  return f;
}

TEST(VehicleRenewal, NeedsInsuranceInspectionAndNoBlocks) {
  EXPECT_TRUE(CanRenewVehicle(Renewable(), kToday));
  auto f = Renewable();
  f.insurance_end = D("2027-12-30");
  EXPECT_EQ(CanRenewVehicle(f, kToday).error().slug, "insurance-missing") << "must cover the whole new year";
  f = Renewable();
  f.insurance_end.reset();
  EXPECT_EQ(CanRenewVehicle(f, kToday).error().slug, "insurance-missing");
  f = Renewable();
  f.last_passed_inspection = kToday.AddDays(-60);
  EXPECT_TRUE(CanRenewVehicle(f, kToday)) << "60 days old is still valid";
  f.last_passed_inspection = kToday.AddDays(-61);
  EXPECT_EQ(CanRenewVehicle(f, kToday).error().slug, "inspection-missing");
  f = Renewable();
  f.unpaid_fines = true;
  EXPECT_EQ(CanRenewVehicle(f, kToday).error().slug, "unpaid-fines");
  f = Renewable();
  f.seized = true;
  EXPECT_EQ(CanRenewVehicle(f, kToday).error().slug, "vehicle-seized");
  f = Renewable();
  f.lien = true;
  EXPECT_EQ(CanRenewVehicle(f, kToday).error().slug, "vehicle-lien");
  f = Renewable();
  f.deregistered = true;
  EXPECT_EQ(CanRenewVehicle(f, kToday).error().slug, "vehicle-deregistered");
}

TEST(VehicleRenewal, ExtendsFromTheOldExpiryOrFromTodayWhenLapsed) {
  EXPECT_EQ(VehicleRenewedExpiry(D("2026-12-31"), kToday).ToString(), "2027-12-31");
  EXPECT_EQ(VehicleRenewedExpiry(D("2026-10-01"), kToday).ToString(), "2027-11-28");
}

TransferFacts Transferable() {
  TransferFacts f;
  f.license_expiry = D("2027-01-01");
  f.buyer_insured = true;
  return f;
}

TEST(Transfer, RefusedForEveryBlock) {
  EXPECT_TRUE(CanTransfer(Transferable(), kToday));
  auto check = [](auto mutate, const char* slug) {
    auto f = Transferable();
    mutate(f);
    auto st = CanTransfer(f, kToday);
    ASSERT_FALSE(st) << slug;
    EXPECT_EQ(st.error().slug == "validation-failed" ? st.error().fields.at(0).rule : st.error().slug, slug);
  };
  check([](TransferFacts& f) { f.license_expiry = D("2026-11-27"); }, "vehicle-unlicensed");
  check([](TransferFacts& f) { f.unpaid_fines = true; }, "unpaid-fines");
  check([](TransferFacts& f) { f.seized = true; }, "vehicle-seized");
  check([](TransferFacts& f) { f.lien = true; }, "vehicle-lien");
  check([](TransferFacts& f) { f.buyer_insured = false; }, "insurance-not-buyer");
  check([](TransferFacts& f) { f.same_owner = true; }, "same-owner");
  check([](TransferFacts& f) { f.deregistered = true; }, "vehicle-deregistered");
}

TEST(Points, ThresholdsAtTheirExactEdges) {
  EXPECT_EQ(SuspensionDays(0), 0);
  EXPECT_EQ(SuspensionDays(16), 0);
  EXPECT_EQ(SuspensionDays(17), 60);
  EXPECT_EQ(SuspensionDays(20), 60);
  EXPECT_EQ(SuspensionDays(21), 90);
  EXPECT_EQ(SuspensionDays(24), 90);
  EXPECT_EQ(SuspensionDays(25), 120);
  EXPECT_EQ(SuspensionDays(28), 120);
  EXPECT_EQ(SuspensionDays(29), 180);
}

TEST(Points, CountOverARolling12Months) {
  EXPECT_EQ(PointsWindowStart(kToday).ToString(), "2025-11-29");
}

}  // namespace
}  // namespace dvld::domain
