// The one place that turns a core::Error into an HTTP status and an RFC 9457 problem+json body.
#pragma once
#include "core/error.h"
#include "http/message.h"

namespace dvld::http {

int StatusOf(core::ErrorCode code);
Response Problem(const core::Error& error, const std::string& request_id = {});
// For statuses no ErrorCode stands for (405).
Response ProblemWithStatus(int status, const core::Error& error, const std::string& request_id = {});
// Shorthand for problems raised by http/ itself (unknown route, bad JSON ...).
Response Problem(core::ErrorCode code, std::string slug, std::string detail);

}  // namespace dvld::http
