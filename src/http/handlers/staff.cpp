#include "http/dto/common.h"
#include "http/dto/json.h"
#include "http/dto/users.h"
#include "http/handlers/handlers.h"
#include "http/problem.h"

namespace dvld::http::handlers {

namespace perm = domain::perm;

void RegisterStaffRoutes(Router& router, app::StaffService& staff, app::ApiKeyService& keys) {
  router.Add("GET", "/api/v1/users", perm::kUsersRead, [&staff](Context& ctx) {
    auto page = dto::ReadPage(ctx.request);
    if (!page) return Problem(page.error());
    app::UserFilter filter;
    filter.q = dto::Query(ctx.request, "q").value_or("");
    if (auto role = dto::Query(ctx.request, "role")) {
      filter.role = domain::ParseRole(*role);
      if (!filter.role) return Problem(core::Error::Invalid("role", "one-of", "Unknown role."));
    }
    if (auto branch = dto::Query(ctx.request, "branchId")) {
      auto id = dto::ReadId(*branch, "branchId");
      if (!id) return Problem(id.error());
      filter.branch_id = *id;
    }
    auto active = dto::ReadFlag(ctx.request, "active");
    if (!active) return Problem(active.error());
    filter.active = *active;
    auto result = staff.List(filter, *page);
    if (!result) return Problem(result.error());
    return JsonOk(dto::PageJson(*result, dto::UserJson));
  });

  router.Add(
      "POST", "/api/v1/users", perm::kUsersManage,
      [&staff](Context& ctx) {
        auto body = dto::ParseObject(ctx.request.body);
        if (!body) return Problem(body.error());
        dto::FieldReader in(*body);
        app::NewStaffAccount input;
        input.username = in.String("username", true, 64).value_or("");
        input.password = in.String("password", true, 1024).value_or("");
        input.role = in.String("role", true, 32).value_or("");
        input.branch_id = in.Int("branchId", true, 1).value_or(0);
        input.person_id = in.Int("personId", false, 1);
        if (!in.ok()) return Problem(in.error());
        auto user = staff.Create(*ctx.principal, input);
        if (!user) return Problem(user.error());
        return JsonOk(dto::UserJson(*user), 201);
      })
      .blocking = true;

  router.Add("GET", "/api/v1/users/{id}", perm::kUsersRead, [&staff](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto user = staff.Get(*id);
    if (!user) return Problem(user.error());
    return JsonOk(dto::UserJson(*user));
  });

  router.Add("PATCH", "/api/v1/users/{id}", perm::kUsersManage, [&staff](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto body = dto::ParseObject(ctx.request.body);
    if (!body) return Problem(body.error());
    dto::FieldReader in(*body);
    app::StaffPatch patch;
    if (in.Has("role")) patch.role = in.String("role", true, 32);
    if (in.Has("branchId")) patch.branch_id = in.Int("branchId", true, 1);
    if (in.Has("active")) patch.active = in.Bool("active", true);
    if (in.Has("personId")) patch.person_id = in.Int("personId", false, 1);
    if (!in.ok()) return Problem(in.error());
    auto user = staff.Update(*ctx.principal, *id, patch);
    if (!user) return Problem(user.error());
    return JsonOk(dto::UserJson(*user));
  });

  router.Add(
      "POST", "/api/v1/users/{id}/reset-password", perm::kUsersManage,
      [&staff](Context& ctx) {
        auto id = dto::ReadId(ctx.Param("id"));
        if (!id) return Problem(id.error());
        auto body = dto::ParseObject(ctx.request.body);
        if (!body) return Problem(body.error());
        dto::FieldReader in(*body);
        auto password = in.String("password", true, 1024);
        if (!in.ok()) return Problem(in.error());
        if (auto ok = staff.ResetPassword(*ctx.principal, *id, *password); !ok) return Problem(ok.error());
        return Response::NoContent();
      })
      .blocking = true;

  router.Add("POST", "/api/v1/users/{id}/unlock", perm::kUsersManage, [&staff](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    if (auto ok = staff.Unlock(*ctx.principal, *id); !ok) return Problem(ok.error());
    return Response::NoContent();
  });

  router.Add("GET", "/api/v1/api-keys", perm::kApiKeysManage, [&keys](Context&) {
    boost::json::array items;
    for (const auto& k : keys.List()) items.push_back(dto::ApiKeyJson(k));
    return JsonOk(items);
  });

  router.Add("POST", "/api/v1/api-keys", perm::kApiKeysManage, [&keys](Context& ctx) {
    auto body = dto::ParseObject(ctx.request.body);
    if (!body) return Problem(body.error());
    dto::FieldReader in(*body);
    auto name = in.String("name", true, 100);
    auto scope = in.String("scope", true, 32);
    if (!in.ok()) return Problem(in.error());
    auto created = keys.Create(*ctx.principal, *name, *scope);
    if (!created) return Problem(created.error());
    auto out = dto::ApiKeyJson(created->record);
    out["key"] = created->key;
    return JsonOk(out, 201);
  });

  router.Add("POST", "/api/v1/api-keys/{id}/revoke", perm::kApiKeysManage, [&keys](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    if (auto ok = keys.Revoke(*ctx.principal, *id); !ok) return Problem(ok.error());
    return Response::NoContent();
  });
}

}  // namespace dvld::http::handlers
