// Storage ports of the licensing services: applications, bills and payments, appointments,
// licences, detentions, international permits and idempotency keys.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace dvld::app {

template <typename T>
struct Page;
struct PageRequest;

struct ApplicationRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string type_code;  // application_types.code
  std::optional<std::int64_t> license_class_id;
  std::optional<std::int64_t> license_id;
  std::string status = "new";  // new, completed, cancelled
  std::string application_date;
  std::optional<std::string> reason;
  std::int64_t branch_id = 0;
  std::int64_t created_by = 0;
  core::SysTime created_at{};
  std::optional<core::SysTime> closed_at;
  std::optional<std::int64_t> result_license_id;
  std::optional<std::int64_t> result_permit_id;
  std::string person_name_en, person_name_ar;  // joined for display
};

struct ApplicationFilter {
  std::optional<std::string> status, type_code, from, to;
  std::optional<std::int64_t> person_id, license_class_id, branch_id;
};

struct BillLine {
  std::string item_code;
  std::string description_en, description_ar;
  std::int64_t amount_fils = 0;
};

struct PaymentRecord {
  std::int64_t id = 0;
  std::int64_t bill_id = 0;
  std::string receipt_no;
  std::string method;
  std::int64_t amount_fils = 0;
  core::SysTime paid_at{};
  std::int64_t collected_by = 0;
  std::int64_t branch_id = 0;
  std::optional<std::string> idempotency_key;
  // Joined for the receipt.
  std::int64_t person_id = 0;
  std::optional<std::int64_t> application_id;
  std::string collected_by_name;
};

struct BillRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::optional<std::int64_t> application_id;
  std::optional<std::int64_t> vehicle_id;
  std::string kind;             // application, test, license-fee, vehicle, fine
  std::string status = "open";  // open, paid, cancelled
  std::int64_t total_fils = 0;
  core::SysTime created_at{};
  std::optional<std::string> due_date;
  std::optional<core::SysTime> paid_at;
  std::vector<BillLine> lines;
  std::optional<PaymentRecord> payment;
};

struct AppointmentRecord {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::int64_t test_type_id = 0;
  int sequence = 0;
  std::string test_code;
  std::string date;
  std::int64_t branch_id = 0;
  std::string status = "scheduled";  // scheduled, passed, failed, cancelled
  int attempt = 1;
  std::int64_t bill_id = 0;
  std::optional<std::string> notes;
  std::optional<std::int64_t> examiner_id;
  std::optional<core::SysTime> recorded_at;
  core::SysTime created_at{};
  bool bill_paid = false;  // joined
};

struct LicenseRecord {
  std::int64_t id = 0;
  std::string number;
  std::int64_t driver_id = 0;
  std::int64_t person_id = 0;
  std::int64_t license_class_id = 0;
  std::int64_t application_id = 0;
  std::string issue_date, expiry_date;
  std::string issue_reason;
  std::optional<std::string> superseded_reason;
  std::optional<std::int64_t> superseded_by;
  bool lost = false;
  std::int64_t created_by = 0;
  core::SysTime created_at{};
  bool detained = false;                       // joined: an open detention
  bool suspended = false;                      // joined (issue 5)
  std::string person_name_en, person_name_ar;  // joined for display
};

struct SigningKeyRecord {
  std::string purpose;
  std::string public_key, secret_key;  // Ed25519, base64url
  core::SysTime created_at{};
};

struct LicenseFilter {
  std::optional<std::int64_t> person_id, license_class_id;
  std::optional<std::string> number;
};

struct DetentionRecord {
  std::int64_t id = 0;
  std::int64_t license_id = 0;
  std::string detained_on;
  std::int64_t fine_fils = 0;
  std::string reason;
  std::int64_t detained_by = 0;
  std::optional<core::SysTime> released_at;
  std::optional<std::int64_t> released_by;
  std::optional<std::int64_t> release_application_id;
};

struct PermitRecord {
  std::int64_t id = 0;
  std::string number;
  std::int64_t license_id = 0;
  std::int64_t person_id = 0;
  std::int64_t application_id = 0;
  std::string issue_date, expiry_date;
  std::optional<core::SysTime> ended_at;
  std::int64_t created_by = 0;
  core::SysTime created_at{};
};

// A licence found by its number, read in one query for the lookup by number and the public
// verification: the licence (its `suspended` as of the day asked), its class and the holder's names.
struct LicenseCard {
  LicenseRecord license;
  std::string class_code, class_name_en, class_name_ar;
  int class_minimum_age = 0, class_validity_years = 0;
  std::int64_t class_fee_fils = 0;
  std::string first_name_en, second_name_en, last_name_en, first_name_ar, second_name_ar, last_name_ar;
  std::optional<std::string> third_name_en, third_name_ar;
};

class LicensingRepository {
 public:
  virtual ~LicensingRepository() = default;
  // The next number of a counter (license, receipt, permit); never the same twice.
  virtual std::int64_t NextNumber(const std::string& counter) = 0;

  virtual std::int64_t InsertApplication(const ApplicationRecord& a) = 0;
  virtual std::optional<ApplicationRecord> FindApplication(std::int64_t id) = 0;
  // Moves an open application to completed or cancelled; false when it was no longer open.
  virtual bool CloseApplication(std::int64_t id, const std::string& status, core::SysTime at,
                                std::optional<std::int64_t> result_license_id,
                                std::optional<std::int64_t> result_permit_id) = 0;
  virtual bool HasOpenApplicationForClass(std::int64_t person_id, std::int64_t class_id) = 0;
  virtual std::optional<ApplicationRecord> OpenApplicationForLicense(std::int64_t license_id) = 0;
  virtual Page<ApplicationRecord> ListApplications(const ApplicationFilter& f, const PageRequest& page) = 0;

  virtual std::int64_t InsertBill(BillRecord bill) = 0;
  virtual std::optional<BillRecord> FindBill(std::int64_t id) = 0;
  virtual std::vector<BillRecord> BillsOfApplication(std::int64_t application_id) = 0;
  virtual std::vector<BillRecord> BillsOfPerson(std::int64_t person_id) = 0;
  // open -> paid; false when the bill was not open (paid meanwhile).
  virtual bool MarkBillPaid(std::int64_t id, core::SysTime at) = 0;
  virtual void CancelOpenBills(std::int64_t application_id) = 0;
  virtual void CancelBill(std::int64_t bill_id) = 0;
  virtual bool HasUnpaidFines(std::int64_t person_id) = 0;
  virtual std::int64_t InsertPayment(const PaymentRecord& p) = 0;
  virtual std::optional<PaymentRecord> FindPaymentByReceipt(const std::string& receipt_no) = 0;

  virtual std::int64_t InsertAppointment(const AppointmentRecord& a) = 0;
  virtual std::optional<AppointmentRecord> FindAppointment(std::int64_t id) = 0;
  virtual std::vector<AppointmentRecord> AppointmentsOf(std::int64_t application_id) = 0;
  virtual int CountBooked(std::int64_t branch_id, std::int64_t test_type_id, const std::string& date) = 0;
  // scheduled -> passed/failed; false when a result was recorded meanwhile.
  virtual bool RecordResult(std::int64_t id, bool passed, const std::optional<std::string>& notes,
                            std::int64_t examiner_id, core::SysTime at) = 0;
  virtual void CancelScheduledAppointments(std::int64_t application_id) = 0;

  virtual std::int64_t EnsureDriver(std::int64_t person_id, core::SysTime at) = 0;
  virtual std::int64_t InsertLicense(const LicenseRecord& l) = 0;
  virtual std::optional<LicenseRecord> FindLicense(std::int64_t id) = 0;
  virtual std::optional<LicenseCard> FindLicenseCard(const std::string& number, const std::string& today) = 0;
  virtual std::optional<LicenseRecord> CurrentLicenseOfClass(std::int64_t person_id, std::int64_t class_id) = 0;
  virtual std::vector<LicenseRecord> LicensesOfPerson(std::int64_t person_id) = 0;
  virtual Page<LicenseRecord> ListLicenses(const LicenseFilter& f, const PageRequest& page) = 0;
  // Marks a current licence superseded; false when it was superseded meanwhile.
  virtual bool SupersedeLicense(std::int64_t id, const std::string& reason, std::int64_t by, bool lost) = 0;

  virtual std::int64_t InsertDetention(const DetentionRecord& d) = 0;
  virtual std::optional<DetentionRecord> OpenDetention(std::int64_t license_id) = 0;
  virtual bool ReleaseDetention(std::int64_t id, std::int64_t by, core::SysTime at, std::int64_t application_id) = 0;
  virtual std::vector<DetentionRecord> DetentionsOfPerson(std::int64_t person_id) = 0;

  virtual std::int64_t InsertPermit(const PermitRecord& p) = 0;
  virtual std::optional<PermitRecord> FindPermit(std::int64_t id) = 0;
  virtual std::optional<PermitRecord> ActivePermit(std::int64_t person_id) = 0;
  virtual void EndPermit(std::int64_t id, core::SysTime at) = 0;
  virtual std::vector<PermitRecord> PermitsOfPerson(std::int64_t person_id) = 0;

  // The department's signing key for a purpose ("license-verification"), created once.
  virtual std::optional<SigningKeyRecord> FindSigningKey(const std::string& purpose) = 0;
  // False when a key for this purpose exists already (another server made it first).
  virtual bool InsertSigningKey(const SigningKeyRecord& key) = 0;
};

// Idempotency keys of requests that pay money.
struct IdempotencyRecord {
  std::string request_hash;
  int status = 0;  // 0: the first request is still running
  std::string response;
};

class IdempotencyRepository {
 public:
  virtual ~IdempotencyRepository() = default;
  // Claims the key for this request; nullopt when claimed now, else what is stored.
  virtual std::optional<IdempotencyRecord> Claim(const std::string& principal, const std::string& key,
                                                 const std::string& request_hash, core::SysTime at) = 0;
  virtual void Complete(const std::string& principal, const std::string& key, int status,
                        const std::string& response) = 0;
  virtual void Release(const std::string& principal, const std::string& key) = 0;
};

}  // namespace dvld::app
