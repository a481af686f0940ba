// Small helpers shared by the route handlers: reading a body that may be empty, a path id, and the
// Idempotency-Key that goes with inline payments.
#pragma once
#include <optional>
#include <string>

#include "http/dto/common.h"
#include "http/dto/json.h"
#include "http/problem.h"
#include "http/router.h"

namespace dvld::http::handlers {

inline std::optional<std::string> IdempotencyKey(const Request& r) {
  const auto key = r.Header("Idempotency-Key");
  if (key.empty()) return std::nullopt;
  return std::string(key.substr(0, 200));
}

// Parses the body (an empty body is {}), then runs `fn` with the reader and the object.
template <typename F>
Response WithBody(Context& ctx, F&& fn) {
  auto body = dto::ParseObject(ctx.request.body.empty() ? std::string("{}") : ctx.request.body);
  if (!body) return Problem(body.error());
  dto::FieldReader in(*body);
  return fn(in, *body);
}

// Reads the {id} path parameter, then runs `fn` with it.
template <typename F>
Response WithId(Context& ctx, F&& fn) {
  auto id = dto::ReadId(ctx.Param("id"));
  if (!id) return Problem(id.error());
  return fn(*id);
}

}  // namespace dvld::http::handlers
