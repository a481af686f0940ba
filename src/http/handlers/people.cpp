#include "http/dto/common.h"
#include "http/dto/people.h"
#include "http/handlers/handlers.h"
#include "http/problem.h"

namespace dvld::http::handlers {

namespace perm = domain::perm;

void RegisterPeopleRoutes(Router& router, app::PeopleService& people) {
  router.Add("GET", "/api/v1/people", perm::kPeopleRead, [&people](Context& ctx) {
    auto page = dto::ReadPage(ctx.request, 20);
    if (!page) return Problem(page.error());
    app::PeopleQuery query;
    query.q = dto::Query(ctx.request, "q").value_or("");
    query.sort = dto::Query(ctx.request, "sort").value_or("name");
    query.page = *page;
    auto result = people.Search(query);
    if (!result) return Problem(result.error());
    return JsonOk(dto::PageJson(*result, dto::PersonJson));
  });

  router.Add("POST", "/api/v1/people", perm::kPeopleWrite, [&people](Context& ctx) {
    auto body = dto::ParseObject(ctx.request.body);
    if (!body) return Problem(body.error());
    dto::FieldReader in(*body);
    auto data = dto::ReadPersonData(in);
    if (!in.ok()) return Problem(in.error());
    auto person = people.Register(*ctx.principal, std::move(data));
    if (!person) return Problem(person.error());
    Response r = JsonOk(dto::PersonJson(*person), 201);
    r.SetHeader("Location", "/api/v1/people/" + std::to_string(person->id));
    return r;
  });

  router.Add("GET", "/api/v1/people/by-national-no/{nationalNo}", perm::kPeopleRead, [&people](Context& ctx) {
    auto person = people.GetByNationalNo(ctx.Param("nationalNo"));
    if (!person) return Problem(person.error());
    return JsonOk(dto::PersonJson(*person));
  });

  router.Add("GET", "/api/v1/people/{id}", perm::kPeopleRead, [&people](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto person = people.Get(*id);
    if (!person) return Problem(person.error());
    return JsonOk(dto::PersonJson(*person));
  });

  router.Add("PATCH", "/api/v1/people/{id}", perm::kPeopleWrite, [&people](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto body = dto::ParseObject(ctx.request.body);
    if (!body) return Problem(body.error());
    dto::FieldReader in(*body);
    auto patch = dto::ReadPersonPatch(in);
    if (!in.ok()) return Problem(in.error());
    auto person = people.Update(*ctx.principal, *id, patch);
    if (!person) return Problem(person.error());
    return JsonOk(dto::PersonJson(*person));
  });

  auto& upload = router.Add("PUT", "/api/v1/people/{id}/photo", perm::kPeopleWrite, [&people](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto person = people.SetPhoto(*ctx.principal, *id, ctx.request.body);
    if (!person) return Problem(person.error());
    return JsonOk(dto::PersonJson(*person));
  });
  upload.max_body = app::PeopleService::kMaxPhotoBytes;
  upload.blocking = true;  // decoding and resizing take a few milliseconds

  router.Add("DELETE", "/api/v1/people/{id}/photo", perm::kPeopleWrite, [&people](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    if (auto ok = people.RemovePhoto(*ctx.principal, *id); !ok) return Problem(ok.error());
    return Response::NoContent();
  });

  router.Add("GET", "/api/v1/people/{id}/photo", perm::kPeopleRead, [&people](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    const auto size = dto::Query(ctx.request, "size").value_or("full");
    if (size != "full" && size != "thumb") return Problem(core::Error::Invalid("size", "one-of", "size is full or thumb."));
    auto bytes = people.GetPhoto(*id, size == "thumb");
    if (!bytes) return Problem(bytes.error());
    Response r;
    r.content_type = "image/jpeg";
    r.body = std::move(*bytes);
    r.SetHeader("Cache-Control", "private, no-cache");
    return r;
  });
}

}  // namespace dvld::http::handlers
