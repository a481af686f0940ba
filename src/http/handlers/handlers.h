// Route registration, one function per area. Each handler parses, calls one service, maps the result.
#pragma once
#include <string>

#include "app/auth_service.h"
#include "app/ports/store.h"
#include "http/metrics.h"
#include "http/router.h"

namespace dvld::http::handlers {

struct SystemDeps {
  app::Store& store;
  Metrics& metrics;
  const std::string& openapi_yaml;
};

// /api/v1/health, /api/v1/ready, /metrics, /api/v1/openapi.yaml
void RegisterSystemRoutes(Router& router, SystemDeps deps);
// /api/v1/auth/login, /logout, /me
void RegisterAuthRoutes(Router& router, app::AuthService& auth, bool secure_cookies);

}  // namespace dvld::http::handlers
