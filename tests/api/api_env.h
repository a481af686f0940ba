// The API test environment: a real dvld HTTP server in this process on port 0, over a fresh
// database (SQLite in a temporary folder, or a new database in the throwaway PostgreSQL cluster,
// chosen by DVLD_TEST_DB), and a small HTTP client.
#pragma once
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>

#include "core/clock.h"
#include "http/router.h"
#include "storage/database.h"

namespace dvld::test {

inline constexpr const char* kAdminPassword = "Amman#2026pass";

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value Json() const;
  std::string Header(const std::string& lower_name) const;
};

class Api {
 public:
  static Api& Get();
  std::uint16_t port() const { return port_; }
  storage::Database& db();
  const http::Router& router();
  // The server's clock: tests move it (lockout, session expiry).
  core::ManualClock& clock();
  // A new, empty database of the same kind as the suite's (for tests that damage their data).
  std::string FreshDatabaseUrl();
  // Registers a person (through the API, as the administrator) and returns the id.
  std::int64_t RegisterPerson(const std::string& date_of_birth = "1990-05-17");
  // The server's today, YYYY-MM-DD.
  std::string Today();
  // Creates a staff account through the API as the administrator and signs it in.
  std::string CreateUser(const std::string& username, const std::string& role,
                         const std::string& password = "Counter#2026pass");
  std::string DbUrl() const;

  HttpResult Call(const std::string& method, const std::string& target, const std::string& body = {},
                  const std::map<std::string, std::string>& headers = {});
  HttpResult Call(const std::string& method, const std::string& target, const boost::json::value& body,
                  const std::string& token);
  // Sends raw bytes and returns what the server answered (for malformed HTTP).
  std::string Raw(const std::string& bytes);
  // Signs in and returns the token.
  std::string Login(const std::string& username, const std::string& password);
  std::string AdminToken();

  void Start();
  void Stop();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
  std::string admin_token_;
};

}  // namespace dvld::test
