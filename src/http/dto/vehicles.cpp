#include "http/dto/vehicles.h"

#include "http/dto/common.h"
#include "http/dto/licensing.h"

namespace dvld::http::dto {

boost::json::object VehicleSummaryJson(const app::VehicleRecord& v) {
  return {{"id", v.id},
          {"vin", v.vin},
          {"plate", v.plate},
          {"make", v.make},
          {"model", v.model},
          {"year", v.year},
          {"color", v.color},
          {"engineCc", v.engine_cc ? boost::json::value(*v.engine_cc) : boost::json::value(nullptr)},
          {"electric", v.electric},
          {"fuel", v.fuel},
          {"seats", v.seats},
          {"weightKg", v.weight_kg},
          {"category", v.category},
          {"ownerPersonId", v.owner_person_id},
          {"ownerNameEn", v.owner_name_en},
          {"ownerNameAr", v.owner_name_ar},
          {"licenseExpiryDate", v.license_expiry},
          {"registeredAt", core::FormatTimestamp(v.registered_at)},
          {"seized", v.seized},
          {"lien", v.lien},
          {"status", v.status}};
}

template <typename T, typename F>
boost::json::array Array(const std::vector<T>& items, F&& f) {
  boost::json::array out;
  for (const auto& i : items) out.push_back(f(i));
  return out;
}

boost::json::object VehicleJson(const app::VehicleView& v) {
  auto o = VehicleSummaryJson(v.vehicle);
  o["status"] = v.status;
  o["insurance"] = Array(v.insurance, InsuranceJson);
  o["inspections"] = Array(v.inspections, InspectionJson);
  o["liens"] = Array(v.liens, LienJson);
  o["seizures"] = Array(v.seizures, SeizureJson);
  o["owners"] = Array(v.owners, [](const app::OwnershipRecord& r) {
    return boost::json::object{{"personId", r.person_id}, {"nameEn", r.person_name_en}, {"nameAr", r.person_name_ar},
                               {"fromDate", r.from_date}, {"toDate", OptString(r.to_date)}, {"transferId", OptInt(r.transfer_id)}};
  });
  o["transfers"] = Array(v.transfers, TransferJson);
  o["violations"] = Array(v.violations, ViolationJson);
  o["bills"] = Array(v.bills, BillJson);
  return o;
}

boost::json::object InsuranceJson(const app::InsuranceRecord& p) {
  return {{"id", p.id},         {"vehicleId", p.vehicle_id},       {"insurer", p.insurer},
          {"policyNumber", p.policy_number}, {"insuredPersonId", p.insured_person_id},
          {"startDate", p.start_date},       {"endDate", p.end_date}};
}

boost::json::object InspectionJson(const app::InspectionRecord& i) {
  return {{"id", i.id},         {"vehicleId", i.vehicle_id}, {"centre", i.centre}, {"date", i.date},
          {"passed", i.passed}, {"odometerKm", i.odometer_km}, {"notes", i.notes}};
}

boost::json::object LienJson(const app::BlockRecord& b) {
  return {{"id", b.id},          {"vehicleId", b.vehicle_id},           {"holder", b.holder_or_authority},
          {"amount", b.amount_fils}, {"placedAt", core::FormatTimestamp(b.placed_at)}, {"liftedAt", OptTime(b.lifted_at)}};
}

boost::json::object SeizureJson(const app::BlockRecord& b) {
  return {{"id", b.id},        {"vehicleId", b.vehicle_id},           {"authority", b.holder_or_authority},
          {"reason", b.reason}, {"placedAt", core::FormatTimestamp(b.placed_at)}, {"liftedAt", OptTime(b.lifted_at)}};
}

boost::json::object TransferJson(const app::TransferRecord& t) {
  return {{"id", t.id},
          {"vehicleId", t.vehicle_id},
          {"sellerPersonId", t.seller_person_id},
          {"buyerPersonId", t.buyer_person_id},
          {"status", t.status},
          {"fee", t.fee_fils},
          {"currency", "JOD"},
          {"createdAt", core::FormatTimestamp(t.created_at)},
          {"completedAt", OptTime(t.completed_at)}};
}

boost::json::object ViolationTypeJson(const app::ViolationType& t) {
  return {{"id", t.id},         {"code", t.code},      {"nameAr", t.name_ar}, {"nameEn", t.name_en},
          {"fine", t.fine_fils}, {"currency", "JOD"}, {"points", t.points}};
}

boost::json::object ViolationJson(const app::ViolationRecord& v) {
  return {{"id", v.id},
          {"violationType", v.type_code},
          {"nameEn", v.type_name_en},
          {"nameAr", v.type_name_ar},
          {"licenseId", OptInt(v.license_id)},
          {"vehicleId", OptInt(v.vehicle_id)},
          {"personId", v.person_id},
          {"place", v.place},
          {"occurredAt", v.occurred_at},
          {"notes", v.notes},
          {"fine", v.fine_fils},
          {"currency", "JOD"},
          {"points", v.points},
          {"billId", v.bill_id},
          {"billStatus", v.bill_status},
          {"status", v.status},
          {"recordedBy", v.recorded_by},
          {"createdAt", core::FormatTimestamp(v.created_at)}};
}

boost::json::object SuspensionJson(const app::SuspensionRecord& s) {
  return {{"id", s.id},         {"startDate", s.start_date}, {"endDate", s.end_date}, {"points", s.points},
          {"days", s.days},     {"violationId", OptInt(s.violation_id)}, {"liftedAt", OptTime(s.lifted_at)}};
}

boost::json::object PointsJson(std::int64_t person_id, const app::PointsView& p) {
  return {{"personId", person_id},
          {"points", p.points},
          {"suspended", p.active.has_value()},
          {"activeSuspension", p.active ? boost::json::value(SuspensionJson(*p.active)) : boost::json::value(nullptr)},
          {"suspensions", Array(p.suspensions, SuspensionJson)}};
}

}  // namespace dvld::http::dto
