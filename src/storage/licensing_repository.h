// SQL for the licensing ports (both dialects).
#pragma once
#include "app/ports/store.h"
#include "storage/db.h"

namespace dvld::storage {

class SqlLicensingRepository final : public app::LicensingRepository {
 public:
  explicit SqlLicensingRepository(Connection& c) : c_(c) {}
  std::int64_t NextNumber(const std::string& counter) override;
  std::int64_t InsertApplication(const app::ApplicationRecord& a) override;
  std::optional<app::ApplicationRecord> FindApplication(std::int64_t id) override;
  bool CloseApplication(std::int64_t id, const std::string& status, core::SysTime at,
                        std::optional<std::int64_t> result_license_id,
                        std::optional<std::int64_t> result_permit_id) override;
  bool HasOpenApplicationForClass(std::int64_t person_id, std::int64_t class_id) override;
  std::optional<app::ApplicationRecord> OpenApplicationForLicense(std::int64_t license_id) override;
  app::Page<app::ApplicationRecord> ListApplications(const app::ApplicationFilter& f,
                                                     const app::PageRequest& page) override;
  std::int64_t InsertBill(app::BillRecord bill) override;
  std::optional<app::BillRecord> FindBill(std::int64_t id) override;
  std::vector<app::BillRecord> BillsOfApplication(std::int64_t application_id) override;
  std::vector<app::BillRecord> BillsOfPerson(std::int64_t person_id) override;
  bool MarkBillPaid(std::int64_t id, core::SysTime at) override;
  void CancelOpenBills(std::int64_t application_id) override;
  void CancelBill(std::int64_t bill_id) override;
  bool HasUnpaidFines(std::int64_t person_id) override;
  std::int64_t InsertPayment(const app::PaymentRecord& p) override;
  std::optional<app::PaymentRecord> FindPaymentByReceipt(const std::string& receipt_no) override;
  std::int64_t InsertAppointment(const app::AppointmentRecord& a) override;
  std::optional<app::AppointmentRecord> FindAppointment(std::int64_t id) override;
  std::vector<app::AppointmentRecord> AppointmentsOf(std::int64_t application_id) override;
  int CountBooked(std::int64_t branch_id, std::int64_t test_type_id, const std::string& date) override;
  bool RecordResult(std::int64_t id, bool passed, const std::optional<std::string>& notes, std::int64_t examiner_id,
                    core::SysTime at) override;
  void CancelScheduledAppointments(std::int64_t application_id) override;
  std::int64_t EnsureDriver(std::int64_t person_id, core::SysTime at) override;
  std::int64_t InsertLicense(const app::LicenseRecord& l) override;
  std::optional<app::LicenseRecord> FindLicense(std::int64_t id) override;
  std::optional<app::LicenseCard> FindLicenseCard(const std::string& number, const std::string& today) override;
  std::optional<app::LicenseRecord> CurrentLicenseOfClass(std::int64_t person_id, std::int64_t class_id) override;
  std::vector<app::LicenseRecord> LicensesOfPerson(std::int64_t person_id) override;
  app::Page<app::LicenseRecord> ListLicenses(const app::LicenseFilter& f, const app::PageRequest& page) override;
  bool SupersedeLicense(std::int64_t id, const std::string& reason, std::int64_t by, bool lost) override;
  std::int64_t InsertDetention(const app::DetentionRecord& d) override;
  std::optional<app::DetentionRecord> OpenDetention(std::int64_t license_id) override;
  bool ReleaseDetention(std::int64_t id, std::int64_t by, core::SysTime at, std::int64_t application_id) override;
  std::vector<app::DetentionRecord> DetentionsOfPerson(std::int64_t person_id) override;
  std::int64_t InsertPermit(const app::PermitRecord& p) override;
  std::optional<app::PermitRecord> FindPermit(std::int64_t id) override;
  std::optional<app::PermitRecord> ActivePermit(std::int64_t person_id) override;
  void EndPermit(std::int64_t id, core::SysTime at) override;
  std::vector<app::PermitRecord> PermitsOfPerson(std::int64_t person_id) override;
  std::optional<app::SigningKeyRecord> FindSigningKey(const std::string& purpose) override;
  bool InsertSigningKey(const app::SigningKeyRecord& key) override;

 private:
  std::vector<app::BillRecord> Bills(const std::string& where, std::vector<Param> params);
  std::vector<app::LicenseRecord> Licenses(const std::string& where, std::vector<Param> params,
                                           const std::string& tail = " ORDER BY l.id");
  Connection& c_;
};

class SqlIdempotencyRepository final : public app::IdempotencyRepository {
 public:
  explicit SqlIdempotencyRepository(Connection& c) : c_(c) {}
  std::optional<app::IdempotencyRecord> Claim(const std::string& principal, const std::string& key,
                                              const std::string& request_hash, core::SysTime at) override;
  void Complete(const std::string& principal, const std::string& key, int status, const std::string& response) override;
  void Release(const std::string& principal, const std::string& key) override;

 private:
  Connection& c_;
};

}  // namespace dvld::storage
