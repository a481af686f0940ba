#include "api/api_env.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/api_key_service.h"
#include "app/auth_service.h"
#include "app/licensing_service.h"
#include "app/people_service.h"
#include "app/reference_service.h"
#include "app/setup_service.h"
#include "app/staff_service.h"
#include "app/vehicle_service.h"
#include "core/crypto.h"
#include "core/date.h"
#include "http/http_app.h"
#include "http/server/server.h"
#include "media/gd_image_processor.h"
#include "storage/migrations.h"
#include "storage/pg_connection.h"
#include "storage/sql_store.h"

namespace dvld::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

boost::json::value HttpResult::Json() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec) ADD_FAILURE() << "not JSON: " << body;
  return v;
}

std::string HttpResult::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

struct Api::Impl {
  std::filesystem::path dir;
  std::string url;
  std::string pg_admin_url, pg_db;
  core::ManualClock clock{core::SystemClock().Now()};
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<storage::SqlStore> store;
  std::unique_ptr<app::AuthService> auth;
  media::GdImageProcessor images;
  std::unique_ptr<app::PeopleService> people;
  std::unique_ptr<app::StaffService> staff;
  std::unique_ptr<app::ReferenceService> reference;
  std::unique_ptr<app::ApiKeyService> api_keys;
  std::unique_ptr<app::AuditService> audit;
  std::unique_ptr<app::LicensingService> licensing;
  std::unique_ptr<app::VehicleService> vehicles;
  std::unique_ptr<http::HttpApp> app;
  std::unique_ptr<http::Server> server;
};

Api& Api::Get() {
  static Api api;
  return api;
}

storage::Database& Api::db() { return *impl_->db; }
const http::Router& Api::router() { return impl_->app->router(); }
core::ManualClock& Api::clock() { return impl_->clock; }

std::string Api::FreshDatabaseUrl() {
  auto& s = *impl_;
  if (!s.pg_admin_url.empty()) {
    const auto name = "dvld_api_" + core::RandomHex(6);
    storage::OpenPostgres(s.pg_admin_url)->ExecuteScript("CREATE DATABASE " + name);
    return s.pg_admin_url.substr(0, s.pg_admin_url.rfind('/') + 1) + name;
  }
  return "sqlite:" + (s.dir / ("extra-" + core::RandomHex(4) + ".db")).string();
}

std::int64_t Api::RegisterPerson(const std::string& date_of_birth) {
  static std::atomic<int> n{0};
  const auto no =
      "8" + std::to_string(100000000 + (std::stoul(core::RandomHex(3), nullptr, 16) * 37 + n++) % 899999999);
  boost::json::object body{{"nationalNo", no.substr(0, 10)}, {"firstNameAr", "سامي"},        {"secondNameAr", "خالد"},
                           {"lastNameAr", "النسور"},         {"firstNameEn", "Sami"},        {"secondNameEn", "Khaled"},
                           {"lastNameEn", "Al-Nsour"},       {"dateOfBirth", date_of_birth}, {"gender", "male"},
                           {"nationalityCode", "JO"}};
  auto r = Call("POST", "/api/v1/people", boost::json::value(body), AdminToken());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json().at("id").as_int64() : 0;
}

std::string Api::Today() { return core::Date::Today(impl_->clock).ToString(); }

std::string Api::CreateUser(const std::string& username, const std::string& role, const std::string& password) {
  auto r = Call("POST", "/api/v1/users",
                boost::json::object{{"username", username}, {"password", password}, {"role", role}, {"branchId", 1}},
                AdminToken());
  EXPECT_EQ(r.status, 201) << r.body;
  return Login(username, password);
}
std::string Api::DbUrl() const { return impl_->url; }

void Api::Start() {
  core::InitCrypto();
  impl_ = std::make_shared<Impl>();
  auto& s = *impl_;
  const char* which = std::getenv("DVLD_TEST_DB");
  if (which && std::string(which) == "postgres") {
    const char* state = std::getenv("DVLD_TEST_PG_STATE");
    ASSERT_TRUE(state) << "DVLD_TEST_PG_STATE is not set";
    std::ifstream in(std::filesystem::path(state) / "url");
    std::getline(in, s.pg_admin_url);
    ASSERT_FALSE(s.pg_admin_url.empty()) << "no PostgreSQL test cluster: scripts/pg-test-cluster start";
    s.pg_db = "dvld_api_" + core::RandomHex(6);
    storage::OpenPostgres(s.pg_admin_url)->ExecuteScript("CREATE DATABASE " + s.pg_db);
    s.url = s.pg_admin_url.substr(0, s.pg_admin_url.rfind('/') + 1) + s.pg_db;
  } else {
    s.dir = std::filesystem::temp_directory_path() / ("dvld-api-" + core::RandomHex(6));
    s.url = "sqlite:" + (s.dir / "api.db").string();
  }
  std::cerr << "[api] database " << storage::DatabaseUrl::Redact(s.url) << "\n";
  s.db = std::make_unique<storage::Database>(s.url, 24);
  storage::Migrate(*s.db);
  s.store = std::make_unique<storage::SqlStore>(*s.db);
  auto admin = app::SetupService(*s.store, s.clock).EnsureAdministrator(std::string(kAdminPassword));
  ASSERT_TRUE(admin);
  s.auth = std::make_unique<app::AuthService>(*s.store, s.clock);
  s.people = std::make_unique<app::PeopleService>(*s.store, s.clock, s.images);
  s.staff = std::make_unique<app::StaffService>(*s.store, s.clock, &s.auth->sessions());
  s.reference = std::make_unique<app::ReferenceService>(*s.store, s.clock);
  s.api_keys = std::make_unique<app::ApiKeyService>(*s.store, s.clock);
  s.audit = std::make_unique<app::AuditService>(*s.store);
  s.licensing = std::make_unique<app::LicensingService>(*s.store, s.clock);
  s.vehicles = std::make_unique<app::VehicleService>(*s.store, s.clock);

  http::HttpAppConfig cfg;
  s.dir = s.dir.empty() ? std::filesystem::temp_directory_path() / ("dvld-api-" + core::RandomHex(6)) : s.dir;
  std::filesystem::create_directories(s.dir / "web" / "assets");
  std::ofstream(s.dir / "web" / "index.html") << "<!doctype html><title>dvld</title><div id=root></div>";
  std::ofstream(s.dir / "web" / "assets" / "app-123.js") << "console.log('dvld')";
  cfg.web_root = s.dir / "web";
  cfg.openapi_yaml = "openapi: 3.0.3\n";
  cfg.log_requests = false;
  cfg.login_burst = 1e6;  // every test signs in from 127.0.0.1; the limiter has its own test
  s.app =
      std::make_unique<http::HttpApp>(cfg, http::Services{*s.auth, *s.store, *s.people, *s.staff, *s.reference,
                                                          *s.api_keys, *s.audit, *s.licensing, *s.vehicles, s.clock});
  http::ServerConfig server_cfg;
  server_cfg.port = 0;
  server_cfg.threads = 2;
  server_cfg.max_body_bytes = 3 * 1024 * 1024;
  server_cfg.max_connections = 64;
  auto* app = s.app.get();
  s.server = std::make_unique<http::Server>(server_cfg, [app](auto req, auto done) { app->Handle(req, done); });
  port_ = s.server->Start();
}

void Api::Stop() {
  if (!impl_) return;
  auto& s = *impl_;
  s.server->Stop();
  s.server.reset();
  s.app.reset();
  s.vehicles.reset();
  s.licensing.reset();
  s.audit.reset();
  s.api_keys.reset();
  s.reference.reset();
  s.staff.reset();
  s.people.reset();
  s.auth.reset();
  s.store.reset();
  s.db.reset();
  if (!s.pg_db.empty()) {
    storage::OpenPostgres(s.pg_admin_url)->ExecuteScript("DROP DATABASE IF EXISTS " + s.pg_db + " WITH (FORCE)");
  }
  std::error_code ec;
  if (!s.dir.empty()) std::filesystem::remove_all(s.dir, ec);
  impl_.reset();
}

HttpResult Api::Call(const std::string& method, const std::string& target, const std::string& body,
                     const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  stream.expires_after(std::chrono::seconds(30));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  if (method == "GET" && body.empty()) req.content_length(boost::none);
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  bhttp::read(stream, buffer, parser);
  auto res = parser.release();
  HttpResult out;
  out.status = static_cast<int>(res.result_int());
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto& slot = out.headers[name];
    slot = slot.empty() ? std::string(f.value()) : slot + "\n" + std::string(f.value());
  }
  out.body = res.body();
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return out;
}

HttpResult Api::Call(const std::string& method, const std::string& target, const boost::json::value& body,
                     const std::string& token) {
  std::map<std::string, std::string> headers;
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  return Call(method, target, body.is_null() ? std::string() : boost::json::serialize(body), headers);
}

std::string Api::Raw(const std::string& bytes) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  net::write(socket, net::buffer(bytes));
  socket.shutdown(tcp::socket::shutdown_send);
  std::string out;
  beast::error_code ec;
  char buf[4096];
  for (;;) {
    const auto n = socket.read_some(net::buffer(buf), ec);
    out.append(buf, n);
    if (ec) break;
  }
  return out;
}

std::string Api::Login(const std::string& username, const std::string& password) {
  auto r = Call("POST", "/api/v1/auth/login", boost::json::object{{"username", username}, {"password", password}}, "");
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return {};
  return std::string(r.Json().at("token").as_string());
}

std::string Api::AdminToken() {
  if (admin_token_.empty()) admin_token_ = Login("admin", kAdminPassword);
  return admin_token_;
}

}  // namespace dvld::test

namespace {
class ApiEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { dvld::test::Api::Get().Start(); }
  void TearDown() override { dvld::test::Api::Get().Stop(); }
};
}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new ApiEnvironment);
  return RUN_ALL_TESTS();
}
