// Issue 5 over HTTP: vehicle registration with VIN and plate, insurance and inspections from staff
// and partner keys, renewal and transfer refusals, liens and seizures, violations with fines,
// points at their thresholds, suspensions, disputes. SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "api/api_env.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/vehicles/vehicles.h"

namespace dvld::test {
namespace {

namespace json = boost::json;
Api& api() { return Api::Get(); }
const json::object kCash{{"method", "cash"}};

HttpResult Post(const std::string& path, json::object body, const std::string& token = "") {
  return api().Call("POST", path, json::value(std::move(body)), token.empty() ? api().AdminToken() : token);
}
json::value Ok(const HttpResult& r, int status = 201) {
  EXPECT_EQ(r.status, status) << r.body;
  return r.status == status && !r.body.empty() ? r.Json() : json::value();
}
std::string Code(const HttpResult& r) {
  if (r.status < 400) return "ok";
  auto v = r.Json();
  if (v.at("code") == "validation-failed") return std::string(v.at("errors").at(0).at("rule").as_string());
  return std::string(v.at("code").as_string());
}
std::string Day(int offset) { return core::Date::Parse(api().Today())->AddDays(offset).ToString(); }

// A random but valid VIN (European, so no check digit), or a North American one with its digit.
std::string NewVin(bool north_american = false) {
  static constexpr char kChars[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  const auto hex = core::RandomHex(14);
  std::string vin = north_american ? "1" : "W";
  for (int i = 1; i < 17; ++i) vin.push_back(kChars[static_cast<unsigned char>(hex[static_cast<std::size_t>(i % 28)]) * 7 % 33]);
  if (north_american) vin[8] = domain::VinCheckDigit(vin);
  return vin;
}

json::object Car(std::int64_t owner, const std::string& vin) {
  return {{"vin", vin},      {"make", "Toyota"}, {"model", "Corolla"}, {"year", 2022},  {"color", "White"},
          {"engineCc", 1600}, {"fuel", "petrol"}, {"seats", 5},        {"weightKg", 1300}, {"category", "private"},
          {"ownerPersonId", owner}, {"payment", kCash}};
}

json::value Register(std::int64_t owner) { return Ok(Post("/api/v1/vehicles", Car(owner, NewVin()))); }

void Insure(std::int64_t vehicle, std::int64_t person, const std::string& start, const std::string& end) {
  Ok(Post("/api/v1/vehicles/" + std::to_string(vehicle) + "/insurance",
          {{"insurer", "Arab Orient"}, {"policyNumber", "P-" + core::RandomHex(5)}, {"startDate", start}, {"endDate", end},
           {"insuredPersonId", person}}));
}

void Inspect(std::int64_t vehicle, const std::string& date, bool passed = true) {
  Ok(Post("/api/v1/vehicles/" + std::to_string(vehicle) + "/inspections",
          {{"centre", "Amman Centre"}, {"date", date}, {"passed", passed}, {"odometerKm", 42000}}));
}

TEST(Vehicles, RegistrationChecksTheVinAndAssignsAPlateForAYear) {
  const auto owner = api().RegisterPerson();
  const auto vin = NewVin(true);
  auto v = Ok(Post("/api/v1/vehicles", Car(owner, vin)));
  EXPECT_EQ(v.at("vin"), vin.c_str());
  EXPECT_EQ(std::string(v.at("plate").as_string()).substr(0, 3), "10-") << "Amman's region code";
  EXPECT_EQ(v.at("licenseExpiryDate"), core::Date::Parse(api().Today())->AddYears(1).ToString().c_str());
  EXPECT_EQ(v.at("status"), "licensed");
  EXPECT_EQ(v.at("bills").at(0).at("total").as_int64(), 25000);
  EXPECT_EQ(v.at("owners").as_array().size(), 1u);
  EXPECT_EQ(Code(Post("/api/v1/vehicles", Car(owner, vin))), "vin-taken");
  auto bad = vin;
  bad[8] = bad[8] == '1' ? '2' : '1';
  EXPECT_EQ(Code(Post("/api/v1/vehicles", Car(owner, bad))), "check-digit");
  EXPECT_EQ(Code(Post("/api/v1/vehicles", Car(owner, "WVWZZZ1JZXW00000I"))), "characters");
  auto no_pay = Car(owner, NewVin());
  no_pay.erase("payment");
  EXPECT_EQ(Code(Post("/api/v1/vehicles", no_pay)), "required");
  auto found = api().Call("GET", "/api/v1/vehicles?q=" + std::string(v.at("plate").as_string()), json::value(), api().AdminToken());
  EXPECT_EQ(found.Json().at("total").as_int64(), 1);
  found = api().Call("GET", "/api/v1/vehicles?q=" + vin, json::value(), api().AdminToken());
  EXPECT_EQ(found.Json().at("total").as_int64(), 1);
}

// Registration answers with the vehicle as read back. Many at once share write batches, which
// stay open while other writes wait: each answer must still be its own new vehicle.
TEST(Vehicles, ManyRegisteredAtOnceEachAnswerWithTheirOwnRecord) {
  const auto owner = api().RegisterPerson();
  constexpr int kThreads = 12, kEach = 4;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        const auto vin = NewVin();
        auto r = Post("/api/v1/vehicles", Car(owner, vin));
        if (r.status == 201 && r.Json().at("vin") == vin.c_str()) {
          ++ok;
        } else {
          ADD_FAILURE() << r.status << " " << r.body;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kEach);
}

TEST(Vehicles, RenewalNeedsInsuranceAPassedRecentInspectionAndNoBlocks) {
  const auto owner = api().RegisterPerson();
  auto v = Register(owner);
  const auto id = v.at("id").as_int64();
  const auto path = "/api/v1/vehicles/" + std::to_string(id) + "/renew";
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "insurance-missing");
  Insure(id, owner, Day(-10), Day(365));
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "insurance-missing") << "must cover the whole new year";
  Insure(id, owner, Day(400), Day(800));
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "insurance-missing")
      << "a policy starting after the new licence year begins does not count";
  Insure(id, owner, Day(-5), Day(800));
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "inspection-missing");
  Inspect(id, Day(-61));
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "inspection-missing") << "61 days is too old";
  Inspect(id, Day(-3), false);
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "inspection-missing") << "a failed inspection does not count";
  Inspect(id, Day(-60));
  auto lien = Ok(Post("/api/v1/vehicles/" + std::to_string(id) + "/liens", {{"holder", "Housing Bank"}, {"amount", 5000000}}));
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "vehicle-lien");
  EXPECT_EQ(Ok(Post("/api/v1/liens/" + std::to_string(lien.at("id").as_int64()) + "/lift", {}), 204), json::value());
  auto seizure = Ok(Post("/api/v1/vehicles/" + std::to_string(id) + "/seizures", {{"authority", "Traffic Police"}, {"reason", "Court order"}}));
  EXPECT_EQ(Code(Post(path, {{"payment", kCash}})), "vehicle-seized");
  Ok(Post("/api/v1/seizures/" + std::to_string(seizure.at("id").as_int64()) + "/lift", {}), 204);
  auto renewed = Ok(Post(path, {{"payment", kCash}}), 200);
  EXPECT_EQ(renewed.at("licenseExpiryDate"),
            core::Date::Parse(std::string(v.at("licenseExpiryDate").as_string()))->AddYears(1).ToString().c_str());
  EXPECT_EQ(renewed.at("bills").as_array().back().at("total").as_int64(), 20000 + 25000) << "service fee and engine fee";
}

TEST(Vehicles, TransferNeedsTheBuyersInsuranceAndKeepsTheHistory) {
  const auto seller = api().RegisterPerson();
  const auto buyer = api().RegisterPerson();
  auto v = Register(seller);
  const auto id = std::to_string(v.at("id").as_int64());
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + id + "/transfers", {{"buyerPersonId", seller}})), "same-owner");
  auto t = Ok(Post("/api/v1/vehicles/" + id + "/transfers", {{"buyerPersonId", buyer}}));
  EXPECT_EQ(t.at("fee").as_int64(), 100000) << "1600 cc, new: 100 JOD";
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + id + "/transfers", {{"buyerPersonId", buyer}})), "transfer-pending");
  const auto accept = "/api/v1/transfers/" + std::to_string(t.at("id").as_int64()) + "/accept";
  Insure(v.at("id").as_int64(), seller, Day(-1), Day(300));
  EXPECT_EQ(Code(Post(accept, {{"payment", kCash}})), "insurance-not-buyer");
  Insure(v.at("id").as_int64(), buyer, Day(0), Day(300));
  auto done = Ok(Post(accept, {{"payment", kCash}}), 200);
  EXPECT_EQ(done.at("status"), "completed");
  auto after = Ok(api().Call("GET", "/api/v1/vehicles/" + id, json::value(), api().AdminToken()), 200);
  EXPECT_EQ(after.at("ownerPersonId").as_int64(), buyer);
  auto owners = after.at("owners").as_array();
  ASSERT_EQ(owners.size(), 2u);
  EXPECT_EQ(owners[0].at("personId").as_int64(), seller);
  EXPECT_NE(owners[0].at("toDate"), nullptr);
  EXPECT_EQ(owners[1].at("personId").as_int64(), buyer);
  EXPECT_EQ(Code(Post(accept, {{"payment", kCash}})), "transfer-not-pending");
}

TEST(Vehicles, UnpaidFinesBlockRenewalTransferAndLicenceRenewal) {
  const auto owner = api().RegisterPerson();
  auto v = Register(owner);
  const auto id = v.at("id").as_int64();
  Insure(id, owner, Day(-1), Day(800));
  Inspect(id, Day(-1));
  auto fine = Ok(Post("/api/v1/violations", {{"violationType", "parking"}, {"vehicleId", id}, {"place", "Rainbow St"},
                                             {"occurredAt", core::FormatTimestamp(api().clock().Now() - std::chrono::hours(1))}}));
  EXPECT_EQ(fine.at("points").as_int64(), 0);
  EXPECT_EQ(fine.at("personId").as_int64(), owner) << "no licence given: the owner answers";
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + std::to_string(id) + "/renew", {{"payment", kCash}})), "unpaid-fines");
  const auto buyer = api().RegisterPerson();
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + std::to_string(id) + "/transfers", {{"buyerPersonId", buyer}})), "unpaid-fines");
  Ok(Post("/api/v1/bills/" + std::to_string(fine.at("billId").as_int64()) + "/payments", kCash));
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + std::to_string(id) + "/renew", {{"payment", kCash}})), "ok");
}

// A person with a class-3 licence; returns {person, licence id}.
std::pair<std::int64_t, std::int64_t> Driver() {
  const auto person = api().RegisterPerson();
  auto app = Ok(Post("/api/v1/applications/local-license", {{"personId", person}, {"licenseClassId", 3}, {"payment", kCash}}));
  const auto app_id = std::to_string(app.at("id").as_int64());
  for (const char* t : {"vision", "written", "street"}) {
    auto appt = Ok(Post("/api/v1/applications/" + app_id + "/appointments", {{"testType", t}, {"date", api().Today()}, {"payment", kCash}}));
    Ok(Post("/api/v1/appointments/" + std::to_string(appt.at("id").as_int64()) + "/result", {{"passed", true}}), 200);
  }
  auto license = Ok(Post("/api/v1/applications/" + app_id + "/issue", {{"payment", kCash}}));
  return {person, license.at("id").as_int64()};
}

json::value Violate(std::int64_t license, const char* type, const std::string& token = "") {
  return Ok(Post("/api/v1/violations",
                 {{"violationType", type}, {"licenseId", license}, {"place", "Airport Road"},
                  {"occurredAt", core::FormatTimestamp(api().clock().Now() - std::chrono::minutes(5))}},
                 token));
}

TEST(Violations, PointsOver16SuspendTheLicenceAndACancelledViolationLiftsIt) {
  auto [person, license] = Driver();
  const auto lic = std::to_string(license);
  // 6 + 6 + 4 = 16: not more than 16, no suspension.
  Violate(license, "red-light");
  Violate(license, "speeding-major");
  auto phone = Violate(license, "phone");
  auto points = Ok(api().Call("GET", "/api/v1/people/" + std::to_string(person) + "/points", json::value(), api().AdminToken()), 200);
  EXPECT_EQ(points.at("points").as_int64(), 16);
  EXPECT_EQ(points.at("suspended"), false);
  // One more: 17 > 16 -> 60 days.
  auto belt = Violate(license, "seat-belt");
  points = Ok(api().Call("GET", "/api/v1/people/" + std::to_string(person) + "/points", json::value(), api().AdminToken()), 200);
  EXPECT_EQ(points.at("points").as_int64(), 18);
  EXPECT_EQ(points.at("activeSuspension").at("days").as_int64(), 60);
  EXPECT_EQ(points.at("activeSuspension").at("endDate"), Day(60).c_str());
  auto status = Ok(api().Call("GET", "/api/v1/licenses/" + lic, json::value(), api().AdminToken()), 200);
  EXPECT_EQ(status.at("status"), "suspended");
  // The public verification says so too (it reads the suspension with the licence).
  const std::string number(status.at("number").as_string());
  auto verified = api().Call("GET", "/api/v1/verify/licenses/" + number).Json();
  EXPECT_EQ(verified.at("status"), "suspended");
  EXPECT_EQ(verified.at("valid"), false);
  auto by_number = Ok(api().Call("GET", "/api/v1/licenses/by-number/" + number, json::value(), api().AdminToken()), 200);
  EXPECT_EQ(by_number.at("status"), "suspended");
  EXPECT_EQ(Code(Post("/api/v1/international-permits", {{"licenseId", license}})), "license-not-active");
  // Disputed once, then cancelled by a supervisor: the fine and points go, the suspension ends.
  const auto belt_id = std::to_string(belt.at("id").as_int64());
  EXPECT_EQ(Ok(Post("/api/v1/violations/" + belt_id + "/dispute", {}), 200).at("status"), "disputed");
  EXPECT_EQ(Code(Post("/api/v1/violations/" + belt_id + "/dispute", {})), "already-disputed");
  auto decided = Ok(Post("/api/v1/violations/" + belt_id + "/decision", {{"upheld", false}}), 200);
  EXPECT_EQ(decided.at("status"), "cancelled");
  EXPECT_EQ(decided.at("billStatus"), "cancelled");
  points = Ok(api().Call("GET", "/api/v1/people/" + std::to_string(person) + "/points", json::value(), api().AdminToken()), 200);
  EXPECT_EQ(points.at("points").as_int64(), 16);
  EXPECT_EQ(points.at("suspended"), false);
  EXPECT_EQ(Ok(api().Call("GET", "/api/v1/licenses/" + lic, json::value(), api().AdminToken()), 200).at("status"), "active");
  EXPECT_EQ(api().Call("GET", "/api/v1/verify/licenses/" + number).Json().at("status"), "active");
  by_number = Ok(api().Call("GET", "/api/v1/licenses/by-number/" + number, json::value(), api().AdminToken()), 200);
  EXPECT_EQ(by_number.at("status"), "active");
  // An upheld dispute keeps everything.
  const auto phone_id = std::to_string(phone.at("id").as_int64());
  Ok(Post("/api/v1/violations/" + phone_id + "/dispute", {}), 200);
  EXPECT_EQ(Ok(Post("/api/v1/violations/" + phone_id + "/decision", {{"upheld", true}}), 200).at("status"), "upheld");
  // Unpaid fines block licence renewal.
  api().db().Acquire()->Execute("UPDATE licenses SET expiry_date = $1 WHERE id = $2", {Day(10), license});
  EXPECT_EQ(Code(Post("/api/v1/licenses/" + lic + "/renew", {{"payment", kCash}})), "unpaid-fines");
}

TEST(Violations, HigherThresholdsSuspendLongerAndOldPointsLeaveTheWindow) {
  auto [person, license] = Driver();
  Violate(license, "reckless");  // 10
  Violate(license, "wrong-way");  // 18 -> 60 days
  Violate(license, "speeding-major");  // 24 -> 90 days
  auto points = Ok(api().Call("GET", "/api/v1/people/" + std::to_string(person) + "/points", json::value(), api().AdminToken()), 200);
  EXPECT_EQ(points.at("points").as_int64(), 24);
  EXPECT_EQ(points.at("activeSuspension").at("days").as_int64(), 90);
  Violate(license, "seat-belt");  // 26 -> 120
  Violate(license, "reckless");  // 36 -> 180
  points = Ok(api().Call("GET", "/api/v1/people/" + std::to_string(person) + "/points", json::value(), api().AdminToken()), 200);
  EXPECT_EQ(points.at("activeSuspension").at("days").as_int64(), 180);
  // Points older than 12 months no longer count.
  api().db().Acquire()->Execute("UPDATE violations SET occurred_on = $1 WHERE person_id = $2",
                                {core::Date::Parse(api().Today())->AddYears(-1).ToString(), person});
  points = Ok(api().Call("GET", "/api/v1/people/" + std::to_string(person) + "/points", json::value(), api().AdminToken()), 200);
  EXPECT_EQ(points.at("points").as_int64(), 0);
}

TEST(Violations, PartnerKeysActOnlyWithinTheirScope) {
  auto [person, license] = Driver();
  auto key = [](const char* scope) {
    auto r = Post("/api/v1/api-keys", {{"name", std::string("Partner ") + scope}, {"scope", scope}});
    return std::string(r.Json().at("key").as_string());
  };
  const auto police = key("police"), insurer = key("insurer"), inspection = key("inspection");
  const json::object violation{{"violationType", "phone"}, {"licenseId", license}, {"place", "Zarqa Highway"},
                               {"occurredAt", core::FormatTimestamp(api().clock().Now() - std::chrono::minutes(1))}};
  auto as = [](const std::string& k, const std::string& path, const json::object& body) {
    return api().Call("POST", path, json::serialize(body), {{"X-API-Key", k}});
  };
  EXPECT_EQ(as(police, "/api/v1/violations", violation).status, 201) << "police systems record violations";
  EXPECT_EQ(as(insurer, "/api/v1/violations", violation).status, 403) << "an insurer cannot record a violation";
  auto v = Register(person);
  const auto vid = std::to_string(v.at("id").as_int64());
  json::object policy{{"insurer", "JIC"}, {"policyNumber", "K-" + core::RandomHex(4)}, {"startDate", Day(0)},
                      {"endDate", Day(365)}, {"insuredPersonId", person}};
  EXPECT_EQ(as(insurer, "/api/v1/vehicles/" + vid + "/insurance", policy).status, 201);
  EXPECT_EQ(as(police, "/api/v1/vehicles/" + vid + "/insurance", policy).status, 403);
  json::object inspection_body{{"centre", "Irbid"}, {"date", Day(0)}, {"passed", true}, {"odometerKm", 1000}};
  EXPECT_EQ(as(inspection, "/api/v1/vehicles/" + vid + "/inspections", inspection_body).status, 201);
  EXPECT_EQ(as(insurer, "/api/v1/vehicles/" + vid + "/inspections", inspection_body).status, 403);
}

}  // namespace
}  // namespace dvld::test

namespace dvld::test {
namespace {

TEST(Vehicles, PlateReplacementAndDeregistration) {
  const auto owner = api().RegisterPerson();
  auto v = Register(owner);
  const auto id = std::to_string(v.at("id").as_int64());
  auto replaced = Ok(Post("/api/v1/vehicles/" + id + "/plate", {{"payment", kCash}}), 200);
  EXPECT_NE(replaced.at("plate"), v.at("plate"));
  EXPECT_EQ(replaced.at("bills").as_array().back().at("total").as_int64(), 10000);
  auto seizure = Ok(Post("/api/v1/vehicles/" + id + "/seizures", {{"authority", "Court"}, {"reason", "Debt"}}));
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + id + "/deregister", {{"payment", kCash}})), "vehicle-seized");
  Ok(Post("/api/v1/seizures/" + std::to_string(seizure.at("id").as_int64()) + "/lift", {}), 204);
  EXPECT_EQ(Code(Post("/api/v1/seizures/" + std::to_string(seizure.at("id").as_int64()) + "/lift", {})), "already-lifted");
  auto gone = Ok(Post("/api/v1/vehicles/" + id + "/deregister", {{"payment", kCash}}), 200);
  EXPECT_EQ(gone.at("status"), "deregistered");
  auto listed = api().Call("GET", "/api/v1/vehicles?q=" + std::string(v.at("vin").as_string()), json::value(), api().AdminToken());
  EXPECT_EQ(listed.Json().at("items").at(0).at("status"), "deregistered");
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + id + "/renew", {{"payment", kCash}})), "vehicle-deregistered");
  EXPECT_EQ(Code(Post("/api/v1/vehicles/" + id + "/plate", {{"payment", kCash}})), "vehicle-deregistered");
}

TEST(Violations, TypesAreSeededAndAdministratorsEditThemWithAudit) {
  auto types = api().Call("GET", "/api/v1/violation-types", json::value(), api().AdminToken()).Json().as_array();
  ASSERT_GE(types.size(), 9u);
  EXPECT_EQ(types[0].at("code"), "speeding-minor");
  const auto id = std::to_string(types[6].at("id").as_int64());  // parking
  json::object change{{"nameAr", types[6].at("nameAr")}, {"nameEn", types[6].at("nameEn")}, {"fine", 20000}, {"points", 0}};
  EXPECT_EQ(api().Call("PUT", "/api/v1/violation-types/" + id, json::value(change), api().CreateUser("ref.x" + core::RandomHex(3), "officer")).status, 403);
  EXPECT_EQ(Ok(api().Call("PUT", "/api/v1/violation-types/" + id, json::value(change), api().AdminToken()), 200).at("fine").as_int64(), 20000);
  change["points"] = 31;
  EXPECT_EQ(api().Call("PUT", "/api/v1/violation-types/" + id, json::value(change), api().AdminToken()).status, 422);
  change["points"] = 0;
  change["fine"] = 15000;
  Ok(api().Call("PUT", "/api/v1/violation-types/" + id, json::value(change), api().AdminToken()), 200);
  auto audit = api().Call("GET", "/api/v1/audit?entity=violation_type&entityId=" + id, json::value(), api().AdminToken());
  EXPECT_EQ(audit.Json().at("total").as_int64(), 2);
}

}  // namespace
}  // namespace dvld::test
