#include "http/router.h"

#include <algorithm>
#include <cstdint>

namespace dvld::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  if (!path.empty() && path.front() == '/') start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Route& Router::Add(std::string method, std::string pattern, std::string_view permission, Handler handler,
                   bool blocking) {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.permission = std::string(permission);
  r.handler = std::move(handler);
  r.blocking = blocking;
  for (auto s : Split(r.pattern)) r.segments.emplace_back(s);
  routes_.push_back(std::move(r));
  return routes_.back();
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  // The most literal match wins: /people/by-national-no/{n} before /people/{id}/{x}.
  Match out;
  std::size_t best_params = SIZE_MAX;
  const auto parts = Split(path);
  auto is_param = [](const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; };
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    // Whether the route matches, before anything is copied: most routes do not.
    std::size_t nparams = 0;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const auto& seg = route.segments[i];
      if (is_param(seg)) {
        ok = !parts[i].empty();
        ++nparams;
      } else {
        ok = seg == parts[i];
      }
    }
    if (!ok) continue;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      if (nparams < best_params) {
        best_params = nparams;
        out.route = &route;
        out.params.clear();
        for (std::size_t i = 0; i < parts.size(); ++i) {
          const auto& seg = route.segments[i];
          if (is_param(seg)) out.params.emplace(seg.substr(1, seg.size() - 2), std::string(parts[i]));
        }
      }
      continue;
    }
    if (std::find(out.allowed.begin(), out.allowed.end(), route.method) == out.allowed.end()) {
      out.allowed.push_back(route.method);
    }
  }
  if (out.route) out.allowed.clear();
  return out;
}

}  // namespace dvld::http
