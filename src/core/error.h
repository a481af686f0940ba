// Errors as values: what a use case answers when it refuses. Knows nothing of HTTP; http/ maps
// ErrorCode to a status in one place.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace dvld::core {

enum class ErrorCode {
  kMalformed,         // the request cannot be read (bad JSON, bad query)
  kInvalidArgument,   // a field breaks a rule of its own (format, range, required)
  kUnauthenticated,   // no valid credentials
  kPermissionDenied,  // signed in but not allowed
  kNotFound,          // no such record
  kConflict,          // a rule of the domain refuses it in the current state
  kTooLarge,          // body or upload over the limit
  kRateLimited,       // too many attempts
  kUnavailable,       // a dependency (database) is not available now
  kInternal,          // a bug
};

// One offending field and the rule it broke, e.g. {"nationalNo", "required"}.
struct FieldError {
  std::string field;
  std::string rule;
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string slug;     // stable machine code, e.g. "license-not-expired"
  std::string message;  // human detail
  std::vector<FieldError> fields;

  static Error Invalid(std::string field, std::string rule, std::string message) {
    Error e{ErrorCode::kInvalidArgument, "validation-failed", "A field is invalid.", {}};
    e.fields.push_back({std::move(field), std::move(rule), std::move(message)});
    return e;
  }
  static Error Of(ErrorCode code, std::string slug, std::string message) {
    return Error{code, std::move(slug), std::move(message), {}};
  }
};

}  // namespace dvld::core
