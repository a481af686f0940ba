// The HTTP application: routes, sign-in check and permission per route, static web app, and the
// middleware every answer passes through (request id, security headers, JSON log line, metrics,
// problem+json for failures). Independent of the network layer in server/.
#pragma once
#include <filesystem>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "http/handlers/handlers.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/worker_pool.h"

namespace dvld::http {

struct HttpAppConfig {
  std::filesystem::path web_root = "web/dist";
  std::string openapi_yaml;
  bool secure_cookies = false;       // add Secure to the session cookie (behind HTTPS)
  std::size_t blocking_threads = 2;  // argon2id workers: each needs 64 MiB while hashing
  std::size_t blocking_queue = 128;  // sign-ins waiting beyond this are refused (503)
  // Requests that change data run on their own threads, so that the I/O threads keep serving while
  // they wait for the database, and concurrent writes share one commit (group commit). A write
  // request's answer is sent once its writes are durable (app::DeferredCommits): on SQLite by the
  // thread that synced them, so that its write thread goes on to the next request meanwhile.
  std::size_t write_threads = 16;
  std::size_t write_queue = 4096;  // writes waiting beyond this are refused (503)
  bool log_requests = true;
  double login_burst = 20;            // sign-in attempts per address at once
  double login_per_second = 1.0 / 3;  // then one every 3 seconds
};

inline constexpr const char* kSessionCookie = "dvld_session";

class HttpApp {
 public:
  HttpApp(HttpAppConfig config, Services services);
  ~HttpApp();

  // Answers one request; `done` is called exactly once, on this thread, on a worker thread, or (a
  // write on SQLite) on the thread that made its writes durable. The destructor waits for every
  // answer still owed.
  void Handle(std::shared_ptr<Request> request, std::function<void(Response)> done);
  Metrics& metrics() { return metrics_; }
  const Router& router() const { return router_; }
  const HttpAppConfig& config() const { return config_; }

  // The session token a request carries: the cookie, else "Authorization: Bearer".
  static std::string TokenOf(const Request& request);
  // Requests signed with a partner API key carry it in this header.
  static constexpr const char* kApiKeyHeader = "X-API-Key";

 private:
  Response Dispatch(const Request& request, const Router::Match& match);
  Response Idempotent(Context& ctx, const Route& route);
  void Finish(const Request& request, Response response, double seconds, const std::function<void(Response)>& done);

  HttpAppConfig config_;
  Services services_;
  Router router_;
  Metrics metrics_;
  StaticFiles static_files_;
  LoginRateLimiter login_limiter_;
  // Write requests accepted and not yet answered (an answer may wait for an fsync after its thread
  // is done): the destructor waits for them, whose answers call Finish.
  std::mutex owed_mu_;
  std::condition_variable owed_cv_;
  std::size_t owed_ = 0;
  WorkerPool blocking_;
  WorkerPool writes_;
};

}  // namespace dvld::http
