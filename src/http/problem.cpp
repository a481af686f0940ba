#include "http/problem.h"

#include <boost/json.hpp>

namespace dvld::http {

int StatusOf(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
    case ErrorCode::kMalformed: return 400;
    case ErrorCode::kInvalidArgument: return 422;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

namespace {
const char* TitleOf(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 401: return "Not signed in";
    case 403: return "Not allowed";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 409: return "Not possible now";
    case 413: return "Request too large";
    case 422: return "Invalid input";
    case 429: return "Too many requests";
    case 503: return "Service unavailable";
    default: return "Internal error";
  }
}
}  // namespace

Response ProblemWithStatus(int status, const core::Error& error, const std::string& request_id) {
  boost::json::object body;
  body["type"] = "https://dvld.example/problems/" + error.slug;
  body["title"] = TitleOf(status);
  body["status"] = status;
  body["code"] = error.slug;
  body["detail"] = error.message;
  if (!error.fields.empty()) {
    boost::json::array errors;
    for (const auto& f : error.fields) {
      errors.push_back(boost::json::object{{"field", f.field}, {"rule", f.rule}, {"message", f.message}});
    }
    body["errors"] = std::move(errors);
  }
  if (!request_id.empty()) body["requestId"] = request_id;
  Response r = Response::Json(status, boost::json::serialize(body));
  r.content_type = "application/problem+json";
  return r;
}

Response Problem(const core::Error& error, const std::string& request_id) {
  return ProblemWithStatus(StatusOf(error.code), error, request_id);
}

Response Problem(core::ErrorCode code, std::string slug, std::string detail) {
  return Problem(core::Error::Of(code, std::move(slug), std::move(detail)));
}

}  // namespace dvld::http
