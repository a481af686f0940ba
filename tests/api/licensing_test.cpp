// Issue 4 over HTTP: every driving-licence service end to end, its refusals, bills, receipts,
// idempotency, and concurrent clerks. Runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "api/api_env.h"
#include "core/crypto.h"
#include "core/date.h"

namespace dvld::test {
namespace {

namespace json = boost::json;
Api& api() { return Api::Get(); }
const json::object kCash{{"method", "cash"}};

json::value Post(const std::string& path, json::object body, int expect, const std::string& token = "") {
  auto r = api().Call("POST", path, json::value(std::move(body)), token.empty() ? api().AdminToken() : token);
  EXPECT_EQ(r.status, expect) << path << " " << r.body;
  return r.status / 100 == 2 ? r.Json() : json::value();
}

std::string Code(const HttpResult& r) { return r.status >= 400 ? std::string(r.Json().at("code").as_string()) : "ok"; }

HttpResult PostRaw(const std::string& path, json::object body, const std::string& token = "") {
  return api().Call("POST", path, json::value(std::move(body)), token.empty() ? api().AdminToken() : token);
}

std::string Day(int offset) { return core::Date::Parse(api().Today())->AddDays(offset).ToString(); }

std::int64_t Id(const json::value& v) { return v.at("id").as_int64(); }

// Takes an application through one test with the given result (paid in cash).
json::value Take(std::int64_t app, const char* test, bool passed) {
  auto appt = Post("/api/v1/applications/" + std::to_string(app) + "/appointments",
                   {{"testType", test}, {"date", api().Today()}, {"payment", kCash}}, 201);
  Post("/api/v1/appointments/" + std::to_string(Id(appt)) + "/result", {{"passed", passed}, {"notes", "checked"}}, 200);
  return appt;
}

// A person with an issued class-3 licence; returns the licence.
json::value Licensed(std::int64_t person = 0) {
  if (person == 0) person = api().RegisterPerson();
  auto app = Post("/api/v1/applications/local-license",
                  {{"personId", person}, {"licenseClassId", 3}, {"payment", kCash}}, 201);
  for (const char* t : {"vision", "written", "street"}) Take(Id(app), t, true);
  return Post("/api/v1/applications/" + std::to_string(Id(app)) + "/issue", {{"payment", kCash}}, 201);
}

void SetExpiry(std::int64_t license_id, const std::string& date) {
  api().db().Acquire()->Execute("UPDATE licenses SET expiry_date = $1 WHERE id = $2", {date, license_id});
}

json::value GetJson(const std::string& path) {
  auto r = api().Call("GET", path, json::value(), api().AdminToken());
  EXPECT_EQ(r.status, 200) << path << " " << r.body;
  return r.Json();
}

// The answers of booking a test and recording its result are built without reading the
// appointment back: each must equal the appointment as the application then shows it.
TEST(NewLicence, BookingAndResultAnswersEqualTheStoredAppointment) {
  auto app = Post("/api/v1/applications/local-license",
                  {{"personId", api().RegisterPerson()}, {"licenseClassId", 3}, {"payment", kCash}}, 201);
  const auto path = "/api/v1/applications/" + std::to_string(Id(app));
  auto stored = [&](std::int64_t id) {
    const auto application = GetJson(path);
    for (const auto& a : application.at("appointments").as_array()) {
      if (Id(a) == id) return a;
    }
    ADD_FAILURE() << "appointment " << id << " not on the application";
    return json::value();
  };
  auto unpaid = Post(path + "/appointments", {{"testType", "vision"}, {"date", api().Today()}}, 201);
  EXPECT_EQ(unpaid, stored(Id(unpaid)));
  EXPECT_EQ(unpaid.at("billPaid"), false);
  Post("/api/v1/bills/" + std::to_string(unpaid.at("billId").as_int64()) + "/payments", kCash, 201);
  auto passed = Post("/api/v1/appointments/" + std::to_string(Id(unpaid)) + "/result", {{"passed", true}}, 200);
  EXPECT_EQ(passed, stored(Id(unpaid)));
  EXPECT_EQ(passed.at("status"), "passed");
  auto booked =
      Post(path + "/appointments", {{"testType", "written"}, {"date", api().Today()}, {"payment", kCash}}, 201);
  EXPECT_EQ(booked, stored(Id(booked)));
  EXPECT_EQ(booked.at("billPaid"), true);
  auto failed = Post("/api/v1/appointments/" + std::to_string(Id(booked)) + "/result",
                     {{"passed", false}, {"notes", "Seven answers of twenty wrong"}}, 200);
  EXPECT_EQ(failed, stored(Id(booked)));
  EXPECT_EQ(failed.at("status"), "failed");
  EXPECT_EQ(failed.at("notes"), "Seven answers of twenty wrong");
}

TEST(NewLicence, FromApplicationThroughThreeTestsWithARetakeToIssue) {
  const auto person = api().RegisterPerson("1990-05-17");
  auto app = Post("/api/v1/applications/local-license",
                  {{"personId", person}, {"licenseClassId", 3}, {"payment", kCash}}, 201);
  const auto id = std::to_string(Id(app));
  EXPECT_EQ(app.at("status"), "new");
  EXPECT_EQ(app.at("type"), "new-local-license");
  ASSERT_EQ(app.at("bills").as_array().size(), 1u);
  EXPECT_EQ(app.at("bills").at(0).at("total").as_int64(), 15000) << "the service fee; the class fee comes at issue";
  EXPECT_EQ(app.at("bills").at(0).at("status"), "paid");
  EXPECT_EQ(app.at("nextStep"), "schedule-test");
  EXPECT_EQ(app.at("nextTest"), "vision");

  // Order: the written test cannot come first.
  auto early =
      PostRaw("/api/v1/applications/" + id + "/appointments", {{"testType", "written"}, {"date", api().Today()}});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(Code(early), "previous-test-not-passed");
  // Appointments are today or later.
  auto past = PostRaw("/api/v1/applications/" + id + "/appointments", {{"testType", "vision"}, {"date", Day(-1)}});
  EXPECT_EQ(past.status, 422);

  // Vision: booked unpaid, cannot be taken until paid.
  auto vision =
      Post("/api/v1/applications/" + id + "/appointments", {{"testType", "vision"}, {"date", api().Today()}}, 201);
  EXPECT_EQ(vision.at("attempt").as_int64(), 1);
  EXPECT_EQ(vision.at("billPaid"), false);
  auto second_open =
      PostRaw("/api/v1/applications/" + id + "/appointments", {{"testType", "vision"}, {"date", Day(1)}});
  EXPECT_EQ(Code(second_open), "appointment-already-open");
  auto unpaid = PostRaw("/api/v1/appointments/" + std::to_string(Id(vision)) + "/result", {{"passed", true}});
  EXPECT_EQ(Code(unpaid), "appointment-unpaid");
  auto view = GetJson("/api/v1/applications/" + id);
  EXPECT_EQ(view.at("nextStep"), "pay");
  Post("/api/v1/bills/" + std::to_string(vision.at("billId").as_int64()) + "/payments", kCash, 201);
  Post("/api/v1/appointments/" + std::to_string(Id(vision)) + "/result", {{"passed", true}}, 200);
  auto again = PostRaw("/api/v1/appointments/" + std::to_string(Id(vision)) + "/result", {{"passed", false}});
  EXPECT_EQ(Code(again), "result-already-recorded") << "a recorded result is final";
  auto vision_again =
      PostRaw("/api/v1/applications/" + id + "/appointments", {{"testType", "vision"}, {"date", Day(1)}});
  EXPECT_EQ(Code(vision_again), "test-already-passed");

  // Written: failed, then a retake with the retake fee.
  Take(Id(app), "written", false);
  auto retake = Post("/api/v1/applications/" + id + "/appointments", {{"testType", "written"}, {"date", Day(2)}}, 201);
  EXPECT_EQ(retake.at("attempt").as_int64(), 2);
  auto bill = GetJson("/api/v1/bills/" + std::to_string(retake.at("billId").as_int64()));
  EXPECT_EQ(bill.at("total").as_int64(), 20000 + 5000);
  EXPECT_EQ(bill.at("lines").as_array().size(), 2u);
  EXPECT_EQ(bill.at("lines").at(1).at("code"), "retake-test");
  Post("/api/v1/bills/" + std::to_string(Id(bill)) + "/payments", kCash, 201);
  auto future = PostRaw("/api/v1/appointments/" + std::to_string(Id(retake)) + "/result", {{"passed", true}});
  EXPECT_EQ(Code(future), "appointment-in-future");
  api().db().Acquire()->Execute("UPDATE test_appointments SET appointment_date = $1 WHERE id = $2",
                                {api().Today(), Id(retake)});
  Post("/api/v1/appointments/" + std::to_string(Id(retake)) + "/result", {{"passed", true}}, 200);

  // Cancelling is no longer possible once a test was taken.
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/" + id + "/cancel", {})), "tests-taken");

  Take(Id(app), "street", true);
  view = GetJson("/api/v1/applications/" + id);
  EXPECT_EQ(view.at("nextStep"), "pay");
  auto tests = view.at("appointments").as_array();
  ASSERT_EQ(tests.size(), 4u);
  EXPECT_EQ(tests[1].at("status"), "failed");
  EXPECT_EQ(tests[2].at("attempt").as_int64(), 2);
  // The licence fee is billed once the street test is passed; issue waits for it.
  auto no_pay = PostRaw("/api/v1/applications/" + id + "/issue", {});
  EXPECT_EQ(Code(no_pay), "bills-unpaid");
  auto license = Post("/api/v1/applications/" + id + "/issue", {{"payment", kCash}}, 201);
  EXPECT_EQ(license.at("status"), "active");
  EXPECT_EQ(license.at("issueReason"), "first-issue");
  EXPECT_EQ(license.at("issueDate"), api().Today().c_str());
  EXPECT_EQ(license.at("expiryDate"), core::Date::Parse(api().Today())->AddYears(10).ToString().c_str());
  EXPECT_EQ(std::string(license.at("number").as_string()).substr(0, 3), "DL-");
  view = GetJson("/api/v1/applications/" + id);
  EXPECT_EQ(view.at("status"), "completed");
  EXPECT_EQ(view.at("license").at("id"), license.at("id"));
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/" + id + "/issue", {{"payment", kCash}})), "application-not-open");
  // The person is now a driver holding class 3.
  auto again_app = PostRaw("/api/v1/applications/local-license", {{"personId", person}, {"licenseClassId", 3}});
  EXPECT_EQ(Code(again_app), "license-class-held");
  auto by_number = GetJson("/api/v1/licenses/by-number/" + std::string(license.at("number").as_string()));
  EXPECT_EQ(by_number.at("id"), license.at("id"));
  // The lookup builds the holder's short names itself (FindLicenseCard); the list reads them from SQL.
  const auto listed = GetJson("/api/v1/licenses?number=" + std::string(license.at("number").as_string()));
  ASSERT_EQ(listed.at("items").as_array().size(), 1u);
  for (const char* field : {"personNameEn", "personNameAr"}) {
    EXPECT_EQ(by_number.at(field), listed.at("items").at(0).at(field)) << field;
    EXPECT_NE(by_number.at(field), "") << field;
  }
  auto record = GetJson("/api/v1/people/" + std::to_string(person) + "/driving-record");
  EXPECT_EQ(record.at("licenses").as_array().size(), 1u);
  EXPECT_EQ(record.at("applications").at(0).at("appointments").as_array().size(), 4u);
  EXPECT_GE(record.at("bills").as_array().size(), 5u);
  // Each bill carries its own lines and receipt (they are read for all the bills at once).
  for (const auto& v : record.at("bills").as_array()) {
    const auto& b = v.as_object();
    std::int64_t sum = 0;
    for (const auto& line : b.at("lines").as_array()) sum += line.at("amount").as_int64();
    EXPECT_EQ(sum, b.at("total").as_int64()) << boost::json::serialize(b);
    ASSERT_EQ(b.at("status") == "paid", b.at("receipt").is_object()) << boost::json::serialize(b);
    if (b.at("receipt").is_object()) {
      EXPECT_EQ(b.at("receipt").at("billId"), b.at("id"));
      EXPECT_EQ(b.at("receipt").at("amount"), b.at("total"));
    }
  }
  auto list = GetJson("/api/v1/licenses?personId=" + std::to_string(person));
  EXPECT_EQ(list.at("total").as_int64(), 1);
}

TEST(NewLicence, RefusedUnderAgeTwiceOpenOrDeceased) {
  const auto young = api().RegisterPerson(core::Date::Parse(api().Today())->AddYears(-18).AddDays(1).ToString());
  auto r = PostRaw("/api/v1/applications/local-license", {{"personId", young}, {"licenseClassId", 3}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(Code(r), "under-minimum-age");
  const auto adult = api().RegisterPerson("2000-01-01");
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/local-license", {{"personId", adult}, {"licenseClassId", 3}})), "ok");
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/local-license", {{"personId", adult}, {"licenseClassId", 3}})),
            "application-already-open");
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/local-license", {{"personId", adult}, {"licenseClassId", 4}})), "ok")
      << "another class is another application";
  const auto gone = api().RegisterPerson("1970-01-01");
  api().Call("PATCH", "/api/v1/people/" + std::to_string(gone), json::value(json::object{{"deceased", true}}),
             api().AdminToken());
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/local-license", {{"personId", gone}, {"licenseClassId", 3}})),
            "person-deceased");
  auto bad = PostRaw("/api/v1/applications/local-license", {{"personId", adult}, {"licenseClassId", 99}});
  EXPECT_EQ(bad.status, 422);
  bad = PostRaw("/api/v1/applications/local-license",
                {{"personId", adult}, {"licenseClassId", 1}, {"payment", json::object{{"method", "cheque"}}}});
  EXPECT_EQ(bad.status, 422);
}

// The department's day starts at its local midnight, not at 00:00 UTC: with an offset that puts
// the local day ahead of (or behind) the UTC day, the rules (booking, recording a result) and the
// web app (GET /auth/me tells it "today") follow the local day. The instant stays as it is, so the
// suite's sessions live on.
TEST(BusinessDay, FollowsTheDepartmentsUtcOffsetNotUtc) {
  auto& clock = api().clock();
  struct Restore {
    core::ManualClock& c;
    ~Restore() { c.SetUtcOffset(std::chrono::minutes(0)); }
  } restore{clock};
  const auto now = clock.Now();
  const auto utc_day = core::Date::Of(now);
  const auto hour = std::chrono::duration_cast<std::chrono::hours>(now - utc_day.days()).count();
  const bool ahead = hour >= 12;
  clock.SetUtcOffset(ahead ? std::chrono::hours(14) : std::chrono::hours(-12));
  const std::string utc_today = utc_day.ToString();
  const std::string local_today = utc_day.AddDays(ahead ? 1 : -1).ToString();
  ASSERT_EQ(api().Today(), local_today);

  auto me = api().Call("GET", "/api/v1/auth/me", json::value(), api().AdminToken());
  ASSERT_EQ(me.status, 200) << me.body;
  const auto body = me.Json();
  const auto& c = body.at("clock");
  EXPECT_EQ(c.at("today"), local_today.c_str());
  EXPECT_EQ(c.at("utcOffset"), ahead ? "+14:00" : "-12:00");
  EXPECT_EQ(c.at("now"), core::FormatTimestamp(now).c_str());

  const auto person = api().RegisterPerson();
  auto app = Post("/api/v1/applications/local-license",
                  {{"personId", person}, {"licenseClassId", 3}, {"payment", kCash}}, 201);
  const auto path = "/api/v1/applications/" + std::to_string(Id(app)) + "/appointments";
  auto on_utc_day = PostRaw(path, {{"testType", "vision"}, {"date", utc_today}, {"payment", kCash}});
  if (ahead) {
    EXPECT_EQ(on_utc_day.status, 422) << "the UTC date is already yesterday locally: " << on_utc_day.body;
    auto appt = Post(path, {{"testType", "vision"}, {"date", local_today}, {"payment", kCash}}, 201);
    auto result = PostRaw("/api/v1/appointments/" + std::to_string(Id(appt)) + "/result", {{"passed", true}});
    EXPECT_EQ(Code(result), "ok") << "an appointment for the local today is due: " << result.body;
  } else {
    ASSERT_EQ(on_utc_day.status, 201) << "the UTC date is still tomorrow locally: " << on_utc_day.body;
    auto result =
        PostRaw("/api/v1/appointments/" + std::to_string(Id(on_utc_day.Json())) + "/result", {{"passed", true}});
    EXPECT_EQ(Code(result), "appointment-in-future");
  }
}

TEST(NewLicence, CancelWhileNewCancelsItsOpenBills) {
  const auto person = api().RegisterPerson();
  auto app = Post("/api/v1/applications/local-license", {{"personId", person}, {"licenseClassId", 1}}, 201);
  auto cancelled = Post("/api/v1/applications/" + std::to_string(Id(app)) + "/cancel", {}, 200);
  EXPECT_EQ(cancelled.at("status"), "cancelled");
  EXPECT_EQ(cancelled.at("bills").at(0).at("status"), "cancelled");
  auto pay =
      PostRaw("/api/v1/bills/" + std::to_string(cancelled.at("bills").at(0).at("id").as_int64()) + "/payments", kCash);
  EXPECT_EQ(Code(pay), "bill-cancelled");
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/" + std::to_string(Id(app)) + "/cancel", {})), "application-not-open");
  // A new application for the class is possible again.
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/local-license", {{"personId", person}, {"licenseClassId", 1}})), "ok");
}

TEST(Renewal, EarlyOrLateWithTheRightNewExpiry) {
  auto license = Licensed();
  const auto id = std::to_string(Id(license));
  auto early = PostRaw("/api/v1/licenses/" + id + "/renew", {{"payment", kCash}});
  EXPECT_EQ(Code(early), "too-early-to-renew");
  const auto expiry = Day(30);
  SetExpiry(Id(license), expiry);
  auto app = Post("/api/v1/licenses/" + id + "/renew", {{"payment", kCash}}, 201);
  EXPECT_EQ(app.at("status"), "completed");
  EXPECT_EQ(app.at("bills").at(0).at("total").as_int64(), 7000 + 20000) << "renewal fee and class fee";
  auto renewed = app.at("license");
  EXPECT_EQ(renewed.at("expiryDate"), core::Date::Parse(expiry)->AddYears(10).ToString().c_str());
  EXPECT_EQ(renewed.at("issueReason"), "renewal");
  EXPECT_NE(renewed.at("number"), license.at("number"));
  EXPECT_EQ(GetJson("/api/v1/licenses/" + id).at("status"), "renewed");
  EXPECT_EQ(Code(PostRaw("/api/v1/licenses/" + id + "/renew", {{"payment", kCash}})), "license-superseded");

  // Lapsed: from today.
  const auto new_id = Id(renewed);
  SetExpiry(new_id, Day(-40));
  EXPECT_EQ(GetJson("/api/v1/licenses/" + std::to_string(new_id)).at("status"), "expired");
  auto late = Post("/api/v1/licenses/" + std::to_string(new_id) + "/renew", {}, 201);
  EXPECT_EQ(late.at("status"), "new") << "unpaid: waits for the bill";
  EXPECT_EQ(late.at("nextStep"), "pay");
  auto receipt = Post("/api/v1/bills/" + std::to_string(late.at("bills").at(0).at("id").as_int64()) + "/payments",
                      {{"method", "card"}}, 201);
  EXPECT_EQ(receipt.at("amount").as_int64(), 27000);
  auto done = GetJson("/api/v1/applications/" + std::to_string(Id(late)));
  EXPECT_EQ(done.at("status"), "completed");
  EXPECT_EQ(done.at("license").at("expiryDate"), core::Date::Parse(api().Today())->AddYears(10).ToString().c_str());
}

TEST(Replacement, KeepsTheExpiryAndALostLicenceNeverComesBack) {
  auto license = Licensed();
  const auto id = std::to_string(Id(license));
  EXPECT_EQ(PostRaw("/api/v1/licenses/" + id + "/replace", {{"reason", "stolen"}}).status, 422);
  auto app = Post("/api/v1/licenses/" + id + "/replace", {{"reason", "lost"}, {"payment", kCash}}, 201);
  EXPECT_EQ(app.at("bills").at(0).at("total").as_int64(), 10000) << "no class fee";
  auto fresh = app.at("license");
  EXPECT_EQ(fresh.at("expiryDate"), license.at("expiryDate"));
  EXPECT_EQ(fresh.at("issueReason"), "replacement-lost");
  auto old = GetJson("/api/v1/licenses/" + id);
  EXPECT_EQ(old.at("status"), "replaced");
  EXPECT_EQ(old.at("lost"), true);
  EXPECT_EQ(Code(PostRaw("/api/v1/licenses/" + id + "/replace", {{"reason", "damaged"}})), "license-not-active");
  auto damaged = Post("/api/v1/licenses/" + std::to_string(Id(fresh)) + "/replace",
                      {{"reason", "damaged"}, {"payment", kCash}}, 201);
  EXPECT_EQ(damaged.at("bills").at(0).at("total").as_int64(), 5000);
}

TEST(Detention, BlocksServicesUntilReleasedWithFeeAndFine) {
  auto license = Licensed();
  const auto id = std::to_string(Id(license));
  EXPECT_EQ(PostRaw("/api/v1/licenses/" + id + "/detain", {{"fine", 0}, {"reason", "x"}}).status, 422);
  auto detained =
      Post("/api/v1/licenses/" + id + "/detain", {{"fine", 50000}, {"reason", "Driving without insurance"}}, 200);
  EXPECT_EQ(detained.at("status"), "detained");
  EXPECT_EQ(detained.at("detention").at("fine").as_int64(), 50000);
  // Every read of the licence shows the open detention (read only when the licence counts one).
  const std::string number(license.at("number").as_string());
  EXPECT_EQ(GetJson("/api/v1/licenses/" + id).at("detention").at("fine").as_int64(), 50000);
  EXPECT_EQ(GetJson("/api/v1/licenses/by-number/" + number).at("detention").at("fine").as_int64(), 50000);
  EXPECT_EQ(api().Call("GET", "/api/v1/verify/licenses/" + number).Json().at("status"), "detained");
  EXPECT_EQ(Code(PostRaw("/api/v1/licenses/" + id + "/detain", {{"fine", 1000}, {"reason", "again"}})),
            "license-already-detained");
  SetExpiry(Id(license), Day(10));
  EXPECT_EQ(Code(PostRaw("/api/v1/licenses/" + id + "/renew", {{"payment", kCash}})), "license-detained");
  EXPECT_EQ(Code(PostRaw("/api/v1/licenses/" + id + "/replace", {{"reason", "damaged"}})), "license-detained");
  EXPECT_EQ(Code(PostRaw("/api/v1/international-permits", {{"licenseId", Id(license)}})), "license-not-active");
  auto release = Post("/api/v1/licenses/" + id + "/release", {}, 201);
  EXPECT_EQ(release.at("bills").at(0).at("total").as_int64(), 15000 + 50000);
  EXPECT_EQ(GetJson("/api/v1/licenses/" + id).at("status"), "detained") << "until paid";
  Post("/api/v1/bills/" + std::to_string(release.at("bills").at(0).at("id").as_int64()) + "/payments", kCash, 201);
  EXPECT_EQ(GetJson("/api/v1/licenses/" + id).at("status"), "active");
  EXPECT_TRUE(GetJson("/api/v1/licenses/" + id).at("detention").is_null());
  EXPECT_TRUE(GetJson("/api/v1/licenses/by-number/" + number).at("detention").is_null());
  EXPECT_EQ(Code(PostRaw("/api/v1/licenses/" + id + "/release", {})), "license-not-detained");
}

TEST(InternationalPermit, OneYearCappedByTheLicenceAndOneAtATime) {
  auto license = Licensed();
  SetExpiry(Id(license), Day(100));
  auto app = Post("/api/v1/international-permits", {{"licenseId", Id(license)}, {"payment", kCash}}, 201);
  EXPECT_EQ(app.at("bills").at(0).at("total").as_int64(), 50000);
  auto permit = app.at("permit");
  EXPECT_EQ(permit.at("expiryDate"), Day(100).c_str()) << "never beyond the local licence";
  EXPECT_EQ(permit.at("active"), true);
  EXPECT_EQ(GetJson("/api/v1/international-permits/" + std::to_string(Id(permit))).at("number"), permit.at("number"));
  EXPECT_EQ(Code(PostRaw("/api/v1/international-permits", {{"licenseId", Id(license)}, {"payment", kCash}})),
            "permit-already-active");
}

TEST(Payments, APaymentIsTakenOnceAndARepeatedKeyReturnsTheFirstReceipt) {
  const auto person = api().RegisterPerson();
  auto app = Post("/api/v1/applications/local-license", {{"personId", person}, {"licenseClassId", 3}}, 201);
  const auto bill = std::to_string(app.at("bills").at(0).at("id").as_int64());
  const std::map<std::string, std::string> headers{{"Authorization", "Bearer " + api().AdminToken()},
                                                   {"Idempotency-Key", "pay-" + core::RandomHex(6)}};
  auto first = api().Call("POST", "/api/v1/bills/" + bill + "/payments", R"({"method":"cash"})", headers);
  ASSERT_EQ(first.status, 201) << first.body;
  auto repeat = api().Call("POST", "/api/v1/bills/" + bill + "/payments", R"({"method":"cash"})", headers);
  EXPECT_EQ(repeat.status, 201);
  EXPECT_EQ(repeat.Json().at("number"), first.Json().at("number")) << "the first answer, not a second payment";
  EXPECT_EQ(repeat.Header("idempotent-replayed"), "true");
  auto other_body = api().Call("POST", "/api/v1/bills/" + bill + "/payments", R"({"method":"card"})", headers);
  EXPECT_EQ(other_body.status, 422);
  auto twice = PostRaw("/api/v1/bills/" + bill + "/payments", kCash);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(Code(twice), "bill-already-paid");
  EXPECT_EQ(
      api().db().Acquire()->Query("SELECT COUNT(*) FROM payments WHERE bill_id = $1", {std::stoll(bill)}).Int(0, 0), 1);
  auto receipt = GetJson("/api/v1/receipts/" + std::string(first.Json().at("number").as_string()));
  EXPECT_EQ(receipt.at("amount").as_int64(), 15000);
  EXPECT_EQ(receipt.at("collectedBy"), "admin");
  EXPECT_EQ(receipt.at("lines").as_array().size(), 1u);
  // The payment's answer (built without reading the payment back) says what was stored.
  std::size_t compared = 0;
  const auto answer = first.Json();
  for (const auto& [key, value] : answer.as_object()) {
    if (const auto* stored = receipt.as_object().if_contains(key)) {
      EXPECT_EQ(value, *stored) << key;
      ++compared;
    }
  }
  EXPECT_GE(compared, 6u);
  // Payments need payments.collect: an examiner cannot take money.
  const auto examiner = api().CreateUser("exam." + core::RandomHex(3), "examiner");
  EXPECT_EQ(PostRaw("/api/v1/bills/" + bill + "/payments", kCash, examiner).status, 403);
}

TEST(Concurrency, TwoClerksRenewingTheSameLicenceProduceOneNewLicence) {
  auto license = Licensed();
  SetExpiry(Id(license), Day(20));
  const auto a = api().CreateUser("clerk.a" + core::RandomHex(3), "clerk");
  const auto b = api().CreateUser("clerk.b" + core::RandomHex(3), "clerk");
  std::atomic<int> created{0}, refused{0};
  std::vector<std::thread> threads;
  for (const auto* token : {&a, &b}) {
    threads.emplace_back([&, token] {
      auto r = PostRaw("/api/v1/licenses/" + std::to_string(Id(license)) + "/renew", {{"payment", kCash}}, *token);
      if (r.status == 201)
        ++created;
      else if (r.status == 409 || r.status == 503)
        ++refused;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(refused.load(), 1);
  auto rows =
      api().db().Acquire()->Query("SELECT COUNT(*) FROM licenses WHERE person_id = $1 AND superseded_reason IS NULL",
                                  {license.at("personId").as_int64()});
  EXPECT_EQ(rows.Int(0, 0), 1);
  rows = api().db().Acquire()->Query("SELECT COUNT(*) FROM licenses WHERE person_id = $1",
                                     {license.at("personId").as_int64()});
  EXPECT_EQ(rows.Int(0, 0), 2);
}

TEST(Concurrency, TwoClerksIssuingTheSameApplicationProduceOneLicence) {
  const auto person = api().RegisterPerson();
  auto app = Post("/api/v1/applications/local-license",
                  {{"personId", person}, {"licenseClassId", 3}, {"payment", kCash}}, 201);
  for (const char* t : {"vision", "written", "street"}) Take(Id(app), t, true);
  const auto a = api().CreateUser("clerk.c" + core::RandomHex(3), "clerk");
  const auto b = api().CreateUser("clerk.d" + core::RandomHex(3), "clerk");
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (const auto* token : {&a, &b}) {
    threads.emplace_back([&, token] {
      auto r = PostRaw("/api/v1/applications/" + std::to_string(Id(app)) + "/issue", {{"payment", kCash}}, *token);
      if (r.status == 201) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(api().db().Acquire()->Query("SELECT COUNT(*) FROM licenses WHERE person_id = $1", {person}).Int(0, 0), 1);
}

TEST(Lists, ApplicationsAndLicencesFilterAndPage) {
  const auto person = api().RegisterPerson();
  Post("/api/v1/applications/local-license", {{"personId", person}, {"licenseClassId", 1}}, 201);
  Post("/api/v1/applications/local-license", {{"personId", person}, {"licenseClassId", 3}}, 201);
  auto mine = GetJson("/api/v1/applications?personId=" + std::to_string(person));
  EXPECT_EQ(mine.at("total").as_int64(), 2);
  auto class1 = GetJson("/api/v1/applications?personId=" + std::to_string(person) + "&licenseClassId=1&status=new");
  EXPECT_EQ(class1.at("total").as_int64(), 1);
  EXPECT_EQ(class1.at("items").at(0).at("personNameEn"), "Sami Al-Nsour");
  auto today = GetJson("/api/v1/applications?from=" + api().Today() + "&to=" + api().Today() + "&pageSize=1");
  EXPECT_EQ(today.at("items").as_array().size(), 1u);
  EXPECT_GE(today.at("total").as_int64(), 2);
  EXPECT_EQ(api().Call("GET", "/api/v1/applications?status=lost", json::value(), api().AdminToken()).status, 422);
  auto all = GetJson("/api/v1/licenses");
  EXPECT_GE(all.at("total").as_int64(), 0);
}

}  // namespace
}  // namespace dvld::test

namespace dvld::test {
namespace {

HttpResult Verify(const std::string& number, const std::string& code = "") {
  return api().Call("GET", "/api/v1/verify/licenses/" + number + (code.empty() ? "" : "?code=" + code));
}

TEST(PublicVerification, AnyoneChecksALicenceAndTheCardCodeUnlocksTheFullName) {
  const auto person = api().RegisterPerson();
  auto license = Licensed(person);
  const auto number = std::string(license.at("number").as_string());
  const auto id = std::to_string(Id(license));

  // Without a code: state, class and dates, a shortened name, nothing that identifies the person.
  auto plain = Verify(number);
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.Header("cache-control"), "no-store");
  auto v = plain.Json().as_object();
  EXPECT_EQ(v.at("valid"), true);
  EXPECT_EQ(v.at("status"), "active");
  EXPECT_EQ(v.at("licenseClass").at("code"), "ordinary");
  const auto classes = GetJson("/api/v1/license-classes");
  for (const auto& cls : classes.as_array()) {
    if (cls.at("code") != "ordinary") continue;
    EXPECT_EQ(v.at("licenseClass").at("nameEn"), cls.at("nameEn"));
    EXPECT_EQ(v.at("licenseClass").at("nameAr"), cls.at("nameAr"));
  }
  EXPECT_EQ(v.at("expiryDate"), license.at("expiryDate"));
  EXPECT_EQ(v.at("holder").at("nameEn"), "S. Al-Nsour");
  EXPECT_EQ(v.at("holder").at("nameAr"), "س. النسور");
  EXPECT_EQ(v.at("holder").at("full"), false);
  EXPECT_TRUE(v.at("authentic").is_null());
  auto person_json = GetJson("/api/v1/people/" + std::to_string(person));
  EXPECT_EQ(plain.body.find(std::string(person_json.at("nationalNo").as_string())), std::string::npos);
  EXPECT_EQ(plain.body.find("1990-05-17"), std::string::npos);

  // Staff get the card's code; it is the same every time (a signature of the licence's facts).
  auto code = GetJson("/api/v1/licenses/" + id + "/verification");
  const auto c = std::string(code.at("code").as_string());
  EXPECT_EQ(code.at("path").as_string(), "/verify/" + number + "?code=" + c);
  EXPECT_EQ(GetJson("/api/v1/licenses/" + id + "/verification").at("code"), code.at("code"));
  auto signed_ = Verify(number, c).Json();
  EXPECT_EQ(signed_.at("authentic"), true);
  EXPECT_EQ(signed_.at("holder").at("full"), true);
  EXPECT_EQ(signed_.at("holder").at("nameEn"), "Sami Khaled Al-Nsour");
  EXPECT_EQ(signed_.at("holder").at("nameAr"), "سامي خالد النسور");

  // A forged or altered code is reported and unlocks nothing.
  auto forged = c;
  forged[5] = forged[5] == 'A' ? 'B' : 'A';
  for (const auto& bad : {forged, std::string("not-a-code"), std::string(300, 'A')}) {
    auto r = Verify(number, bad);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json().at("authentic"), false) << bad;
    EXPECT_EQ(r.Json().at("holder").at("full"), false);
  }
  // A code vouches for one licence only: another licence's number with this code is not genuine.
  auto other = Licensed();
  EXPECT_EQ(Verify(std::string(other.at("number").as_string()), c).Json().at("authentic"), false);

  EXPECT_EQ(Verify("DL-99999999").status, 404);
  EXPECT_EQ(Verify("DL-99999999").Json().at("code"), "license-not-found");
  EXPECT_EQ(Verify(std::string(40, '9')).status, 404);

  // Only staff who may read licences get codes.
  EXPECT_EQ(api().Call("GET", "/api/v1/licenses/" + id + "/verification").status, 401);
  // The department's key was made once, and that is in the audit trail.
  auto key_audit = GetJson("/api/v1/audit?entity=signing-key");
  EXPECT_EQ(key_audit.at("items").as_array().size(), 1u);
}

TEST(PublicVerification, ADetainedOrRenewedLicenceIsNotValid) {
  auto license = Licensed();
  const auto number = std::string(license.at("number").as_string());
  const auto id = std::to_string(Id(license));
  Post("/api/v1/licenses/" + id + "/detain", {{"fine", 20000}, {"reason", "Checked at a roadblock"}}, 200);
  auto v = Verify(number).Json();
  EXPECT_EQ(v.at("valid"), false);
  EXPECT_EQ(v.at("status"), "detained");
  // Expired: the card's code is still genuine, but the licence is not valid.
  auto code = std::string(GetJson("/api/v1/licenses/" + id + "/verification").at("code").as_string());
  SetExpiry(Id(license), Day(-1));
  auto expired = Verify(number, code);
  EXPECT_EQ(expired.Json().at("valid"), false);
  // The code signs the expiry date too: changing a licence's dates invalidates old cards.
  EXPECT_EQ(expired.Json().at("authentic"), false);
}

}  // namespace
}  // namespace dvld::test

namespace dvld::test {
namespace {

TEST(TestCapacity, AnAdministratorSetsTheDailyPlacesOfATest) {
  auto vision = GetJson("/api/v1/test-types").at(0).as_object();
  ASSERT_EQ(vision.at("code"), "vision");
  json::object same{{"nameAr", vision.at("nameAr")}, {"nameEn", vision.at("nameEn")}, {"fee", vision.at("fee")}};
  auto set = [&same](json::value capacity) {
    json::object body = same;
    body["dailyCapacity"] = capacity;
    return api().Call("PUT", "/api/v1/test-types/1", json::value(body), api().AdminToken());
  };
  auto bad = set(-1);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("dailyCapacity"), std::string::npos);
  auto one = set(1);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Json().at("dailyCapacity").as_int64(), 1);
  const auto day = Day(20);
  auto first =
      Post("/api/v1/applications/local-license", {{"personId", api().RegisterPerson()}, {"licenseClassId", 3}}, 201);
  auto second =
      Post("/api/v1/applications/local-license", {{"personId", api().RegisterPerson()}, {"licenseClassId", 3}}, 201);
  Post("/api/v1/applications/" + std::to_string(Id(first)) + "/appointments", {{"testType", "vision"}, {"date", day}},
       201);
  auto full = PostRaw("/api/v1/applications/" + std::to_string(Id(second)) + "/appointments",
                      {{"testType", "vision"}, {"date", day}});
  EXPECT_EQ(Code(full), "no-capacity");
  // Cancelling the first application gives its place back; a recorded result keeps it taken.
  Post("/api/v1/applications/" + std::to_string(Id(first)) + "/cancel", {}, 200);
  auto taken = Post("/api/v1/applications/" + std::to_string(Id(second)) + "/appointments",
                    {{"testType", "vision"}, {"date", day}}, 201);
  auto third =
      Post("/api/v1/applications/local-license", {{"personId", api().RegisterPerson()}, {"licenseClassId", 3}}, 201);
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/" + std::to_string(Id(third)) + "/appointments",
                         {{"testType", "vision"}, {"date", day}})),
            "no-capacity");
  EXPECT_EQ(Code(PostRaw("/api/v1/applications/" + std::to_string(Id(third)) + "/appointments",
                         {{"testType", "vision"}, {"date", Day(21)}})),
            "ok")
      << "another day has its own places";
  auto audit = GetJson("/api/v1/audit?entity=test_type&entityId=1");
  EXPECT_EQ(audit.at("items").at(0).at("after").at("dailyCapacity").as_int64(), 1);
  ASSERT_EQ(set(40).status, 200);
  // Leaving it out keeps the current value.
  auto kept = api().Call("PUT", "/api/v1/test-types/1", json::value(same), api().AdminToken());
  EXPECT_EQ(kept.Json().at("dailyCapacity").as_int64(), 40);
}

}  // namespace
}  // namespace dvld::test

namespace dvld::test {
namespace {

// Many counters at once, each taking a new licence through its paid steps: every request is
// accepted (no deadlock between the audit chain and the receipt and licence counters, no lost
// write), and every licence number and receipt is unique.
TEST(Concurrency, ManyCountersIssuingAtOnceAllSucceed) {
  constexpr int kClerks = 8;
  // Room for everyone's tests today, whatever the other tests booked.
  auto types = GetJson("/api/v1/test-types").as_array();
  auto set_places = [&types](int places) {
    for (const auto& t : types) {
      json::object body{
          {"nameAr", t.at("nameAr")}, {"nameEn", t.at("nameEn")}, {"fee", t.at("fee")}, {"dailyCapacity", places}};
      ASSERT_EQ(api()
                    .Call("PUT", "/api/v1/test-types/" + std::to_string(t.at("id").as_int64()), json::value(body),
                          api().AdminToken())
                    .status,
                200);
    }
  };
  set_places(100000);
  std::vector<std::int64_t> people;
  for (int i = 0; i < kClerks; ++i) people.push_back(api().RegisterPerson());
  std::atomic<int> issued{0};
  std::vector<std::string> failures(kClerks);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClerks; ++i) {
    threads.emplace_back([&, i] {
      auto step = [&](const std::string& path, json::object body) {
        auto r = PostRaw(path, std::move(body));
        if (r.status != 201 && r.status != 200 && failures[i].empty()) failures[i] = path + " " + r.body;
        return r;
      };
      auto app = step("/api/v1/applications/local-license",
                      {{"personId", people[i]}, {"licenseClassId", 3}, {"payment", kCash}});
      if (app.status != 201) return;
      const auto id = std::to_string(app.Json().at("id").as_int64());
      for (const char* t : {"vision", "written", "street"}) {
        auto appt = step("/api/v1/applications/" + id + "/appointments",
                         {{"testType", t}, {"date", api().Today()}, {"payment", kCash}});
        if (appt.status != 201) return;
        step("/api/v1/appointments/" + std::to_string(appt.Json().at("id").as_int64()) + "/result", {{"passed", true}});
      }
      if (step("/api/v1/applications/" + id + "/issue", {{"payment", kCash}}).status == 201) ++issued;
    });
  }
  for (auto& t : threads) t.join();
  set_places(40);
  for (const auto& f : failures) EXPECT_EQ(f, "");
  EXPECT_EQ(issued.load(), kClerks);
  auto conn = api().db().Acquire();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) - COUNT(DISTINCT number) FROM licenses").Int(0, 0), 0);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) - COUNT(DISTINCT receipt_no) FROM payments").Int(0, 0), 0);
}

}  // namespace
}  // namespace dvld::test
