#include "app/licensing_service.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "core/crypto.h"
#include "core/json_writer.h"

namespace dvld::app {

namespace {

using domain::LicenseStatus;

core::Error NotFound(const std::string& what) {
  return core::Error::Of(core::ErrorCode::kNotFound, what + "-not-found", "No such " + what + ".");
}

core::Error Refuse(std::string slug, std::string message) {
  return core::Error::Of(core::ErrorCode::kConflict, std::move(slug), std::move(message));
}

std::string Numbered(const char* prefix, std::int64_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%0*lld", prefix, width, static_cast<long long>(n));
  return buf;
}

domain::LicenseFacts FactsOf(const LicenseRecord& l) {
  domain::LicenseFacts f;
  f.class_id = l.license_class_id;
  f.issue_date = *core::Date::Parse(l.issue_date);
  f.expiry_date = *core::Date::Parse(l.expiry_date);
  f.superseded_reason = l.superseded_reason;
  f.detained = l.detained;
  f.suspended = l.suspended;
  return f;
}

std::string StatusReason(const LicenseRecord& l, LicenseStatus s) {
  switch (s) {
    case LicenseStatus::kActive:
      return "Valid until " + l.expiry_date + ".";
    case LicenseStatus::kExpired:
      return "Expired on " + l.expiry_date + ".";
    case LicenseStatus::kDetained:
      return "Detained; release it to use it again.";
    case LicenseStatus::kSuspended:
      return "Suspended for demerit points.";
    case LicenseStatus::kReplaced:
      return l.lost ? "Replaced after it was reported lost." : "Replaced by a new card.";
    case LicenseStatus::kRenewed:
      return "Renewed; the new licence replaces it.";
  }
  return "";
}

std::string LicenseSnapshot(const LicenseRecord& l) {
  return core::JsonObject()
      .Add("number", l.number)
      .Add("personId", l.person_id)
      .Add("classId", l.license_class_id)
      .Add("issueDate", l.issue_date)
      .Add("expiryDate", l.expiry_date)
      .Add("issueReason", l.issue_reason)
      .Add("supersededReason", l.superseded_reason)
      .Add("lost", l.lost)
      .str();
}

std::string ApplicationSnapshot(const ApplicationRecord& a, std::int64_t bill_total) {
  return core::JsonObject()
      .Add("personId", a.person_id)
      .Add("type", a.type_code)
      .Add("licenseClassId", a.license_class_id)
      .Add("licenseId", a.license_id)
      .Add("status", a.status)
      .Add("applicationDate", a.application_date)
      .Add("reason", a.reason)
      .Add("branchId", a.branch_id)
      .Add("billTotalFils", bill_total)
      .str();
}

// The work of one call: a unit of work and the context every step needs.
struct Tx {
  UnitOfWork& uow;
  const Principal& who;
  core::SysTime now;
  core::Date today;
  LicensingRepository& repo() { return uow.Licensing(); }
};

BillLine ServiceLine(Tx& tx, const std::string& code) {
  auto type = tx.uow.Reference().FindApplicationTypeByCode(code);
  return BillLine{code, type ? type->name_en : code, type ? type->name_ar : code, type ? type->fee_fils : 0};
}

BillRecord NewBill(Tx& tx, std::int64_t person_id, std::optional<std::int64_t> application_id, std::string kind,
                   std::vector<BillLine> lines) {
  BillRecord b;
  b.person_id = person_id;
  b.application_id = application_id;
  b.kind = std::move(kind);
  b.lines = std::move(lines);
  for (const auto& l : b.lines) b.total_fils += l.amount_fils;
  b.created_at = tx.now;
  b.id = tx.repo().InsertBill(b);
  return b;
}

// Suspensions live with violations (demerit points); a licence shows them in its status.
std::optional<LicenseRecord> Suspension(UnitOfWork& uow, std::optional<LicenseRecord> l, core::Date today) {
  if (l) l->suspended = uow.Vehicles().ActiveSuspension(l->person_id, today.ToString()).has_value();
  return l;
}

core::Status CheckMethod(const PaymentInput& p) {
  if (p.method != "cash" && p.method != "card") {
    return core::Error::Invalid("payment.method", "one-of", "The payment method is cash or card.");
  }
  return core::OkStatus();
}

core::Status CompleteService(Tx& tx, const ApplicationRecord& app);

// Records the payment of an open bill and, when the application's bills are then all paid,
// completes the service it pays for.
core::Result<PaymentRecord> PayInTx(Tx& tx, const BillRecord& bill, const PaymentInput& input,
                                    const ApplicationRecord* known = nullptr) {
  if (auto ok = CheckMethod(input); !ok) return std::move(ok).error();
  if (bill.status == "paid") return Refuse("bill-already-paid", "This bill is already paid.");
  if (bill.status == "cancelled") return Refuse("bill-cancelled", "This bill was cancelled.");
  if (!tx.who.IsUser() || !tx.who.Can(domain::perm::kPaymentsCollect)) {
    return core::Error::Of(core::ErrorCode::kPermissionDenied, "forbidden",
                           "Taking a payment needs the permission payments.collect.");
  }
  if (!tx.repo().MarkBillPaid(bill.id, tx.now)) return Refuse("bill-already-paid", "This bill is already paid.");
  PaymentRecord p;
  p.bill_id = bill.id;
  p.receipt_no = Numbered("RC-", tx.repo().NextNumber("receipt"), 8);
  p.method = input.method;
  p.amount_fils = bill.total_fils;
  p.paid_at = tx.now;
  p.collected_by = tx.who.user_id;
  p.branch_id = tx.who.branch_id;
  p.idempotency_key = input.idempotency_key;
  p.id = tx.repo().InsertPayment(p);
  tx.uow.Audit().Append(
      tx.who, tx.now, "pay", "bill", bill.id, std::nullopt,
      core::JsonObject().Add("receiptNo", p.receipt_no).Add("method", p.method).Add("amountFils", p.amount_fils).str());
  // A new-licence application is completed by its issue, never by a payment; an application's
  // type never changes, so a caller that holds the bill's application (`known`) spares the read.
  const bool may_complete = !known || known->id != bill.application_id || known->type_code != "new-local-license";
  if (bill.application_id && may_complete) {
    auto app = tx.repo().FindApplication(*bill.application_id);
    if (app && app->status == "new" && app->type_code != "new-local-license") {
      bool all_paid = true;
      for (const auto& b : tx.repo().BillsOfApplication(app->id)) all_paid = all_paid && b.status != "open";
      if (all_paid) {
        if (auto ok = CompleteService(tx, *app); !ok) return std::move(ok).error();
      }
    }
  }
  // The receipt as stored: every column is known here (the joined ones from the bill and the
  // signed-in collector), so it is not read back.
  p.person_id = bill.person_id;
  p.application_id = bill.application_id;
  p.collected_by_name = tx.who.username;
  return p;
}

LicenseRecord NewLicense(Tx& tx, const ApplicationRecord& app, std::int64_t class_id, const std::string& expiry,
                         const std::string& reason) {
  LicenseRecord l;
  l.driver_id = tx.repo().EnsureDriver(app.person_id, tx.now);
  l.number = Numbered("DL-", tx.repo().NextNumber("license"), 8);
  l.person_id = app.person_id;
  l.license_class_id = class_id;
  l.application_id = app.id;
  l.issue_date = tx.today.ToString();
  l.expiry_date = expiry;
  l.issue_reason = reason;
  l.created_by = tx.who.user_id;
  l.created_at = tx.now;
  return l;
}

// Re-checks the rule of a paid renewal, replacement, release or permit and carries it out.
core::Status CompleteService(Tx& tx, const ApplicationRecord& app) {
  std::optional<std::int64_t> result_license, result_permit;
  auto license = Suspension(tx.uow, app.license_id ? tx.repo().FindLicense(*app.license_id) : std::nullopt, tx.today);
  if (!license) return NotFound("license");
  const auto facts = FactsOf(*license);
  if (app.type_code == "renew-license") {
    if (auto ok = domain::CanRenew(facts, tx.today, tx.repo().HasUnpaidFines(app.person_id)); !ok) return ok;
    auto cls = tx.uow.Reference().FindLicenseClass(license->license_class_id);
    if (!cls) return NotFound("license-class");
    if (!tx.repo().SupersedeLicense(license->id, "renewed", tx.who.user_id, false)) {
      return Refuse("license-superseded", "This licence was renewed or replaced meanwhile.");
    }
    auto l = NewLicense(tx, app, license->license_class_id,
                        domain::RenewedExpiry(facts, cls->validity_years, tx.today).ToString(), "renewal");
    l.id = tx.repo().InsertLicense(l);
    result_license = l.id;
    tx.uow.Audit().Append(tx.who, tx.now, "renew", "license", license->id, LicenseSnapshot(*license),
                          LicenseSnapshot(l));
  } else if (app.type_code == "replace-lost-license" || app.type_code == "replace-damaged-license") {
    if (auto ok = domain::CanReplace(facts, tx.today); !ok) return ok;
    const bool lost = app.type_code == "replace-lost-license";
    if (!tx.repo().SupersedeLicense(license->id, "replaced", tx.who.user_id, lost)) {
      return Refuse("license-superseded", "This licence was renewed or replaced meanwhile.");
    }
    auto l = NewLicense(tx, app, license->license_class_id, license->expiry_date,
                        lost ? "replacement-lost" : "replacement-damaged");
    l.id = tx.repo().InsertLicense(l);
    result_license = l.id;
    tx.uow.Audit().Append(tx.who, tx.now, "replace", "license", license->id, LicenseSnapshot(*license),
                          LicenseSnapshot(l));
  } else if (app.type_code == "release-detained-license") {
    if (auto ok = domain::CanRelease(facts); !ok) return ok;
    auto detention = tx.repo().OpenDetention(license->id);
    if (!detention || !tx.repo().ReleaseDetention(detention->id, tx.who.user_id, tx.now, app.id)) {
      return Refuse("license-not-detained", "The licence was released meanwhile.");
    }
    tx.uow.Audit().Append(tx.who, tx.now, "release", "license", license->id,
                          core::JsonObject().Add("detained", true).Add("detentionId", detention->id).str(),
                          core::JsonObject().Add("detained", false).Add("releaseApplicationId", app.id).str());
  } else if (app.type_code == "international-permit") {
    auto active = tx.repo().ActivePermit(app.person_id);
    const bool valid = active && *core::Date::Parse(active->expiry_date) >= tx.today;
    if (auto ok = domain::CanIssueInternationalPermit(facts, tx.today, valid); !ok) return ok;
    if (active) tx.repo().EndPermit(active->id, tx.now);  // an expired one ends when the next is issued
    PermitRecord p;
    p.number = Numbered("IDP-", tx.repo().NextNumber("permit"), 6);
    p.license_id = license->id;
    p.person_id = app.person_id;
    p.application_id = app.id;
    p.issue_date = tx.today.ToString();
    p.expiry_date = domain::PermitExpiry(facts, tx.today).ToString();
    p.created_by = tx.who.user_id;
    p.created_at = tx.now;
    p.id = tx.repo().InsertPermit(p);
    result_permit = p.id;
    tx.uow.Audit().Append(tx.who, tx.now, "issue", "international_permit", p.id, std::nullopt,
                          core::JsonObject()
                              .Add("number", p.number)
                              .Add("licenseId", p.license_id)
                              .Add("issueDate", p.issue_date)
                              .Add("expiryDate", p.expiry_date)
                              .str());
  } else {
    return core::Error::Of(core::ErrorCode::kInternal, "unknown-service", "Unknown application type " + app.type_code);
  }
  if (!tx.repo().CloseApplication(app.id, "completed", tx.now, result_license, result_permit)) {
    return Refuse("application-not-open", "The application was closed meanwhile.");
  }
  tx.uow.Audit().Append(tx.who, tx.now, "complete", "application", app.id, std::nullopt, std::nullopt);
  return core::OkStatus();
}

domain::TestHistory HistoryOf(const std::vector<AppointmentRecord>& appts) {
  domain::TestHistory h;
  for (const auto& a : appts) {
    if (a.sequence < 1 || a.sequence > domain::kTestCount) continue;
    if (a.status == "passed") h.passed[a.sequence] = true;
    if (a.status == "scheduled") h.open_appointment[a.sequence] = true;
    if (a.status == "passed" || a.status == "failed") ++h.attempts[a.sequence];
  }
  return h;
}

std::optional<LicenseStatus> HeldStatus(Tx& tx, std::int64_t person_id, std::int64_t class_id) {
  auto current = Suspension(tx.uow, tx.repo().CurrentLicenseOfClass(person_id, class_id), tx.today);
  if (!current) return std::nullopt;
  return domain::StatusOf(FactsOf(*current), tx.today);
}

ApplicationView BuildView(LicensingRepository& repo, ApplicationRecord app, core::Date today) {
  ApplicationView v;
  v.bills = repo.BillsOfApplication(app.id);
  v.appointments = repo.AppointmentsOf(app.id);
  if (app.result_license_id) v.license = repo.FindLicense(*app.result_license_id);
  if (app.result_permit_id) v.permit = repo.FindPermit(*app.result_permit_id);
  const bool unpaid =
      std::any_of(v.bills.begin(), v.bills.end(), [](const BillRecord& b) { return b.status == "open"; });
  if (app.status != "new") {
    v.next_step = "none";
  } else if (app.type_code != "new-local-license") {
    v.next_step = unpaid ? "pay" : "none";
    if (unpaid) v.blocked_reason = "The service completes when its bill is paid.";
  } else {
    const auto h = HistoryOf(v.appointments);
    const int next = domain::NextTest(h);
    if (next == 0) {
      v.next_step = unpaid ? "pay" : "issue";
      if (unpaid) v.blocked_reason = "All tests are passed; the licence fee must be paid before issue.";
    } else if (h.open_appointment[next]) {
      const auto it = std::find_if(v.appointments.begin(), v.appointments.end(), [&](const AppointmentRecord& a) {
        return a.sequence == next && a.status == "scheduled";
      });
      v.next_test = next;
      if (it != v.appointments.end() && !it->bill_paid) {
        v.next_step = "pay";
        v.blocked_reason = "The appointment's bill must be paid before the test is taken.";
      } else {
        v.next_step = "take-test";
        if (it != v.appointments.end() && *core::Date::Parse(it->date) > today) {
          v.blocked_reason = "The test takes place on " + it->date + ".";
        }
      }
    } else {
      v.next_step = "schedule-test";
      v.next_test = next;
      if (unpaid) v.blocked_reason = "A bill of this application is still open.";
    }
  }
  v.application = std::move(app);
  return v;
}

}  // namespace

BillRecord CreateBill(UnitOfWork& uow, core::SysTime now, BillRecord bill) {
  bill.total_fils = 0;
  for (const auto& l : bill.lines) bill.total_fils += l.amount_fils;
  bill.created_at = now;
  bill.id = uow.Licensing().InsertBill(bill);
  return bill;
}

core::Result<PaymentRecord> PayInTransaction(UnitOfWork& uow, const Principal& who, core::SysTime now,
                                             const BillRecord& bill, const PaymentInput& input) {
  Tx tx{uow, who, now, core::Date::Of(now)};  // paying a bill never looks at the calendar day
  return PayInTx(tx, bill, input);
}

LicenseView ViewOf(const LicenseRecord& l, core::Date today) {
  LicenseView v;
  v.license = l;
  v.status = domain::StatusOf(FactsOf(l), today);
  v.status_reason = StatusReason(l, v.status);
  return v;
}

// ------------------------------------------------------------------ new licence

core::Result<ApplicationView> LicensingService::ApplyForNewLicense(const Principal& who, std::int64_t person_id,
                                                                   std::int64_t class_id,
                                                                   const std::optional<PaymentInput>& payment) {
  if (payment) {
    if (auto ok = CheckMethod(*payment); !ok) return std::move(ok).error();
  }
  auto uow = store_.Write();
  Tx tx{*uow, who, clock_.Now(), Today()};
  auto person = uow->People().FindById(person_id);
  if (!person) return core::Error::Invalid("personId", "unknown-person", "No person has this id.");
  auto cls = uow->Reference().FindLicenseClass(class_id);
  if (!cls) return core::Error::Invalid("licenseClassId", "unknown-class", "No licence class has this id.");
  domain::NewApplicationFacts facts;
  facts.date_of_birth = *core::Date::Parse(person->date_of_birth);
  facts.deceased = person->deceased;
  facts.minimum_age = cls->minimum_age;
  facts.has_open_application_for_class = tx.repo().HasOpenApplicationForClass(person_id, class_id);
  facts.held_license_of_class = HeldStatus(tx, person_id, class_id);
  if (auto ok = domain::CanApplyForNewLicense(facts, tx.today); !ok) return std::move(ok).error();

  ApplicationRecord app;
  app.person_id = person_id;
  app.type_code = "new-local-license";
  app.license_class_id = class_id;
  app.application_date = tx.today.ToString();
  app.branch_id = who.branch_id;
  app.created_by = who.user_id;
  app.created_at = tx.now;
  app.id = tx.repo().InsertApplication(app);
  auto bill = NewBill(tx, person_id, app.id, "application", {ServiceLine(tx, "new-local-license")});
  uow->Audit().Append(who, tx.now, "create", "application", app.id, std::nullopt,
                      ApplicationSnapshot(app, bill.total_fils));
  if (payment) {
    if (auto paid = PayInTx(tx, bill, *payment, &app); !paid) return std::move(paid).error();
  }
  auto view = BuildView(tx.repo(), *tx.repo().FindApplication(app.id), tx.today);
  uow->Commit();
  return view;
}

core::Result<ApplicationView> LicensingService::GetApplication(std::int64_t id) {
  auto uow = store_.Read();
  auto app = uow->Licensing().FindApplication(id);
  if (!app) return NotFound("application");
  return BuildView(uow->Licensing(), *app, Today());
}

core::Result<Page<ApplicationRecord>> LicensingService::ListApplications(const ApplicationFilter& f,
                                                                         const PageRequest& page) {
  if (f.status && *f.status != "new" && *f.status != "completed" && *f.status != "cancelled") {
    return core::Error::Invalid("status", "one-of", "The status is new, completed or cancelled.");
  }
  for (const auto* d : {&f.from, &f.to}) {
    if (*d && !core::Date::Parse(**d))
      return core::Error::Invalid(d == &f.from ? "from" : "to", "format", "Dates are YYYY-MM-DD.");
  }
  return store_.Read()->Licensing().ListApplications(f, page);
}

core::Result<ApplicationView> LicensingService::Cancel(const Principal& who, std::int64_t application_id) {
  auto uow = store_.Write();
  Tx tx{*uow, who, clock_.Now(), Today()};
  auto app = tx.repo().FindApplication(application_id);
  if (!app) return NotFound("application");
  const auto appts = tx.repo().AppointmentsOf(app->id);
  const bool taken = std::any_of(appts.begin(), appts.end(), [](const AppointmentRecord& a) {
    return a.status == "passed" || a.status == "failed";
  });
  if (auto ok = domain::CanCancelApplication(app->status == "new", taken); !ok) return std::move(ok).error();
  // Paid fees stay paid: a refund is its own service (finance). Open bills are cancelled.
  if (!tx.repo().CloseApplication(app->id, "cancelled", tx.now, std::nullopt, std::nullopt)) {
    return Refuse("application-not-open", "The application was closed meanwhile.");
  }
  tx.repo().CancelOpenBills(app->id);
  tx.repo().CancelScheduledAppointments(app->id);
  uow->Audit().Append(who, tx.now, "cancel", "application", app->id, core::JsonObject().Add("status", "new").str(),
                      core::JsonObject().Add("status", "cancelled").str());
  auto view = BuildView(tx.repo(), *tx.repo().FindApplication(app->id), tx.today);
  uow->Commit();
  return view;
}

// ------------------------------------------------------------------ tests

core::Result<AppointmentRecord> LicensingService::ScheduleTest(const Principal& who, std::int64_t application_id,
                                                               const std::string& test_code, const std::string& date,
                                                               std::optional<std::int64_t> branch_id,
                                                               const std::optional<PaymentInput>& payment) {
  const auto day = core::Date::Parse(date);
  if (!day) return core::Error::Invalid("date", "format", "The date is a real day written YYYY-MM-DD.");
  if (payment) {
    if (auto ok = CheckMethod(*payment); !ok) return std::move(ok).error();
  }
  auto uow = store_.Write();
  Tx tx{*uow, who, clock_.Now(), Today()};
  auto app = tx.repo().FindApplication(application_id);
  if (!app) return NotFound("application");
  if (app->status != "new") return Refuse("application-not-open", "The application is not open.");
  if (app->type_code != "new-local-license") return Refuse("no-tests", "This service has no tests.");
  std::optional<FeeItem> test;
  for (const auto& t : uow->Reference().TestTypes()) {
    if (t.code == test_code) test = t;
  }
  if (!test) return core::Error::Invalid("testType", "one-of", "The test type is vision, written or street.");
  const std::int64_t branch = branch_id.value_or(who.branch_id);
  auto office = uow->Reference().FindBranch(branch);
  if (!office || !office->active)
    return core::Error::Invalid("branchId", "unknown-branch", "No open office has this id.");
  const auto appts = tx.repo().AppointmentsOf(app->id);
  const auto history = HistoryOf(appts);
  const int booked = tx.repo().CountBooked(branch, test->id, day->ToString());
  if (auto ok = domain::CanSchedule(history, test->sequence, *day, tx.today, booked, test->daily_capacity); !ok) {
    return std::move(ok).error();
  }
  const int attempt = domain::NextAttempt(history, test->sequence);
  std::vector<BillLine> lines{BillLine{test->code, test->name_en, test->name_ar, test->fee_fils}};
  if (domain::NeedsRetakeFee(attempt)) lines.push_back(ServiceLine(tx, "retake-test"));
  auto bill = NewBill(tx, app->person_id, app->id, "test", std::move(lines));
  AppointmentRecord a;
  a.application_id = app->id;
  a.test_type_id = test->id;
  a.sequence = test->sequence;
  a.test_code = test->code;
  a.date = day->ToString();
  a.branch_id = branch;
  a.attempt = attempt;
  a.bill_id = bill.id;
  a.created_at = tx.now;
  a.id = tx.repo().InsertAppointment(a);
  uow->Audit().Append(who, tx.now, "schedule", "appointment", a.id, std::nullopt,
                      core::JsonObject()
                          .Add("applicationId", a.application_id)
                          .Add("test", a.test_code)
                          .Add("date", a.date)
                          .Add("branchId", a.branch_id)
                          .Add("attempt", a.attempt)
                          .Add("billTotalFils", bill.total_fils)
                          .str());
  if (payment) {
    if (auto paid = PayInTx(tx, bill, *payment, &*app); !paid) return std::move(paid).error();
    a.bill_paid = true;
  }
  uow->Commit();
  return a;  // as stored: every column was set here
}

core::Result<AppointmentRecord> LicensingService::RecordResult(const Principal& who, std::int64_t appointment_id,
                                                               bool passed, const std::optional<std::string>& notes) {
  auto uow = store_.Write();
  Tx tx{*uow, who, clock_.Now(), Today()};
  auto a = tx.repo().FindAppointment(appointment_id);
  if (!a) return NotFound("appointment");
  if (a->status == "cancelled") return Refuse("appointment-cancelled", "The appointment was cancelled.");
  if (auto ok = domain::CanRecordResult(a->status != "scheduled", a->bill_paid, *core::Date::Parse(a->date), tx.today);
      !ok) {
    return std::move(ok).error();
  }
  if (!tx.repo().RecordResult(a->id, passed, notes, who.user_id, tx.now)) {
    return Refuse("result-already-recorded", "A recorded result is final.");
  }
  uow->Audit().Append(who, tx.now, "record-result", "appointment", a->id,
                      core::JsonObject().Add("status", "scheduled").str(),
                      core::JsonObject().Add("status", passed ? "passed" : "failed").Add("notes", notes).str());
  // The licence fee is billed once the last test is passed, so that issue needs only payment.
  if (passed && a->sequence == domain::kTestCount) {
    auto app = tx.repo().FindApplication(a->application_id);
    auto cls = app && app->license_class_id ? uow->Reference().FindLicenseClass(*app->license_class_id) : std::nullopt;
    if (cls) {
      NewBill(tx, app->person_id, app->id, "license-fee",
              {BillLine{"license-class-" + std::to_string(cls->id), cls->name_en, cls->name_ar, cls->fee_fils}});
    }
  }
  a->status = passed ? "passed" : "failed";
  a->notes = notes;
  a->examiner_id = who.user_id;
  a->recorded_at = tx.now;
  uow->Commit();
  return *a;  // as stored by RecordResult
}

core::Result<LicenseView> LicensingService::Issue(const Principal& who, std::int64_t application_id,
                                                  const std::optional<PaymentInput>& payment) {
  auto uow = store_.Write();
  Tx tx{*uow, who, clock_.Now(), Today()};
  auto app = tx.repo().FindApplication(application_id);
  if (!app) return NotFound("application");
  if (app->type_code != "new-local-license")
    return Refuse("wrong-service", "Only a new-licence application is issued.");
  std::optional<std::vector<BillRecord>> paid_now;  // the bills, with those paid here marked paid
  if (payment && app->status == "new") {
    paid_now = tx.repo().BillsOfApplication(app->id);
    for (auto& b : *paid_now) {
      if (b.status != "open") continue;
      PaymentInput p = *payment;
      if (auto paid = PayInTx(tx, b, p, &*app); !paid) return std::move(paid).error();
      b.status = "paid";
    }
  }
  const auto history = HistoryOf(tx.repo().AppointmentsOf(app->id));
  const auto bills = paid_now ? std::move(*paid_now) : tx.repo().BillsOfApplication(app->id);
  const bool all_paid =
      std::none_of(bills.begin(), bills.end(), [](const BillRecord& b) { return b.status == "open"; });
  const auto held = HeldStatus(tx, app->person_id, *app->license_class_id);
  if (auto ok = domain::CanIssueNewLicense(app->status == "new", history, all_paid, held); !ok) {
    return std::move(ok).error();
  }
  auto cls = uow->Reference().FindLicenseClass(*app->license_class_id);
  if (!cls) return NotFound("license-class");
  // An expired licence of the class gives way to the new one.
  if (auto current = tx.repo().CurrentLicenseOfClass(app->person_id, cls->id)) {
    tx.repo().SupersedeLicense(current->id, "replaced", who.user_id, false);
  }
  auto l = NewLicense(tx, *app, cls->id, tx.today.AddYears(cls->validity_years).ToString(), "first-issue");
  l.id = tx.repo().InsertLicense(l);
  if (!tx.repo().CloseApplication(app->id, "completed", tx.now, l.id, std::nullopt)) {
    return Refuse("application-not-open", "The application was closed meanwhile.");
  }
  uow->Audit().Append(who, tx.now, "issue", "license", l.id, std::nullopt, LicenseSnapshot(l));
  auto stored = *tx.repo().FindLicense(l.id);
  uow->Commit();
  return ViewOf(stored, tx.today);
}

// ------------------------------------------------------------------ services on a licence

namespace {

// Opens a renewal, replacement, release or permit application on a licence, bills it, and when
// paid inline completes it.
core::Result<ApplicationView> OpenLicenseService(
    Store& store, const core::Clock& clock, const Principal& who, std::int64_t license_id, const std::string& type_code,
    std::optional<std::string> reason, const std::optional<PaymentInput>& payment,
    const std::function<core::Status(Tx&, const LicenseRecord&, std::vector<BillLine>&)>& check) {
  if (payment) {
    if (auto ok = CheckMethod(*payment); !ok) return std::move(ok).error();
  }
  auto uow = store.Write();
  Tx tx{*uow, who, clock.Now(), core::Date::Today(clock)};
  auto license = Suspension(*uow, tx.repo().FindLicense(license_id), tx.today);
  if (!license) return NotFound("license");
  if (auto person = uow->People().FindById(license->person_id); person && person->deceased) {
    return Refuse("person-deceased", "The holder is recorded as deceased.");
  }
  if (auto open = tx.repo().OpenApplicationForLicense(license_id)) {
    return Refuse("application-already-open", "Application " + std::to_string(open->id) +
                                                  " for this licence is still open; pay or cancel it first.");
  }
  std::vector<BillLine> lines{ServiceLine(tx, type_code)};
  if (auto ok = check(tx, *license, lines); !ok) return std::move(ok).error();
  ApplicationRecord app;
  app.person_id = license->person_id;
  app.type_code = type_code;
  app.license_class_id = license->license_class_id;
  app.license_id = license->id;
  app.application_date = tx.today.ToString();
  app.reason = std::move(reason);
  app.branch_id = who.branch_id;
  app.created_by = who.user_id;
  app.created_at = tx.now;
  app.id = tx.repo().InsertApplication(app);
  auto bill = NewBill(tx, app.person_id, app.id, "application", std::move(lines));
  uow->Audit().Append(who, tx.now, "create", "application", app.id, std::nullopt,
                      ApplicationSnapshot(app, bill.total_fils));
  if (payment) {
    if (auto paid = PayInTx(tx, bill, *payment); !paid) return std::move(paid).error();
  }
  auto view = BuildView(tx.repo(), *tx.repo().FindApplication(app.id), tx.today);
  uow->Commit();
  return view;
}

}  // namespace

core::Result<ApplicationView> LicensingService::Renew(const Principal& who, std::int64_t license_id,
                                                      const std::optional<PaymentInput>& payment) {
  return OpenLicenseService(
      store_, clock_, who, license_id, "renew-license", std::nullopt, payment,
      [](Tx& tx, const LicenseRecord& l, std::vector<BillLine>& lines) -> core::Status {
        if (auto ok = domain::CanRenew(FactsOf(l), tx.today, tx.repo().HasUnpaidFines(l.person_id)); !ok) {
          return ok;
        }
        auto cls = tx.uow.Reference().FindLicenseClass(l.license_class_id);
        if (cls) {
          lines.push_back({"license-class-" + std::to_string(cls->id), cls->name_en, cls->name_ar, cls->fee_fils});
        }
        return core::OkStatus();
      });
}

core::Result<ApplicationView> LicensingService::Replace(const Principal& who, std::int64_t license_id,
                                                        const std::string& reason,
                                                        const std::optional<PaymentInput>& payment) {
  if (reason != "lost" && reason != "damaged") {
    return core::Error::Invalid("reason", "one-of", "The reason is lost or damaged.");
  }
  return OpenLicenseService(
      store_, clock_, who, license_id, reason == "lost" ? "replace-lost-license" : "replace-damaged-license", reason,
      payment,
      [](Tx& tx, const LicenseRecord& l, std::vector<BillLine>&) { return domain::CanReplace(FactsOf(l), tx.today); });
}

core::Result<ApplicationView> LicensingService::Release(const Principal& who, std::int64_t license_id,
                                                        const std::optional<PaymentInput>& payment) {
  return OpenLicenseService(
      store_, clock_, who, license_id, "release-detained-license", std::nullopt, payment,
      [](Tx& tx, const LicenseRecord& l, std::vector<BillLine>& lines) -> core::Status {
        if (auto ok = domain::CanRelease(FactsOf(l)); !ok) return ok;
        auto d = tx.repo().OpenDetention(l.id);
        if (d)
          lines.push_back({"detention-fine", "Detention fine: " + d->reason, "غرامة حجز: " + d->reason, d->fine_fils});
        return core::OkStatus();
      });
}

core::Result<ApplicationView> LicensingService::RequestInternationalPermit(const Principal& who,
                                                                           std::int64_t license_id,
                                                                           const std::optional<PaymentInput>& payment) {
  return OpenLicenseService(store_, clock_, who, license_id, "international-permit", std::nullopt, payment,
                            [](Tx& tx, const LicenseRecord& l, std::vector<BillLine>&) {
                              auto active = tx.repo().ActivePermit(l.person_id);
                              const bool valid = active && *core::Date::Parse(active->expiry_date) >= tx.today;
                              return domain::CanIssueInternationalPermit(FactsOf(l), tx.today, valid);
                            });
}

core::Result<LicenseView> LicensingService::Detain(const Principal& who, std::int64_t license_id,
                                                   std::int64_t fine_fils, const std::string& reason) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (fine_fils <= 0 || fine_fils > domain::kMaxFineFils) {
    e.fields.push_back({"fine", "range", "The fine is more than 0 and at most 5000 JOD, in fils."});
  }
  if (reason.empty() || reason.size() > 500)
    e.fields.push_back({"reason", "required", "Give the reason (at most 500 characters)."});
  if (!e.fields.empty()) return e;
  auto uow = store_.Write();
  Tx tx{*uow, who, clock_.Now(), Today()};
  auto license = Suspension(*uow, tx.repo().FindLicense(license_id), tx.today);
  if (!license) return NotFound("license");
  if (auto ok = domain::CanDetain(FactsOf(*license), tx.today); !ok) return std::move(ok).error();
  DetentionRecord d;
  d.license_id = license->id;
  d.detained_on = tx.today.ToString();
  d.fine_fils = fine_fils;
  d.reason = reason;
  d.detained_by = who.user_id;
  d.id = tx.repo().InsertDetention(d);
  uow->Audit().Append(who, tx.now, "detain", "license", license->id, core::JsonObject().Add("detained", false).str(),
                      core::JsonObject()
                          .Add("detained", true)
                          .Add("detentionId", d.id)
                          .Add("fineFils", fine_fils)
                          .Add("reason", reason)
                          .str());
  auto stored = *Suspension(*uow, tx.repo().FindLicense(license->id), tx.today);
  uow->Commit();
  auto view = ViewOf(stored, tx.today);
  view.detention = d;
  return view;
}

core::Result<PermitRecord> LicensingService::GetPermit(std::int64_t id) {
  auto p = store_.Read()->Licensing().FindPermit(id);
  if (!p) return NotFound("permit");
  return *p;
}

// ------------------------------------------------------------------ bills

core::Result<BillRecord> LicensingService::GetBill(std::int64_t id) {
  auto b = store_.Read()->Licensing().FindBill(id);
  if (!b) return NotFound("bill");
  return *b;
}

core::Result<PaymentRecord> LicensingService::PayBill(const Principal& who, std::int64_t bill_id,
                                                      const PaymentInput& payment) {
  if (auto ok = CheckMethod(payment); !ok) return std::move(ok).error();
  auto uow = store_.Write();
  Tx tx{*uow, who, clock_.Now(), Today()};
  auto bill = tx.repo().FindBill(bill_id);
  if (!bill) return NotFound("bill");
  // A repeat of the same payment (same idempotency key) answers the first receipt.
  if (bill->payment && payment.idempotency_key && bill->payment->idempotency_key == payment.idempotency_key) {
    return *bill->payment;
  }
  auto paid = PayInTx(tx, *bill, payment);
  if (!paid) return paid;
  uow->Commit();
  return paid;
}

core::Result<PaymentRecord> LicensingService::GetReceipt(const std::string& receipt_no) {
  auto p = store_.Read()->Licensing().FindPaymentByReceipt(receipt_no);
  if (!p) return NotFound("receipt");
  return *p;
}

// ------------------------------------------------------------------ licences

core::Result<LicenseView> LicensingService::GetLicense(std::int64_t id) {
  auto uow = store_.Read();
  auto l = Suspension(*uow, uow->Licensing().FindLicense(id), Today());
  if (!l) return NotFound("license");
  auto v = ViewOf(*l, Today());
  if (l->detained) v.detention = uow->Licensing().OpenDetention(l->id);  // the read counted open detentions
  return v;
}

core::Result<LicenseView> LicensingService::GetLicenseByNumber(const std::string& number) {
  auto uow = store_.Read();
  // The licence with its holder's suspension in one statement (the card that verification reads).
  const auto today = Today();
  auto card = uow->Licensing().FindLicenseCard(number, today.ToString());
  if (!card) return NotFound("license");
  const auto& l = card->license;
  auto v = ViewOf(l, today);
  if (l.detained) v.detention = uow->Licensing().OpenDetention(l.id);  // the read counted open detentions
  return v;
}

core::Result<Page<LicenseView>> LicensingService::ListLicenses(const LicenseFilter& f, const PageRequest& page) {
  auto uow = store_.Read();
  auto records = uow->Licensing().ListLicenses(f, page);
  Page<LicenseView> out;
  out.total = records.total;
  out.total_exact = records.total_exact;
  out.page = records.page;
  out.page_size = records.page_size;
  const auto today = Today();
  for (const auto& l : records.items) out.items.push_back(ViewOf(*Suspension(*uow, l, today), today));
  return out;
}

core::Result<DrivingRecord> LicensingService::GetDrivingRecord(std::int64_t person_id) {
  auto uow = store_.Read();
  if (!uow->People().FindById(person_id)) return NotFound("person");
  auto& repo = uow->Licensing();
  const auto today = Today();
  DrivingRecord r;
  for (const auto& l : repo.LicensesOfPerson(person_id))
    r.licenses.push_back(ViewOf(*Suspension(*uow, l, today), today));
  r.permits = repo.PermitsOfPerson(person_id);
  r.detentions = repo.DetentionsOfPerson(person_id);
  r.bills = repo.BillsOfPerson(person_id);
  ApplicationFilter f;
  f.person_id = person_id;
  PageRequest all{1, 200};
  for (auto& a : repo.ListApplications(f, all).items) r.applications.push_back(BuildView(repo, a, today));
  return r;
}

}  // namespace dvld::app

// ------------------------------------------------------------------ public verification

namespace dvld::app {
namespace {

constexpr const char* kVerificationPurpose = "license-verification";

// What the code on a card signs: the licence, its dates and its holder. A renewed or replaced
// licence has a new number and needs a new card, so an old card's code does not vouch for it.
std::string SignedFacts(const LicenseRecord& l) {
  return "dvld-license-v1|" + l.number + "|" + l.issue_date + "|" + l.expiry_date + "|" + std::to_string(l.person_id);
}

// The first character (a whole UTF-8 sequence) of a name.
std::string Initial(const std::string& name) {
  if (name.empty()) return {};
  const auto lead = static_cast<unsigned char>(name[0]);
  const std::size_t len = lead < 0x80           ? 1
                          : (lead >> 5) == 0x6  ? 2
                          : (lead >> 4) == 0xE  ? 3
                          : (lead >> 3) == 0x1E ? 4
                                                : 1;
  return name.substr(0, std::min(len, name.size()));
}

std::string FullName(const std::string& first, const std::string& second, const std::optional<std::string>& third,
                     const std::string& last) {
  std::string out = first + " " + second;
  if (third && !third->empty()) out += " " + *third;
  return out + " " + last;
}

}  // namespace

std::optional<SigningKeyRecord> LicensingService::SigningKey(UnitOfWork& uow) {
  std::lock_guard lock(key_mu_);
  if (!key_) key_ = uow.Licensing().FindSigningKey(kVerificationPurpose);
  return key_;
}

core::Result<VerificationCode> LicensingService::GetVerificationCode(const Principal& who, std::int64_t license_id) {
  std::optional<SigningKeyRecord> key;
  std::optional<LicenseRecord> license;
  {
    auto uow = store_.Read();
    license = uow->Licensing().FindLicense(license_id);
    if (!license) return NotFound("license");
    key = SigningKey(*uow);
  }
  if (!key) {
    // First card ever: make the department's key (once, even with several servers at once).
    const auto now = clock_.Now();
    const auto pair = core::GenerateSigningKey();
    auto uow = store_.Write();
    if (uow->Licensing().InsertSigningKey({kVerificationPurpose, pair.public_key, pair.secret_key, now})) {
      uow->Audit().Append(who, now, "create", "signing-key", std::nullopt, std::nullopt,
                          core::JsonObject()
                              .Add("purpose", kVerificationPurpose)
                              .Add("algorithm", "Ed25519")
                              .Add("publicKey", pair.public_key)
                              .str());
    }
    uow->Commit();
    auto read = store_.Read();
    key = SigningKey(*read);
    if (!key)
      return core::Error::Of(core::ErrorCode::kInternal, "no-signing-key", "The signing key could not be made.");
  }
  auto code = core::Sign(SignedFacts(*license), key->secret_key);
  if (!code) return core::Error::Of(core::ErrorCode::kInternal, "bad-signing-key", "The signing key is damaged.");
  return VerificationCode{license->number, *code};
}

core::Result<LicenseVerification> LicensingService::VerifyLicense(const std::string& number,
                                                                  const std::optional<std::string>& code) {
  if (number.empty() || number.size() > 32) return NotFound("license");
  auto uow = store_.Read();
  const auto today = Today();
  // The licence, its holder's suspension, class and names in one read (police and employers check
  // at any hour: this route is the busiest of the public ones).
  auto card = uow->Licensing().FindLicenseCard(number, today.ToString());
  if (!card) return NotFound("license");
  const auto& l = card->license;
  LicenseVerification v;
  v.view = ViewOf(l, today);
  if (l.detained) v.view.detention = uow->Licensing().OpenDetention(l.id);
  v.license_class =
      LicenseClass{l.license_class_id,      card->class_code,           card->class_name_ar, card->class_name_en,
                   card->class_minimum_age, card->class_validity_years, card->class_fee_fils};
  v.checked_at = clock_.Now();
  if (code) {
    auto key = SigningKey(*uow);
    v.authentic = key && code->size() <= 128 && core::VerifySignature(SignedFacts(l), *code, key->public_key);
  }
  v.full_name = v.authentic.value_or(false);
  if (v.full_name) {
    v.holder_en = FullName(card->first_name_en, card->second_name_en, card->third_name_en, card->last_name_en);
    v.holder_ar = FullName(card->first_name_ar, card->second_name_ar, card->third_name_ar, card->last_name_ar);
  } else {
    v.holder_en = Initial(card->first_name_en) + ". " + card->last_name_en;
    v.holder_ar = Initial(card->first_name_ar) + ". " + card->last_name_ar;
  }
  return v;
}

}  // namespace dvld::app
