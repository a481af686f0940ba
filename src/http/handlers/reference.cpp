#include "http/dto/common.h"
#include "http/dto/json.h"
#include "http/dto/users.h"
#include "http/handlers/handlers.h"
#include "http/problem.h"

namespace dvld::http::handlers {

namespace perm = domain::perm;

namespace {
template <typename T, typename F>
Response List(const std::vector<T>& items, F&& to_json) {
  boost::json::array out;
  for (const auto& i : items) out.push_back(to_json(i));
  return JsonOk(out);
}
}  // namespace

void RegisterReferenceRoutes(Router& router, app::ReferenceService& ref, app::AuditService& audit) {
  router.Add("GET", "/api/v1/countries", perm::kReferenceRead,
             [&ref](Context&) { return List(ref.Countries(), dto::CountryJson); });
  router.Add("GET", "/api/v1/branches", perm::kReferenceRead,
             [&ref](Context&) { return List(ref.Branches(), dto::BranchJson); });
  router.Add("GET", "/api/v1/license-classes", perm::kReferenceRead,
             [&ref](Context&) { return List(ref.LicenseClasses(), dto::LicenseClassJson); });
  router.Add("GET", "/api/v1/application-types", perm::kReferenceRead, [&ref](Context&) {
    return List(ref.ApplicationTypes(), [](const app::FeeItem& f) { return dto::FeeItemJson(f, false); });
  });
  router.Add("GET", "/api/v1/test-types", perm::kReferenceRead, [&ref](Context&) {
    return List(ref.TestTypes(), [](const app::FeeItem& f) { return dto::FeeItemJson(f, true); });
  });

  auto read_branch = [](dto::FieldReader& in) {
    app::Branch b;
    b.code = in.String("code", false, 8).value_or("");
    b.name_ar = in.String("nameAr", true, 200).value_or("");
    b.name_en = in.String("nameEn", true, 200).value_or("");
    b.city_ar = in.String("cityAr", true, 100).value_or("");
    b.city_en = in.String("cityEn", true, 100).value_or("");
    b.active = in.Has("active") ? in.Bool("active", true).value_or(true) : true;
    return b;
  };

  router.Add("POST", "/api/v1/branches", perm::kReferenceManage, [&ref, read_branch](Context& ctx) {
    auto body = dto::ParseObject(ctx.request.body);
    if (!body) return Problem(body.error());
    dto::FieldReader in(*body);
    auto branch = read_branch(in);
    if (!in.ok()) return Problem(in.error());
    auto created = ref.CreateBranch(*ctx.principal, branch);
    if (!created) return Problem(created.error());
    return JsonOk(dto::BranchJson(*created), 201);
  });

  router.Add("PUT", "/api/v1/branches/{id}", perm::kReferenceManage, [&ref, read_branch](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto body = dto::ParseObject(ctx.request.body);
    if (!body) return Problem(body.error());
    dto::FieldReader in(*body);
    auto branch = read_branch(in);
    if (!in.ok()) return Problem(in.error());
    branch.id = *id;
    auto updated = ref.UpdateBranch(*ctx.principal, branch);
    if (!updated) return Problem(updated.error());
    return JsonOk(dto::BranchJson(*updated));
  });

  router.Add("PUT", "/api/v1/license-classes/{id}", perm::kReferenceManage, [&ref](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto body = dto::ParseObject(ctx.request.body);
    if (!body) return Problem(body.error());
    dto::FieldReader in(*body);
    app::LicenseClass c;
    c.id = *id;
    c.name_ar = in.String("nameAr", true, 200).value_or("");
    c.name_en = in.String("nameEn", true, 200).value_or("");
    c.minimum_age = static_cast<int>(in.Int("minimumAge", true, 0, 1000).value_or(0));
    c.validity_years = static_cast<int>(in.Int("validityYears", true, 0, 1000).value_or(0));
    c.fee_fils = in.Int("fee", true).value_or(0);
    if (!in.ok()) return Problem(in.error());
    auto updated = ref.UpdateLicenseClass(*ctx.principal, c);
    if (!updated) return Problem(updated.error());
    return JsonOk(dto::LicenseClassJson(*updated));
  });

  auto fee_route = [&router](const char* pattern, auto update, bool with_sequence) {
    router.Add("PUT", pattern, perm::kReferenceManage, [update, with_sequence](Context& ctx) {
      auto id = dto::ReadId(ctx.Param("id"));
      if (!id) return Problem(id.error());
      auto body = dto::ParseObject(ctx.request.body);
      if (!body) return Problem(body.error());
      dto::FieldReader in(*body);
      app::FeeItem item;
      item.id = *id;
      item.name_ar = in.String("nameAr", true, 200).value_or("");
      item.name_en = in.String("nameEn", true, 200).value_or("");
      item.fee_fils = in.Int("fee", true).value_or(0);
      // Tests: appointments per office and day (kept when absent).
      if (with_sequence)
        item.daily_capacity = static_cast<int>(in.Int("dailyCapacity", false, 0, 1000000).value_or(-1));
      if (!in.ok()) return Problem(in.error());
      auto updated = update(*ctx.principal, item);
      if (!updated) return Problem(updated.error());
      return JsonOk(dto::FeeItemJson(*updated, with_sequence));
    });
  };
  fee_route(
      "/api/v1/application-types/{id}",
      [&ref](const app::Principal& who, const app::FeeItem& item) { return ref.UpdateApplicationType(who, item); },
      false);
  fee_route(
      "/api/v1/test-types/{id}",
      [&ref](const app::Principal& who, const app::FeeItem& item) { return ref.UpdateTestType(who, item); }, true);

  router.Add("GET", "/api/v1/audit", perm::kAuditRead, [&audit](Context& ctx) {
    auto page = dto::ReadPage(ctx.request);
    if (!page) return Problem(page.error());
    std::optional<std::int64_t> entity_id;
    if (auto text = dto::Query(ctx.request, "entityId")) {
      auto id = dto::ReadId(*text, "entityId");
      if (!id) return Problem(id.error());
      entity_id = *id;
    }
    auto result = audit.History(dto::Query(ctx.request, "entity").value_or(""), entity_id, *page);
    if (!result) return Problem(result.error());
    return JsonOk(dto::PageJson(*result, dto::AuditJson));
  });
}

}  // namespace dvld::http::handlers
