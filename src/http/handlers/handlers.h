// Route registration, one function per area. Each handler parses, calls one service, maps the result.
#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "app/api_key_service.h"
#include "app/auth_service.h"
#include "app/licensing_service.h"
#include "app/people_service.h"
#include "app/ports/store.h"
#include "app/reference_service.h"
#include "app/staff_service.h"
#include "app/vehicle_service.h"
#include "http/metrics.h"
#include "http/router.h"

namespace dvld::http {

// Every service the HTTP layer calls, wired in main.
struct Services {
  app::AuthService& auth;
  app::Store& store;
  app::PeopleService& people;
  app::StaffService& staff;
  app::ReferenceService& reference;
  app::ApiKeyService& api_keys;
  app::AuditService& audit;
  app::LicensingService& licensing;
  app::VehicleService& vehicles;
  const core::Clock& clock;
};

class LoginRateLimiter;

namespace handlers {

struct SystemDeps {
  app::Store& store;
  Metrics& metrics;
  const std::string& openapi_yaml;
};

// /api/v1/health, /api/v1/ready, /metrics, /api/v1/openapi.yaml
void RegisterSystemRoutes(Router& router, SystemDeps deps);
// /api/v1/auth/login, /logout, /me, /change-password
void RegisterAuthRoutes(Router& router, app::AuthService& auth, const core::Clock& clock, bool secure_cookies,
                        LoginRateLimiter& limiter);
// /api/v1/people...
void RegisterPeopleRoutes(Router& router, app::PeopleService& people);
// /api/v1/users..., /api/v1/api-keys...
void RegisterStaffRoutes(Router& router, app::StaffService& staff, app::ApiKeyService& keys);
// /api/v1/countries, /branches, /license-classes, /application-types, /test-types, /audit
void RegisterReferenceRoutes(Router& router, app::ReferenceService& reference, app::AuditService& audit);

// /api/v1/applications..., /appointments, /licenses..., /international-permits, /bills, /receipts,
// /people/{id}/driving-record
void RegisterLicensingRoutes(Router& router, app::LicensingService& licensing, const core::Clock& clock);

// /api/v1/vehicles..., /transfers, /liens, /seizures, /violation-types, /violations, /people/{id}/points
void RegisterVehicleRoutes(Router& router, app::VehicleService& vehicles);

// Shorthand for answering JSON.
Response JsonOk(const boost::json::value& body, int status = 200);

}  // namespace handlers
}  // namespace dvld::http
