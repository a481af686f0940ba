#include <gtest/gtest.h>

#include "http/dto/json.h"
#include "http/message.h"
#include "http/problem.h"
#include "http/router.h"

namespace dvld::http {
namespace {

Response Named(const char* name) {
  Response r;
  r.body = name;
  return r;
}

TEST(Router, MatchesPathParametersAndPrefersLiterals) {
  Router router;
  router.Add("GET", "/api/v1/people/{id}", access::kSignedIn, [](Context&) { return Named("by-id"); });
  router.Add("GET", "/api/v1/people/by-national-no/{no}", access::kSignedIn, [](Context&) { return Named("by-no"); });
  router.Add("GET", "/api/v1/people/{id}/driving-record", access::kSignedIn, [](Context&) { return Named("record"); });
  router.Add("PATCH", "/api/v1/people/{id}", access::kSignedIn, [](Context&) { return Named("patch"); });

  auto m = router.Find("GET", "/api/v1/people/42");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->pattern, "/api/v1/people/{id}");
  EXPECT_EQ(m.params.at("id"), "42");

  m = router.Find("GET", "/api/v1/people/by-national-no/9991234567");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->pattern, "/api/v1/people/by-national-no/{no}");
  EXPECT_EQ(m.params.at("no"), "9991234567");

  m = router.Find("GET", "/api/v1/people/7/driving-record");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.params.at("id"), "7");

  m = router.Find("HEAD", "/api/v1/people/7");
  ASSERT_TRUE(m.route) << "HEAD is answered by the GET route";
}

TEST(Router, ReportsAllowedMethodsWhenOnlyTheMethodIsWrong) {
  Router router;
  router.Add("GET", "/api/v1/people/{id}", access::kSignedIn, [](Context&) { return Named("get"); });
  router.Add("PATCH", "/api/v1/people/{id}", access::kSignedIn, [](Context&) { return Named("patch"); });
  auto m = router.Find("DELETE", "/api/v1/people/1");
  EXPECT_FALSE(m.route);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "PATCH"}));
  m = router.Find("GET", "/api/v1/nothing");
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.allowed.empty());
  m = router.Find("GET", "/api/v1/people/");
  EXPECT_FALSE(m.route) << "an empty parameter does not match";
}

TEST(Request, ReadsCookiesAndHeadersCaseInsensitively) {
  Request r;
  r.headers["cookie"] = "theme=dark; dvld_session=abc123; other=1";
  r.headers["X-Thing"] = "v";
  EXPECT_EQ(r.Cookie("dvld_session"), "abc123");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_FALSE(r.Cookie("missing"));
  EXPECT_EQ(r.Header("x-thing"), "v");
}

TEST(Problem, MapsEveryCodeToItsStatus) {
  using core::ErrorCode;
  EXPECT_EQ(StatusOf(ErrorCode::kMalformed), 400);
  EXPECT_EQ(StatusOf(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(StatusOf(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(StatusOf(ErrorCode::kNotFound), 404);
  EXPECT_EQ(StatusOf(ErrorCode::kConflict), 409);
  EXPECT_EQ(StatusOf(ErrorCode::kTooLarge), 413);
  EXPECT_EQ(StatusOf(ErrorCode::kInvalidArgument), 422);
  EXPECT_EQ(StatusOf(ErrorCode::kRateLimited), 429);
  EXPECT_EQ(StatusOf(ErrorCode::kUnavailable), 503);
  auto r = Problem(core::Error::Invalid("nationalNo", "format", "ten digits"));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.content_type, "application/problem+json");
  auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body.at("code"), "validation-failed");
  EXPECT_EQ(body.at("errors").as_array().at(0).at("field"), "nationalNo");
  EXPECT_EQ(body.at("errors").as_array().at(0).at("rule"), "format");
}

TEST(FieldReader, NamesEachBadFieldAndRule) {
  auto obj = dto::ParseObject(R"({"name":"  Sami ","age":"x","flag":1,"n":5,"big":99999999999999999999})");
  ASSERT_TRUE(obj);
  dto::FieldReader in(*obj);
  EXPECT_EQ(in.String("name", true), "Sami");
  EXPECT_FALSE(in.Int("age", true));
  EXPECT_FALSE(in.Bool("flag", true));
  EXPECT_FALSE(in.String("missing", true));
  EXPECT_FALSE(in.Int("n", true, 10, 20));
  EXPECT_FALSE(in.Int("big", true));
  EXPECT_FALSE(in.ok());
  const auto& f = in.error().fields;
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].field, "age");
  EXPECT_EQ(f[0].rule, "type");
  EXPECT_EQ(f[1].rule, "type");
  EXPECT_EQ(f[2].rule, "required");
  EXPECT_EQ(f[3].rule, "range");
}

TEST(FieldReader, RejectsMalformedBodies) {
  EXPECT_EQ(dto::ParseObject("{").error().slug, "malformed-json");
  EXPECT_EQ(dto::ParseObject("[1,2]").error().slug, "body-not-object");
  EXPECT_EQ(dto::ParseObject("").error().slug, "malformed-json");
  EXPECT_EQ(dto::ParseObject(std::string(100, '[')).error().code, core::ErrorCode::kMalformed);
}

}  // namespace
}  // namespace dvld::http

#include "http/rate_limiter.h"

namespace dvld::http {
namespace {

TEST(LoginRateLimiter, AllowsABurstThenRefusesPerAddress) {
  LoginRateLimiter limiter(3, 0.0001);
  EXPECT_TRUE(limiter.Allow("10.0.0.1"));
  EXPECT_TRUE(limiter.Allow("10.0.0.1"));
  EXPECT_TRUE(limiter.Allow("10.0.0.1"));
  EXPECT_FALSE(limiter.Allow("10.0.0.1"));
  EXPECT_TRUE(limiter.Allow("10.0.0.2")) << "each address has its own bucket";
}

}  // namespace
}  // namespace dvld::http
