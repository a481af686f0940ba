// One test per licensing rule, the allowed and the refused case, with dates fixed by the test.
#include "domain/licensing/licensing.h"

#include <gtest/gtest.h>

namespace dvld::domain {
namespace {

core::Date D(const char* s) { return *core::Date::Parse(s); }
const core::Date kToday = D("2026-11-28");

LicenseFacts Licence(const char* expiry = "2030-06-30", std::int64_t cls = 3) {
  LicenseFacts l;
  l.class_id = cls;
  l.issue_date = D("2020-06-30");
  l.expiry_date = D(expiry);
  return l;
}

std::string Slug(const core::Status& s) { return s ? "ok" : s.error().slug; }

TEST(LicenseStatus, IsComputedFromTheFactsAndToday) {
  auto l = Licence("2026-11-28");
  EXPECT_EQ(StatusOf(l, kToday), LicenseStatus::kActive) << "valid through its expiry date";
  EXPECT_EQ(StatusOf(l, kToday.AddDays(1)), LicenseStatus::kExpired);
  l.suspended = true;
  EXPECT_EQ(StatusOf(l, kToday), LicenseStatus::kSuspended);
  l.detained = true;
  EXPECT_EQ(StatusOf(l, kToday), LicenseStatus::kDetained);
  l.superseded_reason = "renewed";
  EXPECT_EQ(StatusOf(l, kToday), LicenseStatus::kRenewed);
  l.superseded_reason = "replaced";
  EXPECT_EQ(StatusOf(l, kToday), LicenseStatus::kReplaced);
}

TEST(NewApplication, NeedsTheMinimumAgeOnTheApplicationDate) {
  NewApplicationFacts f;
  f.minimum_age = 18;
  f.date_of_birth = D("2008-11-28");
  EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "ok") << "18 today";
  f.date_of_birth = D("2008-11-29");
  EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "under-minimum-age") << "18 tomorrow";
  f.minimum_age = 21;
  f.date_of_birth = D("2005-11-28");
  EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "ok");
  f.date_of_birth = D("2006-01-01");
  EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "under-minimum-age");
}

TEST(NewApplication, OneOpenApplicationPerClassAndNoneWhileHoldingTheClass) {
  NewApplicationFacts f;
  f.date_of_birth = D("1990-01-01");
  f.has_open_application_for_class = true;
  EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "application-already-open");
  f.has_open_application_for_class = false;
  for (auto held : {LicenseStatus::kActive, LicenseStatus::kDetained, LicenseStatus::kSuspended}) {
    f.held_license_of_class = held;
    EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "license-class-held") << LicenseStatusName(held);
  }
  f.held_license_of_class = LicenseStatus::kExpired;
  EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "ok") << "an expired licence does not block a new one";
  f.deceased = true;
  EXPECT_EQ(Slug(CanApplyForNewLicense(f, kToday)), "person-deceased");
}

TEST(Tests, AreTakenInOrderOnceEachWithOneOpenAppointment) {
  TestHistory h;
  EXPECT_EQ(NextTest(h), 1);
  EXPECT_EQ(Slug(CanSchedule(h, 1, kToday, kToday, 0, 10)), "ok");
  EXPECT_EQ(Slug(CanSchedule(h, 2, kToday, kToday, 0, 10)), "previous-test-not-passed");
  h.open_appointment[1] = true;
  EXPECT_EQ(Slug(CanSchedule(h, 1, kToday, kToday, 0, 10)), "appointment-already-open");
  h.open_appointment[1] = false;
  h.passed[1] = true;
  EXPECT_EQ(Slug(CanSchedule(h, 1, kToday, kToday, 0, 10)), "test-already-passed");
  EXPECT_EQ(Slug(CanSchedule(h, 2, kToday, kToday, 0, 10)), "ok");
  EXPECT_EQ(Slug(CanSchedule(h, 3, kToday, kToday, 0, 10)), "previous-test-not-passed");
  h.passed[2] = h.passed[3] = true;
  EXPECT_EQ(NextTest(h), 0);
}

TEST(Tests, AppointmentsAreTodayOrLaterWithinTheDailyCapacity) {
  TestHistory h;
  EXPECT_EQ(CanSchedule(h, 1, kToday.AddDays(-1), kToday, 0, 10).error().fields.at(0).rule, "not-in-past");
  EXPECT_EQ(Slug(CanSchedule(h, 1, kToday.AddDays(30), kToday, 0, 10)), "ok");
  EXPECT_EQ(Slug(CanSchedule(h, 1, kToday, kToday, 9, 10)), "ok");
  EXPECT_EQ(Slug(CanSchedule(h, 1, kToday, kToday, 10, 10)), "no-capacity");
}

TEST(Tests, RetakesPayTheRetakeFeeFromTheSecondAttempt) {
  TestHistory h;
  EXPECT_EQ(NextAttempt(h, 2), 1);
  EXPECT_FALSE(NeedsRetakeFee(NextAttempt(h, 2)));
  h.attempts[2] = 1;
  EXPECT_EQ(NextAttempt(h, 2), 2);
  EXPECT_TRUE(NeedsRetakeFee(NextAttempt(h, 2)));
}

TEST(Tests, AResultIsRecordedOnceOnAPaidAppointmentThatHasTakenPlace) {
  EXPECT_EQ(Slug(CanRecordResult(false, true, kToday, kToday)), "ok");
  EXPECT_EQ(Slug(CanRecordResult(true, true, kToday, kToday)), "result-already-recorded");
  EXPECT_EQ(Slug(CanRecordResult(false, false, kToday, kToday)), "appointment-unpaid");
  EXPECT_EQ(Slug(CanRecordResult(false, true, kToday.AddDays(1), kToday)), "appointment-in-future");
}

TEST(Applications, CancelOnlyWhileNewAndBeforeAnyTest) {
  EXPECT_EQ(Slug(CanCancelApplication(true, false)), "ok");
  EXPECT_EQ(Slug(CanCancelApplication(true, true)), "tests-taken");
  EXPECT_EQ(Slug(CanCancelApplication(false, false)), "application-not-open");
}

TEST(Issue, NeedsAllThreeTestsAndEveryBillPaid) {
  TestHistory h;
  h.passed[1] = h.passed[2] = true;
  EXPECT_EQ(Slug(CanIssueNewLicense(true, h, true, std::nullopt)), "tests-not-passed");
  h.passed[3] = true;
  EXPECT_EQ(Slug(CanIssueNewLicense(true, h, false, std::nullopt)), "bills-unpaid");
  EXPECT_EQ(Slug(CanIssueNewLicense(true, h, true, std::nullopt)), "ok");
  EXPECT_EQ(Slug(CanIssueNewLicense(false, h, true, std::nullopt)), "application-not-open");
  EXPECT_EQ(Slug(CanIssueNewLicense(true, h, true, LicenseStatus::kActive)), "license-class-held");
}

TEST(Renewal, From90DaysBeforeExpiryOrAnyTimeAfter) {
  const auto l = Licence("2027-02-26");  // 90 days after 2026-11-28
  EXPECT_EQ(Slug(CanRenew(l, kToday, false)), "ok");
  EXPECT_EQ(Slug(CanRenew(l, kToday.AddDays(-1), false)), "too-early-to-renew");
  EXPECT_EQ(Slug(CanRenew(l, D("2031-01-01"), false)), "ok") << "long after expiry";
}

TEST(Renewal, RefusedWhenDetainedSuspendedSupersededOrFinesAreUnpaid) {
  auto l = Licence("2026-12-31");
  EXPECT_EQ(Slug(CanRenew(l, kToday, true)), "unpaid-fines");
  l.detained = true;
  EXPECT_EQ(Slug(CanRenew(l, kToday, false)), "license-detained");
  l.detained = false;
  l.suspended = true;
  EXPECT_EQ(Slug(CanRenew(l, kToday, false)), "license-suspended");
  l.suspended = false;
  l.superseded_reason = "renewed";
  EXPECT_EQ(Slug(CanRenew(l, kToday, false)), "license-superseded");
}

TEST(Renewal, EarlyExtendsTheOldExpiryLateStartsToday) {
  EXPECT_EQ(RenewedExpiry(Licence("2026-12-31"), 10, kToday).ToString(), "2036-12-31");
  EXPECT_EQ(RenewedExpiry(Licence("2026-11-28"), 5, kToday).ToString(), "2031-11-28") << "on the expiry day: early";
  EXPECT_EQ(RenewedExpiry(Licence("2025-01-15"), 10, kToday).ToString(), "2036-11-28");
}

TEST(Replacement, OnlyAnActiveLicenceThatIsNotDetained) {
  auto l = Licence();
  EXPECT_EQ(Slug(CanReplace(l, kToday)), "ok");
  l.detained = true;
  EXPECT_EQ(Slug(CanReplace(l, kToday)), "license-detained");
  EXPECT_EQ(Slug(CanReplace(Licence("2026-01-01"), kToday)), "license-not-active") << "expired";
  l = Licence();
  l.superseded_reason = "replaced";
  EXPECT_EQ(Slug(CanReplace(l, kToday)), "license-not-active") << "a replaced (lost) licence is never back";
}

TEST(Detention, OnceAtATimeAndReleasedOnlyWhenDetained) {
  auto l = Licence();
  EXPECT_EQ(Slug(CanDetain(l, kToday)), "ok");
  EXPECT_EQ(Slug(CanRelease(l)), "license-not-detained");
  l.detained = true;
  EXPECT_EQ(Slug(CanDetain(l, kToday)), "license-already-detained");
  EXPECT_EQ(Slug(CanRelease(l)), "ok");
  l = Licence();
  l.superseded_reason = "renewed";
  EXPECT_EQ(Slug(CanDetain(l, kToday)), "license-superseded");
}

TEST(InternationalPermit, OnlyForAnActiveClass3LicenceOneAtATime) {
  EXPECT_EQ(Slug(CanIssueInternationalPermit(Licence(), kToday, false)), "ok");
  EXPECT_EQ(Slug(CanIssueInternationalPermit(Licence("2030-06-30", 4), kToday, false)), "wrong-class");
  EXPECT_EQ(Slug(CanIssueInternationalPermit(Licence(), kToday, true)), "permit-already-active");
  auto detained = Licence();
  detained.detained = true;
  EXPECT_EQ(Slug(CanIssueInternationalPermit(detained, kToday, false)), "license-not-active");
  auto suspended = Licence();
  suspended.suspended = true;
  EXPECT_EQ(Slug(CanIssueInternationalPermit(suspended, kToday, false)), "license-not-active");
  EXPECT_EQ(Slug(CanIssueInternationalPermit(Licence("2026-01-01"), kToday, false)), "license-not-active");
}

TEST(InternationalPermit, ValidOneYearButNeverBeyondTheLicence) {
  EXPECT_EQ(PermitExpiry(Licence("2030-06-30"), kToday).ToString(), "2027-11-28");
  EXPECT_EQ(PermitExpiry(Licence("2027-03-01"), kToday).ToString(), "2027-03-01");
}

}  // namespace
}  // namespace dvld::domain
