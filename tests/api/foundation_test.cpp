// The foundation's HTTP behaviour: system routes, problem+json for every failure, limits, static
// web app, security headers, sign-in and sessions. Runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "api/api_env.h"

namespace dvld::test {
namespace {

Api& api() { return Api::Get(); }

void ExpectProblem(const HttpResult& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
  auto v = r.Json();
  ASSERT_TRUE(v.is_object()) << r.body;
  EXPECT_EQ(v.at("code"), code.c_str()) << r.body;
  EXPECT_EQ(v.at("status").to_number<int>(), status);
  EXPECT_TRUE(v.as_object().contains("title"));
  EXPECT_TRUE(v.as_object().contains("type"));
  EXPECT_EQ(v.at("requestId"), r.Header("x-request-id").c_str());
}

TEST(System, HealthAnswersWithoutSignIn) {
  auto r = api().Call("GET", "/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json().at("status"), "ok");
  EXPECT_TRUE(r.Json().as_object().contains("version"));
  EXPECT_EQ(r.Header("content-type"), "application/json");
}

TEST(System, ReadyWhenTheDatabaseIsMigrated) {
  auto r = api().Call("GET", "/api/v1/ready");
  EXPECT_EQ(r.status, 200) << r.body;
}

// On PostgreSQL a read transaction's BEGIN rides with its first statement and its COMMIT is not
// waited for; the connection must stay usable through every sequence a unit of work can produce.
TEST(System, AConnectionSurvivesReadsThatFailAndWritesAfterReads) {
  auto conn = api().db().Acquire();
  for (int round = 0; round < 2; ++round) {
    conn->Begin(false);
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM license_classes").Int(0, 0), 7);
    conn->Commit();
    conn->Begin(false);  // a read that runs nothing
    conn->Commit();
    conn->Begin(false);  // a read whose first statement fails
    EXPECT_THROW(conn->Query("SELECT nothing FROM no_such_table"), storage::DbError);
    conn->Rollback();
    conn->Begin(false);  // a read left without COMMIT
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM test_types").Int(0, 0), 3);
    conn->Rollback();
    conn->Begin(true);  // a write right after a read
    EXPECT_EQ(conn->Execute("UPDATE counters SET value = value WHERE name = 'receipt'"), 1);
    conn->Commit();
    conn->Begin(false);
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM counters WHERE name = 'receipt'").Int(0, 0), 1);
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM test_types").Int(0, 0), 3);
    conn->Commit();
    EXPECT_TRUE(conn->Healthy());
  }
  EXPECT_EQ(conn->Query("SELECT 1 + 1").Int(0, 0), 2);  // outside a transaction
}

// Most reads let their unit of work go without COMMIT; on PostgreSQL that ROLLBACK is not waited
// for either. It must still end the read's snapshot: the next read sees what was committed since.
TEST(System, AReadLeftWithoutCommitEndsItsSnapshot) {
  auto reader = api().db().Acquire();
  auto writer = api().db().Acquire();
  const auto value = [&] { return reader->Query("SELECT value FROM counters WHERE name = 'receipt'").Int(0, 0); };
  for (int round = 0; round < 3; ++round) {
    reader->Begin(false);
    const auto before = value();
    writer->Begin(true);
    EXPECT_EQ(writer->Execute("UPDATE counters SET value = value + 1 WHERE name = 'receipt'"), 1);
    writer->Commit();
    EXPECT_EQ(value(), before);  // the same snapshot within the read
    reader->Rollback();
    reader->Rollback();  // a second Rollback (a unit of work's destructor after an explicit one)
    reader->Begin(false);
    EXPECT_EQ(value(), before + 1);
    if (round == 1) {
      reader->Commit();
    } else {
      reader->Rollback();
    }
  }
  EXPECT_TRUE(reader->Healthy());
}

TEST(System, ServesTheOpenApiDocument) {
  auto r = api().Call("GET", "/api/v1/openapi.yaml");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.rfind("openapi: 3", 0), 0u);
}

TEST(System, MetricsCountRequestsByRouteAndStatus) {
  api().Call("GET", "/api/v1/health");
  auto r = api().Call("GET", "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(R"(dvld_http_requests_total{route="/api/v1/health",method="GET",status="200"})"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("dvld_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(r.body.find("dvld_db_connections_open"), std::string::npos);
  EXPECT_NE(r.body.find("# TYPE dvld_db_log_syncs_total counter"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("dvld_db_write_units_total"), std::string::npos);
}

TEST(Middleware, EveryAnswerHasARequestIdAndSecurityHeaders) {
  for (const char* target : {"/api/v1/health", "/api/v1/nowhere", "/", "/people"}) {
    auto r = api().Call("GET", target);
    EXPECT_EQ(r.Header("x-request-id").size(), 16u) << target;
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.Header("x-frame-options"), "DENY") << target;
    EXPECT_NE(r.Header("content-security-policy").find("default-src 'self'"), std::string::npos) << target;
    EXPECT_EQ(r.Header("referrer-policy"), "no-referrer") << target;
  }
  auto api_answer = api().Call("GET", "/api/v1/health");
  EXPECT_EQ(api_answer.Header("cache-control"), "no-store");
}

TEST(Middleware, KeepsASaneIncomingRequestIdAndReplacesOthers) {
  auto r = api().Call("GET", "/api/v1/health", "", {{"X-Request-Id", "counter-7.abc"}});
  EXPECT_EQ(r.Header("x-request-id"), "counter-7.abc");
  r = api().Call("GET", "/api/v1/health", "", {{"X-Request-Id", "bad id with spaces"}});
  EXPECT_EQ(r.Header("x-request-id").size(), 16u);
}

TEST(Problems, UnknownRouteIs404) {
  ExpectProblem(api().Call("GET", "/api/v1/no-such-thing"), 404, "route-not-found");
  ExpectProblem(api().Call("POST", "/api/v2/health"), 404, "route-not-found");
}

TEST(Problems, WrongMethodIs405WithAllow) {
  auto r = api().Call("DELETE", "/api/v1/health");
  ExpectProblem(r, 405, "method-not-allowed");
  EXPECT_EQ(r.Header("allow"), "GET");
  r = api().Call("GET", "/api/v1/auth/login");
  ExpectProblem(r, 405, "method-not-allowed");
  EXPECT_EQ(r.Header("allow"), "POST");
}

TEST(Problems, MalformedJsonIs400) {
  ExpectProblem(api().Call("POST", "/api/v1/auth/login", "{\"username\":"), 400, "malformed-json");
  ExpectProblem(api().Call("POST", "/api/v1/auth/login", "[1,2,3]"), 400, "body-not-object");
  ExpectProblem(api().Call("POST", "/api/v1/auth/login", std::string(5000, '[')), 400, "malformed-json");
}

TEST(Problems, WrongFieldTypesAre422NamingTheFieldAndRule) {
  auto r = api().Call("POST", "/api/v1/auth/login", R"({"username": 42, "password": ["x"]})");
  ExpectProblem(r, 422, "validation-failed");
  auto errors = r.Json().at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field"), "username");
  EXPECT_EQ(errors[0].at("rule"), "type");
  EXPECT_EQ(errors[1].at("field"), "password");
  r = api().Call("POST", "/api/v1/auth/login", R"({"username": "admin"})");
  ExpectProblem(r, 422, "validation-failed");
  EXPECT_EQ(r.Json().at("errors").at(0).at("field"), "password");
  EXPECT_EQ(r.Json().at("errors").at(0).at("rule"), "required");
}

TEST(Limits, OversizedBodyIs413) {
  auto r = api().Call("POST", "/api/v1/auth/login", std::string(1024 * 1024 + 1, 'x'));
  EXPECT_EQ(r.status, 413) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
}

TEST(Limits, BodiesOverWhatTheServerTakesAtAllAre413) {
  auto r = api().Call("POST", "/api/v1/people", std::string(3 * 1024 * 1024 + 1, 'x'));
  EXPECT_EQ(r.status, 413) << r.body.substr(0, 200);
}

TEST(Limits, OversizedHeadersAre431) {
  auto raw = api().Raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 431", 0), 0u) << raw.substr(0, 200);
}

TEST(Limits, MalformedHttpIs400AndNeverCrashes) {
  auto raw = api().Raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw.substr(0, 200);
  raw = api().Raw("GET /api/v1/health HTTP/1.1\r\nContent-Length: nope\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw.substr(0, 200);
  // Still serving afterwards.
  EXPECT_EQ(api().Call("GET", "/api/v1/health").status, 200);
}

TEST(Server, KeepsConnectionsAliveForSeveralRequests) {
  auto raw = api().Raw(
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::size_t count = 0;
  for (auto pos = raw.find("HTTP/1.1 200"); pos != std::string::npos; pos = raw.find("HTTP/1.1 200", pos + 1)) ++count;
  EXPECT_EQ(count, 3u) << raw;
}

TEST(Server, HeadAnswersHeadersWithoutABody) {
  auto r = api().Call("HEAD", "/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
  EXPECT_NE(r.Header("content-length"), "0");
}

TEST(WebApp, ServesIndexForClientRoutesAndAssetsWithLongCache) {
  auto r = api().Call("GET", "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<div id=root>"), std::string::npos);
  EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.Header("cache-control"), "no-cache");
  r = api().Call("GET", "/people/42?tab=record");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<div id=root>"), std::string::npos);
  r = api().Call("GET", "/assets/app-123.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(api().Call("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(api().Call("POST", "/people").status, 405);
}

TEST(WebApp, CannotClimbOutOfItsFolder) {
  for (const char* target :
       {"/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/assets/..%2f..%2fapi.db", "/%2e%2e/%2e%2e/etc/passwd"}) {
    auto r = api().Call("GET", target);
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " " << r.status;
  }
}

TEST(Auth, SignInSetsAStrictHttpOnlyCookieAndReturnsTheUser) {
  auto r = api().Call("POST", "/api/v1/auth/login",
                      boost::json::object{{"username", "admin"}, {"password", kAdminPassword}}, "");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.Json();
  const std::string token(body.at("token").as_string());
  EXPECT_GE(token.size(), 40u);
  EXPECT_EQ(body.at("user").at("username"), "admin");
  EXPECT_EQ(body.at("user").at("role"), "administrator");
  EXPECT_FALSE(body.at("user").at("permissions").as_array().empty());
  const auto cookie = r.Header("set-cookie");
  EXPECT_EQ(cookie.rfind("dvld_session=" + token + ";", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);

  auto me = api().Call("GET", "/api/v1/auth/me", "", {{"Cookie", "dvld_session=" + token}});
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json().at("user").at("username"), "admin");
  me = api().Call("GET", "/api/v1/auth/me", "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(me.status, 200) << me.body;
}

TEST(Auth, WrongPasswordOrUnknownUserIs401WithTheSameAnswer) {
  auto wrong = api().Call("POST", "/api/v1/auth/login",
                          boost::json::object{{"username", "admin"}, {"password", "nope-nope-1"}}, "");
  ExpectProblem(wrong, 401, "invalid-credentials");
  auto unknown = api().Call("POST", "/api/v1/auth/login",
                            boost::json::object{{"username", "ghost"}, {"password", "nope-nope-1"}}, "");
  ExpectProblem(unknown, 401, "invalid-credentials");
  EXPECT_EQ(wrong.Json().at("detail"), unknown.Json().at("detail"));
  EXPECT_TRUE(wrong.Header("set-cookie").empty());
}

TEST(Auth, MeWithoutOrWithABadTokenIs401) {
  ExpectProblem(api().Call("GET", "/api/v1/auth/me"), 401, "not-signed-in");
  ExpectProblem(api().Call("GET", "/api/v1/auth/me", "", {{"Authorization", "Bearer forged"}}), 401, "not-signed-in");
  ExpectProblem(api().Call("GET", "/api/v1/auth/me", "", {{"Cookie", "dvld_session=forged"}}), 401, "not-signed-in");
}

TEST(Auth, LogoutEndsTheSessionAndClearsTheCookie) {
  const auto token = api().Login("admin", kAdminPassword);
  ASSERT_FALSE(token.empty());
  auto r = api().Call("POST", "/api/v1/auth/logout", "", {{"Cookie", "dvld_session=" + token}});
  EXPECT_EQ(r.status, 204);
  EXPECT_NE(r.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  ExpectProblem(api().Call("GET", "/api/v1/auth/me", "", {{"Cookie", "dvld_session=" + token}}), 401, "not-signed-in");
}

TEST(Auth, TheTokenIsStoredOnlyAsAHash) {
  const auto token = api().Login("admin", kAdminPassword);
  auto conn = api().db().Acquire();
  auto rows = conn->Query("SELECT COUNT(*) FROM sessions WHERE token_hash = $1", {token});
  EXPECT_EQ(rows.Int(0, 0), 0);
}

TEST(Auth, ConcurrentSignInsAllSucceed) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      auto r = api().Call("POST", "/api/v1/auth/login",
                          boost::json::object{{"username", "admin"}, {"password", kAdminPassword}}, "");
      if (r.status == 200) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 6);
}

TEST(Robustness, RandomBodiesNeverProduceA500) {
  std::mt19937 rng(20261128);
  const std::vector<std::string> seeds = {R"({"username":"admin","password":"x"})",
                                          R"({"username":null})",
                                          "{}",
                                          R"({"username":"\u0000","password":"\ud800"})",
                                          "null",
                                          "1e999",
                                          R"({"username":"admin","password":"x","extra":{"a":[1,2,{"b":null}]}})"};
  for (int i = 0; i < 60; ++i) {
    std::string body = seeds[static_cast<std::size_t>(i) % seeds.size()];
    if (i >= static_cast<int>(seeds.size())) {
      for (int k = 0; k < 3 && !body.empty(); ++k) {
        body[rng() % body.size()] = static_cast<char>(rng() % 256);
      }
    }
    for (const char* target : {"/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/auth/me"}) {
      auto r = api().Call("POST", target, body);
      EXPECT_LT(r.status, 500) << target << " " << body << " -> " << r.body;
    }
  }
}

}  // namespace
}  // namespace dvld::test
