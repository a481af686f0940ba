#include "http/http_app.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>

#include "core/crypto.h"
#include "core/infra_error.h"
#include "http/handlers/handlers.h"
#include "http/problem.h"

namespace dvld::http {
namespace {

bool IsSaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

void AddSecurityHeaders(Response& r, bool api) {
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("X-Frame-Options", "DENY");
  r.SetHeader("Referrer-Policy", "no-referrer");
  r.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  r.SetHeader("Cross-Origin-Resource-Policy", "same-origin");
  r.SetHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  // Ant Design writes styles at run time, hence 'unsafe-inline' for styles only.
  r.SetHeader("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
              "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  if (api) {
    bool has_cache = false;
    for (const auto& [n, v] : r.headers) has_cache = has_cache || n == "Cache-Control";
    if (!has_cache) r.SetHeader("Cache-Control", "no-store");
  }
}

}  // namespace

HttpApp::HttpApp(HttpAppConfig config, Services services)
    : config_(std::move(config)),
      services_(services),
      static_files_(config_.web_root),
      login_limiter_(config_.login_burst, config_.login_per_second),
      blocking_(config_.blocking_threads, config_.blocking_queue, "dvld-sign-in"),
      writes_(config_.write_threads, config_.write_queue, "dvld-write") {
  handlers::RegisterSystemRoutes(router_, handlers::SystemDeps{services_.store, metrics_, config_.openapi_yaml});
  handlers::RegisterAuthRoutes(router_, services_.auth, services_.clock, config_.secure_cookies, login_limiter_);
  handlers::RegisterPeopleRoutes(router_, services_.people);
  handlers::RegisterStaffRoutes(router_, services_.staff, services_.api_keys);
  handlers::RegisterReferenceRoutes(router_, services_.reference, services_.audit);
  handlers::RegisterLicensingRoutes(router_, services_.licensing, services_.clock);
  handlers::RegisterVehicleRoutes(router_, services_.vehicles);
  metrics_.AddGauge("dvld_db_connections_open", "Database connections open.",
                    [this] { return static_cast<double>(services_.store.Stats().connections); });
  metrics_.AddGauge("dvld_db_connections_in_use", "Database connections lent out.",
                    [this] { return static_cast<double>(services_.store.Stats().in_use); });
  metrics_.AddGauge("dvld_db_connections_waiting", "Requests waiting for a database connection.",
                    [this] { return static_cast<double>(services_.store.Stats().waiting); });
  metrics_.AddCounter("dvld_db_write_units_total", "Write units of work committed (SQLite).",
                      [this] { return static_cast<double>(services_.store.Stats().write_units); });
  metrics_.AddCounter("dvld_db_write_batches_total", "Write transactions that committed them, one a burst (SQLite).",
                      [this] { return static_cast<double>(services_.store.Stats().write_batches); });
  metrics_.AddCounter("dvld_db_writer_busy_seconds_total",
                      "Time the one SQLite writer was held by units of work (statements and COMMITs, not fsyncs).",
                      [this] { return services_.store.Stats().writer_busy_seconds; });
  metrics_.AddCounter("dvld_db_log_syncs_total", "fsyncs of the write-ahead log after commits (SQLite).",
                      [this] { return static_cast<double>(services_.store.Stats().log_syncs); });
  metrics_.AddCounter("dvld_db_log_sync_seconds_total", "Time spent in those fsyncs (SQLite).",
                      [this] { return services_.store.Stats().log_sync_seconds; });
  metrics_.AddCounter("dvld_db_stale_batches_total",
                      "Write batches committed after waiting 50 ms for an announced write that did not come (SQLite).",
                      [this] { return static_cast<double>(services_.store.Stats().stale_batches); });
}

HttpApp::~HttpApp() {
  std::unique_lock lock(owed_mu_);
  owed_cv_.wait(lock, [&] { return owed_ == 0; });
}

std::string HttpApp::TokenOf(const Request& request) {
  if (auto c = request.Cookie(kSessionCookie); c && !c->empty()) return *c;
  const auto auth = request.Header("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (auth.size() > kBearer.size() && auth.substr(0, kBearer.size()) == kBearer) {
    return std::string(auth.substr(kBearer.size()));
  }
  return {};
}

void HttpApp::Handle(std::shared_ptr<Request> request, std::function<void(Response)> done) {
  const auto start = std::chrono::steady_clock::now();
  const auto incoming = request->Header("X-Request-Id");
  request->request_id = IsSaneRequestId(incoming) ? std::string(incoming) : core::QuickId();
  auto elapsed = [start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

  const bool api = request->path.rfind("/api/", 0) == 0 || request->path == "/metrics";
  if (!api) {
    Response r;
    try {
      r = static_files_.Serve(*request);
    } catch (const std::exception& e) {
      spdlog::error("static file failed: {}", e.what());
      r = Problem(core::ErrorCode::kInternal, "internal", "The server failed to answer.");
    }
    if (r.route.empty()) r.route = "static";
    Finish(*request, std::move(r), elapsed(), done);
    return;
  }

  auto match = std::make_shared<Router::Match>(router_.Find(request->method, request->path));
  if (!match->route) {
    Response r;
    if (!match->allowed.empty()) {
      std::string allow;
      for (const auto& m : match->allowed) allow += (allow.empty() ? "" : ", ") + m;
      r = ProblemWithStatus(405, core::Error::Of(core::ErrorCode::kMalformed, "method-not-allowed",
                                                 request->method + " is not allowed here; use " + allow + "."));
      r.SetHeader("Allow", allow);
    } else {
      r = Problem(core::ErrorCode::kNotFound, "route-not-found", "No such API route: " + request->path);
    }
    r.route = "unmatched";
    Finish(*request, std::move(r), elapsed(), done);
    return;
  }

  auto job = [this, request, match, elapsed, done] {
    Response r = Dispatch(*request, *match);
    r.route = match->route->pattern;
    Finish(*request, std::move(r), elapsed(), done);
  };
  if (!match->route->blocking) {
    const bool reads = request->method == "GET" || request->method == "HEAD";
    if (reads || config_.write_threads == 0) {
      job();
      return;
    }
    // A write thread does not sleep through the fsync that makes its request's writes durable: it
    // goes on to the next request, and the answer is sent once they are on disk (by the thread that
    // synced them).
    auto write = [this, request, match, elapsed, done] {
      services_.store.WriteRequestsQueued(-1);
      app::DeferredCommits deferred;
      Response r = Dispatch(*request, *match);
      r.route = match->route->pattern;
      services_.store.WriteRequestDone();
      deferred.WhenDurable([this, request, r = std::move(r), elapsed, done](const std::string& error) mutable {
        if (!error.empty()) {
          spdlog::error(R"({{"msg":"infrastructure failure","requestId":"{}","error":{}}})", request->request_id,
                        boost::json::serialize(boost::json::value("commit failed: " + error)));
          auto route = std::move(r.route);
          r = Problem(core::ErrorCode::kInternal, "internal", "The server failed to answer.");
          r.route = std::move(route);
        }
        Finish(*request, std::move(r), elapsed(), done);
        std::lock_guard lock(owed_mu_);
        if (--owed_ == 0) owed_cv_.notify_all();
      });
    };
    {
      std::lock_guard lock(owed_mu_);
      ++owed_;
    }
    services_.store.WriteRequestsQueued(1);
    if (!writes_.Submit(write)) {
      services_.store.WriteRequestsQueued(-1);
      {
        std::lock_guard lock(owed_mu_);
        --owed_;
      }
      Response r =
          Problem(core::ErrorCode::kUnavailable, "server-busy", "Too many changes at once; try again shortly.");
      r.SetHeader("Retry-After", "1");
      r.route = match->route->pattern;
      Finish(*request, std::move(r), elapsed(), done);
    }
    return;
  }
  if (!blocking_.Submit(job)) {
    Response r = Problem(core::ErrorCode::kUnavailable, "server-busy", "Too many sign-ins at once; try again shortly.");
    r.SetHeader("Retry-After", "1");
    r.route = match->route->pattern;
    Finish(*request, std::move(r), elapsed(), done);
  }
}

Response HttpApp::Dispatch(const Request& request, const Router::Match& match) {
  const Route& route = *match.route;
  try {
    Context ctx{request, match.params, std::nullopt};
    if (request.body.size() > route.max_body) {
      return Problem(core::ErrorCode::kTooLarge, "body-too-large",
                     "The request body is larger than " + std::to_string(route.max_body) + " bytes.");
    }
    if (route.permission != access::kPublic) {
      if (const auto key = request.Header(kApiKeyHeader); !key.empty()) {
        ctx.principal = services_.auth.AuthenticateApiKey(std::string(key));
        if (!ctx.principal) {
          return Problem(core::ErrorCode::kUnauthenticated, "invalid-api-key", "The API key is unknown or revoked.");
        }
      } else {
        ctx.principal = services_.auth.Authenticate(TokenOf(request));
      }
      if (!ctx.principal) {
        return Problem(core::ErrorCode::kUnauthenticated, "not-signed-in", "Sign in to use this service.");
      }
      ctx.principal->request_id = request.request_id;
      if (route.permission != access::kSignedIn && !ctx.principal->Can(route.permission)) {
        const std::string who =
            ctx.principal->IsUser()
                ? "Your role (" + std::string(domain::RoleName(ctx.principal->role)) + ")"
                : "This API key's scope (" + std::string(domain::ApiScopeName(ctx.principal->scope)) + ")";
        return Problem(core::ErrorCode::kPermissionDenied, "forbidden",
                       who + " does not have the permission " + route.permission + ".");
      }
    }
    if (route.idempotent && !request.Header("Idempotency-Key").empty()) return Idempotent(ctx, route);
    Response r = route.handler(ctx);
    return r;
  } catch (const core::InfraError& e) {
    spdlog::error(R"({{"msg":"infrastructure failure","requestId":"{}","error":{}}})", request.request_id,
                  boost::json::serialize(boost::json::value(e.what())));
    if (e.transient()) {
      Response r = Problem(core::ErrorCode::kUnavailable, "unavailable", "The database is busy; try again.");
      r.SetHeader("Retry-After", "1");
      return r;
    }
    return Problem(core::ErrorCode::kInternal, "internal", "The server failed to answer.");
  } catch (const std::exception& e) {
    spdlog::error(R"({{"msg":"unhandled exception","requestId":"{}","error":{}}})", request.request_id,
                  boost::json::serialize(boost::json::value(e.what())));
    return Problem(core::ErrorCode::kInternal, "internal", "The server failed to answer.");
  }
}

Response HttpApp::Idempotent(Context& ctx, const Route& route) {
  const auto key = std::string(ctx.request.Header("Idempotency-Key"));
  if (key.size() > 200) {
    return Problem(
        core::Error::Invalid("Idempotency-Key", "max-length", "The Idempotency-Key has at most 200 characters."));
  }
  const auto& who = *ctx.principal;
  const std::string principal =
      (who.IsUser() ? "user:" + std::to_string(who.user_id) : "key:" + std::to_string(who.api_key_id));
  const auto hash = core::Sha256Hex(ctx.request.method + " " + ctx.request.path + "\n" + ctx.request.body);
  std::optional<app::IdempotencyRecord> first;
  {
    auto uow = services_.store.Write();
    first = uow->Idempotency().Claim(principal, key, hash, services_.clock.Now());
    uow->Commit();
  }
  if (first) {
    if (first->request_hash != hash) {
      return Problem(core::Error{core::ErrorCode::kInvalidArgument,
                                 "idempotency-key-reused",
                                 "This Idempotency-Key was used for a different request.",
                                 {{"Idempotency-Key", "reused", "Use a new key for a new request."}}});
    }
    if (first->status == 0) {
      Response r = Problem(core::ErrorCode::kConflict, "request-in-progress",
                           "The first request with this Idempotency-Key is still running.");
      r.SetHeader("Retry-After", "1");
      return r;
    }
    Response r = Response::Json(first->status, first->response);
    r.SetHeader("Idempotent-Replayed", "true");
    return r;
  }
  auto release = [&] {
    auto uow = services_.store.Write();
    uow->Idempotency().Release(principal, key);
    uow->Commit();
  };
  Response r;
  try {
    r = route.handler(ctx);
  } catch (...) {
    release();
    throw;
  }
  if (r.status >= 200 && r.status < 300 && r.content_type == "application/json") {
    auto uow = services_.store.Write();
    uow->Idempotency().Complete(principal, key, r.status, r.body);
    uow->Commit();
  } else {
    release();  // a refused request changed nothing: the key may be used again
  }
  return r;
}

void HttpApp::Finish(const Request& request, Response response, double seconds,
                     const std::function<void(Response)>& done) {
  const bool api = response.route != "static";
  AddSecurityHeaders(response, api);
  response.SetHeader("X-Request-Id", request.request_id);
  if (response.content_type == "application/problem+json" && response.body.find("\"requestId\"") == std::string::npos) {
    // Tie the problem to the log line.
    boost::system::error_code ec;
    auto v = boost::json::parse(response.body, ec);
    if (!ec && v.is_object()) {
      v.as_object()["requestId"] = request.request_id;
      response.body = boost::json::serialize(v);
    }
  }
  metrics_.Record(response.route, request.method, response.status, seconds);
  if (config_.log_requests) {
    boost::json::object line{{"msg", "request"},
                             {"method", request.method},
                             {"route", response.route},
                             {"path", request.path},
                             {"status", response.status},
                             {"durationMs", static_cast<double>(static_cast<long>(seconds * 1e5)) / 100.0},
                             {"requestId", request.request_id},
                             {"ip", request.remote_ip}};
    spdlog::info(boost::json::serialize(line));
  }
  done(std::move(response));
}

}  // namespace dvld::http
