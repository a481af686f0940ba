// Driving licence services (DOMAIN.md sections 3 and 6): new-licence applications with their tests,
// issue, renewal, replacement, detention and release, international permits, and the bills that
// pay for them. Each call is one transaction and writes its audit entries in it.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/store.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/licensing/licensing.h"

namespace dvld::app {

// Paying at the counter in the same request ("payment": {"method": "cash"}).
struct PaymentInput {
  std::string method;  // cash | card
  std::optional<std::string> idempotency_key;
};

// An application with everything that explains it: bills, test appointments, and what comes next.
struct ApplicationView {
  ApplicationRecord application;
  std::vector<BillRecord> bills;
  std::vector<AppointmentRecord> appointments;
  std::string next_step;         // schedule-test, pay, take-test, issue, none
  std::optional<int> next_test;  // 1..3 for schedule-test / take-test
  std::optional<std::string> blocked_reason;
  std::optional<LicenseRecord> license;  // the licence it produced, once completed
  std::optional<PermitRecord> permit;
};

struct LicenseView {
  LicenseRecord license;
  domain::LicenseStatus status = domain::LicenseStatus::kActive;
  std::string status_reason;
  std::optional<DetentionRecord> detention;
};

struct DrivingRecord {
  std::vector<LicenseView> licenses;
  std::vector<PermitRecord> permits;
  std::vector<ApplicationView> applications;
  std::vector<DetentionRecord> detentions;
  std::vector<BillRecord> bills;
};

// What the public verification route tells about a licence: no national number, birth date or
// address; the holder's full names only to whoever holds the signed code printed on the card.
struct LicenseVerification {
  LicenseView view;
  LicenseClass license_class;
  std::string holder_en, holder_ar;
  bool full_name = false;
  std::optional<bool> authentic;  // nullopt: no code was given
  core::SysTime checked_at{};
};

struct VerificationCode {
  std::string number;
  std::string code;  // Ed25519 signature of the licence's facts, base64url
};

class LicensingService {
 public:
  LicensingService(Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  core::Result<ApplicationView> ApplyForNewLicense(const Principal& who, std::int64_t person_id, std::int64_t class_id,
                                                   const std::optional<PaymentInput>& payment);
  core::Result<ApplicationView> GetApplication(std::int64_t id);
  core::Result<Page<ApplicationRecord>> ListApplications(const ApplicationFilter& f, const PageRequest& page);
  core::Result<ApplicationView> Cancel(const Principal& who, std::int64_t application_id);

  core::Result<AppointmentRecord> ScheduleTest(const Principal& who, std::int64_t application_id,
                                               const std::string& test_code, const std::string& date,
                                               std::optional<std::int64_t> branch_id,
                                               const std::optional<PaymentInput>& payment);
  core::Result<AppointmentRecord> RecordResult(const Principal& who, std::int64_t appointment_id, bool passed,
                                               const std::optional<std::string>& notes);
  core::Result<LicenseView> Issue(const Principal& who, std::int64_t application_id,
                                  const std::optional<PaymentInput>& payment);

  core::Result<ApplicationView> Renew(const Principal& who, std::int64_t license_id,
                                      const std::optional<PaymentInput>& payment);
  core::Result<ApplicationView> Replace(const Principal& who, std::int64_t license_id, const std::string& reason,
                                        const std::optional<PaymentInput>& payment);
  core::Result<LicenseView> Detain(const Principal& who, std::int64_t license_id, std::int64_t fine_fils,
                                   const std::string& reason);
  core::Result<ApplicationView> Release(const Principal& who, std::int64_t license_id,
                                        const std::optional<PaymentInput>& payment);
  core::Result<ApplicationView> RequestInternationalPermit(const Principal& who, std::int64_t license_id,
                                                           const std::optional<PaymentInput>& payment);
  core::Result<PermitRecord> GetPermit(std::int64_t id);

  core::Result<BillRecord> GetBill(std::int64_t id);
  // Pays a bill at the counter; when it was the last open bill of a renewal, replacement, release
  // or permit application, the service completes in the same transaction.
  core::Result<PaymentRecord> PayBill(const Principal& who, std::int64_t bill_id, const PaymentInput& payment);
  core::Result<PaymentRecord> GetReceipt(const std::string& receipt_no);

  core::Result<LicenseView> GetLicense(std::int64_t id);
  core::Result<LicenseView> GetLicenseByNumber(const std::string& number);
  core::Result<Page<LicenseView>> ListLicenses(const LicenseFilter& f, const PageRequest& page);
  core::Result<DrivingRecord> GetDrivingRecord(std::int64_t person_id);

  // The code to print (as a QR) on a licence card; the signing key is made on first use.
  core::Result<VerificationCode> GetVerificationCode(const Principal& who, std::int64_t license_id);
  // Public: the state of a licence by its number, and whether `code` is the department's signature.
  core::Result<LicenseVerification> VerifyLicense(const std::string& number, const std::optional<std::string>& code);

 private:
  std::optional<SigningKeyRecord> SigningKey(UnitOfWork& uow);
  core::Date Today() const { return core::Date::Today(clock_); }
  Store& store_;
  const core::Clock& clock_;
  std::mutex key_mu_;
  std::optional<SigningKeyRecord> key_;  // loaded once
};

LicenseView ViewOf(const LicenseRecord& l, core::Date today);

// For other services' bills (vehicles, fines): store a bill (its total is the sum of its lines),
// and pay an open bill at the counter inside the caller's transaction.
BillRecord CreateBill(UnitOfWork& uow, core::SysTime now, BillRecord bill);
core::Result<PaymentRecord> PayInTransaction(UnitOfWork& uow, const Principal& who, core::SysTime now,
                                             const BillRecord& bill, const PaymentInput& input);

}  // namespace dvld::app
