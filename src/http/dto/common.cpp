#include "http/dto/common.h"

#include <charconv>

namespace dvld::http::dto {

namespace {
std::optional<std::int64_t> ToInt(const std::string& s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}
}  // namespace

std::optional<std::string> Query(const Request& request, const char* name) {
  auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

core::Result<app::PageRequest> ReadPage(const Request& request, int default_size) {
  app::PageRequest page;
  page.page_size = default_size;
  if (auto p = Query(request, "page")) {
    auto v = ToInt(*p);
    if (!v || *v < 1 || *v > 1'000'000) return core::Error::Invalid("page", "range", "page is a whole number from 1.");
    page.page = static_cast<int>(*v);
  }
  if (auto p = Query(request, "pageSize")) {
    auto v = ToInt(*p);
    if (!v || *v < 1 || *v > 200) return core::Error::Invalid("pageSize", "range", "pageSize is from 1 to 200.");
    page.page_size = static_cast<int>(*v);
  }
  return page;
}

core::Result<std::int64_t> ReadId(const std::string& text, const char* name) {
  auto v = ToInt(text);
  if (!v || *v < 1) {
    return core::Error{core::ErrorCode::kMalformed, "invalid-id", std::string(name) + " must be a positive integer.",
                       {{name, "positive-integer", std::string(name) + " must be a positive integer."}}};
  }
  return *v;
}

core::Result<std::optional<bool>> ReadFlag(const Request& request, const char* name) {
  auto v = Query(request, name);
  if (!v) return std::optional<bool>{};
  if (*v == "true") return std::optional<bool>{true};
  if (*v == "false") return std::optional<bool>{false};
  return core::Error::Invalid(name, "boolean", std::string(name) + " is true or false.");
}

boost::json::value OptString(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return boost::json::value(*v);
}

boost::json::value OptInt(const std::optional<std::int64_t>& v) {
  if (!v) return nullptr;
  return boost::json::value(*v);
}

boost::json::value OptTime(const std::optional<core::SysTime>& v) {
  if (!v) return nullptr;
  return boost::json::value(core::FormatTimestamp(*v));
}

}  // namespace dvld::http::dto
