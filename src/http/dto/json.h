// Reading JSON request bodies into typed fields, collecting every invalid field as a 422 problem
// (field and rule named), and writing JSON answers.
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace dvld::http::dto {

// The body must be one JSON object; anything else is a 400 (malformed-json / body-not-object).
core::Result<boost::json::object> ParseObject(const std::string& body);

// Reads fields of one object; each failed field adds to a single validation error.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& obj) : obj_(obj) {}

  // Required strings must be present and non-empty after trimming; max_len counts bytes.
  std::optional<std::string> String(std::string_view name, bool required, std::size_t max_len = 200);
  std::optional<std::int64_t> Int(std::string_view name, bool required, std::int64_t min = INT64_MIN,
                                  std::int64_t max = INT64_MAX);
  std::optional<bool> Bool(std::string_view name, bool required);
  bool Has(std::string_view name) const { return obj_.contains(name); }

  void Fail(std::string field, std::string rule, std::string message);
  bool ok() const { return error_.fields.empty(); }
  const core::Error& error() const { return error_; }

 private:
  const boost::json::object& obj_;
  core::Error error_{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
};

std::string Serialize(const boost::json::value& v);

}  // namespace dvld::http::dto
