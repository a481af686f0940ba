#include <boost/json.hpp>

#include "core/clock.h"
#include "core/date.h"
#include "http/dto/json.h"
#include "http/dto/users.h"
#include "http/handlers/handlers.h"
#include "http/http_app.h"
#include "http/problem.h"
#include "http/rate_limiter.h"

namespace dvld::http::handlers {
namespace {

std::string SessionCookie(const std::string& token, long max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

// The server's clock for the web app: it takes "today" from here, not from the browser, so a
// counter whose computer runs in another time zone (or a wrong clock) books and checks the same
// day the rules use.
boost::json::object ClockJson(const core::Clock& clock) {
  const auto now = clock.Now();
  return {{"now", core::FormatTimestamp(now)},
          {"today", core::Date::On(clock, now).ToString()},
          {"utcOffset", core::FormatUtcOffset(clock.UtcOffset())}};
}

}  // namespace

void RegisterAuthRoutes(Router& router, app::AuthService& auth, const core::Clock& clock, bool secure_cookies,
                        LoginRateLimiter& limiter) {
  router.Add(
      "POST", "/api/v1/auth/login", access::kPublic,
      [&auth, &clock, secure_cookies, &limiter](Context& ctx) {
        if (!limiter.Allow(ctx.request.remote_ip)) {
          Response r = Problem(core::ErrorCode::kRateLimited, "too-many-requests",
                               "Too many sign-in attempts from this address; wait a minute.");
          r.SetHeader("Retry-After", "60");
          return r;
        }
        auto body = dto::ParseObject(ctx.request.body);
        if (!body) return Problem(body.error());
        dto::FieldReader in(*body);
        auto username = in.String("username", true, 64);
        auto password = in.String("password", true, 1024);
        if (!in.ok()) return Problem(in.error());
        auto result =
            auth.Login(*username, *password, ctx.request.remote_ip, std::string(ctx.request.Header("User-Agent")));
        if (!result) return Problem(result.error());
        boost::json::object out{{"token", result->token},
                                {"expiresAt", core::FormatTimestamp(result->expires_at)},
                                {"user", dto::PrincipalJson(result->principal)},
                                {"clock", ClockJson(clock)}};
        Response r = Response::Json(200, boost::json::serialize(out));
        r.SetHeader("Set-Cookie", SessionCookie(result->token, 12 * 3600, secure_cookies));
        return r;
      },
      /*blocking=*/true);

  router.Add("POST", "/api/v1/auth/logout", access::kPublic, [&auth, secure_cookies](Context& ctx) {
    auth.Logout(HttpApp::TokenOf(ctx.request));
    Response r = Response::NoContent();
    r.SetHeader("Set-Cookie", SessionCookie("", 0, secure_cookies));
    return r;
  });

  router.Add("GET", "/api/v1/auth/me", access::kSignedIn, [&clock](Context& ctx) {
    return Response::Json(200, boost::json::serialize(boost::json::object{{"user", dto::PrincipalJson(*ctx.principal)},
                                                                          {"clock", ClockJson(clock)}}));
  });

  router
      .Add("POST", "/api/v1/auth/change-password", access::kSignedIn,
           [&auth](Context& ctx) {
             auto body = dto::ParseObject(ctx.request.body);
             if (!body) return Problem(body.error());
             dto::FieldReader in(*body);
             auto current = in.String("currentPassword", true, 1024);
             auto next = in.String("newPassword", true, 1024);
             if (!in.ok()) return Problem(in.error());
             if (auto ok = auth.ChangePassword(*ctx.principal, HttpApp::TokenOf(ctx.request), *current, *next); !ok) {
               return Problem(ok.error());
             }
             return Response::NoContent();
           })
      .blocking = true;
}

}  // namespace dvld::http::handlers
