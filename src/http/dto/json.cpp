#include "http/dto/json.h"

namespace dvld::http::dto {

core::Result<boost::json::object> ParseObject(const std::string& body) {
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 32;
  auto value = boost::json::parse(body, ec, {}, opts);
  if (ec) {
    return core::Error::Of(core::ErrorCode::kMalformed, "malformed-json", "The request body is not valid JSON.");
  }
  if (!value.is_object()) {
    return core::Error::Of(core::ErrorCode::kMalformed, "body-not-object", "The request body must be a JSON object.");
  }
  return std::move(value.as_object());
}

void FieldReader::Fail(std::string field, std::string rule, std::string message) {
  error_.fields.push_back({std::move(field), std::move(rule), std::move(message)});
}

std::optional<std::string> FieldReader::String(std::string_view name, bool required, std::size_t max_len) {
  const auto* v = obj_.if_contains(name);
  const std::string field(name);
  if (!v || v->is_null()) {
    if (required) Fail(field, "required", field + " is required.");
    return std::nullopt;
  }
  if (!v->is_string()) {
    Fail(field, "type", field + " must be a string.");
    return std::nullopt;
  }
  std::string s(v->as_string());
  const auto first = s.find_first_not_of(" \t\r\n");
  s = first == std::string::npos ? std::string() : s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
  if (s.empty()) {
    if (required) Fail(field, "required", field + " is required.");
    return std::nullopt;
  }
  if (s.size() > max_len) {
    Fail(field, "max-length", field + " is too long (at most " + std::to_string(max_len) + " bytes).");
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> FieldReader::Int(std::string_view name, bool required, std::int64_t min,
                                             std::int64_t max) {
  const auto* v = obj_.if_contains(name);
  const std::string field(name);
  if (!v || v->is_null()) {
    if (required) Fail(field, "required", field + " is required.");
    return std::nullopt;
  }
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v->as_uint64());
  } else {
    Fail(field, "type", field + " must be a whole number.");
    return std::nullopt;
  }
  if (n < min || n > max) {
    Fail(field, "range", field + " is out of range.");
    return std::nullopt;
  }
  return n;
}

std::optional<bool> FieldReader::Bool(std::string_view name, bool required) {
  const auto* v = obj_.if_contains(name);
  const std::string field(name);
  if (!v || v->is_null()) {
    if (required) Fail(field, "required", field + " is required.");
    return std::nullopt;
  }
  if (!v->is_bool()) {
    Fail(field, "type", field + " must be true or false.");
    return std::nullopt;
  }
  return v->as_bool();
}

std::string Serialize(const boost::json::value& v) { return boost::json::serialize(v); }

}  // namespace dvld::http::dto
