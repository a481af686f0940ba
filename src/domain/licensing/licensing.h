// Driving licence rules (DOMAIN.md section 3): who may apply for which class, the order of tests
// and their attempts, issue, renewal, replacement, detention, release, international permits, and
// a licence's status. Pure functions of facts and "today"; the services load the facts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace dvld::domain {

// ---- licence status ----
enum class LicenseStatus { kActive, kExpired, kDetained, kSuspended, kReplaced, kRenewed };
std::string_view LicenseStatusName(LicenseStatus s);

struct LicenseFacts {
  std::int64_t class_id = 0;
  core::Date issue_date = core::Date::FromDays({});
  core::Date expiry_date = core::Date::FromDays({});
  std::optional<std::string> superseded_reason;  // "renewed" | "replaced"; set once superseded
  bool detained = false;
  bool suspended = false;
};

// Superseded first (renewed, replaced), then detained, suspended, expired (after the expiry date),
// else active.
LicenseStatus StatusOf(const LicenseFacts& l, core::Date today);

// ---- new local licence ----
struct NewApplicationFacts {
  core::Date date_of_birth = core::Date::FromDays({});
  bool deceased = false;
  int minimum_age = 18;
  bool has_open_application_for_class = false;
  std::optional<LicenseStatus> held_license_of_class;  // the current licence of that class, if any
};
core::Status CanApplyForNewLicense(const NewApplicationFacts& f, core::Date today);

// ---- tests ----
inline constexpr int kTestCount = 3;  // vision (1), written (2), street (3)
struct TestHistory {
  bool passed[kTestCount + 1] = {false, false, false, false};  // by sequence 1..3
  bool open_appointment[kTestCount + 1] = {false, false, false, false};
  int attempts[kTestCount + 1] = {0, 0, 0, 0};  // results recorded so far
};
// The next test to take (1..3), or 0 when all three are passed.
int NextTest(const TestHistory& h);
core::Status CanSchedule(const TestHistory& h, int sequence, core::Date date, core::Date today, int booked_that_day,
                         int daily_capacity);
// The attempt number of a new appointment for this test; from 2 on a retake fee is due.
inline int NextAttempt(const TestHistory& h, int sequence) { return h.attempts[sequence] + 1; }
inline bool NeedsRetakeFee(int attempt) { return attempt >= 2; }
core::Status CanRecordResult(bool already_recorded, bool bill_paid, core::Date appointment_date, core::Date today);

// ---- application life ----
core::Status CanCancelApplication(bool is_new, bool any_result_recorded);
core::Status CanIssueNewLicense(bool is_new, const TestHistory& h, bool all_bills_paid,
                                std::optional<LicenseStatus> held_license_of_class);

// ---- renewal, replacement, detention, release, permits ----
inline constexpr int kEarlyRenewalDays = 90;
core::Status CanRenew(const LicenseFacts& l, core::Date today, bool has_unpaid_fines);
// Early renewal extends from the old expiry; a lapsed licence from today.
core::Date RenewedExpiry(const LicenseFacts& l, int validity_years, core::Date today);
core::Status CanReplace(const LicenseFacts& l, core::Date today);
core::Status CanDetain(const LicenseFacts& l, core::Date today);
core::Status CanRelease(const LicenseFacts& l);
inline constexpr std::int64_t kOrdinaryClassId = 3;
core::Status CanIssueInternationalPermit(const LicenseFacts& l, core::Date today, bool has_valid_permit);
// One year, but never beyond the local licence.
core::Date PermitExpiry(const LicenseFacts& l, core::Date today);

// Largest detention fine an officer may set: 5,000 JOD.
inline constexpr std::int64_t kMaxFineFils = 5'000'000;

}  // namespace dvld::domain
