// The composition root: reads configuration, opens the store, wires services and either serves
// HTTP or runs a command (init, migrate, version). The only place that sees storage and http.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <pthread.h>
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "app/api_key_service.h"
#include "app/auth_service.h"
#include "app/licensing_service.h"
#include "app/people_service.h"
#include "app/reference_service.h"
#include "app/setup_service.h"
#include "app/staff_service.h"
#include "app/vehicle_service.h"
#include "cli/demo_data.h"
#include "cli/generate.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/embedded.h"
#include "core/version.h"
#include "http/http_app.h"
#include "http/server/server.h"
#include "media/gd_image_processor.h"
#include "storage/audit_verify.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sql_store.h"

namespace dvld::cli {
std::vector<core::EmbeddedFile> OpenApiDocument();  // generated from docs/openapi.yaml
}

namespace {

using namespace dvld;

struct Options {
  std::string db = "sqlite:var/dvld.db";
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;
  int write_threads = -1;  // -1: WriteThreads() chooses by database
  std::string web_root = "web/dist";
  std::string port_file;
  std::string log_level = "info";
  bool secure_cookies = false;
  bool demo = false;
  std::string admin_password;
  // Jordan keeps UTC+3 all year (since October 2022): the department's day starts at 21:00 UTC.
  std::string utc_offset = "+03:00";
};

// Sets the department's UTC offset on the clock; false (with a message) when it is not "+HH:MM".
bool ConfigureClock(const Options& o, core::Clock& clock) {
  std::chrono::minutes offset{};
  if (!core::ParseUtcOffset(o.utc_offset, offset)) {
    std::cerr << "error: --utc-offset must be +HH:MM or -HH:MM between -12:00 and +14:00, e.g. +03:00\n";
    return false;
  }
  clock.SetUtcOffset(offset);
  return true;
}

void SetUpLogging(const std::string& level) {
  auto logger = spdlog::stdout_logger_mt("dvld");
  logger->set_pattern("%v");
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
}

bool ParseListen(const std::string& listen, http::ServerConfig& cfg) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  cfg.host = listen.substr(0, colon);
  if (cfg.host.size() > 2 && cfg.host.front() == '[' && cfg.host.back() == ']')
    cfg.host = cfg.host.substr(1, cfg.host.size() - 2);
  if (cfg.host.empty() || cfg.host == "localhost") cfg.host = "127.0.0.1";
  try {
    const int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) return false;
    cfg.port = static_cast<std::uint16_t>(port);
  } catch (...) {
    return false;
  }
  return true;
}

// On SQLite a write thread does not wait for its commit's fsync (HttpApp answers once the batch is
// durable), and the one writer runs units one at a time: a few threads keep it busy, and more only
// hand the writer from thread to thread (measured in docs/performance.md). On PostgreSQL each
// write request holds its thread and a server connection until its COMMIT returns, so 16.
unsigned WriteThreads(const storage::DatabaseUrl& url, int configured) {
  if (configured >= 0) return static_cast<unsigned>(configured);
  return url.dialect == storage::Dialect::kSqlite ? 8u : 16u;
}

// Reads run on the I/O threads. On SQLite a read is a call into the library on that thread, so one
// thread per core. On PostgreSQL the thread waits for the server's answer, the core sits idle
// meanwhile, and two threads kept a 2-core machine 81% busy; four a core kept it busy and read
// 30-40% more (docs/performance.md, "PostgreSQL").
unsigned IoThreads(const storage::DatabaseUrl& url, unsigned configured) {
  if (configured > 0) return configured;
  const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  return url.dialect == storage::Dialect::kSqlite ? cores : 4 * cores;
}

std::size_t PoolSize(const storage::DatabaseUrl& url, unsigned threads, unsigned write_threads) {
  // One connection per I/O thread, sign-in worker and write worker (http::HttpAppConfig), plus one
  // spare; on SQLite the group committer has its own writer connection besides these. On
  // PostgreSQL a pooler (pgbouncer) sits in front at national scale.
  (void)url;
  return threads + 3 + write_threads;
}

int RunMigrate(const Options& o) {
  storage::Database db(o.db, 1);
  const auto report = storage::Migrate(db);
  std::cout << "schema at version " << report.to_version;
  if (report.applied.empty()) std::cout << " (already up to date)";
  std::cout << "\n";
  for (const auto& name : report.applied) std::cout << "  applied " << name << "\n";
  return 0;
}

int RunInit(const Options& o) {
  storage::Database db(o.db, 2);
  const auto report = storage::Migrate(db);
  std::cout << "database " << storage::DatabaseUrl::Redact(o.db) << ": schema at version " << report.to_version
            << (report.applied.empty() ? " (already up to date)" : "") << "\n";
  storage::SqlStore store(db);
  core::SystemClock clock;
  if (!ConfigureClock(o, clock)) return 2;
  app::SetupService setup(store, clock);
  std::optional<std::string> password;
  if (!o.admin_password.empty()) password = o.admin_password;
  auto admin = setup.EnsureAdministrator(password);
  if (!admin) {
    std::cerr << "error: " << admin.error().message;
    for (const auto& f : admin.error().fields) std::cerr << " " << f.field << ": " << f.message;
    std::cerr << "\n";
    return 2;
  }
  if (admin->created && !admin->password.empty()) {
    std::cout << "\n  administrator created: user name 'admin', password '" << admin->password << "'\n"
              << "  (shown only this once; set DVLD_ADMIN_PASSWORD to choose it instead)\n\n";
  } else if (admin->created) {
    std::cout << "administrator 'admin' created with the password from DVLD_ADMIN_PASSWORD\n";
  } else {
    std::cout << "administrator 'admin' already exists\n";
  }
  if (o.demo) {
    media::GdImageProcessor images;
    app::PeopleService people(store, clock, images);
    const int added = cli::LoadDemoData(people);
    std::cout << (added > 0 ? "demo data: added " + std::to_string(added) + " people\n"
                            : std::string("demo data: the registry already has people; nothing added\n"));
  }
  return 0;
}

int RunAuditVerify(const Options& o) {
  storage::Database db(o.db, 1);
  const auto result = storage::VerifyAuditChain(db);
  if (result.ok) {
    std::cout << "audit trail intact: " << result.entries << " entries, every link verified\n";
    return 0;
  }
  std::cout << "audit trail BROKEN at entry " << result.broken_seq << ": " << result.reason << "\n"
            << "(" << result.entries << " entries before it verified)\n";
  return 3;
}

int RunServe(const Options& o) {
  http::ServerConfig server_cfg;
  if (!ParseListen(o.listen, server_cfg)) {
    std::cerr << "error: --listen must be HOST:PORT, e.g. 127.0.0.1:8080\n";
    return 2;
  }
  server_cfg.threads = o.threads;

  // Block SIGINT/SIGTERM in every thread; the main thread waits for them with sigwait.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SetUpLogging(o.log_level);
  const auto url = storage::DatabaseUrl::Parse(o.db);
  const unsigned threads = IoThreads(url, o.threads);
  server_cfg.threads = threads;
  const unsigned write_threads = WriteThreads(url, o.write_threads);
  storage::Database db(o.db, PoolSize(url, threads, write_threads));
  {
    auto conn = db.Acquire();
    const int have = storage::CurrentSchemaVersion(*conn);
    const int want = storage::LatestSchemaVersion(db.dialect());
    if (have != want) {
      std::cerr << "error: the database schema is at version " << have << ", this dvld needs " << want
                << ": run `dvld init --db ...` or `dvld migrate --db ...` first\n";
      return 2;
    }
  }
  storage::SqlStore store(db);
  core::SystemClock clock;
  if (!ConfigureClock(o, clock)) return 2;
  app::AuthService auth(store, clock);
  media::GdImageProcessor images;
  app::PeopleService people(store, clock, images);
  app::StaffService staff(store, clock, &auth.sessions());
  app::ReferenceService reference(store, clock);
  app::ApiKeyService api_keys(store, clock);
  app::AuditService audit(store);
  app::LicensingService licensing(store, clock);
  app::VehicleService vehicles(store, clock);

  http::HttpAppConfig app_cfg;
  app_cfg.web_root = o.web_root;
  app_cfg.write_threads = write_threads;
  app_cfg.openapi_yaml = std::string(cli::OpenApiDocument().at(0).content);
  app_cfg.secure_cookies = o.secure_cookies;
  app_cfg.log_requests = spdlog::get_level() <= spdlog::level::info;
  http::HttpApp app(app_cfg,
                    http::Services{auth, store, people, staff, reference, api_keys, audit, licensing, vehicles, clock});
  http::Server server(server_cfg, [&app](std::shared_ptr<http::Request> req, std::function<void(http::Response)> done) {
    app.Handle(std::move(req), std::move(done));
  });
  app.metrics().AddGauge("dvld_http_connections_open", "HTTP connections open.",
                         [&server] { return static_cast<double>(server.OpenConnections()); });
  const auto port = server.Start();
  if (!o.port_file.empty()) std::ofstream(o.port_file) << port << "\n";
  spdlog::info(
      R"({{"msg":"dvld {} listening on http://{}:{}","db":"{}","threads":{},"writeThreads":{},"webRoot":"{}","utcOffset":"{}"}})",
      core::kVersion, server_cfg.host, port, storage::DatabaseUrl::Redact(o.db), threads, write_threads, o.web_root,
      core::FormatUtcOffset(clock.UtcOffset()));

  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info(R"({{"msg":"signal {} received: stopping"}})", sig);
  server.Stop();
  spdlog::info(R"({"msg":"stopped"})");  // no arguments: spdlog prints the text as it is
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  core::InitCrypto();
  Options o;
  CLI::App cli{"dvld: the Drivers and Vehicles Licensing platform"};
  cli.require_subcommand(1);
  // DVLD_DB is read here, not with CLI11's envname: several subcommands share o.db, and CLI11 2.1
  // applies an option's environment variable for subcommands that were not chosen as well, which
  // overwrote `serve --db X` with $DVLD_DB.
  if (const char* env = std::getenv("DVLD_DB"); env && *env) o.db = env;
  auto add_db = [&o](CLI::App* cmd) {
    cmd->add_option("--db", o.db,
                    "database URL: sqlite:PATH, sqlite:///ABS/PATH or postgresql://user:pass@host:port/db (default: "
                    "$DVLD_DB)")
        ->capture_default_str();
  };

  auto* serve = cli.add_subcommand("serve", "serve the API and the web app");
  add_db(serve);
  serve->add_option("--listen", o.listen, "HOST:PORT to listen on")->envname("DVLD_LISTEN")->capture_default_str();
  serve->add_option("--threads", o.threads, "I/O threads (0: one per core on SQLite, four per core on PostgreSQL)")
      ->envname("DVLD_THREADS");
  serve
      ->add_option("--write-threads", o.write_threads,
                   "threads that run write requests (default: 8 on SQLite, 16 on PostgreSQL; 0: on the I/O "
                   "threads)")
      ->envname("DVLD_WRITE_THREADS");
  serve->add_option("--web-root", o.web_root, "folder of the built web app")
      ->envname("DVLD_WEB_ROOT")
      ->capture_default_str();
  serve->add_option("--port-file", o.port_file, "write the bound port to this file (for tests with port 0)");
  serve->add_option("--log-level", o.log_level, "trace, debug, info, warn, error")
      ->envname("DVLD_LOG_LEVEL")
      ->capture_default_str();
  auto add_utc_offset = [&o](CLI::App* cmd) {
    cmd->add_option("--utc-offset", o.utc_offset,
                    "the department's time zone as an offset from UTC; its day sets \"today\"")
        ->envname("DVLD_UTC_OFFSET")
        ->capture_default_str();
  };
  add_utc_offset(serve);
  serve->add_flag("--secure-cookies", o.secure_cookies, "mark the session cookie Secure (behind HTTPS)")
      ->envname("DVLD_SECURE_COOKIES");

  auto* init =
      cli.add_subcommand("init", "create or migrate the schema, load reference data, create the administrator");
  add_db(init);
  add_utc_offset(init);
  init->add_flag("--demo", o.demo, "also add sample people to try the system with");
  init->add_option("--admin-password", o.admin_password, "password for 'admin' (generated and printed when absent)")
      ->envname("DVLD_ADMIN_PASSWORD");

  auto* migrate = cli.add_subcommand("migrate", "apply the schema migrations this binary carries");
  add_db(migrate);

  auto* audit = cli.add_subcommand("audit", "the audit trail");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "walk the hash chain and report the first broken link (exit 3)");
  add_db(audit_verify);

  cli::GenerateOptions gen;
  auto* generate = cli.add_subcommand("generate", "write synthetic people, licences and vehicles for benchmarks");
  generate->add_option("--db", gen.db, "database URL")->envname("DVLD_DB")->required();
  generate->add_option("--people", gen.people, "people to add")->capture_default_str();
  generate->add_option("--licenses", gen.licenses, "licences to add")->capture_default_str();
  generate->add_option("--vehicles", gen.vehicles, "vehicles to add")->capture_default_str();
  generate->add_option("--violations", gen.violations, "violations to add (default: a quarter of the licences)");
  generate->add_option("--seed", gen.seed, "random seed (same seed, same data)")->capture_default_str();
  generate->add_option("--batch", gen.batch, "rows per transaction")->capture_default_str();

  auto* version = cli.add_subcommand("version", "print the version");

  CLI11_PARSE(cli, argc, argv);
  try {
    if (*serve) return RunServe(o);
    if (*init) return RunInit(o);
    if (*migrate) return RunMigrate(o);
    if (*audit_verify) return RunAuditVerify(o);
    if (*generate) return cli::Generate(gen);
    if (*version) {
      std::cout << "dvld " << core::kVersion << "\n";
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
