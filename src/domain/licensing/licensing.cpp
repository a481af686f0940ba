#include "domain/licensing/licensing.h"

namespace dvld::domain {
namespace {
core::Error Refuse(std::string slug, std::string message) {
  return core::Error::Of(core::ErrorCode::kConflict, std::move(slug), std::move(message));
}
}  // namespace

std::string_view LicenseStatusName(LicenseStatus s) {
  switch (s) {
    case LicenseStatus::kActive: return "active";
    case LicenseStatus::kExpired: return "expired";
    case LicenseStatus::kDetained: return "detained";
    case LicenseStatus::kSuspended: return "suspended";
    case LicenseStatus::kReplaced: return "replaced";
    case LicenseStatus::kRenewed: return "renewed";
  }
  return "unknown";
}

LicenseStatus StatusOf(const LicenseFacts& l, core::Date today) {
  if (l.superseded_reason) return *l.superseded_reason == "renewed" ? LicenseStatus::kRenewed : LicenseStatus::kReplaced;
  if (l.detained) return LicenseStatus::kDetained;
  if (l.suspended) return LicenseStatus::kSuspended;
  if (today > l.expiry_date) return LicenseStatus::kExpired;
  return LicenseStatus::kActive;
}

core::Status CanApplyForNewLicense(const NewApplicationFacts& f, core::Date today) {
  if (f.deceased) return Refuse("person-deceased", "The person is recorded as deceased.");
  if (f.date_of_birth.YearsUntil(today) < f.minimum_age) {
    return Refuse("under-minimum-age", "The applicant has not reached the minimum age of " +
                                           std::to_string(f.minimum_age) + " for this class.");
  }
  if (f.has_open_application_for_class) {
    return Refuse("application-already-open", "The person already has an open application for this class.");
  }
  if (f.held_license_of_class && (*f.held_license_of_class == LicenseStatus::kActive ||
                                  *f.held_license_of_class == LicenseStatus::kDetained ||
                                  *f.held_license_of_class == LicenseStatus::kSuspended)) {
    return Refuse("license-class-held", "The person already holds a licence of this class (" +
                                            std::string(LicenseStatusName(*f.held_license_of_class)) + ").");
  }
  return core::OkStatus();
}

int NextTest(const TestHistory& h) {
  for (int s = 1; s <= kTestCount; ++s) {
    if (!h.passed[s]) return s;
  }
  return 0;
}

core::Status CanSchedule(const TestHistory& h, int sequence, core::Date date, core::Date today, int booked_that_day,
                         int daily_capacity) {
  if (sequence < 1 || sequence > kTestCount) return core::Error::Invalid("testType", "one-of", "Unknown test.");
  if (h.passed[sequence]) return Refuse("test-already-passed", "This test is passed; it is never taken again.");
  if (NextTest(h) != sequence) {
    return Refuse("previous-test-not-passed", "The tests are taken in order: vision, written, street.");
  }
  if (h.open_appointment[sequence]) {
    return Refuse("appointment-already-open", "There is already an open appointment for this test.");
  }
  if (date < today) return core::Error::Invalid("date", "not-in-past", "The appointment date is today or later.");
  if (booked_that_day >= daily_capacity) {
    return Refuse("no-capacity", "The office has no place left for this test on that day.");
  }
  return core::OkStatus();
}

core::Status CanRecordResult(bool already_recorded, bool bill_paid, core::Date appointment_date, core::Date today) {
  if (already_recorded) return Refuse("result-already-recorded", "A recorded result is final.");
  if (!bill_paid) return Refuse("appointment-unpaid", "The appointment's bill is not paid; the test cannot be taken.");
  if (appointment_date > today) return Refuse("appointment-in-future", "The appointment has not taken place yet.");
  return core::OkStatus();
}

core::Status CanCancelApplication(bool is_new, bool any_result_recorded) {
  if (!is_new) return Refuse("application-not-open", "Only an open application can be cancelled.");
  if (any_result_recorded) return Refuse("tests-taken", "An application cannot be cancelled once a test was taken.");
  return core::OkStatus();
}

core::Status CanIssueNewLicense(bool is_new, const TestHistory& h, bool all_bills_paid,
                                std::optional<LicenseStatus> held_license_of_class) {
  if (!is_new) return Refuse("application-not-open", "The application is not open.");
  if (NextTest(h) != 0) return Refuse("tests-not-passed", "All three tests must be passed first.");
  if (!all_bills_paid) return Refuse("bills-unpaid", "Every bill of the application must be paid first.");
  if (held_license_of_class && (*held_license_of_class == LicenseStatus::kActive ||
                                *held_license_of_class == LicenseStatus::kDetained ||
                                *held_license_of_class == LicenseStatus::kSuspended)) {
    return Refuse("license-class-held", "The person already holds a licence of this class.");
  }
  return core::OkStatus();
}

core::Status CanRenew(const LicenseFacts& l, core::Date today, bool has_unpaid_fines) {
  const auto status = StatusOf(l, today);
  if (status == LicenseStatus::kRenewed || status == LicenseStatus::kReplaced) {
    return Refuse("license-superseded", "This licence was " + std::string(LicenseStatusName(status)) +
                                            "; renew the current one.");
  }
  if (status == LicenseStatus::kDetained) return Refuse("license-detained", "A detained licence cannot be renewed.");
  if (status == LicenseStatus::kSuspended) return Refuse("license-suspended", "A suspended licence cannot be renewed.");
  if (has_unpaid_fines) return Refuse("unpaid-fines", "The holder has unpaid fines.");
  if (today < l.expiry_date.AddDays(-kEarlyRenewalDays)) {
    return Refuse("too-early-to-renew", "A licence can be renewed from 90 days before it expires (from " +
                                            l.expiry_date.AddDays(-kEarlyRenewalDays).ToString() + ").");
  }
  return core::OkStatus();
}

core::Date RenewedExpiry(const LicenseFacts& l, int validity_years, core::Date today) {
  return today <= l.expiry_date ? l.expiry_date.AddYears(validity_years) : today.AddYears(validity_years);
}

core::Status CanReplace(const LicenseFacts& l, core::Date today) {
  const auto status = StatusOf(l, today);
  if (status == LicenseStatus::kDetained) return Refuse("license-detained", "A detained licence cannot be replaced.");
  if (status != LicenseStatus::kActive) {
    return Refuse("license-not-active", "Only an active licence can be replaced (this one is " +
                                            std::string(LicenseStatusName(status)) + ").");
  }
  return core::OkStatus();
}

core::Status CanDetain(const LicenseFacts& l, core::Date today) {
  const auto status = StatusOf(l, today);
  if (status == LicenseStatus::kDetained) return Refuse("license-already-detained", "The licence is already detained.");
  if (status == LicenseStatus::kRenewed || status == LicenseStatus::kReplaced) {
    return Refuse("license-superseded", "This licence was superseded; detain the current one.");
  }
  return core::OkStatus();
}

core::Status CanRelease(const LicenseFacts& l) {
  if (!l.detained) return Refuse("license-not-detained", "The licence is not detained.");
  return core::OkStatus();
}

core::Status CanIssueInternationalPermit(const LicenseFacts& l, core::Date today, bool has_valid_permit) {
  if (l.class_id != kOrdinaryClassId) {
    return Refuse("wrong-class", "An international permit needs an ordinary driving licence (class 3).");
  }
  const auto status = StatusOf(l, today);
  if (status != LicenseStatus::kActive) {
    return Refuse("license-not-active", "The licence must be active (it is " + std::string(LicenseStatusName(status)) + ").");
  }
  if (has_valid_permit) return Refuse("permit-already-active", "The holder already has a valid international permit.");
  return core::OkStatus();
}

core::Date PermitExpiry(const LicenseFacts& l, core::Date today) {
  const auto year = today.AddYears(1);
  return year < l.expiry_date ? year : l.expiry_date;
}

}  // namespace dvld::domain
