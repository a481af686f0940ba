#include "storage/vehicle_repository.h"
#include "storage/counting.h"

#include <cctype>

#include "storage/repositories.h"

namespace dvld::storage {
namespace {

Param OptId(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(Null{}); }

core::Error Conflict(std::string slug, std::string field, std::string message) {
  return core::Error{core::ErrorCode::kConflict, std::move(slug), message, {{std::move(field), "unique", message}}};
}

constexpr const char* kVehicleSelect =
    "SELECT v.id, v.vin, v.plate, v.make, v.model, v.model_year, v.color, v.engine_cc, v.electric, v.fuel, v.seats, "
    "v.weight_kg, v.category, v.owner_person_id, v.license_expiry, v.registered_at, v.deregistered_at, v.branch_id, "
    "p.first_name_en || ' ' || p.last_name_en, p.first_name_ar || ' ' || p.last_name_ar, "
    "(SELECT COUNT(*) FROM seizures s WHERE s.vehicle_id = v.id AND s.lifted_at IS NULL), "
    "(SELECT COUNT(*) FROM liens l WHERE l.vehicle_id = v.id AND l.lifted_at IS NULL) "
    "FROM vehicles v JOIN people p ON p.id = v.owner_person_id ";

app::VehicleRecord VehicleAt(const Rows& r, std::size_t i) {
  app::VehicleRecord v;
  v.id = r.Int(i, 0);
  v.vin = r.Text(i, 1);
  v.plate = r.Text(i, 2);
  v.make = r.Text(i, 3);
  v.model = r.Text(i, 4);
  v.year = static_cast<int>(r.Int(i, 5));
  v.color = r.Text(i, 6);
  if (auto cc = r.OptInt(i, 7)) v.engine_cc = static_cast<int>(*cc);
  v.electric = r.Bool(i, 8);
  v.fuel = r.Text(i, 9);
  v.seats = static_cast<int>(r.Int(i, 10));
  v.weight_kg = static_cast<int>(r.Int(i, 11));
  v.category = r.Text(i, 12);
  v.owner_person_id = r.Int(i, 13);
  v.license_expiry = r.Text(i, 14);
  v.registered_at = ParseTs(r.Text(i, 15));
  v.deregistered_at = ParseOptTs(r.OptText(i, 16));
  v.branch_id = r.Int(i, 17);
  v.owner_name_en = r.Text(i, 18);
  v.owner_name_ar = r.Text(i, 19);
  v.seized = r.Int(i, 20) > 0;
  v.lien = r.Int(i, 21) > 0;
  return v;
}

constexpr const char* kViolationSelect =
    "SELECT x.id, x.violation_type_id, t.code, t.name_en, t.name_ar, x.license_id, x.vehicle_id, x.person_id, x.place, "
    "x.occurred_at, x.occurred_on, x.notes, x.fine_fils, x.points, x.bill_id, x.status, x.recorded_by, x.created_at, "
    "x.disputed_at, x.decided_at, b.status FROM violations x JOIN violation_types t ON t.id = x.violation_type_id "
    "JOIN bills b ON b.id = x.bill_id ";

app::ViolationRecord ViolationAt(const Rows& r, std::size_t i) {
  app::ViolationRecord v;
  v.id = r.Int(i, 0);
  v.type_id = r.Int(i, 1);
  v.type_code = r.Text(i, 2);
  v.type_name_en = r.Text(i, 3);
  v.type_name_ar = r.Text(i, 4);
  v.license_id = r.OptInt(i, 5);
  v.vehicle_id = r.OptInt(i, 6);
  v.person_id = r.Int(i, 7);
  v.place = r.Text(i, 8);
  v.occurred_at = r.Text(i, 9);
  v.occurred_on = r.Text(i, 10);
  v.notes = r.Text(i, 11);
  v.fine_fils = r.Int(i, 12);
  v.points = static_cast<int>(r.Int(i, 13));
  v.bill_id = r.Int(i, 14);
  v.status = r.Text(i, 15);
  v.recorded_by = r.Text(i, 16);
  v.created_at = ParseTs(r.Text(i, 17));
  v.disputed_at = ParseOptTs(r.OptText(i, 18));
  v.decided_at = ParseOptTs(r.OptText(i, 19));
  v.bill_status = r.Text(i, 20);
  return v;
}

}  // namespace

core::Result<std::int64_t> SqlVehicleRepository::InsertVehicle(const app::VehicleRecord& v) {
  try {
    return c_.Insert(
        "INSERT INTO vehicles (vin, plate, make, model, model_year, color, engine_cc, electric, fuel, seats, "
        "weight_kg, category, owner_person_id, license_expiry, registered_at, branch_id) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        {v.vin, v.plate, v.make, v.model, std::int64_t{v.year}, v.color,
         v.engine_cc ? Param(std::int64_t{*v.engine_cc}) : Param(Null{}), std::int64_t{v.electric ? 1 : 0}, v.fuel,
         std::int64_t{v.seats}, std::int64_t{v.weight_kg}, v.category, v.owner_person_id, v.license_expiry,
         Ts(v.registered_at), v.branch_id});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) {
      if (e.constraint().find("plate") != std::string::npos) throw core::InfraError("plate number taken (retry)", true);
      return Conflict("vin-taken", "vin", "A vehicle with this VIN is already registered.");
    }
    throw;
  }
}

std::vector<app::VehicleRecord> SqlVehicleRepository::Vehicles(const std::string& where_and_tail,
                                                               const std::vector<Param>& params) {
  auto r = c_.Query(std::string(kVehicleSelect) + where_and_tail, params);
  std::vector<app::VehicleRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(VehicleAt(r, i));
  return out;
}

std::optional<app::VehicleRecord> SqlVehicleRepository::FindVehicle(std::int64_t id) {
  auto v = Vehicles("WHERE v.id = $1", {id});
  if (v.empty()) return std::nullopt;
  return v[0];
}

app::Page<app::VehicleRecord> SqlVehicleRepository::SearchVehicles(const std::string& q,
                                                                   std::optional<std::int64_t> owner_id,
                                                                   const app::PageRequest& page) {
  std::string where = "WHERE 1 = 1";
  std::vector<Param> params;
  if (!q.empty()) {
    std::string upper = q;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    params = {upper, q};
    where += " AND (v.plate = $2 OR v.vin = $1 OR v.owner_person_id IN (SELECT id FROM people WHERE national_no = $2))";
  }
  if (owner_id) {
    params.push_back(*owner_id);
    where += " AND v.owner_person_id = $" + std::to_string(params.size());
  }
  app::Page<app::VehicleRecord> out;
  out.page = page.page;
  out.page_size = page.page_size;
  CountCapped(c_, "FROM vehicles v " + where, params, out);
  params.push_back(std::int64_t{page.page_size});
  params.push_back(page.Offset());
  const auto n = params.size();
  out.items =
      Vehicles(where + " ORDER BY v.id DESC LIMIT $" + std::to_string(n - 1) + " OFFSET $" + std::to_string(n), params);
  return out;
}

void SqlVehicleRepository::UpdateVehicleExpiry(std::int64_t id, const std::string& expiry) {
  c_.Execute("UPDATE vehicles SET license_expiry = $1 WHERE id = $2", {expiry, id});
}

void SqlVehicleRepository::SetOwner(std::int64_t id, std::int64_t person_id) {
  c_.Execute("UPDATE vehicles SET owner_person_id = $1 WHERE id = $2", {person_id, id});
}

void SqlVehicleRepository::SetPlate(std::int64_t id, const std::string& plate) {
  c_.Execute("UPDATE vehicles SET plate = $1 WHERE id = $2", {plate, id});
}

bool SqlVehicleRepository::Deregister(std::int64_t id, core::SysTime at) {
  return c_.Execute("UPDATE vehicles SET deregistered_at = $1 WHERE id = $2 AND deregistered_at IS NULL",
                    {Ts(at), id}) == 1;
}

void SqlVehicleRepository::UpdateViolationType(const app::ViolationType& t) {
  c_.Execute("UPDATE violation_types SET name_ar = $1, name_en = $2, fine_fils = $3, points = $4 WHERE id = $5",
             {t.name_ar, t.name_en, t.fine_fils, std::int64_t{t.points}, t.id});
}

std::optional<app::ViolationType> SqlVehicleRepository::FindViolationTypeById(std::int64_t id) {
  auto r = c_.Query("SELECT id, code, name_ar, name_en, fine_fils, points FROM violation_types WHERE id = $1", {id});
  if (r.empty()) return std::nullopt;
  return app::ViolationType{r.Int(0, 0),  r.Text(0, 1), r.Text(0, 2),
                            r.Text(0, 3), r.Int(0, 4),  static_cast<int>(r.Int(0, 5))};
}

void SqlVehicleRepository::InsertOwnership(const app::OwnershipRecord& o) {
  c_.Execute("INSERT INTO vehicle_owners (vehicle_id, person_id, from_date, transfer_id) VALUES ($1, $2, $3, $4)",
             {o.vehicle_id, o.person_id, o.from_date, OptId(o.transfer_id)});
}

void SqlVehicleRepository::CloseOwnership(std::int64_t vehicle_id, const std::string& to_date,
                                          std::int64_t transfer_id) {
  (void)transfer_id;
  c_.Execute("UPDATE vehicle_owners SET to_date = $1 WHERE vehicle_id = $2 AND to_date IS NULL", {to_date, vehicle_id});
}

std::vector<app::OwnershipRecord> SqlVehicleRepository::OwnershipOf(std::int64_t vehicle_id) {
  auto r = c_.Query(
      "SELECT o.id, o.vehicle_id, o.person_id, o.from_date, o.to_date, o.transfer_id, "
      "p.first_name_en || ' ' || p.last_name_en, p.first_name_ar || ' ' || p.last_name_ar "
      "FROM vehicle_owners o JOIN people p ON p.id = o.person_id WHERE o.vehicle_id = $1 ORDER BY o.id",
      {vehicle_id});
  std::vector<app::OwnershipRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Int(i, 2), r.Text(i, 3), r.OptText(i, 4), r.OptInt(i, 5), r.Text(i, 6),
                   r.Text(i, 7)});
  }
  return out;
}

core::Result<std::int64_t> SqlVehicleRepository::InsertInsurance(const app::InsuranceRecord& p) {
  try {
    return c_.Insert(
        "INSERT INTO insurance_policies (vehicle_id, insurer, policy_number, insured_person_id, start_date, "
        "end_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {p.vehicle_id, p.insurer, p.policy_number, p.insured_person_id, p.start_date, p.end_date, Ts(p.created_at)});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique) {
      return Conflict("policy-taken", "policyNumber", "This insurer already recorded this policy number.");
    }
    throw;
  }
}

std::vector<app::InsuranceRecord> SqlVehicleRepository::InsuranceOf(std::int64_t vehicle_id) {
  auto r = c_.Query(
      "SELECT id, vehicle_id, insurer, policy_number, insured_person_id, start_date, end_date, created_at FROM "
      "insurance_policies WHERE vehicle_id = $1 ORDER BY start_date, id",
      {vehicle_id});
  std::vector<app::InsuranceRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Int(i, 4), r.Text(i, 5), r.Text(i, 6),
                   ParseTs(r.Text(i, 7))});
  }
  return out;
}

std::int64_t SqlVehicleRepository::InsertInspection(const app::InspectionRecord& i) {
  return c_.Insert(
      "INSERT INTO inspections (vehicle_id, centre, inspection_date, passed, odometer_km, notes, created_at) "
      "VALUES "
      "($1, $2, $3, $4, $5, $6, $7)",
      {i.vehicle_id, i.centre, i.date, std::int64_t{i.passed ? 1 : 0}, i.odometer_km, i.notes, Ts(i.created_at)});
}

std::vector<app::InspectionRecord> SqlVehicleRepository::InspectionsOf(std::int64_t vehicle_id) {
  auto r = c_.Query(
      "SELECT id, vehicle_id, centre, inspection_date, passed, odometer_km, notes, created_at FROM inspections WHERE "
      "vehicle_id = $1 ORDER BY inspection_date, id",
      {vehicle_id});
  std::vector<app::InspectionRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Bool(i, 4), r.Int(i, 5), r.Text(i, 6),
                   ParseTs(r.Text(i, 7))});
  }
  return out;
}

std::int64_t SqlVehicleRepository::PlaceLien(std::int64_t vehicle_id, const std::string& holder, std::int64_t amount,
                                             core::SysTime at) {
  return c_.Insert("INSERT INTO liens (vehicle_id, holder, amount_fils, placed_at) VALUES ($1, $2, $3, $4)",
                   {vehicle_id, holder, amount, Ts(at)});
}

std::int64_t SqlVehicleRepository::PlaceSeizure(std::int64_t vehicle_id, const std::string& authority,
                                                const std::string& reason, core::SysTime at) {
  return c_.Insert("INSERT INTO seizures (vehicle_id, authority, reason, placed_at) VALUES ($1, $2, $3, $4)",
                   {vehicle_id, authority, reason, Ts(at)});
}

std::vector<app::BlockRecord> SqlVehicleRepository::Blocks(bool liens, const std::string& where,
                                                           const std::vector<Param>& params) {
  auto r = c_.Query(liens ? "SELECT id, vehicle_id, holder, amount_fils, '', placed_at, lifted_at FROM liens " + where
                          : "SELECT id, vehicle_id, authority, 0, reason, placed_at, lifted_at FROM seizures " + where,
                    params);
  std::vector<app::BlockRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Int(i, 3), r.Text(i, 4), ParseTs(r.Text(i, 5)),
                   ParseOptTs(r.OptText(i, 6))});
  }
  return out;
}

std::optional<app::BlockRecord> SqlVehicleRepository::FindLien(std::int64_t id) {
  auto b = Blocks(true, "WHERE id = $1", {id});
  if (b.empty()) return std::nullopt;
  return b[0];
}

std::optional<app::BlockRecord> SqlVehicleRepository::FindSeizure(std::int64_t id) {
  auto b = Blocks(false, "WHERE id = $1", {id});
  if (b.empty()) return std::nullopt;
  return b[0];
}

bool SqlVehicleRepository::LiftLien(std::int64_t id, core::SysTime at) {
  return c_.Execute("UPDATE liens SET lifted_at = $1 WHERE id = $2 AND lifted_at IS NULL", {Ts(at), id}) == 1;
}

bool SqlVehicleRepository::LiftSeizure(std::int64_t id, core::SysTime at) {
  return c_.Execute("UPDATE seizures SET lifted_at = $1 WHERE id = $2 AND lifted_at IS NULL", {Ts(at), id}) == 1;
}

std::vector<app::BlockRecord> SqlVehicleRepository::LiensOf(std::int64_t vehicle_id) {
  return Blocks(true, "WHERE vehicle_id = $1 ORDER BY id", {vehicle_id});
}

std::vector<app::BlockRecord> SqlVehicleRepository::SeizuresOf(std::int64_t vehicle_id) {
  return Blocks(false, "WHERE vehicle_id = $1 ORDER BY id", {vehicle_id});
}

bool SqlVehicleRepository::HasUnpaidVehicleFines(std::int64_t vehicle_id) {
  return c_.Query("SELECT COUNT(*) FROM bills WHERE vehicle_id = $1 AND status = 'open' AND kind = 'fine'",
                  {vehicle_id})
             .Int(0, 0) > 0;
}

std::int64_t SqlVehicleRepository::InsertTransfer(const app::TransferRecord& t) {
  try {
    return c_.Insert(
        "INSERT INTO transfers (vehicle_id, seller_person_id, buyer_person_id, status, fee_fils, bill_id, "
        "created_at) VALUES ($1, $2, $3, 'pending', $4, $5, $6)",
        {t.vehicle_id, t.seller_person_id, t.buyer_person_id, t.fee_fils, OptId(t.bill_id), Ts(t.created_at)});
  } catch (const DbError& e) {
    if (e.kind() == DbError::Kind::kUnique)
      throw core::InfraError("a transfer is already pending (concurrent request)", true);
    throw;
  }
}

std::optional<app::TransferRecord> SqlVehicleRepository::FindTransfer(std::int64_t id) {
  auto r = c_.Query(
      "SELECT id, vehicle_id, seller_person_id, buyer_person_id, status, fee_fils, bill_id, created_at, completed_at "
      "FROM transfers WHERE id = $1",
      {id});
  if (r.empty()) return std::nullopt;
  return app::TransferRecord{r.Int(0, 0),    r.Int(0, 1),           r.Int(0, 2),
                             r.Int(0, 3),    r.Text(0, 4),          r.Int(0, 5),
                             r.OptInt(0, 6), ParseTs(r.Text(0, 7)), ParseOptTs(r.OptText(0, 8))};
}

bool SqlVehicleRepository::CloseTransfer(std::int64_t id, const std::string& status, core::SysTime at) {
  return c_.Execute("UPDATE transfers SET status = $1, completed_at = $2 WHERE id = $3 AND status = 'pending'",
                    {status, Ts(at), id}) == 1;
}

std::vector<app::TransferRecord> SqlVehicleRepository::TransfersOf(std::int64_t vehicle_id) {
  auto r = c_.Query(
      "SELECT id, vehicle_id, seller_person_id, buyer_person_id, status, fee_fils, bill_id, created_at, completed_at "
      "FROM transfers WHERE vehicle_id = $1 ORDER BY id",
      {vehicle_id});
  std::vector<app::TransferRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Int(i, 2), r.Int(i, 3), r.Text(i, 4), r.Int(i, 5), r.OptInt(i, 6),
                   ParseTs(r.Text(i, 7)), ParseOptTs(r.OptText(i, 8))});
  }
  return out;
}

std::vector<app::ViolationType> SqlVehicleRepository::ViolationTypes() {
  auto r = c_.Query("SELECT id, code, name_ar, name_en, fine_fils, points FROM violation_types ORDER BY id");
  std::vector<app::ViolationType> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3), r.Int(i, 4), static_cast<int>(r.Int(i, 5))});
  }
  return out;
}

std::optional<app::ViolationType> SqlVehicleRepository::FindViolationType(const std::string& code) {
  auto r =
      c_.Query("SELECT id, code, name_ar, name_en, fine_fils, points FROM violation_types WHERE code = $1", {code});
  if (r.empty()) return std::nullopt;
  return app::ViolationType{r.Int(0, 0),  r.Text(0, 1), r.Text(0, 2),
                            r.Text(0, 3), r.Int(0, 4),  static_cast<int>(r.Int(0, 5))};
}

std::int64_t SqlVehicleRepository::InsertViolation(const app::ViolationRecord& v) {
  return c_.Insert(
      "INSERT INTO violations (violation_type_id, license_id, vehicle_id, person_id, place, occurred_at, "
      "occurred_on, notes, fine_fils, points, bill_id, status, recorded_by, created_at) VALUES ($1, $2, $3, $4, "
      "$5, $6, $7, $8, $9, $10, $11, 'recorded', $12, $13)",
      {v.type_id, OptId(v.license_id), OptId(v.vehicle_id), v.person_id, v.place, v.occurred_at, v.occurred_on, v.notes,
       v.fine_fils, std::int64_t{v.points}, v.bill_id, v.recorded_by, Ts(v.created_at)});
}

std::vector<app::ViolationRecord> SqlVehicleRepository::Violations(const std::string& where_and_tail,
                                                                   const std::vector<Param>& params) {
  auto r = c_.Query(std::string(kViolationSelect) + where_and_tail, params);
  std::vector<app::ViolationRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(ViolationAt(r, i));
  return out;
}

std::optional<app::ViolationRecord> SqlVehicleRepository::FindViolation(std::int64_t id) {
  auto v = Violations("WHERE x.id = $1", {id});
  if (v.empty()) return std::nullopt;
  return v[0];
}

app::Page<app::ViolationRecord> SqlVehicleRepository::ListViolations(std::optional<std::int64_t> person_id,
                                                                     std::optional<std::int64_t> vehicle_id,
                                                                     std::optional<std::string> status,
                                                                     const app::PageRequest& page) {
  std::string where = "WHERE 1 = 1";
  std::vector<Param> params;
  if (person_id) {
    params.push_back(*person_id);
    where += " AND x.person_id = $" + std::to_string(params.size());
  }
  if (vehicle_id) {
    params.push_back(*vehicle_id);
    where += " AND x.vehicle_id = $" + std::to_string(params.size());
  }
  if (status) {
    params.push_back(*status);
    where += " AND x.status = $" + std::to_string(params.size());
  }
  app::Page<app::ViolationRecord> out;
  out.page = page.page;
  out.page_size = page.page_size;
  CountCapped(c_, "FROM violations x " + where, params, out);
  params.push_back(std::int64_t{page.page_size});
  params.push_back(page.Offset());
  const auto n = params.size();
  out.items = Violations(
      where + " ORDER BY x.id DESC LIMIT $" + std::to_string(n - 1) + " OFFSET $" + std::to_string(n), params);
  return out;
}

bool SqlVehicleRepository::SetViolationStatus(std::int64_t id, const std::string& from, const std::string& to,
                                              core::SysTime at) {
  const char* column = to == "disputed" ? "disputed_at" : "decided_at";
  return c_.Execute(std::string("UPDATE violations SET status = $1, ") + column + " = $2 WHERE id = $3 AND status = $4",
                    {to, Ts(at), id, from}) == 1;
}

int SqlVehicleRepository::PointsBetween(std::int64_t person_id, const std::string& from, const std::string& to) {
  return static_cast<int>(c_.Query("SELECT COALESCE(SUM(points), 0) FROM violations WHERE person_id = $1 AND status <> "
                                   "'cancelled' AND license_id IS NOT NULL AND occurred_on >= $2 AND occurred_on <= $3",
                                   {person_id, from, to})
                              .Int(0, 0));
}

std::vector<app::SuspensionRecord> SqlVehicleRepository::Suspensions(const std::string& where,
                                                                     const std::vector<Param>& params) {
  auto r = c_.Query(
      "SELECT id, person_id, start_date, end_date, points, days, violation_id, lifted_at FROM suspensions " + where,
      params);
  std::vector<app::SuspensionRecord> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), static_cast<int>(r.Int(i, 4)),
                   static_cast<int>(r.Int(i, 5)), r.OptInt(i, 6), ParseOptTs(r.OptText(i, 7))});
  }
  return out;
}

std::optional<app::SuspensionRecord> SqlVehicleRepository::ActiveSuspension(std::int64_t person_id,
                                                                            const std::string& today) {
  auto s = Suspensions(
      "WHERE person_id = $1 AND lifted_at IS NULL AND start_date <= $2 AND end_date > $2 ORDER BY end_date DESC",
      {person_id, today});
  if (s.empty()) return std::nullopt;
  return s[0];
}

std::int64_t SqlVehicleRepository::InsertSuspension(const app::SuspensionRecord& s) {
  return c_.Insert(
      "INSERT INTO suspensions (person_id, start_date, end_date, points, days, violation_id) VALUES ($1, $2, $3, "
      "$4, $5, $6)",
      {s.person_id, s.start_date, s.end_date, std::int64_t{s.points}, std::int64_t{s.days}, OptId(s.violation_id)});
}

void SqlVehicleRepository::LiftSuspension(std::int64_t id, core::SysTime at) {
  c_.Execute("UPDATE suspensions SET lifted_at = $1 WHERE id = $2 AND lifted_at IS NULL", {Ts(at), id});
}

std::vector<app::SuspensionRecord> SqlVehicleRepository::SuspensionsOf(std::int64_t person_id) {
  return Suspensions("WHERE person_id = $1 ORDER BY id", {person_id});
}

}  // namespace dvld::storage
