// JSON shapes of vehicles, their policies, inspections, blocks, transfers, violations and points.
#pragma once
#include <boost/json.hpp>

#include "app/vehicle_service.h"

namespace dvld::http::dto {

boost::json::object VehicleSummaryJson(const app::VehicleRecord& v);
boost::json::object VehicleJson(const app::VehicleView& v);
boost::json::object InsuranceJson(const app::InsuranceRecord& p);
boost::json::object InspectionJson(const app::InspectionRecord& i);
boost::json::object LienJson(const app::BlockRecord& b);
boost::json::object SeizureJson(const app::BlockRecord& b);
boost::json::object TransferJson(const app::TransferRecord& t);
boost::json::object ViolationTypeJson(const app::ViolationType& t);
boost::json::object ViolationJson(const app::ViolationRecord& v);
boost::json::object SuspensionJson(const app::SuspensionRecord& s);
boost::json::object PointsJson(std::int64_t person_id, const app::PointsView& p);

}  // namespace dvld::http::dto
