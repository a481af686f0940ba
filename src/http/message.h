// The HTTP request and response as the rest of http/ sees them: plain structs, so that only the
// server (server/) compiles Boost.Beast.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dvld::http {

struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: path and query
  std::string path;    // decoded path without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::string remote_ip;
  std::string request_id;

  std::string_view Header(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string route;  // the route pattern that answered, for logs and metrics

  void SetHeader(std::string name, std::string value);
  static Response Json(int status, std::string body);
  static Response NoContent();
};

}  // namespace dvld::http
