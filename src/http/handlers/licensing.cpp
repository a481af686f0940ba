#include "http/dto/licensing.h"
#include "http/dto/common.h"
#include "http/handlers/handlers.h"
#include "http/handlers/request_helpers.h"
#include "http/problem.h"

namespace dvld::http::handlers {

namespace perm = domain::perm;

namespace {

core::Date Today(const core::Clock& clock) { return core::Date::Today(clock); }

}  // namespace

void RegisterLicensingRoutes(Router& router, app::LicensingService& svc, const core::Clock& clock) {
  auto& clk = clock;
  auto app_answer = [&clk](const core::Result<app::ApplicationView>& r, int status) {
    if (!r) return Problem(r.error());
    return JsonOk(dto::ApplicationJson(*r, Today(clk)), status);
  };

  router
      .Add("POST", "/api/v1/applications/local-license", perm::kApplicationsWrite,
           [&svc, app_answer](Context& ctx) {
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
               auto person = in.Int("personId", true, 1);
               auto cls = in.Int("licenseClassId", true, 1);
               auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
               if (!in.ok()) return Problem(in.error());
               return app_answer(svc.ApplyForNewLicense(*ctx.principal, *person, *cls, payment), 201);
             });
           })
      .idempotent = true;

  router.Add("GET", "/api/v1/applications", perm::kApplicationsRead, [&svc](Context& ctx) {
    auto page = dto::ReadPage(ctx.request, 20);
    if (!page) return Problem(page.error());
    app::ApplicationFilter f;
    f.status = dto::Query(ctx.request, "status");
    f.type_code = dto::Query(ctx.request, "type");
    f.from = dto::Query(ctx.request, "from");
    f.to = dto::Query(ctx.request, "to");
    for (auto [name, slot] : {std::pair{"personId", &f.person_id}, std::pair{"licenseClassId", &f.license_class_id},
                              std::pair{"branchId", &f.branch_id}}) {
      if (auto v = dto::Query(ctx.request, name)) {
        auto id = dto::ReadId(*v, name);
        if (!id) return Problem(id.error());
        *slot = *id;
      }
    }
    auto result = svc.ListApplications(f, *page);
    if (!result) return Problem(result.error());
    return JsonOk(dto::PageJson(*result, dto::ApplicationSummaryJson));
  });

  router.Add("GET", "/api/v1/applications/{id}", perm::kApplicationsRead, [&svc, app_answer](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    return app_answer(svc.GetApplication(*id), 200);
  });

  router.Add("POST", "/api/v1/applications/{id}/cancel", perm::kApplicationsWrite, [&svc, app_answer](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    return app_answer(svc.Cancel(*ctx.principal, *id), 200);
  });

  router
      .Add("POST", "/api/v1/applications/{id}/appointments", perm::kApplicationsWrite,
           [&svc](Context& ctx) {
             auto id = dto::ReadId(ctx.Param("id"));
             if (!id) return Problem(id.error());
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
               auto test = in.String("testType", true, 20);
               auto date = in.String("date", true, 20);
               auto branch = in.Int("branchId", false, 1);
               auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
               if (!in.ok()) return Problem(in.error());
               auto a = svc.ScheduleTest(*ctx.principal, *id, *test, *date, branch, payment);
               if (!a) return Problem(a.error());
               return JsonOk(dto::AppointmentJson(*a), 201);
             });
           })
      .idempotent = true;

  router.Add("POST", "/api/v1/appointments/{id}/result", perm::kTestsRecord, [&svc](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
      auto passed = in.Bool("passed", true);
      auto notes = in.String("notes", false, 1000);
      if (!in.ok()) return Problem(in.error());
      auto a = svc.RecordResult(*ctx.principal, *id, *passed, notes);
      if (!a) return Problem(a.error());
      return JsonOk(dto::AppointmentJson(*a));
    });
  });

  router
      .Add("POST", "/api/v1/applications/{id}/issue", perm::kApplicationsWrite,
           [&svc](Context& ctx) {
             auto id = dto::ReadId(ctx.Param("id"));
             if (!id) return Problem(id.error());
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
               auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
               if (!in.ok()) return Problem(in.error());
               auto l = svc.Issue(*ctx.principal, *id, payment);
               if (!l) return Problem(l.error());
               return JsonOk(dto::LicenseJson(*l), 201);
             });
           })
      .idempotent = true;

  router.Add("GET", "/api/v1/licenses", perm::kLicensesRead, [&svc](Context& ctx) {
    auto page = dto::ReadPage(ctx.request, 20);
    if (!page) return Problem(page.error());
    app::LicenseFilter f;
    f.number = dto::Query(ctx.request, "number");
    for (auto [name, slot] : {std::pair{"personId", &f.person_id}, std::pair{"licenseClassId", &f.license_class_id}}) {
      if (auto v = dto::Query(ctx.request, name)) {
        auto id = dto::ReadId(*v, name);
        if (!id) return Problem(id.error());
        *slot = *id;
      }
    }
    auto result = svc.ListLicenses(f, *page);
    if (!result) return Problem(result.error());
    return JsonOk(dto::PageJson(*result, dto::LicenseJson));
  });

  router.Add("GET", "/api/v1/licenses/by-number/{number}", perm::kLicensesRead, [&svc](Context& ctx) {
    auto l = svc.GetLicenseByNumber(ctx.Param("number"));
    if (!l) return Problem(l.error());
    return JsonOk(dto::LicenseJson(*l));
  });

  router.Add("GET", "/api/v1/licenses/{id}/verification", perm::kLicensesRead, [&svc](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto code = svc.GetVerificationCode(*ctx.principal, *id);
    if (!code) return Problem(code.error());
    return JsonOk(dto::VerificationCodeJson(*code));
  });

  // Public: police, employers and anyone holding the card check a licence at any hour.
  router.Add("GET", "/api/v1/verify/licenses/{number}", access::kPublic, [&svc](Context& ctx) {
    auto v = svc.VerifyLicense(ctx.Param("number"), dto::Query(ctx.request, "code"));
    if (!v) return Problem(v.error());
    auto r = JsonOk(dto::LicenseVerificationJson(*v));
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });

  router.Add("GET", "/api/v1/licenses/{id}", perm::kLicensesRead, [&svc](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto l = svc.GetLicense(*id);
    if (!l) return Problem(l.error());
    return JsonOk(dto::LicenseJson(*l));
  });

  router
      .Add("POST", "/api/v1/licenses/{id}/renew", perm::kApplicationsWrite,
           [&svc, app_answer](Context& ctx) {
             auto id = dto::ReadId(ctx.Param("id"));
             if (!id) return Problem(id.error());
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
               auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
               if (!in.ok()) return Problem(in.error());
               return app_answer(svc.Renew(*ctx.principal, *id, payment), 201);
             });
           })
      .idempotent = true;

  router
      .Add("POST", "/api/v1/licenses/{id}/replace", perm::kApplicationsWrite,
           [&svc, app_answer](Context& ctx) {
             auto id = dto::ReadId(ctx.Param("id"));
             if (!id) return Problem(id.error());
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
               auto reason = in.String("reason", true, 20);
               auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
               if (!in.ok()) return Problem(in.error());
               return app_answer(svc.Replace(*ctx.principal, *id, *reason, payment), 201);
             });
           })
      .idempotent = true;

  router.Add("POST", "/api/v1/licenses/{id}/detain", perm::kLicensesDetain, [&svc](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
      auto fine = in.Int("fine", true);
      auto reason = in.String("reason", true, 500);
      if (!in.ok()) return Problem(in.error());
      auto l = svc.Detain(*ctx.principal, *id, *fine, *reason);
      if (!l) return Problem(l.error());
      return JsonOk(dto::LicenseJson(*l));
    });
  });

  router
      .Add("POST", "/api/v1/licenses/{id}/release", perm::kApplicationsWrite,
           [&svc, app_answer](Context& ctx) {
             auto id = dto::ReadId(ctx.Param("id"));
             if (!id) return Problem(id.error());
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
               auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
               if (!in.ok()) return Problem(in.error());
               return app_answer(svc.Release(*ctx.principal, *id, payment), 201);
             });
           })
      .idempotent = true;

  router
      .Add("POST", "/api/v1/international-permits", perm::kApplicationsWrite,
           [&svc, app_answer](Context& ctx) {
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object& body) {
               auto license = in.Int("licenseId", true, 1);
               auto payment = dto::ReadPayment(in, body, IdempotencyKey(ctx.request));
               if (!in.ok()) return Problem(in.error());
               return app_answer(svc.RequestInternationalPermit(*ctx.principal, *license, payment), 201);
             });
           })
      .idempotent = true;

  router.Add("GET", "/api/v1/international-permits/{id}", perm::kLicensesRead, [&svc, &clk](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto p = svc.GetPermit(*id);
    if (!p) return Problem(p.error());
    return JsonOk(dto::PermitJson(*p, Today(clk)));
  });

  router.Add("GET", "/api/v1/bills/{id}", perm::kApplicationsRead, [&svc](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto b = svc.GetBill(*id);
    if (!b) return Problem(b.error());
    return JsonOk(dto::BillJson(*b));
  });

  router
      .Add("POST", "/api/v1/bills/{id}/payments", perm::kPaymentsCollect,
           [&svc](Context& ctx) {
             auto id = dto::ReadId(ctx.Param("id"));
             if (!id) return Problem(id.error());
             return WithBody(ctx, [&](dto::FieldReader& in, const boost::json::object&) {
               auto method = in.String("method", true, 10);
               if (!in.ok()) return Problem(in.error());
               auto p = svc.PayBill(*ctx.principal, *id, app::PaymentInput{*method, IdempotencyKey(ctx.request)});
               if (!p) return Problem(p.error());
               auto bill = svc.GetBill(p->bill_id);
               return JsonOk(dto::ReceiptJson(*p, bill ? &*bill : nullptr), 201);
             });
           })
      .idempotent = true;

  router.Add("GET", "/api/v1/receipts/{number}", perm::kApplicationsRead, [&svc](Context& ctx) {
    auto p = svc.GetReceipt(ctx.Param("number"));
    if (!p) return Problem(p.error());
    auto bill = svc.GetBill(p->bill_id);
    return JsonOk(dto::ReceiptJson(*p, bill ? &*bill : nullptr));
  });

  router.Add("GET", "/api/v1/people/{id}/driving-record", perm::kLicensesRead, [&svc, &clk](Context& ctx) {
    auto id = dto::ReadId(ctx.Param("id"));
    if (!id) return Problem(id.error());
    auto r = svc.GetDrivingRecord(*id);
    if (!r) return Problem(r.error());
    return JsonOk(dto::DrivingRecordJson(*id, *r, Today(clk)));
  });
}

}  // namespace dvld::http::handlers
