// Shared request/response pieces: paging, path ids, query flags.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "app/ports/store.h"
#include "core/result.h"
#include "http/message.h"

namespace dvld::http::dto {

// ?page=1&pageSize=50 (pageSize at most 200); a 422 naming the parameter otherwise.
core::Result<app::PageRequest> ReadPage(const Request& request, int default_size = 50);
// A positive integer id from a path parameter; a 400 "invalid-id" otherwise.
core::Result<std::int64_t> ReadId(const std::string& text, const char* name = "id");
// ?name=true|false
core::Result<std::optional<bool>> ReadFlag(const Request& request, const char* name);
std::optional<std::string> Query(const Request& request, const char* name);

template <typename T, typename F>
boost::json::object PageJson(const app::Page<T>& page, F&& to_json) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(to_json(item));
  return {{"items", std::move(items)},
          {"page", page.page},
          {"pageSize", page.page_size},
          {"total", page.total},
          {"totalExact", page.total_exact}};
}

boost::json::value OptString(const std::optional<std::string>& v);
boost::json::value OptInt(const std::optional<std::int64_t>& v);
boost::json::value OptTime(const std::optional<core::SysTime>& v);

}  // namespace dvld::http::dto
