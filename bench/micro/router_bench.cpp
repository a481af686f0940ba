// Routing and the HTTP middleware without a network or a database: the production route table
// (built by a real HttpApp over a store that is never opened), path matching with parameters,
// and whole answers of public routes (request id, security headers, metrics, problem+json).
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>

#include "app/api_key_service.h"
#include "app/auth_service.h"
#include "app/licensing_service.h"
#include "app/people_service.h"
#include "app/reference_service.h"
#include "app/staff_service.h"
#include "app/vehicle_service.h"
#include "fixtures.h"
#include "http/http_app.h"

namespace dvld::bench {
namespace {

// Routes are only matched here, never run against the store: any use of it is a bug in the benchmark.
class UnusedStore final : public app::Store {
 public:
  std::unique_ptr<app::UnitOfWork> Read() override { throw std::logic_error("the micro-benchmarks have no database"); }
  std::unique_ptr<app::UnitOfWork> Write() override { throw std::logic_error("the micro-benchmarks have no database"); }
  bool Ready() override { return true; }
  app::StoreStats Stats() override { return {}; }
};

class UnusedImages final : public app::ImageProcessor {
 public:
  core::Result<app::Photo> Process(std::string_view) override {
    throw std::logic_error("the micro-benchmarks process no photos");
  }
};

// Everything HttpApp needs, built once (AuthService hashes one dummy password at construction).
struct World {
  UnusedStore store;
  UnusedImages images;
  core::ManualClock clock{At(0)};
  app::AuthService auth{store, clock};
  app::PeopleService people{store, clock, images};
  app::StaffService staff{store, clock};
  app::ReferenceService reference{store, clock};
  app::ApiKeyService api_keys{store, clock};
  app::AuditService audit{store};
  app::LicensingService licensing{store, clock};
  app::VehicleService vehicles{store, clock};
  http::HttpApp app{Config(),
                    http::Services{auth, store, people, staff, reference, api_keys, audit, licensing, vehicles, clock}};

  static http::HttpAppConfig Config() {
    http::HttpAppConfig c;
    c.web_root = "/nonexistent";
    c.log_requests = false;  // the JSON log line would go to stdout between the results
    c.blocking_threads = 1;
    return c;
  }
};

World& TheWorld() {
  static World world;
  return world;
}

void Find(benchmark::State& state, const char* method, const char* path, bool expect_route) {
  const auto& router = TheWorld().app.router();
  state.counters["routes"] = static_cast<double>(router.routes().size());
  for (auto _ : state) {
    auto match = router.Find(method, path);
    if ((match.route != nullptr) != expect_route) state.SkipWithError("unexpected match");
    benchmark::DoNotOptimize(match);
  }
}

void BM_RouterFind_PersonById(benchmark::State& state) { Find(state, "GET", "/api/v1/people/48213", true); }
BENCHMARK(BM_RouterFind_PersonById);

void BM_RouterFind_PersonByNationalNo(benchmark::State& state) {
  Find(state, "GET", "/api/v1/people/by-national-no/9861045237", true);
}
BENCHMARK(BM_RouterFind_PersonByNationalNo);

void BM_RouterFind_LicenseRenew(benchmark::State& state) { Find(state, "POST", "/api/v1/licenses/120934/renew", true); }
BENCHMARK(BM_RouterFind_LicenseRenew);

void BM_RouterFind_Collection(benchmark::State& state) { Find(state, "GET", "/api/v1/vehicles", true); }
BENCHMARK(BM_RouterFind_Collection);

void BM_RouterFind_NotFound(benchmark::State& state) { Find(state, "GET", "/api/v1/no-such/route/here", false); }
BENCHMARK(BM_RouterFind_NotFound);

// A whole answer through HttpApp::Handle: id, match, handler, security headers, metrics.
void Handle(benchmark::State& state, const char* path, bool with_request_id, int expect_status) {
  auto& app = TheWorld().app;
  for (auto _ : state) {
    auto request = std::make_shared<http::Request>();
    request->method = "GET";
    request->target = path;
    request->path = path;
    if (with_request_id) request->headers["X-Request-Id"] = "3f9a1c0b7d2e4a58";
    int status = 0;
    app.Handle(std::move(request), [&](http::Response r) {
      status = r.status;
      benchmark::DoNotOptimize(r);
    });
    if (status != expect_status) state.SkipWithError("unexpected status");
  }
}

void BM_Handle_Health(benchmark::State& state) { Handle(state, "/api/v1/health", false, 200); }
BENCHMARK(BM_Handle_Health);

// With a sane incoming X-Request-Id the server keeps it instead of drawing random bytes.
void BM_Handle_Health_WithRequestId(benchmark::State& state) { Handle(state, "/api/v1/health", true, 200); }
BENCHMARK(BM_Handle_Health_WithRequestId);

// 404 problem+json: HttpApp::Finish parses the problem body again to add requestId.
void BM_Handle_RouteNotFound(benchmark::State& state) { Handle(state, "/api/v1/no-such-route", true, 404); }
BENCHMARK(BM_Handle_RouteNotFound);

}  // namespace
}  // namespace dvld::bench
