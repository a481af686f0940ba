#include "app/vehicle_service.h"

#include "core/json_writer.h"

namespace dvld::app {
namespace {

core::Error NotFound(const std::string& what) {
  return core::Error::Of(core::ErrorCode::kNotFound, what + "-not-found", "No such " + what + ".");
}
core::Error Refuse(std::string slug, std::string message) {
  return core::Error::Of(core::ErrorCode::kConflict, std::move(slug), std::move(message));
}
core::Error PaymentRequired() {
  return core::Error::Invalid("payment", "required",
                              "Vehicle services are paid at the counter with the request: send payment.method.");
}

BillLine ServiceLine(UnitOfWork& uow, const std::string& code) {
  auto type = uow.Reference().FindApplicationTypeByCode(code);
  return BillLine{code, type ? type->name_en : code, type ? type->name_ar : code, type ? type->fee_fils : 0};
}

std::string VehicleSnapshot(const VehicleRecord& v) {
  return core::JsonObject()
      .Add("vin", v.vin)
      .Add("plate", v.plate)
      .Add("ownerPersonId", v.owner_person_id)
      .Add("licenseExpiry", v.license_expiry)
      .str();
}

// Pays the bill of a vehicle service in the caller's transaction.
core::Result<PaymentRecord> Charge(UnitOfWork& uow, const Principal& who, core::SysTime now, std::int64_t person_id,
                                   std::int64_t vehicle_id, std::vector<BillLine> lines, const PaymentInput& payment) {
  BillRecord bill;
  bill.person_id = person_id;
  bill.vehicle_id = vehicle_id;
  bill.kind = "vehicle";
  bill.lines = std::move(lines);
  bill = CreateBill(uow, now, std::move(bill));
  return PayInTransaction(uow, who, now, bill, payment);
}

std::string StatusOf(const VehicleRecord& v, core::Date today) {
  if (v.deregistered_at) return "deregistered";
  return *core::Date::Parse(v.license_expiry) < today ? "expired" : "licensed";
}

// What the transfer rule looks at, but the buyer's insurance.
domain::TransferFacts TransferFactsOf(UnitOfWork& uow, const VehicleRecord& v, std::int64_t buyer_id) {
  domain::TransferFacts f;
  f.license_expiry = *core::Date::Parse(v.license_expiry);
  f.deregistered = v.deregistered_at.has_value();
  f.seized = v.seized;
  f.lien = v.lien;
  f.unpaid_fines = uow.Vehicles().HasUnpaidVehicleFines(v.id) || uow.Licensing().HasUnpaidFines(v.owner_person_id);
  f.same_owner = buyer_id == v.owner_person_id;
  return f;
}

}  // namespace

core::Result<VehicleView> VehicleService::Register(const Principal& who, domain::VehicleData data,
                                                   const std::optional<PaymentInput>& payment) {
  const auto now = clock_.Now();
  const auto today = core::Date::On(clock_, now);
  if (auto ok = domain::ValidateVehicle(data, today); !ok) return std::move(ok).error();
  if (!payment) return PaymentRequired();
  auto uow = store_.Write();
  auto owner = uow->People().FindById(data.owner_person_id);
  if (!owner) return core::Error::Invalid("ownerPersonId", "unknown-person", "No person has this id.");
  if (owner->deceased) return Refuse("person-deceased", "The owner is recorded as deceased.");
  auto branch = uow->Reference().FindBranch(who.branch_id ? who.branch_id : 1);
  VehicleRecord v;
  v.vin = data.vin;
  v.make = data.make;
  v.model = data.model;
  v.color = data.color;
  v.fuel = data.fuel;
  v.category = data.category;
  v.year = data.year;
  v.engine_cc = data.engine_cc;
  v.electric = data.electric;
  v.seats = data.seats;
  v.weight_kg = data.weight_kg;
  v.owner_person_id = data.owner_person_id;
  v.license_expiry = today.AddYears(1).ToString();
  v.registered_at = now;
  v.branch_id = branch ? branch->id : 1;
  v.plate = domain::FormatPlate(branch ? branch->plate_region : 10, uow->Licensing().NextNumber("plate"));
  auto id = uow->Vehicles().InsertVehicle(v);
  if (!id) return std::move(id).error();
  v.id = *id;
  uow->Vehicles().InsertOwnership({0, v.id, v.owner_person_id, today.ToString(), std::nullopt, std::nullopt, "", ""});
  if (auto paid =
          Charge(*uow, who, now, v.owner_person_id, v.id, {ServiceLine(*uow, "vehicle-registration")}, *payment);
      !paid) {
    return std::move(paid).error();
  }
  uow->Audit().Append(who, now, "register", "vehicle", v.id, std::nullopt, VehicleSnapshot(v));
  uow->Commit();
  return Get(v.id);
}

core::Result<VehicleView> VehicleService::Get(std::int64_t id) {
  auto uow = store_.Read();
  auto& repo = uow->Vehicles();
  auto v = repo.FindVehicle(id);
  if (!v) return NotFound("vehicle");
  VehicleView out;
  out.vehicle = *v;
  out.status = StatusOf(*v, Today());
  out.vehicle.status = out.status;
  out.insurance = repo.InsuranceOf(id);
  out.inspections = repo.InspectionsOf(id);
  out.liens = repo.LiensOf(id);
  out.seizures = repo.SeizuresOf(id);
  out.owners = repo.OwnershipOf(id);
  out.transfers = repo.TransfersOf(id);
  out.violations = repo.ListViolations(std::nullopt, id, std::nullopt, PageRequest{1, 200}).items;
  for (auto& b : uow->Licensing().BillsOfPerson(v->owner_person_id)) {
    if (b.vehicle_id == id) out.bills.push_back(std::move(b));
  }
  return out;
}

core::Result<Page<VehicleRecord>> VehicleService::Search(const std::string& q, std::optional<std::int64_t> owner_id,
                                                         const PageRequest& page) {
  if (q.size() > 40) return core::Error::Invalid("q", "max-length", "Search by plate, VIN or national number.");
  auto result = store_.Read()->Vehicles().SearchVehicles(q, owner_id, page);
  for (auto& v : result.items) v.status = StatusOf(v, Today());
  return result;
}

core::Result<InsuranceRecord> VehicleService::AddInsurance(const Principal& who, std::int64_t vehicle_id,
                                                           InsuranceRecord p) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (p.insurer.empty()) e.fields.push_back({"insurer", "required", "The insurer is required."});
  if (p.policy_number.empty()) e.fields.push_back({"policyNumber", "required", "The policy number is required."});
  const auto start = core::Date::Parse(p.start_date), end = core::Date::Parse(p.end_date);
  if (!start) e.fields.push_back({"startDate", "format", "The start date is YYYY-MM-DD."});
  if (!end) e.fields.push_back({"endDate", "format", "The end date is YYYY-MM-DD."});
  if (start && end && *end <= *start)
    e.fields.push_back({"endDate", "after-start", "The policy ends after it starts."});
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto v = uow->Vehicles().FindVehicle(vehicle_id);
  if (!v) return NotFound("vehicle");
  if (!uow->People().FindById(p.insured_person_id)) {
    return core::Error::Invalid("insuredPersonId", "unknown-person", "No person has this id.");
  }
  p.vehicle_id = vehicle_id;
  p.created_at = now;
  auto id = uow->Vehicles().InsertInsurance(p);
  if (!id) return std::move(id).error();
  p.id = *id;
  uow->Audit().Append(who, now, "add-insurance", "vehicle", vehicle_id, std::nullopt,
                      core::JsonObject()
                          .Add("insurer", p.insurer)
                          .Add("policyNumber", p.policy_number)
                          .Add("insuredPersonId", p.insured_person_id)
                          .Add("startDate", p.start_date)
                          .Add("endDate", p.end_date)
                          .str());
  uow->Commit();
  return p;
}

core::Result<InspectionRecord> VehicleService::AddInspection(const Principal& who, std::int64_t vehicle_id,
                                                             InspectionRecord i) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (i.centre.empty()) e.fields.push_back({"centre", "required", "The inspection centre is required."});
  const auto day = core::Date::Parse(i.date);
  if (!day)
    e.fields.push_back({"date", "format", "The date is YYYY-MM-DD."});
  else if (*day > Today())
    e.fields.push_back({"date", "not-in-future", "An inspection cannot be in the future."});
  if (i.odometer_km < 0 || i.odometer_km > 5'000'000)
    e.fields.push_back({"odometerKm", "range", "The odometer reading is 0 to 5000000 km."});
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  if (!uow->Vehicles().FindVehicle(vehicle_id)) return NotFound("vehicle");
  i.vehicle_id = vehicle_id;
  i.created_at = now;
  i.id = uow->Vehicles().InsertInspection(i);
  uow->Audit().Append(who, now, "add-inspection", "vehicle", vehicle_id, std::nullopt,
                      core::JsonObject()
                          .Add("centre", i.centre)
                          .Add("date", i.date)
                          .Add("passed", i.passed)
                          .Add("odometerKm", i.odometer_km)
                          .str());
  uow->Commit();
  return i;
}

core::Result<VehicleView> VehicleService::Renew(const Principal& who, std::int64_t vehicle_id,
                                                const std::optional<PaymentInput>& payment) {
  if (!payment) return PaymentRequired();
  const auto now = clock_.Now();
  const auto today = core::Date::On(clock_, now);
  auto uow = store_.Write();
  auto& repo = uow->Vehicles();
  auto v = repo.FindVehicle(vehicle_id);
  if (!v) return NotFound("vehicle");
  domain::VehicleRenewalFacts f;
  f.license_expiry = *core::Date::Parse(v->license_expiry);
  f.deregistered = v->deregistered_at.has_value();
  f.seized = v->seized;
  f.lien = v->lien;
  f.unpaid_fines = repo.HasUnpaidVehicleFines(vehicle_id) || uow->Licensing().HasUnpaidFines(v->owner_person_id);
  const auto new_start = today <= f.license_expiry ? f.license_expiry : today;
  for (const auto& p : repo.InsuranceOf(vehicle_id)) {
    const auto start = *core::Date::Parse(p.start_date), end = *core::Date::Parse(p.end_date);
    if (start <= new_start && (!f.insurance_end || end > *f.insurance_end)) f.insurance_end = end;
  }
  for (const auto& i : repo.InspectionsOf(vehicle_id)) {
    const auto d = *core::Date::Parse(i.date);
    if (i.passed && (!f.last_passed_inspection || d > *f.last_passed_inspection)) f.last_passed_inspection = d;
  }
  if (auto ok = domain::CanRenewVehicle(f, today); !ok) return std::move(ok).error();
  auto engine = ServiceLine(*uow, "vehicle-renewal");
  BillLine engine_fee{"engine-size", "Engine size fee", "رسم سعة المحرك",
                      domain::RenewalEngineFeeFils(v->engine_cc, v->electric)};
  if (auto paid = Charge(*uow, who, now, v->owner_person_id, vehicle_id, {engine, engine_fee}, *payment); !paid) {
    return std::move(paid).error();
  }
  const auto before = VehicleSnapshot(*v);
  v->license_expiry = domain::VehicleRenewedExpiry(f.license_expiry, today).ToString();
  repo.UpdateVehicleExpiry(vehicle_id, v->license_expiry);
  uow->Audit().Append(who, now, "renew", "vehicle", vehicle_id, before, VehicleSnapshot(*v));
  uow->Commit();
  return Get(vehicle_id);
}

core::Result<BlockRecord> VehicleService::PlaceLien(const Principal& who, std::int64_t vehicle_id,
                                                    const std::string& holder, std::int64_t amount) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (holder.empty()) e.fields.push_back({"holder", "required", "The lien holder (bank) is required."});
  if (amount <= 0) e.fields.push_back({"amount", "range", "The amount is more than 0 fils."});
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  if (!uow->Vehicles().FindVehicle(vehicle_id)) return NotFound("vehicle");
  const auto id = uow->Vehicles().PlaceLien(vehicle_id, holder, amount, now);
  uow->Audit().Append(who, now, "place-lien", "vehicle", vehicle_id, std::nullopt,
                      core::JsonObject().Add("lienId", id).Add("holder", holder).Add("amountFils", amount).str());
  auto lien = *uow->Vehicles().FindLien(id);
  uow->Commit();
  return lien;
}

core::Result<BlockRecord> VehicleService::PlaceSeizure(const Principal& who, std::int64_t vehicle_id,
                                                       const std::string& authority, const std::string& reason) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (authority.empty()) e.fields.push_back({"authority", "required", "The authority is required."});
  if (reason.empty()) e.fields.push_back({"reason", "required", "The reason is required."});
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  if (!uow->Vehicles().FindVehicle(vehicle_id)) return NotFound("vehicle");
  const auto id = uow->Vehicles().PlaceSeizure(vehicle_id, authority, reason, now);
  uow->Audit().Append(who, now, "place-seizure", "vehicle", vehicle_id, std::nullopt,
                      core::JsonObject().Add("seizureId", id).Add("authority", authority).Add("reason", reason).str());
  auto seizure = *uow->Vehicles().FindSeizure(id);
  uow->Commit();
  return seizure;
}

core::Status VehicleService::LiftLien(const Principal& who, std::int64_t lien_id) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto lien = uow->Vehicles().FindLien(lien_id);
  if (!lien) return NotFound("lien");
  if (!uow->Vehicles().LiftLien(lien_id, now)) return Refuse("already-lifted", "The lien was already lifted.");
  uow->Audit().Append(who, now, "lift-lien", "vehicle", lien->vehicle_id, std::nullopt,
                      core::JsonObject().Add("lienId", lien_id).str());
  uow->Commit();
  return core::OkStatus();
}

core::Status VehicleService::LiftSeizure(const Principal& who, std::int64_t seizure_id) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto s = uow->Vehicles().FindSeizure(seizure_id);
  if (!s) return NotFound("seizure");
  if (!uow->Vehicles().LiftSeizure(seizure_id, now)) return Refuse("already-lifted", "The seizure was already lifted.");
  uow->Audit().Append(who, now, "lift-seizure", "vehicle", s->vehicle_id, std::nullopt,
                      core::JsonObject().Add("seizureId", seizure_id).str());
  uow->Commit();
  return core::OkStatus();
}

core::Result<TransferRecord> VehicleService::StartTransfer(const Principal& who, std::int64_t vehicle_id,
                                                           std::int64_t buyer_id) {
  const auto now = clock_.Now();
  const auto today = core::Date::On(clock_, now);
  auto uow = store_.Write();
  auto& repo = uow->Vehicles();
  auto v = repo.FindVehicle(vehicle_id);
  if (!v) return NotFound("vehicle");
  auto buyer = uow->People().FindById(buyer_id);
  if (!buyer) return core::Error::Invalid("buyerPersonId", "unknown-person", "No person has this id.");
  for (const auto& pending : repo.TransfersOf(vehicle_id)) {
    if (pending.status == "pending") {
      return Refuse("transfer-pending",
                    "Transfer " + std::to_string(pending.id) + " of this vehicle is still pending.");
    }
  }
  auto f = TransferFactsOf(*uow, *v, buyer_id);
  f.buyer_deceased = buyer->deceased;
  f.buyer_insured = true;  // checked when the buyer accepts: the policy may be bought in between
  if (auto ok = domain::CanTransfer(f, today); !ok) return std::move(ok).error();
  TransferRecord t;
  t.vehicle_id = vehicle_id;
  t.seller_person_id = v->owner_person_id;
  t.buyer_person_id = buyer_id;
  t.fee_fils = domain::TransferFeeFils(v->engine_cc, v->electric, v->year, today);
  t.created_at = now;
  t.id = repo.InsertTransfer(t);
  uow->Audit().Append(
      who, now, "start-transfer", "vehicle", vehicle_id, std::nullopt,
      core::JsonObject().Add("transferId", t.id).Add("buyerPersonId", buyer_id).Add("feeFils", t.fee_fils).str());
  uow->Commit();
  return t;
}

core::Result<TransferRecord> VehicleService::AcceptTransfer(const Principal& who, std::int64_t transfer_id,
                                                            const std::optional<PaymentInput>& payment) {
  if (!payment) return PaymentRequired();
  const auto now = clock_.Now();
  const auto today = core::Date::On(clock_, now);
  auto uow = store_.Write();
  auto& repo = uow->Vehicles();
  auto t = repo.FindTransfer(transfer_id);
  if (!t) return NotFound("transfer");
  if (t->status != "pending") return Refuse("transfer-not-pending", "The transfer is " + t->status + ".");
  auto v = repo.FindVehicle(t->vehicle_id);
  if (!v) return NotFound("vehicle");
  auto f = TransferFactsOf(*uow, *v, t->buyer_person_id);
  for (const auto& p : repo.InsuranceOf(v->id)) {
    if (p.insured_person_id == t->buyer_person_id && *core::Date::Parse(p.start_date) <= today &&
        *core::Date::Parse(p.end_date) >= today) {
      f.buyer_insured = true;
    }
  }
  if (auto ok = domain::CanTransfer(f, today); !ok) return std::move(ok).error();
  BillLine fee{"ownership-transfer", "Vehicle ownership transfer", "نقل ملكية مركبة", t->fee_fils};
  if (auto paid = Charge(*uow, who, now, t->buyer_person_id, v->id, {fee}, *payment); !paid)
    return std::move(paid).error();
  if (!repo.CloseTransfer(t->id, "completed", now))
    return Refuse("transfer-not-pending", "The transfer was closed meanwhile.");
  repo.CloseOwnership(v->id, today.ToString(), t->id);
  repo.InsertOwnership({0, v->id, t->buyer_person_id, today.ToString(), std::nullopt, t->id, "", ""});
  const auto before = VehicleSnapshot(*v);
  repo.SetOwner(v->id, t->buyer_person_id);
  v->owner_person_id = t->buyer_person_id;
  uow->Audit().Append(who, now, "transfer", "vehicle", v->id, before, VehicleSnapshot(*v));
  auto done = *repo.FindTransfer(t->id);
  uow->Commit();
  return done;
}

core::Result<VehicleView> VehicleService::ReplacePlate(const Principal& who, std::int64_t vehicle_id,
                                                       const std::optional<PaymentInput>& payment) {
  if (!payment) return PaymentRequired();
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto v = uow->Vehicles().FindVehicle(vehicle_id);
  if (!v) return NotFound("vehicle");
  if (v->deregistered_at) return Refuse("vehicle-deregistered", "The vehicle is deregistered.");
  if (auto paid = Charge(*uow, who, now, v->owner_person_id, v->id, {ServiceLine(*uow, "plate-replacement")}, *payment);
      !paid) {
    return std::move(paid).error();
  }
  auto branch = uow->Reference().FindBranch(v->branch_id);
  const auto before = VehicleSnapshot(*v);
  v->plate = domain::FormatPlate(branch ? branch->plate_region : 10, uow->Licensing().NextNumber("plate"));
  uow->Vehicles().SetPlate(v->id, v->plate);
  uow->Audit().Append(who, now, "replace-plate", "vehicle", v->id, before, VehicleSnapshot(*v));
  uow->Commit();
  return Get(vehicle_id);
}

core::Result<VehicleView> VehicleService::Deregister(const Principal& who, std::int64_t vehicle_id,
                                                     const std::optional<PaymentInput>& payment) {
  if (!payment) return PaymentRequired();
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto v = uow->Vehicles().FindVehicle(vehicle_id);
  if (!v) return NotFound("vehicle");
  if (v->deregistered_at) return Refuse("vehicle-deregistered", "The vehicle is already deregistered.");
  if (v->seized) return Refuse("vehicle-seized", "A seized vehicle cannot be deregistered.");
  if (v->lien) return Refuse("vehicle-lien", "A vehicle under a lien cannot be deregistered.");
  if (uow->Vehicles().HasUnpaidVehicleFines(v->id)) return Refuse("unpaid-fines", "The vehicle has unpaid fines.");
  if (auto paid =
          Charge(*uow, who, now, v->owner_person_id, v->id, {ServiceLine(*uow, "vehicle-deregistration")}, *payment);
      !paid) {
    return std::move(paid).error();
  }
  if (!uow->Vehicles().Deregister(v->id, now))
    return Refuse("vehicle-deregistered", "The vehicle was deregistered meanwhile.");
  uow->Audit().Append(who, now, "deregister", "vehicle", v->id, VehicleSnapshot(*v),
                      core::JsonObject().Add("deregistered", true).str());
  uow->Commit();
  return Get(vehicle_id);
}

core::Result<ViolationType> VehicleService::UpdateViolationType(const Principal& who, ViolationType t) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (t.name_ar.empty()) e.fields.push_back({"nameAr", "required", "The Arabic name is required."});
  if (t.name_en.empty()) e.fields.push_back({"nameEn", "required", "The English name is required."});
  if (t.fine_fils < 0 || t.fine_fils > 10'000'000)
    e.fields.push_back({"fine", "range", "The fine is 0 to 10000 JOD, in fils."});
  if (t.points < 0 || t.points > 30) e.fields.push_back({"points", "range", "Points are 0 to 30."});
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto current = uow->Vehicles().FindViolationTypeById(t.id);
  if (!current) return NotFound("violation-type");
  t.code = current->code;
  auto snap = [](const ViolationType& x) {
    return core::JsonObject()
        .Add("code", x.code)
        .Add("nameAr", x.name_ar)
        .Add("nameEn", x.name_en)
        .Add("fineFils", x.fine_fils)
        .Add("points", x.points)
        .str();
  };
  if (snap(*current) == snap(t)) return t;
  uow->Vehicles().UpdateViolationType(t);
  uow->Audit().Append(who, now, "update", "violation_type", t.id, snap(*current), snap(t));
  uow->Commit();
  return t;
}

std::vector<ViolationType> VehicleService::ViolationTypes() { return store_.Read()->Vehicles().ViolationTypes(); }

core::Result<ViolationRecord> VehicleService::RecordViolation(const Principal& who, const NewViolation& in) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  if (!in.license_id && !in.vehicle_id)
    e.fields.push_back({"licenseId", "required", "Give the licence, the vehicle, or both."});
  if (in.place.empty() || in.place.size() > 200)
    e.fields.push_back({"place", "required", "The place is required (at most 200 characters)."});
  core::SysTime at{};
  if (!core::ParseTimestamp(in.occurred_at, at)) {
    e.fields.push_back({"occurredAt", "format", "The time is RFC 3339 UTC, e.g. 2026-11-28T09:30:00Z."});
  } else if (at > clock_.Now()) {
    e.fields.push_back({"occurredAt", "not-in-future", "A violation cannot be in the future."});
  }
  if (!e.fields.empty()) return e;
  const auto now = clock_.Now();
  const auto today = core::Date::On(clock_, now);
  auto uow = store_.Write();
  auto type = uow->Vehicles().FindViolationType(in.type_code);
  if (!type) return core::Error::Invalid("violationType", "unknown", "No violation type has this code.");
  std::optional<LicenseRecord> license;
  std::optional<VehicleRecord> vehicle;
  if (in.license_id) {
    license = uow->Licensing().FindLicense(*in.license_id);
    if (!license) return core::Error::Invalid("licenseId", "unknown-license", "No licence has this id.");
  }
  if (in.vehicle_id) {
    vehicle = uow->Vehicles().FindVehicle(*in.vehicle_id);
    if (!vehicle) return core::Error::Invalid("vehicleId", "unknown-vehicle", "No vehicle has this id.");
  }
  ViolationRecord v;
  v.type_id = type->id;
  v.license_id = in.license_id;
  v.vehicle_id = in.vehicle_id;
  v.person_id = license ? license->person_id : vehicle->owner_person_id;
  v.place = in.place;
  v.occurred_at = in.occurred_at;
  v.occurred_on = core::Date::On(clock_, at).ToString();
  v.notes = in.notes;
  v.fine_fils = type->fine_fils;
  v.points = license ? type->points : 0;  // points go on a driver's licence
  v.recorded_by = who.IsUser() ? "user:" + who.username : "api-key:" + who.username;
  v.created_at = now;
  BillRecord bill;
  bill.person_id = v.person_id;
  bill.vehicle_id = v.vehicle_id;
  bill.kind = "fine";
  bill.due_date = today.AddDays(30).ToString();
  bill.lines = {BillLine{"fine-" + type->code, type->name_en, type->name_ar, type->fine_fils}};
  bill = CreateBill(*uow, now, bill);
  v.bill_id = bill.id;
  v.id = uow->Vehicles().InsertViolation(v);
  uow->Audit().Append(who, now, "record", "violation", v.id, std::nullopt,
                      core::JsonObject()
                          .Add("type", type->code)
                          .Add("personId", v.person_id)
                          .Add("licenseId", v.license_id)
                          .Add("vehicleId", v.vehicle_id)
                          .Add("fineFils", v.fine_fils)
                          .Add("points", v.points)
                          .str());
  // Crossing a threshold suspends the driver's licences, longer when a higher one is crossed.
  if (v.points > 0) {
    const int points =
        uow->Vehicles().PointsBetween(v.person_id, domain::PointsWindowStart(today).ToString(), today.ToString());
    const int days = domain::SuspensionDays(points);
    auto active = uow->Vehicles().ActiveSuspension(v.person_id, today.ToString());
    if (days > 0 && (!active || active->days < days)) {
      if (active) uow->Vehicles().LiftSuspension(active->id, now);
      SuspensionRecord s{0,    v.person_id, today.ToString(), today.AddDays(days).ToString(), points,
                         days, v.id,        std::nullopt};
      s.id = uow->Vehicles().InsertSuspension(s);
      uow->Audit().Append(who, now, "suspend", "person", v.person_id, std::nullopt,
                          core::JsonObject().Add("points", points).Add("days", days).Add("until", s.end_date).str());
    }
  }
  auto stored = *uow->Vehicles().FindViolation(v.id);
  uow->Commit();
  return stored;
}

core::Result<ViolationRecord> VehicleService::GetViolation(std::int64_t id) {
  auto v = store_.Read()->Vehicles().FindViolation(id);
  if (!v) return NotFound("violation");
  return *v;
}

core::Result<Page<ViolationRecord>> VehicleService::ListViolations(std::optional<std::int64_t> person_id,
                                                                   std::optional<std::int64_t> vehicle_id,
                                                                   std::optional<std::string> status,
                                                                   const PageRequest& page) {
  return store_.Read()->Vehicles().ListViolations(person_id, vehicle_id, std::move(status), page);
}

core::Result<ViolationRecord> VehicleService::Dispute(const Principal& who, std::int64_t id) {
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto v = uow->Vehicles().FindViolation(id);
  if (!v) return NotFound("violation");
  if (v->disputed_at || v->status != "recorded") return Refuse("already-disputed", "A violation can be disputed once.");
  if (v->bill_status == "paid") return Refuse("fine-paid", "A paid fine cannot be disputed.");
  if (!uow->Vehicles().SetViolationStatus(id, "recorded", "disputed", now)) {
    return Refuse("already-disputed", "A violation can be disputed once.");
  }
  uow->Audit().Append(who, now, "dispute", "violation", id, core::JsonObject().Add("status", "recorded").str(),
                      core::JsonObject().Add("status", "disputed").str());
  auto stored = *uow->Vehicles().FindViolation(id);
  uow->Commit();
  return stored;
}

core::Result<ViolationRecord> VehicleService::Decide(const Principal& who, std::int64_t id, bool upheld) {
  const auto now = clock_.Now();
  const auto today = core::Date::On(clock_, now);
  auto uow = store_.Write();
  auto v = uow->Vehicles().FindViolation(id);
  if (!v) return NotFound("violation");
  if (v->status != "disputed") return Refuse("not-disputed", "Only a disputed violation is decided.");
  if (!uow->Vehicles().SetViolationStatus(id, "disputed", upheld ? "upheld" : "cancelled", now)) {
    return Refuse("not-disputed", "The violation was decided meanwhile.");
  }
  if (!upheld) {
    // A cancelled violation takes its fine and points away, and a suspension that no longer holds ends.
    uow->Licensing().CancelBill(v->bill_id);
    if (auto active = uow->Vehicles().ActiveSuspension(v->person_id, today.ToString())) {
      const int points =
          uow->Vehicles().PointsBetween(v->person_id, domain::PointsWindowStart(today).ToString(), today.ToString());
      if (domain::SuspensionDays(points) < active->days) {
        uow->Vehicles().LiftSuspension(active->id, now);
        uow->Audit().Append(who, now, "lift-suspension", "person", v->person_id, std::nullopt,
                            core::JsonObject().Add("points", points).Add("suspensionId", active->id).str());
        const int days = domain::SuspensionDays(points);
        if (days > 0) {
          SuspensionRecord s{0,
                             v->person_id,
                             active->start_date,
                             core::Date::Parse(active->start_date)->AddDays(days).ToString(),
                             points,
                             days,
                             active->violation_id,
                             std::nullopt};
          uow->Vehicles().InsertSuspension(s);
        }
      }
    }
  }
  uow->Audit().Append(who, now, upheld ? "uphold" : "cancel", "violation", id,
                      core::JsonObject().Add("status", "disputed").str(),
                      core::JsonObject().Add("status", upheld ? "upheld" : "cancelled").str());
  auto stored = *uow->Vehicles().FindViolation(id);
  uow->Commit();
  return stored;
}

core::Result<PointsView> VehicleService::Points(std::int64_t person_id) {
  const auto today = Today();
  auto uow = store_.Read();
  if (!uow->People().FindById(person_id)) return NotFound("person");
  PointsView out;
  out.points = uow->Vehicles().PointsBetween(person_id, domain::PointsWindowStart(today).ToString(), today.ToString());
  out.active = uow->Vehicles().ActiveSuspension(person_id, today.ToString());
  out.suspensions = uow->Vehicles().SuspensionsOf(person_id);
  return out;
}

}  // namespace dvld::app
