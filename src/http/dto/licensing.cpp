#include "http/dto/licensing.h"

#include "http/dto/common.h"

namespace dvld::http::dto {

std::string_view TestCode(int sequence) {
  switch (sequence) {
    case 1:
      return "vision";
    case 2:
      return "written";
    case 3:
      return "street";
    default:
      return "unknown";
  }
}

namespace {
boost::json::array LinesJson(const std::vector<app::BillLine>& lines) {
  boost::json::array out;
  for (const auto& l : lines) {
    out.push_back(boost::json::object{{"code", l.item_code},
                                      {"descriptionEn", l.description_en},
                                      {"descriptionAr", l.description_ar},
                                      {"amount", l.amount_fils}});
  }
  return out;
}
}  // namespace

boost::json::object ReceiptJson(const app::PaymentRecord& p, const app::BillRecord* bill) {
  boost::json::object o{{"number", p.receipt_no},
                        {"billId", p.bill_id},
                        {"personId", p.person_id},
                        {"applicationId", OptInt(p.application_id)},
                        {"amount", p.amount_fils},
                        {"currency", "JOD"},
                        {"method", p.method},
                        {"paidAt", core::FormatTimestamp(p.paid_at)},
                        {"collectedBy", p.collected_by_name},
                        {"branchId", p.branch_id}};
  if (bill) o["lines"] = LinesJson(bill->lines);
  return o;
}

boost::json::object BillJson(const app::BillRecord& b) {
  return {{"id", b.id},
          {"personId", b.person_id},
          {"applicationId", OptInt(b.application_id)},
          {"kind", b.kind},
          {"status", b.status},
          {"total", b.total_fils},
          {"currency", "JOD"},
          {"createdAt", core::FormatTimestamp(b.created_at)},
          {"dueDate", OptString(b.due_date)},
          {"paidAt", OptTime(b.paid_at)},
          {"lines", LinesJson(b.lines)},
          {"receipt", b.payment ? boost::json::value(ReceiptJson(*b.payment, nullptr)) : boost::json::value(nullptr)}};
}

boost::json::object AppointmentJson(const app::AppointmentRecord& a) {
  return {{"id", a.id},
          {"applicationId", a.application_id},
          {"testType", a.test_code},
          {"sequence", a.sequence},
          {"date", a.date},
          {"branchId", a.branch_id},
          {"status", a.status},
          {"attempt", a.attempt},
          {"billId", a.bill_id},
          {"billPaid", a.bill_paid},
          {"notes", OptString(a.notes)},
          {"recordedAt", OptTime(a.recorded_at)}};
}

boost::json::object ApplicationSummaryJson(const app::ApplicationRecord& a) {
  return {{"id", a.id},
          {"personId", a.person_id},
          {"personNameEn", a.person_name_en},
          {"personNameAr", a.person_name_ar},
          {"type", a.type_code},
          {"licenseClassId", OptInt(a.license_class_id)},
          {"licenseId", OptInt(a.license_id)},
          {"status", a.status},
          {"applicationDate", a.application_date},
          {"reason", OptString(a.reason)},
          {"branchId", a.branch_id},
          {"createdAt", core::FormatTimestamp(a.created_at)},
          {"closedAt", OptTime(a.closed_at)},
          {"resultLicenseId", OptInt(a.result_license_id)},
          {"resultPermitId", OptInt(a.result_permit_id)}};
}

boost::json::object ApplicationJson(const app::ApplicationView& v, core::Date today) {
  auto o = ApplicationSummaryJson(v.application);
  boost::json::array bills, appts;
  for (const auto& b : v.bills) bills.push_back(BillJson(b));
  for (const auto& a : v.appointments) appts.push_back(AppointmentJson(a));
  o["bills"] = std::move(bills);
  o["appointments"] = std::move(appts);
  o["nextStep"] = v.next_step;
  o["nextTest"] = v.next_test ? boost::json::value(TestCode(*v.next_test)) : boost::json::value(nullptr);
  o["blockedReason"] = OptString(v.blocked_reason);
  o["license"] =
      v.license ? boost::json::value(LicenseJson(app::ViewOf(*v.license, today))) : boost::json::value(nullptr);
  o["permit"] = v.permit ? boost::json::value(PermitJson(*v.permit, today)) : boost::json::value(nullptr);
  return o;
}

boost::json::object DetentionJson(const app::DetentionRecord& d) {
  return {
      {"id", d.id},        {"licenseId", d.license_id}, {"detainedOn", d.detained_on},         {"fine", d.fine_fils},
      {"currency", "JOD"}, {"reason", d.reason},        {"releasedAt", OptTime(d.released_at)}};
}

boost::json::object LicenseJson(const app::LicenseView& v) {
  const auto& l = v.license;
  return {{"id", l.id},
          {"number", l.number},
          {"personId", l.person_id},
          {"personNameEn", l.person_name_en},
          {"personNameAr", l.person_name_ar},
          {"licenseClassId", l.license_class_id},
          {"issueDate", l.issue_date},
          {"expiryDate", l.expiry_date},
          {"status", domain::LicenseStatusName(v.status)},
          {"statusReason", v.status_reason},
          {"issueReason", l.issue_reason},
          {"lost", l.lost},
          {"detention", v.detention ? boost::json::value(DetentionJson(*v.detention)) : boost::json::value(nullptr)}};
}

boost::json::object VerificationCodeJson(const app::VerificationCode& c) {
  return {{"number", c.number}, {"code", c.code}, {"path", "/verify/" + c.number + "?code=" + c.code}};
}

boost::json::object LicenseVerificationJson(const app::LicenseVerification& v) {
  const auto& l = v.view.license;
  const auto& c = v.license_class;
  return {{"number", l.number},
          {"valid", v.view.status == domain::LicenseStatus::kActive},
          {"status", domain::LicenseStatusName(v.view.status)},
          {"statusReason", v.view.status_reason},
          {"licenseClass", {{"code", c.code}, {"nameEn", c.name_en}, {"nameAr", c.name_ar}}},
          {"issueDate", l.issue_date},
          {"expiryDate", l.expiry_date},
          {"holder", {{"nameEn", v.holder_en}, {"nameAr", v.holder_ar}, {"full", v.full_name}}},
          {"authentic", v.authentic ? boost::json::value(*v.authentic) : boost::json::value(nullptr)},
          {"checkedAt", core::FormatTimestamp(v.checked_at)}};
}

boost::json::object PermitJson(const app::PermitRecord& p, core::Date today) {
  const bool active = !p.ended_at && *core::Date::Parse(p.expiry_date) >= today;
  return {{"id", p.id},
          {"number", p.number},
          {"licenseId", p.license_id},
          {"personId", p.person_id},
          {"applicationId", p.application_id},
          {"issueDate", p.issue_date},
          {"expiryDate", p.expiry_date},
          {"active", active}};
}

boost::json::object DrivingRecordJson(std::int64_t person_id, const app::DrivingRecord& r, core::Date today) {
  boost::json::array licenses, permits, applications, detentions, bills;
  for (const auto& l : r.licenses) licenses.push_back(LicenseJson(l));
  for (const auto& p : r.permits) permits.push_back(PermitJson(p, today));
  for (const auto& a : r.applications) applications.push_back(ApplicationJson(a, today));
  for (const auto& d : r.detentions) detentions.push_back(DetentionJson(d));
  for (const auto& b : r.bills) bills.push_back(BillJson(b));
  return {{"personId", person_id},
          {"licenses", std::move(licenses)},
          {"permits", std::move(permits)},
          {"applications", std::move(applications)},
          {"detentions", std::move(detentions)},
          {"bills", std::move(bills)}};
}

std::optional<app::PaymentInput> ReadPayment(FieldReader& in, const boost::json::object& body,
                                             std::optional<std::string> idempotency_key) {
  const auto* p = body.if_contains("payment");
  if (!p || p->is_null()) return std::nullopt;
  if (!p->is_object()) {
    in.Fail("payment", "type", "payment is an object such as {\"method\": \"cash\"}.");
    return std::nullopt;
  }
  FieldReader inner(p->as_object());
  auto method = inner.String("method", true, 10);
  if (!inner.ok()) {
    in.Fail("payment.method", "required", "payment.method is cash or card.");
    return std::nullopt;
  }
  return app::PaymentInput{*method, std::move(idempotency_key)};
}

}  // namespace dvld::http::dto
