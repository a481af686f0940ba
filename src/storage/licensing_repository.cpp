#include "storage/licensing_repository.h"

#include <algorithm>
#include <map>

#include "storage/counting.h"
#include "storage/repositories.h"

namespace dvld::storage {
namespace {

Param OptId(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(Null{}); }
Param OptText(const std::optional<std::string>& v) { return v ? Param(*v) : Param(Null{}); }

constexpr const char* kApplicationSelect =
    "SELECT a.id, a.person_id, a.type_code, a.license_class_id, a.license_id, a.status, a.application_date, a.reason, "
    "a.branch_id, a.created_by, a.created_at, a.closed_at, a.result_license_id, a.result_permit_id, "
    "p.first_name_en || ' ' || p.last_name_en, p.first_name_ar || ' ' || p.last_name_ar "
    "FROM applications a JOIN people p ON p.id = a.person_id ";

app::ApplicationRecord ApplicationAt(const Rows& r, std::size_t i) {
  app::ApplicationRecord a;
  a.id = r.Int(i, 0);
  a.person_id = r.Int(i, 1);
  a.type_code = r.Text(i, 2);
  a.license_class_id = r.OptInt(i, 3);
  a.license_id = r.OptInt(i, 4);
  a.status = r.Text(i, 5);
  a.application_date = r.Text(i, 6);
  a.reason = r.OptText(i, 7);
  a.branch_id = r.Int(i, 8);
  a.created_by = r.Int(i, 9);
  a.created_at = ParseTs(r.Text(i, 10));
  a.closed_at = ParseOptTs(r.OptText(i, 11));
  a.result_license_id = r.OptInt(i, 12);
  a.result_permit_id = r.OptInt(i, 13);
  a.person_name_en = r.Text(i, 14);
  a.person_name_ar = r.Text(i, 15);
  return a;
}

constexpr const char* kPaymentSelect =
    "SELECT pm.id, pm.bill_id, pm.receipt_no, pm.method, pm.amount_fils, pm.paid_at, pm.collected_by, pm.branch_id, "
    "pm.idempotency_key, b.person_id, b.application_id, u.username FROM payments pm JOIN bills b ON b.id = pm.bill_id "
    "JOIN users u ON u.id = pm.collected_by ";

app::PaymentRecord PaymentAt(const Rows& r, std::size_t i) {
  app::PaymentRecord p;
  p.id = r.Int(i, 0);
  p.bill_id = r.Int(i, 1);
  p.receipt_no = r.Text(i, 2);
  p.method = r.Text(i, 3);
  p.amount_fils = r.Int(i, 4);
  p.paid_at = ParseTs(r.Text(i, 5));
  p.collected_by = r.Int(i, 6);
  p.branch_id = r.Int(i, 7);
  p.idempotency_key = r.OptText(i, 8);
  p.person_id = r.Int(i, 9);
  p.application_id = r.OptInt(i, 10);
  p.collected_by_name = r.Text(i, 11);
  return p;
}

constexpr const char* kAppointmentSelect =
    "SELECT a.id, a.application_id, a.test_type_id, t.sequence, t.code, a.appointment_date, a.branch_id, a.status, "
    "a.attempt, a.bill_id, a.notes, a.examiner_id, a.recorded_at, a.created_at, b.status FROM test_appointments a "
    "JOIN test_types t ON t.id = a.test_type_id JOIN bills b ON b.id = a.bill_id ";

app::AppointmentRecord AppointmentAt(const Rows& r, std::size_t i) {
  app::AppointmentRecord a;
  a.id = r.Int(i, 0);
  a.application_id = r.Int(i, 1);
  a.test_type_id = r.Int(i, 2);
  a.sequence = static_cast<int>(r.Int(i, 3));
  a.test_code = r.Text(i, 4);
  a.date = r.Text(i, 5);
  a.branch_id = r.Int(i, 6);
  a.status = r.Text(i, 7);
  a.attempt = static_cast<int>(r.Int(i, 8));
  a.bill_id = r.Int(i, 9);
  a.notes = r.OptText(i, 10);
  a.examiner_id = r.OptInt(i, 11);
  a.recorded_at = ParseOptTs(r.OptText(i, 12));
  a.created_at = ParseTs(r.Text(i, 13));
  a.bill_paid = r.Text(i, 14) == "paid";
  return a;
}

#define DVLD_LICENSE_OWN_COLUMNS                                                                                  \
  "l.id, l.number, l.driver_id, l.person_id, l.license_class_id, l.application_id, l.issue_date, l.expiry_date, " \
  "l.issue_reason, l.superseded_reason, l.superseded_by, l.lost, l.created_by, l.created_at, "                    \
  "(SELECT COUNT(*) FROM detentions d WHERE d.license_id = l.id AND d.released_at IS NULL)"
constexpr const char* kLicenseSelect =
    "SELECT " DVLD_LICENSE_OWN_COLUMNS
    ", p.first_name_en || ' ' || p.last_name_en, p.first_name_ar || ' ' || p.last_name_ar "
    "FROM licenses l JOIN people p ON p.id = l.person_id ";
// The licence (its own columns, 0-14, as kLicenseSelect; the holder's short names are built from
// the full ones), an active suspension of its holder on day $2 (15), its class (16-21) and the
// holder's names (22-29): a public verification in one statement instead of four.
constexpr const char* kLicenseCardSelect =
    "SELECT " DVLD_LICENSE_OWN_COLUMNS
    ", EXISTS (SELECT 1 FROM suspensions s WHERE s.person_id = l.person_id AND s.lifted_at IS NULL AND "
    "s.start_date <= $2 AND s.end_date > $2), c.code, c.name_en, c.name_ar, c.minimum_age, c.validity_years, "
    "c.fee_fils, p.first_name_en, p.second_name_en, p.third_name_en, p.last_name_en, p.first_name_ar, "
    "p.second_name_ar, p.third_name_ar, p.last_name_ar FROM licenses l JOIN people p ON p.id = l.person_id "
    "JOIN license_classes c ON c.id = l.license_class_id WHERE l.number = $1";
#undef DVLD_LICENSE_OWN_COLUMNS

// The licence's own columns (0-14 of kLicenseSelect).
app::LicenseRecord LicenseOwnAt(const Rows& r, std::size_t i) {
  app::LicenseRecord l;
  l.id = r.Int(i, 0);
  l.number = r.Text(i, 1);
  l.driver_id = r.Int(i, 2);
  l.person_id = r.Int(i, 3);
  l.license_class_id = r.Int(i, 4);
  l.application_id = r.Int(i, 5);
  l.issue_date = r.Text(i, 6);
  l.expiry_date = r.Text(i, 7);
  l.issue_reason = r.Text(i, 8);
  l.superseded_reason = r.OptText(i, 9);
  l.superseded_by = r.OptInt(i, 10);
  l.lost = r.Bool(i, 11);
  l.created_by = r.Int(i, 12);
  l.created_at = ParseTs(r.Text(i, 13));
  l.detained = r.Int(i, 14) > 0;
  return l;
}

app::LicenseRecord LicenseAt(const Rows& r, std::size_t i) {
  auto l = LicenseOwnAt(r, i);
  l.person_name_en = r.Text(i, 15);
  l.person_name_ar = r.Text(i, 16);
  return l;
}

constexpr const char* kDetentionSelect =
    "SELECT d.id, d.license_id, d.detained_on, d.fine_fils, d.reason, d.detained_by, d.released_at, d.released_by, "
    "d.release_application_id FROM detentions d ";

app::DetentionRecord DetentionAt(const Rows& r, std::size_t i) {
  return app::DetentionRecord{
      r.Int(i, 0),    r.Int(i, 1),   r.Text(i, 2), r.Int(i, 3), r.Text(i, 4), r.Int(i, 5), ParseOptTs(r.OptText(i, 6)),
      r.OptInt(i, 7), r.OptInt(i, 8)};
}

constexpr const char* kPermitSelect =
    "SELECT id, number, license_id, person_id, application_id, issue_date, expiry_date, ended_at, created_by, "
    "created_at FROM international_permits ";

app::PermitRecord PermitAt(const Rows& r, std::size_t i) {
  app::PermitRecord p;
  p.id = r.Int(i, 0);
  p.number = r.Text(i, 1);
  p.license_id = r.Int(i, 2);
  p.person_id = r.Int(i, 3);
  p.application_id = r.Int(i, 4);
  p.issue_date = r.Text(i, 5);
  p.expiry_date = r.Text(i, 6);
  p.ended_at = ParseOptTs(r.OptText(i, 7));
  p.created_by = r.Int(i, 8);
  p.created_at = ParseTs(r.Text(i, 9));
  return p;
}

// Appends "AND column = $n" for each present filter value.
struct Where {
  std::string sql = " WHERE 1 = 1";
  std::vector<Param> params;
  template <typename T>
  void Eq(const char* column, const std::optional<T>& v, const char* op = "=") {
    if (!v) return;
    params.push_back(*v);
    sql += std::string(" AND ") + column + " " + op + " $" + std::to_string(params.size());
  }
  std::string Next(Param p) {
    params.push_back(std::move(p));
    return "$" + std::to_string(params.size());
  }
};

}  // namespace

std::int64_t SqlLicensingRepository::NextNumber(const std::string& counter) {
  if (c_.dialect() == Dialect::kPostgres) {
    return c_.Query("UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value", {counter}).Int(0, 0);
  }
  // SQLite's RETURNING goes through a temporary table: an UPDATE and a read are cheaper.
  c_.Execute("UPDATE counters SET value = value + 1 WHERE name = $1", {counter});
  return c_.Query("SELECT value FROM counters WHERE name = $1", {counter}).Int(0, 0);
}

std::int64_t SqlLicensingRepository::InsertApplication(const app::ApplicationRecord& a) {
  try {
    return c_.Insert(
        "INSERT INTO applications (person_id, type_code, license_class_id, license_id, status, application_date, "
        "reason, branch_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        {a.person_id, a.type_code, OptId(a.license_class_id), OptId(a.license_id), a.status, a.application_date,
         OptText(a.reason), a.branch_id, a.created_by, Ts(a.created_at)});
  } catch (const DbError& e) {
    // The partial unique indexes: another open application won a race.
    if (e.kind() == DbError::Kind::kUnique) {
      throw core::InfraError("an open application already exists (concurrent request)", true);
    }
    throw;
  }
}

std::optional<app::ApplicationRecord> SqlLicensingRepository::FindApplication(std::int64_t id) {
  auto r = c_.Query(std::string(kApplicationSelect) + "WHERE a.id = $1", {id});
  if (r.empty()) return std::nullopt;
  return ApplicationAt(r, 0);
}

bool SqlLicensingRepository::CloseApplication(std::int64_t id, const std::string& status, core::SysTime at,
                                              std::optional<std::int64_t> result_license_id,
                                              std::optional<std::int64_t> result_permit_id) {
  return c_.Execute(
             "UPDATE applications SET status = $1, closed_at = $2, result_license_id = $3, result_permit_id = $4 "
             "WHERE id = $5 AND status = 'new'",
             {status, Ts(at), OptId(result_license_id), OptId(result_permit_id), id}) == 1;
}

bool SqlLicensingRepository::HasOpenApplicationForClass(std::int64_t person_id, std::int64_t class_id) {
  return c_.Query(
               "SELECT COUNT(*) FROM applications WHERE person_id = $1 AND license_class_id = $2 AND status = 'new' "
               "AND type_code = 'new-local-license'",
               {person_id, class_id})
             .Int(0, 0) > 0;
}

std::optional<app::ApplicationRecord> SqlLicensingRepository::OpenApplicationForLicense(std::int64_t license_id) {
  auto r = c_.Query(std::string(kApplicationSelect) + "WHERE a.license_id = $1 AND a.status = 'new'", {license_id});
  if (r.empty()) return std::nullopt;
  return ApplicationAt(r, 0);
}

app::Page<app::ApplicationRecord> SqlLicensingRepository::ListApplications(const app::ApplicationFilter& f,
                                                                           const app::PageRequest& page) {
  Where w;
  w.Eq("a.status", f.status);
  w.Eq("a.type_code", f.type_code);
  w.Eq("a.person_id", f.person_id);
  w.Eq("a.license_class_id", f.license_class_id);
  w.Eq("a.branch_id", f.branch_id);
  w.Eq("a.application_date", f.from, ">=");
  w.Eq("a.application_date", f.to, "<=");
  app::Page<app::ApplicationRecord> out;
  out.page = page.page;
  out.page_size = page.page_size;
  CountCapped(c_, "FROM applications a" + w.sql, w.params, out);
  const auto limit = w.Next(std::int64_t{page.page_size});
  const auto offset = w.Next(page.Offset());
  auto r = c_.Query(
      std::string(kApplicationSelect) + w.sql.substr(1) + " ORDER BY a.id DESC LIMIT " + limit + " OFFSET " + offset,
      w.params);
  for (std::size_t i = 0; i < r.size(); ++i) out.items.push_back(ApplicationAt(r, i));
  return out;
}

std::int64_t SqlLicensingRepository::InsertBill(app::BillRecord b) {
  const auto id = c_.Insert(
      "INSERT INTO bills (person_id, application_id, vehicle_id, kind, status, total_fils, created_at, "
      "due_date) VALUES ($1, $2, $3, $4, 'open', $5, $6, $7)",
      {b.person_id, OptId(b.application_id), OptId(b.vehicle_id), b.kind, b.total_fils, Ts(b.created_at),
       OptText(b.due_date)});
  for (const auto& l : b.lines) {
    c_.Execute(
        "INSERT INTO bill_lines (bill_id, item_code, description_en, description_ar, amount_fils) VALUES ($1, $2, $3, "
        "$4, $5)",
        {id, l.item_code, l.description_en, l.description_ar, l.amount_fils});
  }
  return id;
}

std::vector<app::BillRecord> SqlLicensingRepository::Bills(const std::string& where, std::vector<Param> params) {
  auto r = c_.Query(
      "SELECT id, person_id, application_id, kind, status, total_fils, created_at, due_date, paid_at, vehicle_id FROM "
      "bills " +
          where + " ORDER BY id",
      params);
  std::vector<app::BillRecord> out;
  if (r.empty()) return out;
  std::map<std::int64_t, std::size_t> at;  // bill id -> index in out
  for (std::size_t i = 0; i < r.size(); ++i) {
    app::BillRecord b;
    b.id = r.Int(i, 0);
    b.person_id = r.Int(i, 1);
    b.application_id = r.OptInt(i, 2);
    b.kind = r.Text(i, 3);
    b.status = r.Text(i, 4);
    b.total_fils = r.Int(i, 5);
    b.created_at = ParseTs(r.Text(i, 6));
    b.due_date = r.OptText(i, 7);
    b.paid_at = ParseOptTs(r.OptText(i, 8));
    b.vehicle_id = r.OptInt(i, 9);
    at[b.id] = out.size();
    out.push_back(std::move(b));
  }
  // The lines and payments of all the bills in one query each (not two per bill: an application
  // has up to six bills, and these reads run on the one writer when a request answers with them).
  // The bills are joined as a table, not matched with `IN (SELECT ...)` and sorted in SQL: on
  // SQLite that list and the ORDER BY each cost a temporary b-tree; the lines are put in order here.
  const std::string of_bills = "(SELECT id FROM bills " + where + ") s";
  auto lines = c_.Query("SELECT l.bill_id, l.id, l.item_code, l.description_en, l.description_ar, l.amount_fils FROM " +
                            of_bills + " JOIN bill_lines l ON l.bill_id = s.id",
                        params);
  std::vector<std::pair<std::int64_t, std::size_t>> line_order;  // (line id, row)
  line_order.reserve(lines.size());
  for (std::size_t k = 0; k < lines.size(); ++k) line_order.emplace_back(lines.Int(k, 1), k);
  std::sort(line_order.begin(), line_order.end());
  for (const auto& [line_id, k] : line_order) {
    if (auto it = at.find(lines.Int(k, 0)); it != at.end()) {
      out[it->second].lines.push_back({lines.Text(k, 2), lines.Text(k, 3), lines.Text(k, 4), lines.Int(k, 5)});
    }
  }
  // A bill has at most one payment (payments.bill_id is unique).
  auto pay = c_.Query(std::string(kPaymentSelect) + "JOIN " + of_bills + " ON s.id = pm.bill_id", params);
  for (std::size_t k = 0; k < pay.size(); ++k) {
    auto it = at.find(pay.Int(k, 1));
    if (it != at.end() && !out[it->second].payment) out[it->second].payment = PaymentAt(pay, k);
  }
  return out;
}

std::optional<app::BillRecord> SqlLicensingRepository::FindBill(std::int64_t id) {
  auto bills = Bills("WHERE id = $1", {id});
  if (bills.empty()) return std::nullopt;
  return bills[0];
}

std::vector<app::BillRecord> SqlLicensingRepository::BillsOfApplication(std::int64_t application_id) {
  return Bills("WHERE application_id = $1", {application_id});
}

std::vector<app::BillRecord> SqlLicensingRepository::BillsOfPerson(std::int64_t person_id) {
  return Bills("WHERE person_id = $1", {person_id});
}

bool SqlLicensingRepository::MarkBillPaid(std::int64_t id, core::SysTime at) {
  return c_.Execute("UPDATE bills SET status = 'paid', paid_at = $1 WHERE id = $2 AND status = 'open'", {Ts(at), id}) ==
         1;
}

void SqlLicensingRepository::CancelOpenBills(std::int64_t application_id) {
  c_.Execute("UPDATE bills SET status = 'cancelled' WHERE application_id = $1 AND status = 'open'", {application_id});
}

void SqlLicensingRepository::CancelBill(std::int64_t bill_id) {
  c_.Execute("UPDATE bills SET status = 'cancelled' WHERE id = $1 AND status = 'open'", {bill_id});
}

bool SqlLicensingRepository::HasUnpaidFines(std::int64_t person_id) {
  return c_.Query("SELECT COUNT(*) FROM bills WHERE person_id = $1 AND status = 'open' AND kind = 'fine'", {person_id})
             .Int(0, 0) > 0;
}

std::int64_t SqlLicensingRepository::InsertPayment(const app::PaymentRecord& p) {
  try {
    return c_.Insert(
        "INSERT INTO payments (bill_id, receipt_no, method, amount_fils, paid_at, collected_by, branch_id, "
        "idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {p.bill_id, p.receipt_no, p.method, p.amount_fils, Ts(p.paid_at), p.collected_by, p.branch_id,
         OptText(p.idempotency_key)});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) throw core::InfraError("the bill was paid by a concurrent request", true);
    throw;
  }
}

std::optional<app::PaymentRecord> SqlLicensingRepository::FindPaymentByReceipt(const std::string& receipt_no) {
  auto r = c_.Query(std::string(kPaymentSelect) + "WHERE pm.receipt_no = $1", {receipt_no});
  if (r.empty()) return std::nullopt;
  return PaymentAt(r, 0);
}

std::int64_t SqlLicensingRepository::InsertAppointment(const app::AppointmentRecord& a) {
  try {
    const auto id = c_.Insert(
        "INSERT INTO test_appointments (application_id, test_type_id, appointment_date, branch_id, "
        "status, attempt, bill_id, created_at) VALUES ($1, $2, $3, $4, 'scheduled', $5, $6, $7)",
        {a.application_id, a.test_type_id, a.date, a.branch_id, std::int64_t{a.attempt}, a.bill_id, Ts(a.created_at)});
    // The booking takes one of the day's places (migration 0012).
    c_.Execute(
        "INSERT INTO test_day_places (branch_id, test_type_id, day, booked) VALUES ($1, $2, $3, 1) "
        "ON CONFLICT (branch_id, test_type_id, day) DO UPDATE SET booked = test_day_places.booked + 1",
        {a.branch_id, a.test_type_id, a.date});
    return id;
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique)
      throw core::InfraError("an open appointment already exists (concurrent request)", true);
    throw;
  }
}

std::optional<app::AppointmentRecord> SqlLicensingRepository::FindAppointment(std::int64_t id) {
  auto r = c_.Query(std::string(kAppointmentSelect) + "WHERE a.id = $1", {id});
  if (r.empty()) return std::nullopt;
  return AppointmentAt(r, 0);
}

std::vector<app::AppointmentRecord> SqlLicensingRepository::AppointmentsOf(std::int64_t application_id) {
  auto r = c_.Query(std::string(kAppointmentSelect) + "WHERE a.application_id = $1 ORDER BY a.id", {application_id});
  std::vector<app::AppointmentRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(AppointmentAt(r, i));
  return out;
}

int SqlLicensingRepository::CountBooked(std::int64_t branch_id, std::int64_t test_type_id, const std::string& date) {
  auto r = c_.Query("SELECT booked FROM test_day_places WHERE branch_id = $1 AND test_type_id = $2 AND day = $3",
                    {branch_id, test_type_id, date});
  return r.empty() ? 0 : static_cast<int>(r.Int(0, 0));
}

bool SqlLicensingRepository::RecordResult(std::int64_t id, bool passed, const std::optional<std::string>& notes,
                                          std::int64_t examiner_id, core::SysTime at) {
  return c_.Execute(
             "UPDATE test_appointments SET status = $1, notes = $2, examiner_id = $3, recorded_at = $4 WHERE id = $5 "
             "AND status = 'scheduled'",
             {std::string(passed ? "passed" : "failed"), OptText(notes), examiner_id, Ts(at), id}) == 1;
}

void SqlLicensingRepository::CancelScheduledAppointments(std::int64_t application_id) {
  // Each cancelled appointment gives its place back.
  const char* kOfDay =
      "FROM test_appointments a WHERE a.application_id = $1 AND a.status = 'scheduled' AND a.branch_id = "
      "test_day_places.branch_id AND a.test_type_id = test_day_places.test_type_id AND a.appointment_date = "
      "test_day_places.day";
  c_.Execute(std::string("UPDATE test_day_places SET booked = booked - (SELECT COUNT(*) ") + kOfDay +
                 ") WHERE EXISTS (SELECT 1 " + kOfDay + ")",
             {application_id});
  c_.Execute("UPDATE test_appointments SET status = 'cancelled' WHERE application_id = $1 AND status = 'scheduled'",
             {application_id});
}

std::int64_t SqlLicensingRepository::EnsureDriver(std::int64_t person_id, core::SysTime at) {
  c_.Execute("INSERT INTO drivers (person_id, created_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING",
             {person_id, Ts(at)});
  return c_.Query("SELECT id FROM drivers WHERE person_id = $1", {person_id}).Int(0, 0);
}

std::int64_t SqlLicensingRepository::InsertLicense(const app::LicenseRecord& l) {
  try {
    return c_.Insert(
        "INSERT INTO licenses (number, driver_id, person_id, license_class_id, application_id, issue_date, "
        "expiry_date, issue_reason, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        {l.number, l.driver_id, l.person_id, l.license_class_id, l.application_id, l.issue_date, l.expiry_date,
         l.issue_reason, l.created_by, Ts(l.created_at)});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique)
      throw core::InfraError("a current licence of this class exists (concurrent request)", true);
    throw;
  }
}

std::vector<app::LicenseRecord> SqlLicensingRepository::Licenses(const std::string& where, std::vector<Param> params,
                                                                 const std::string& tail) {
  auto r = c_.Query(std::string(kLicenseSelect) + where + tail, params);
  std::vector<app::LicenseRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(LicenseAt(r, i));
  return out;
}

std::optional<app::LicenseRecord> SqlLicensingRepository::FindLicense(std::int64_t id) {
  auto l = Licenses("WHERE l.id = $1", {id});
  if (l.empty()) return std::nullopt;
  return l[0];
}

std::optional<app::LicenseCard> SqlLicensingRepository::FindLicenseCard(const std::string& number,
                                                                        const std::string& today) {
  auto r = c_.Query(kLicenseCardSelect, {number, today});
  if (r.empty()) return std::nullopt;
  app::LicenseCard card;
  card.license = LicenseOwnAt(r, 0);
  card.license.suspended = r.Bool(0, 15);
  card.class_code = r.Text(0, 16);
  card.class_name_en = r.Text(0, 17);
  card.class_name_ar = r.Text(0, 18);
  card.class_minimum_age = static_cast<int>(r.Int(0, 19));
  card.class_validity_years = static_cast<int>(r.Int(0, 20));
  card.class_fee_fils = r.Int(0, 21);
  card.first_name_en = r.Text(0, 22);
  card.second_name_en = r.Text(0, 23);
  card.third_name_en = r.OptText(0, 24);
  card.last_name_en = r.Text(0, 25);
  card.first_name_ar = r.Text(0, 26);
  card.second_name_ar = r.Text(0, 27);
  card.third_name_ar = r.OptText(0, 28);
  card.last_name_ar = r.Text(0, 29);
  // As kLicenseSelect's `first || ' ' || last`, without SQLite building the two strings.
  card.license.person_name_en = card.first_name_en + ' ' + card.last_name_en;
  card.license.person_name_ar = card.first_name_ar + ' ' + card.last_name_ar;
  return card;
}

std::optional<app::LicenseRecord> SqlLicensingRepository::CurrentLicenseOfClass(std::int64_t person_id,
                                                                                std::int64_t class_id) {
  auto l = Licenses("WHERE l.person_id = $1 AND l.license_class_id = $2 AND l.superseded_reason IS NULL",
                    {person_id, class_id});
  if (l.empty()) return std::nullopt;
  return l[0];
}

std::vector<app::LicenseRecord> SqlLicensingRepository::LicensesOfPerson(std::int64_t person_id) {
  return Licenses("WHERE l.person_id = $1", {person_id});
}

app::Page<app::LicenseRecord> SqlLicensingRepository::ListLicenses(const app::LicenseFilter& f,
                                                                   const app::PageRequest& page) {
  Where w;
  w.Eq("l.person_id", f.person_id);
  w.Eq("l.license_class_id", f.license_class_id);
  w.Eq("l.number", f.number);
  app::Page<app::LicenseRecord> out;
  out.page = page.page;
  out.page_size = page.page_size;
  CountCapped(c_, "FROM licenses l" + w.sql, w.params, out);
  const auto limit = w.Next(std::int64_t{page.page_size});
  const auto offset = w.Next(page.Offset());
  out.items = Licenses(w.sql.substr(1), w.params, " ORDER BY l.id DESC LIMIT " + limit + " OFFSET " + offset);
  return out;
}

bool SqlLicensingRepository::SupersedeLicense(std::int64_t id, const std::string& reason, std::int64_t by, bool lost) {
  (void)by;
  return c_.Execute("UPDATE licenses SET superseded_reason = $1, lost = $2 WHERE id = $3 AND superseded_reason IS NULL",
                    {reason, std::int64_t{lost ? 1 : 0}, id}) == 1;
}

std::int64_t SqlLicensingRepository::InsertDetention(const app::DetentionRecord& d) {
  try {
    return c_.Insert(
        "INSERT INTO detentions (license_id, detained_on, fine_fils, reason, detained_by) VALUES ($1, $2, $3, $4, "
        "$5)",
        {d.license_id, d.detained_on, d.fine_fils, d.reason, d.detained_by});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique)
      throw core::InfraError("the licence was detained by a concurrent request", true);
    throw;
  }
}

std::optional<app::DetentionRecord> SqlLicensingRepository::OpenDetention(std::int64_t license_id) {
  auto r = c_.Query(std::string(kDetentionSelect) + "WHERE d.license_id = $1 AND d.released_at IS NULL", {license_id});
  if (r.empty()) return std::nullopt;
  return DetentionAt(r, 0);
}

bool SqlLicensingRepository::ReleaseDetention(std::int64_t id, std::int64_t by, core::SysTime at,
                                              std::int64_t application_id) {
  return c_.Execute(
             "UPDATE detentions SET released_at = $1, released_by = $2, release_application_id = $3 WHERE id = $4 AND "
             "released_at IS NULL",
             {Ts(at), by, application_id, id}) == 1;
}

std::vector<app::DetentionRecord> SqlLicensingRepository::DetentionsOfPerson(std::int64_t person_id) {
  auto r = c_.Query(
      std::string(kDetentionSelect) + "JOIN licenses l ON l.id = d.license_id WHERE l.person_id = $1 ORDER BY d.id",
      {person_id});
  std::vector<app::DetentionRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(DetentionAt(r, i));
  return out;
}

std::int64_t SqlLicensingRepository::InsertPermit(const app::PermitRecord& p) {
  try {
    return c_.Insert(
        "INSERT INTO international_permits (number, license_id, person_id, application_id, issue_date, "
        "expiry_date, "
        "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {p.number, p.license_id, p.person_id, p.application_id, p.issue_date, p.expiry_date, p.created_by,
         Ts(p.created_at)});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) throw core::InfraError("a permit was issued by a concurrent request", true);
    throw;
  }
}

std::optional<app::PermitRecord> SqlLicensingRepository::FindPermit(std::int64_t id) {
  auto r = c_.Query(std::string(kPermitSelect) + "WHERE id = $1", {id});
  if (r.empty()) return std::nullopt;
  return PermitAt(r, 0);
}

std::optional<app::PermitRecord> SqlLicensingRepository::ActivePermit(std::int64_t person_id) {
  auto r = c_.Query(std::string(kPermitSelect) + "WHERE person_id = $1 AND ended_at IS NULL", {person_id});
  if (r.empty()) return std::nullopt;
  return PermitAt(r, 0);
}

void SqlLicensingRepository::EndPermit(std::int64_t id, core::SysTime at) {
  c_.Execute("UPDATE international_permits SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL", {Ts(at), id});
}

std::vector<app::PermitRecord> SqlLicensingRepository::PermitsOfPerson(std::int64_t person_id) {
  auto r = c_.Query(std::string(kPermitSelect) + "WHERE person_id = $1 ORDER BY id", {person_id});
  std::vector<app::PermitRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(PermitAt(r, i));
  return out;
}

std::optional<app::SigningKeyRecord> SqlLicensingRepository::FindSigningKey(const std::string& purpose) {
  auto r =
      c_.Query("SELECT purpose, public_key, secret_key, created_at FROM signing_keys WHERE purpose = $1", {purpose});
  if (r.empty()) return std::nullopt;
  return app::SigningKeyRecord{r.Text(0, 0), r.Text(0, 1), r.Text(0, 2), ParseTs(r.Text(0, 3))};
}

bool SqlLicensingRepository::InsertSigningKey(const app::SigningKeyRecord& key) {
  return c_.Execute(
             "INSERT INTO signing_keys (purpose, public_key, secret_key, created_at) VALUES ($1, $2, $3, $4) "
             "ON CONFLICT (purpose) DO NOTHING",
             {key.purpose, key.public_key, key.secret_key, Ts(key.created_at)}) > 0;
}

std::optional<app::IdempotencyRecord> SqlIdempotencyRepository::Claim(const std::string& principal,
                                                                      const std::string& key,
                                                                      const std::string& request_hash,
                                                                      core::SysTime at) {
  const auto inserted = c_.Execute(
      "INSERT INTO idempotency_keys (principal, idem_key, request_hash, status, created_at) VALUES ($1, $2, $3, 0, $4) "
      "ON CONFLICT (principal, idem_key) DO NOTHING",
      {principal, key, request_hash, Ts(at)});
  if (inserted == 1) return std::nullopt;
  auto r =
      c_.Query("SELECT request_hash, status, response FROM idempotency_keys WHERE principal = $1 AND idem_key = $2",
               {principal, key});
  if (r.empty()) return std::nullopt;
  return app::IdempotencyRecord{r.Text(0, 0), static_cast<int>(r.Int(0, 1)), r.Text(0, 2)};
}

void SqlIdempotencyRepository::Complete(const std::string& principal, const std::string& key, int status,
                                        const std::string& response) {
  c_.Execute("UPDATE idempotency_keys SET status = $1, response = $2 WHERE principal = $3 AND idem_key = $4",
             {std::int64_t{status}, response, principal, key});
}

void SqlIdempotencyRepository::Release(const std::string& principal, const std::string& key) {
  c_.Execute("DELETE FROM idempotency_keys WHERE principal = $1 AND idem_key = $2 AND status = 0", {principal, key});
}

}  // namespace dvld::storage
