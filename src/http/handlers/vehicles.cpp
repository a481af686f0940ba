#include "http/dto/common.h"
#include "http/dto/licensing.h"
#include "http/dto/vehicles.h"
#include "http/handlers/handlers.h"
#include "http/handlers/request_helpers.h"
#include "http/problem.h"

namespace dvld::http::handlers {

namespace perm = domain::perm;

namespace {

std::optional<std::int64_t> OptQueryId(const Request& r, const char* name, core::Error& error) {
  auto v = dto::Query(r, name);
  if (!v) return std::nullopt;
  auto id = dto::ReadId(*v, name);
  if (!id) {
    error = id.error();
    return std::nullopt;
  }
  return *id;
}

}  // namespace

void RegisterVehicleRoutes(Router& router, app::VehicleService& svc) {
  router.Add("POST", "/api/v1/vehicles", perm::kVehiclesWrite, [&svc](Context& ctx) {
    return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
      domain::VehicleData v;
      v.vin = in.String("vin", true, 20).value_or("");
      v.make = in.String("make", true, 50).value_or("");
      v.model = in.String("model", true, 50).value_or("");
      v.year = static_cast<int>(in.Int("year", true, 0, 10000).value_or(0));
      v.color = in.String("color", true, 50).value_or("");
      if (auto cc = in.Int("engineCc", false, 0, 100000)) v.engine_cc = static_cast<int>(*cc);
      v.electric = in.Bool("electric", false).value_or(false);
      v.fuel = in.String("fuel", false, 20).value_or(v.electric ? "electric" : "");
      v.seats = static_cast<int>(in.Int("seats", true, 0, 1000).value_or(0));
      v.weight_kg = static_cast<int>(in.Int("weightKg", true, 0, 1000000).value_or(0));
      v.category = in.String("category", true, 20).value_or("");
      v.owner_person_id = in.Int("ownerPersonId", true, 1).value_or(0);
      auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
      if (!in.ok()) return Problem(in.error());
      auto r = svc.Register(*ctx.principal, std::move(v), payment);
      if (!r) return Problem(r.error());
      return JsonOk(dto::VehicleJson(*r), 201);
    });
  }).idempotent = true;

  router.Add("GET", "/api/v1/vehicles", perm::kVehiclesRead, [&svc](Context& ctx) {
    auto page = dto::ReadPage(ctx.request, 20);
    if (!page) return Problem(page.error());
    core::Error error;
    auto owner = OptQueryId(ctx.request, "ownerPersonId", error);
    if (!error.slug.empty()) return Problem(error);
    auto r = svc.Search(dto::Query(ctx.request, "q").value_or(""), owner, *page);
    if (!r) return Problem(r.error());
    return JsonOk(dto::PageJson(*r, dto::VehicleSummaryJson));
  });

  router.Add("GET", "/api/v1/vehicles/{id}", perm::kVehiclesRead, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      auto r = svc.Get(id);
      if (!r) return Problem(r.error());
      return JsonOk(dto::VehicleJson(*r));
    });
  });

  router.Add("POST", "/api/v1/vehicles/{id}/insurance", perm::kInsuranceWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
        app::InsuranceRecord p;
        p.insurer = in.String("insurer", true, 100).value_or("");
        p.policy_number = in.String("policyNumber", true, 50).value_or("");
        p.start_date = in.String("startDate", true, 20).value_or("");
        p.end_date = in.String("endDate", true, 20).value_or("");
        p.insured_person_id = in.Int("insuredPersonId", true, 1).value_or(0);
        if (!in.ok()) return Problem(in.error());
        auto r = svc.AddInsurance(*ctx.principal, id, p);
        if (!r) return Problem(r.error());
        return JsonOk(dto::InsuranceJson(*r), 201);
      });
    });
  });

  router.Add("POST", "/api/v1/vehicles/{id}/inspections", perm::kInspectionsWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
        app::InspectionRecord i;
        i.centre = in.String("centre", true, 100).value_or("");
        i.date = in.String("date", true, 20).value_or("");
        i.passed = in.Bool("passed", true).value_or(false);
        i.odometer_km = in.Int("odometerKm", true).value_or(0);
        i.notes = in.String("notes", false, 1000).value_or("");
        if (!in.ok()) return Problem(in.error());
        auto r = svc.AddInspection(*ctx.principal, id, i);
        if (!r) return Problem(r.error());
        return JsonOk(dto::InspectionJson(*r), 201);
      });
    });
  });

  router.Add("POST", "/api/v1/vehicles/{id}/renew", perm::kVehiclesWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
        auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
        if (!in.ok()) return Problem(in.error());
        auto r = svc.Renew(*ctx.principal, id, payment);
        if (!r) return Problem(r.error());
        return JsonOk(dto::VehicleJson(*r));
      });
    });
  }).idempotent = true;

  router.Add("POST", "/api/v1/vehicles/{id}/transfers", perm::kVehiclesWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
        auto buyer = in.Int("buyerPersonId", true, 1);
        if (!in.ok()) return Problem(in.error());
        auto r = svc.StartTransfer(*ctx.principal, id, *buyer);
        if (!r) return Problem(r.error());
        return JsonOk(dto::TransferJson(*r), 201);
      });
    });
  });

  router.Add("POST", "/api/v1/transfers/{id}/accept", perm::kVehiclesWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
        auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
        if (!in.ok()) return Problem(in.error());
        auto r = svc.AcceptTransfer(*ctx.principal, id, payment);
        if (!r) return Problem(r.error());
        return JsonOk(dto::TransferJson(*r));
      });
    });
  }).idempotent = true;

  router.Add("POST", "/api/v1/vehicles/{id}/liens", perm::kVehiclesWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
        auto holder = in.String("holder", true, 100);
        auto amount = in.Int("amount", true);
        if (!in.ok()) return Problem(in.error());
        auto r = svc.PlaceLien(*ctx.principal, id, *holder, *amount);
        if (!r) return Problem(r.error());
        return JsonOk(dto::LienJson(*r), 201);
      });
    });
  });

  router.Add("POST", "/api/v1/vehicles/{id}/seizures", perm::kLicensesDetain, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
        auto authority = in.String("authority", true, 100);
        auto reason = in.String("reason", true, 500);
        if (!in.ok()) return Problem(in.error());
        auto r = svc.PlaceSeizure(*ctx.principal, id, *authority, *reason);
        if (!r) return Problem(r.error());
        return JsonOk(dto::SeizureJson(*r), 201);
      });
    });
  });

  router.Add("POST", "/api/v1/liens/{id}/lift", perm::kVehiclesWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      if (auto ok = svc.LiftLien(*ctx.principal, id); !ok) return Problem(ok.error());
      return Response::NoContent();
    });
  });

  router.Add("POST", "/api/v1/seizures/{id}/lift", perm::kLicensesDetain, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      if (auto ok = svc.LiftSeizure(*ctx.principal, id); !ok) return Problem(ok.error());
      return Response::NoContent();
    });
  });

  auto paid_service = [&router, &svc](const char* pattern, auto call) {
    router.Add("POST", pattern, perm::kVehiclesWrite, [&svc, call](Context& ctx) {
      return WithId(ctx, [&](std::int64_t id) {
        return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
          auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
          if (!in.ok()) return Problem(in.error());
          auto r = call(svc, *ctx.principal, id, payment);
          if (!r) return Problem(r.error());
          return JsonOk(dto::VehicleJson(*r));
        });
      });
    }).idempotent = true;
  };
  paid_service("/api/v1/vehicles/{id}/plate", [](app::VehicleService& s, const app::Principal& who, std::int64_t id,
                                                 const std::optional<app::PaymentInput>& p) { return s.ReplacePlate(who, id, p); });
  paid_service("/api/v1/vehicles/{id}/deregister", [](app::VehicleService& s, const app::Principal& who, std::int64_t id,
                                                      const std::optional<app::PaymentInput>& p) { return s.Deregister(who, id, p); });

  router.Add("PUT", "/api/v1/violation-types/{id}", perm::kReferenceManage, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
        app::ViolationType t;
        t.id = id;
        t.name_ar = in.String("nameAr", true, 200).value_or("");
        t.name_en = in.String("nameEn", true, 200).value_or("");
        t.fine_fils = in.Int("fine", true).value_or(0);
        t.points = static_cast<int>(in.Int("points", true, -1000, 1000).value_or(0));
        if (!in.ok()) return Problem(in.error());
        auto r = svc.UpdateViolationType(*ctx.principal, t);
        if (!r) return Problem(r.error());
        return JsonOk(dto::ViolationTypeJson(*r));
      });
    });
  });

  router.Add("GET", "/api/v1/violation-types", perm::kReferenceRead, [&svc](Context&) {
    boost::json::array out;
    for (const auto& t : svc.ViolationTypes()) out.push_back(dto::ViolationTypeJson(t));
    return JsonOk(out);
  });

  router.Add("POST", "/api/v1/violations", perm::kViolationsWrite, [&svc](Context& ctx) {
    return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
      app::NewViolation v;
      v.type_code = in.String("violationType", true, 50).value_or("");
      v.license_id = in.Int("licenseId", false, 1);
      v.vehicle_id = in.Int("vehicleId", false, 1);
      v.place = in.String("place", true, 200).value_or("");
      v.occurred_at = in.String("occurredAt", true, 40).value_or("");
      v.notes = in.String("notes", false, 1000).value_or("");
      if (!in.ok()) return Problem(in.error());
      auto r = svc.RecordViolation(*ctx.principal, v);
      if (!r) return Problem(r.error());
      return JsonOk(dto::ViolationJson(*r), 201);
    });
  });

  router.Add("GET", "/api/v1/violations", perm::kViolationsRead, [&svc](Context& ctx) {
    auto page = dto::ReadPage(ctx.request, 20);
    if (!page) return Problem(page.error());
    core::Error error;
    auto person = OptQueryId(ctx.request, "personId", error);
    auto vehicle = OptQueryId(ctx.request, "vehicleId", error);
    if (!error.slug.empty()) return Problem(error);
    auto r = svc.ListViolations(person, vehicle, dto::Query(ctx.request, "status"), *page);
    if (!r) return Problem(r.error());
    return JsonOk(dto::PageJson(*r, dto::ViolationJson));
  });

  router.Add("GET", "/api/v1/violations/{id}", perm::kViolationsRead, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      auto r = svc.GetViolation(id);
      if (!r) return Problem(r.error());
      return JsonOk(dto::ViolationJson(*r));
    });
  });

  router.Add("POST", "/api/v1/violations/{id}/dispute", perm::kApplicationsWrite, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      auto r = svc.Dispute(*ctx.principal, id);
      if (!r) return Problem(r.error());
      return JsonOk(dto::ViolationJson(*r));
    });
  });

  router.Add("POST", "/api/v1/violations/{id}/decision", perm::kViolationsDecide, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
        auto upheld = in.Bool("upheld", true);
        if (!in.ok()) return Problem(in.error());
        auto r = svc.Decide(*ctx.principal, id, *upheld);
        if (!r) return Problem(r.error());
        return JsonOk(dto::ViolationJson(*r));
      });
    });
  });

  router.Add("GET", "/api/v1/people/{id}/points", perm::kLicensesRead, [&svc](Context& ctx) {
    return WithId(ctx, [&](std::int64_t id) {
      auto r = svc.Points(id);
      if (!r) return Problem(r.error());
      return JsonOk(dto::PointsJson(id, *r));
    });
  });
}

}  // namespace dvld::http::handlers
