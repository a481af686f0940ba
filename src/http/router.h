// Routes: method + path pattern with {parameters}, the permission each one needs, and its handler.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/principal.h"
#include "http/message.h"

namespace dvld::http {

// What a route requires of the caller.
namespace access {
inline constexpr std::string_view kPublic = "";              // anyone, no sign-in
inline constexpr std::string_view kSignedIn = "@signed-in";  // any signed-in user
}  // namespace access

struct Context {
  const Request& request;
  std::map<std::string, std::string> params;  // path parameters by name
  std::optional<app::Principal> principal;    // set for every route that is not public

  const std::string& Param(const std::string& name) const { return params.at(name); }
};

using Handler = std::function<Response(Context&)>;

struct Route {
  std::string method;
  std::string pattern;
  std::string permission;  // access::kPublic, access::kSignedIn or a domain permission
  Handler handler;
  bool blocking = false;  // runs on the worker pool (password hashing), not on an I/O thread
  std::size_t max_body = 1024 * 1024;  // larger bodies are refused with 413
  bool idempotent = false;  // honours Idempotency-Key: a repeat with the same key and body gets the first answer
  std::vector<std::string> segments;
};

class Router {
 public:
  // Returns the route so that the caller can adjust it (blocking, max_body); valid until the next Add.
  Route& Add(std::string method, std::string pattern, std::string_view permission, Handler handler,
             bool blocking = false);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed;  // methods the path accepts, when the method did not match
  };
  Match Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace dvld::http
