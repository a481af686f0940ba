#include <boost/json.hpp>

#include "core/version.h"
#include "http/handlers/handlers.h"
#include "http/problem.h"

namespace dvld::http::handlers {

Response JsonOk(const boost::json::value& body, int status) {
  return Response::Json(status, boost::json::serialize(body));
}

void RegisterSystemRoutes(Router& router, SystemDeps deps) {
  router.Add("GET", "/api/v1/health", access::kPublic, [](Context&) {
    return Response::Json(200, boost::json::serialize(boost::json::object{{"status", "ok"}, {"version", core::kVersion}}));
  });

  router.Add("GET", "/api/v1/ready", access::kPublic, [&store = deps.store](Context&) {
    if (!store.Ready()) {
      return Problem(core::ErrorCode::kUnavailable, "not-ready",
                     "The database is not reachable or not migrated to this version.");
    }
    return Response::Json(200, boost::json::serialize(boost::json::object{{"status", "ready"}}));
  });

  router.Add("GET", "/metrics", access::kPublic, [&metrics = deps.metrics](Context&) {
    Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics.Render();
    return r;
  });

  router.Add("GET", "/api/v1/openapi.yaml", access::kPublic, [&yaml = deps.openapi_yaml](Context&) {
    Response r;
    r.content_type = "application/yaml; charset=utf-8";
    r.body = yaml;
    return r;
  });
}

}  // namespace dvld::http::handlers
