// JSON shapes of applications, appointments, bills, receipts, licences and permits.
#pragma once
#include <boost/json.hpp>

#include "app/licensing_service.h"
#include "http/dto/json.h"

namespace dvld::http::dto {

std::string_view TestCode(int sequence);
boost::json::object BillJson(const app::BillRecord& b);
boost::json::object ReceiptJson(const app::PaymentRecord& p, const app::BillRecord* bill);
boost::json::object AppointmentJson(const app::AppointmentRecord& a);
boost::json::object ApplicationSummaryJson(const app::ApplicationRecord& a);
boost::json::object ApplicationJson(const app::ApplicationView& v, core::Date today);
boost::json::object LicenseJson(const app::LicenseView& v);
boost::json::object VerificationCodeJson(const app::VerificationCode& c);
boost::json::object LicenseVerificationJson(const app::LicenseVerification& v);
boost::json::object PermitJson(const app::PermitRecord& p, core::Date today);
boost::json::object DetentionJson(const app::DetentionRecord& d);
boost::json::object DrivingRecordJson(std::int64_t person_id, const app::DrivingRecord& r, core::Date today);
// "payment": {"method": "cash"} when present; the Idempotency-Key header goes with it.
std::optional<app::PaymentInput> ReadPayment(FieldReader& in, const boost::json::object& body,
                                             std::optional<std::string> idempotency_key);

}  // namespace dvld::http::dto
