// JSON as the API writes and reads it: licence and person answers (DTO + serialisation), request
// bodies parsed and read field by field as the handlers do, and problem+json answers.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>

#include "fixtures.h"
#include "http/dto/common.h"
#include "http/dto/json.h"
#include "http/dto/licensing.h"
#include "http/dto/people.h"
#include "http/handlers/handlers.h"
#include "http/problem.h"

namespace dvld::bench {
namespace {

namespace json = boost::json;

// ---- licence ----

// The DTO and its serialisation: what GET /api/v1/licenses/{id} spends once the record is loaded.
void BM_LicenseJson_Encode(benchmark::State& state) {
  const auto view = app::ViewOf(SampleLicense(), Today());
  for (auto _ : state) {
    auto body = http::dto::Serialize(http::dto::LicenseJson(view));
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_LicenseJson_Encode);

// A detained licence carries its detention object too.
void BM_LicenseJson_EncodeDetained(benchmark::State& state) {
  auto record = SampleLicense();
  record.detained = true;
  auto view = app::ViewOf(record, Today());
  view.detention =
      app::DetentionRecord{9021, record.id,    "2026-11-20", 150000,      "Driving at 140 km/h in a 90 zone",
                           31,   std::nullopt, std::nullopt, std::nullopt};
  for (auto _ : state) {
    auto body = http::dto::Serialize(http::dto::LicenseJson(view));
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_LicenseJson_EncodeDetained);

// The whole answer from the record: status rule (ViewOf), DTO, serialisation, Response.
void BM_LicenseResponse_FromRecord(benchmark::State& state) {
  const auto record = SampleLicense();
  const auto today = Today();
  for (auto _ : state) {
    auto response = http::handlers::JsonOk(http::dto::LicenseJson(app::ViewOf(record, today)));
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_LicenseResponse_FromRecord);

// A client (or the web app's contract test) reading a licence answer back.
void BM_LicenseJson_Decode(benchmark::State& state) {
  const auto body = http::dto::Serialize(http::dto::LicenseJson(app::ViewOf(SampleLicense(), Today())));
  for (auto _ : state) {
    auto obj = http::dto::ParseObject(body);
    http::dto::FieldReader in(*obj);
    auto id = in.Int("id", true, 1);
    auto number = in.String("number", true, 20);
    auto person = in.Int("personId", true, 1);
    auto name_en = in.String("personNameEn", true, 400);
    auto name_ar = in.String("personNameAr", true, 400);
    auto cls = in.Int("licenseClassId", true, 1);
    auto issue = in.String("issueDate", true, 10);
    auto expiry = in.String("expiryDate", true, 10);
    auto status = in.String("status", true, 20);
    auto lost = in.Bool("lost", true);
    if (!in.ok()) state.SkipWithError("licence answer did not read back");
    benchmark::DoNotOptimize(id);
    benchmark::DoNotOptimize(number);
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(name_en);
    benchmark::DoNotOptimize(name_ar);
    benchmark::DoNotOptimize(cls);
    benchmark::DoNotOptimize(issue);
    benchmark::DoNotOptimize(expiry);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(lost);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_LicenseJson_Decode);

// POST /api/v1/licenses/{id}/detain: {"fine", "reason"}.
void BM_DetainRequest_Decode(benchmark::State& state) {
  const std::string body = R"({"fine": 150000, "reason": "Driving at 140 km/h in a 90 zone"})";
  for (auto _ : state) {
    auto obj = http::dto::ParseObject(body);
    http::dto::FieldReader in(*obj);
    auto fine = in.Int("fine", true);
    auto reason = in.String("reason", true, 500);
    if (!in.ok()) state.SkipWithError("detain body did not read");
    benchmark::DoNotOptimize(fine);
    benchmark::DoNotOptimize(reason);
  }
}
BENCHMARK(BM_DetainRequest_Decode);

// POST /api/v1/licenses/{id}/renew with an inline payment.
void BM_RenewRequest_Decode(benchmark::State& state) {
  const std::string body = R"({"payment": {"method": "cash"}})";
  for (auto _ : state) {
    auto obj = http::dto::ParseObject(body);
    http::dto::FieldReader in(*obj);
    auto payment = http::dto::ReadPayment(in, *obj, std::string("5d0c7e3a-renew-120934"));
    if (!in.ok() || !payment) state.SkipWithError("renew body did not read");
    benchmark::DoNotOptimize(payment);
  }
}
BENCHMARK(BM_RenewRequest_Decode);

// ---- person ----

// GET /api/v1/people/{id}: bilingual names, full names built, timestamps formatted.
void BM_PersonJson_Encode(benchmark::State& state) {
  const auto person = SamplePerson();
  for (auto _ : state) {
    auto body = http::dto::Serialize(http::dto::PersonJson(person));
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_PersonJson_Encode);

// GET /api/v1/people?q=...: one page of 20 people (the default page size).
void BM_PeoplePageJson_Encode(benchmark::State& state) {
  app::Page<domain::Person> page;
  page.page_size = 20;
  page.total = 1843;
  for (int i = 0; i < 20; ++i) {
    auto p = SamplePerson();
    p.id += i;
    page.items.push_back(std::move(p));
  }
  for (auto _ : state) {
    auto body = http::dto::Serialize(http::dto::PageJson(page, http::dto::PersonJson));
    benchmark::DoNotOptimize(body);
  }
  state.SetItemsProcessed(state.iterations() * 20);
}
BENCHMARK(BM_PeoplePageJson_Encode);

// POST /api/v1/people: parse the body and read every field, as the handler does (validation apart).
void BM_PersonRequest_Decode(benchmark::State& state) {
  auto obj = http::dto::PersonJson(SamplePerson());
  for (const char* k :
       {"id", "fullNameAr", "fullNameEn", "deceased", "hasPhoto", "photoUrl", "createdAt", "updatedAt"}) {
    obj.erase(k);
  }
  obj["phone"] = "079 123-4567";
  const auto body = http::dto::Serialize(obj);
  for (auto _ : state) {
    auto parsed = http::dto::ParseObject(body);
    http::dto::FieldReader in(*parsed);
    auto data = http::dto::ReadPersonData(in);
    if (!in.ok()) state.SkipWithError("person body did not read");
    benchmark::DoNotOptimize(data);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_PersonRequest_Decode);

// ---- problem+json ----

// A 422 naming three fields, as a rejected registration form gets.
void BM_Problem_Validation(benchmark::State& state) {
  core::Error error{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  error.fields.push_back({"nationalNo", "format", "The national number has exactly 10 digits."});
  error.fields.push_back({"firstNameAr", "arabic-letters", "firstNameAr must be written in Arabic letters."});
  error.fields.push_back({"phone", "e164", "The phone number is in international form, e.g. +962791234567."});
  const std::string request_id = "3f9a1c0b7d2e4a58";
  for (auto _ : state) {
    auto response = http::Problem(error, request_id);
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_Problem_Validation);

// A 409 from a rule (no fields), the most common refusal.
void BM_Problem_Conflict(benchmark::State& state) {
  for (auto _ : state) {
    auto response =
        http::Problem(core::ErrorCode::kConflict, "license-detained", "A detained licence cannot be renewed.");
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_Problem_Conflict);

}  // namespace
}  // namespace dvld::bench
