// Licensing and vehicle rules (src/domain/licensing, src/domain/vehicles): status, eligibility,
// fees, VIN check digits, demerit-point suspensions. Each refusal builds an Error with text, so the
// refused paths are measured beside the accepted ones.
#include <benchmark/benchmark.h>

#include <array>

#include "app/licensing_service.h"
#include "core/date.h"
#include "domain/licensing/licensing.h"
#include "domain/vehicles/vehicles.h"
#include "fixtures.h"

namespace dvld::bench {
namespace {

// ---- dates (every rule and every licence view parses or compares them) ----

void BM_DateParse(benchmark::State& state) {
  std::string text = "2027-06-01";
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);
    auto d = core::Date::Parse(text);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DateParse);

void BM_DateToString(benchmark::State& state) {
  const auto d = Today();
  for (auto _ : state) {
    auto s = d.ToString();
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_DateToString);

// ---- licence status and view ----

void BM_LicenseStatusOf(benchmark::State& state) {
  auto facts = SampleLicenseFacts();
  auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(today);
    auto s = domain::StatusOf(facts, today);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_LicenseStatusOf);

// app::ViewOf: copies the record, parses its two dates, asks StatusOf, writes the status reason.
void BM_LicenseViewOf(benchmark::State& state) {
  const auto record = SampleLicense();
  const auto today = Today();
  for (auto _ : state) {
    auto view = app::ViewOf(record, today);
    benchmark::DoNotOptimize(view);
  }
}
BENCHMARK(BM_LicenseViewOf);

// ---- new licence ----

void BM_CanApplyForNewLicense(benchmark::State& state) {
  domain::NewApplicationFacts f;
  f.date_of_birth = *core::Date::Parse("1986-03-14");
  f.minimum_age = 18;
  f.held_license_of_class = domain::LicenseStatus::kExpired;
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(f);
    auto ok = domain::CanApplyForNewLicense(f, today);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_CanApplyForNewLicense);

void BM_CanApplyForNewLicense_UnderAge(benchmark::State& state) {
  domain::NewApplicationFacts f;
  f.date_of_birth = *core::Date::Parse("2010-01-02");
  f.minimum_age = 18;
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(f);
    auto ok = domain::CanApplyForNewLicense(f, today);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_CanApplyForNewLicense_UnderAge);

void BM_CanScheduleTest(benchmark::State& state) {
  domain::TestHistory h;
  h.passed[1] = true;
  h.attempts[1] = 1;
  h.attempts[2] = 1;  // a retake of the written test
  const auto today = Today();
  const auto date = today.AddDays(3);
  for (auto _ : state) {
    benchmark::DoNotOptimize(h);
    auto ok = domain::CanSchedule(h, 2, date, today, 14, 40);
    const bool fee = domain::NeedsRetakeFee(domain::NextAttempt(h, 2));
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(fee);
  }
}
BENCHMARK(BM_CanScheduleTest);

void BM_CanIssueNewLicense(benchmark::State& state) {
  domain::TestHistory h;
  for (int s = 1; s <= domain::kTestCount; ++s) h.passed[s] = true;
  for (auto _ : state) {
    benchmark::DoNotOptimize(h);
    auto ok = domain::CanIssueNewLicense(true, h, true, std::nullopt);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_CanIssueNewLicense);

// ---- renewal, replacement, detention, permits ----

// 60 days before expiry: allowed, and the new expiry extends from the old one.
void BM_CanRenew(benchmark::State& state) {
  auto facts = SampleLicenseFacts();
  facts.expiry_date = Today().AddDays(60);
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(facts);
    auto ok = domain::CanRenew(facts, today, false);
    auto expiry = domain::RenewedExpiry(facts, 10, today);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(expiry);
  }
}
BENCHMARK(BM_CanRenew);

// Refused: too early (the message names the first allowed day).
void BM_CanRenew_TooEarly(benchmark::State& state) {
  auto facts = SampleLicenseFacts();
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(facts);
    auto ok = domain::CanRenew(facts, today, false);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_CanRenew_TooEarly);

void BM_CanReplaceAndDetain(benchmark::State& state) {
  auto facts = SampleLicenseFacts();
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(facts);
    auto replace = domain::CanReplace(facts, today);
    auto detain = domain::CanDetain(facts, today);
    benchmark::DoNotOptimize(replace);
    benchmark::DoNotOptimize(detain);
  }
}
BENCHMARK(BM_CanReplaceAndDetain);

void BM_CanIssueInternationalPermit(benchmark::State& state) {
  auto facts = SampleLicenseFacts();
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(facts);
    auto ok = domain::CanIssueInternationalPermit(facts, today, false);
    auto expiry = domain::PermitExpiry(facts, today);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(expiry);
  }
}
BENCHMARK(BM_CanIssueInternationalPermit);

// ---- vehicles ----

void BM_VinCheckDigit(benchmark::State& state) {
  std::string vin = "1FAHP3F27CL123456";
  for (auto _ : state) {
    benchmark::DoNotOptimize(vin);
    auto c = domain::VinCheckDigit(vin);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_VinCheckDigit);

// CheckVin upper-cases in place, so each iteration starts from a fresh (short-string) copy.
void BM_CheckVin(benchmark::State& state) {
  const std::string input = "1fahp3f27cl123456";
  for (auto _ : state) {
    std::string vin = input;
    auto ok = domain::CheckVin(vin);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(vin);
  }
}
BENCHMARK(BM_CheckVin);

// Includes copying the VehicleData (ValidateVehicle normalises in place).
void BM_ValidateVehicle(benchmark::State& state) {
  const auto input = SampleVehicle();
  const auto today = Today();
  for (auto _ : state) {
    auto v = input;
    auto ok = domain::ValidateVehicle(v, today);
    if (!ok) state.SkipWithError("sample vehicle refused");
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_ValidateVehicle);

domain::VehicleRenewalFacts RenewableVehicle() {
  domain::VehicleRenewalFacts f;
  f.license_expiry = Today().AddDays(20);
  f.insurance_end = Today().AddDays(400);
  f.last_passed_inspection = Today().AddDays(-10);
  return f;
}

void BM_CanRenewVehicle(benchmark::State& state) {
  auto f = RenewableVehicle();
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(f);
    auto ok = domain::CanRenewVehicle(f, today);
    auto expiry = domain::VehicleRenewedExpiry(f.license_expiry, today);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(expiry);
  }
}
BENCHMARK(BM_CanRenewVehicle);

// Refused: the policy ends before the new licence year does (message carries the date).
void BM_CanRenewVehicle_NoInsurance(benchmark::State& state) {
  auto f = RenewableVehicle();
  f.insurance_end = Today().AddDays(100);
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(f);
    auto ok = domain::CanRenewVehicle(f, today);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_CanRenewVehicle_NoInsurance);

void BM_CanTransfer(benchmark::State& state) {
  domain::TransferFacts f;
  f.license_expiry = Today().AddDays(200);
  f.buyer_insured = true;
  const auto today = Today();
  for (auto _ : state) {
    benchmark::DoNotOptimize(f);
    auto ok = domain::CanTransfer(f, today);
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_CanTransfer);

// Both fee tables over a spread of engines, electric and old vehicles included; per call.
void BM_VehicleFees(benchmark::State& state) {
  struct Case {
    std::optional<int> cc;
    bool electric;
    int year;
  };
  const std::array<Case, 8> cases{{{1200, false, 2019},
                                   {1600, false, 2008},
                                   {1999, false, 2021},
                                   {2500, false, 2012},
                                   {2996, false, 2023},
                                   {4400, false, 2010},
                                   {std::nullopt, true, 2024},
                                   {1800, false, 2016}}};
  const auto today = Today();
  for (auto _ : state) {
    std::int64_t total = 0;
    for (const auto& c : cases) {
      benchmark::DoNotOptimize(&c);
      total += domain::TransferFeeFils(c.cc, c.electric, c.year, today);
      total += domain::RenewalEngineFeeFils(c.cc, c.electric);
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cases.size() * 2));
}
BENCHMARK(BM_VehicleFees);

// The rolling 12-month window and the suspension it leads to.
void BM_PointsWindowAndSuspension(benchmark::State& state) {
  auto today = Today();
  int points = 22;
  for (auto _ : state) {
    benchmark::DoNotOptimize(today);
    benchmark::DoNotOptimize(points);
    auto start = domain::PointsWindowStart(today);
    auto days = domain::SuspensionDays(points);
    benchmark::DoNotOptimize(start);
    benchmark::DoNotOptimize(days);
  }
}
BENCHMARK(BM_PointsWindowAndSuspension);

void BM_FormatPlate(benchmark::State& state) {
  int region = 13;
  std::int64_t serial = 20697;
  for (auto _ : state) {
    benchmark::DoNotOptimize(region);
    benchmark::DoNotOptimize(serial);
    auto plate = domain::FormatPlate(region, serial);
    benchmark::DoNotOptimize(plate);
  }
}
BENCHMARK(BM_FormatPlate);

}  // namespace
}  // namespace dvld::bench
