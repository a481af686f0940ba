// Issue 3 over HTTP: people registry, staff accounts and lockout, reference data, partner API
// keys, the audit trail, and the permission matrix of every route. SQLite and PostgreSQL.
#include <gd.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>
#include <vector>

#include "api/api_env.h"
#include "core/crypto.h"
#include "storage/audit_verify.h"
#include "storage/migrations.h"
#include "storage/name_search.h"
#include "storage/repositories.h"

namespace dvld::test {
namespace {

Api& api() { return Api::Get(); }
namespace json = boost::json;

std::string Unique(const std::string& prefix) { return prefix + core::RandomHex(3); }

// A fresh 10-digit national number.
std::string NationalNo() {
  static std::atomic<int> n{0};
  const auto hex = core::RandomHex(4);
  return "9" + std::to_string(100000000 + (std::stoul(hex, nullptr, 16) % 800000000) + (n++ % 1000)).substr(0, 9);
}

json::object PersonBody(const std::string& national_no) {
  return {{"nationalNo", national_no},
          {"firstNameAr", "محمد"},
          {"secondNameAr", "أحمد"},
          {"thirdNameAr", "عبد الله"},
          {"lastNameAr", "العبادي"},
          {"firstNameEn", "Mohammad"},
          {"secondNameEn", "Ahmad"},
          {"thirdNameEn", "Abdullah"},
          {"lastNameEn", "Al-Abbadi"},
          {"dateOfBirth", "1990-05-17"},
          {"gender", "male"},
          {"nationalityCode", "JO"},
          {"address", "عمّان - جبل عمّان"},
          {"phone", "+962 79 555 0101"},
          {"email", "m.abbadi@example.jo"}};
}

json::object Register(json::object body) {
  auto r = api().Call("POST", "/api/v1/people", json::value(std::move(body)), api().AdminToken());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json().as_object();
}

std::int64_t Count(const std::string& table) {
  return api().db().Acquire()->Query("SELECT COUNT(*) FROM " + table).Int(0, 0);
}

std::string FieldOf(const HttpResult& r) {
  auto v = r.Json();
  if (!v.as_object().contains("errors")) return "";
  return std::string(v.at("errors").at(0).at("field").as_string());
}
std::string RuleOf(const HttpResult& r) { return std::string(r.Json().at("errors").at(0).at("rule").as_string()); }

std::string MakePng(int w, int h) {
  gdImagePtr im = gdImageCreateTrueColor(w, h);
  gdImageFilledRectangle(im, 0, 0, w / 2, h, gdTrueColor(200, 30, 30));
  int size = 0;
  void* data = gdImagePngPtr(im, &size);
  std::string out(static_cast<const char*>(data), static_cast<std::size_t>(size));
  gdFree(data);
  gdImageDestroy(im);
  return out;
}

// ------------------------------------------------------------------ people

TEST(People, ArabicNamesRoundTripByteForByte) {
  auto body = PersonBody(NationalNo());
  body["firstNameAr"] = "مُحَمَّد";  // with diacritics
  body["lastNameAr"] = "آل-الحُسَيني";
  auto created = Register(body);
  auto r = api().Call("GET", "/api/v1/people/" + std::to_string(created.at("id").as_int64()), json::value(),
                      api().AdminToken());
  ASSERT_EQ(r.status, 200) << r.body;
  auto p = r.Json();
  EXPECT_EQ(p.at("firstNameAr"), "مُحَمَّد");
  EXPECT_EQ(p.at("lastNameAr"), "آل-الحُسَيني");
  EXPECT_EQ(p.at("thirdNameAr"), "عبد الله");
  EXPECT_EQ(p.at("address"), "عمّان - جبل عمّان");
  EXPECT_EQ(p.at("fullNameAr"), "مُحَمَّد أحمد عبد الله آل-الحُسَيني");
  EXPECT_EQ(p.at("fullNameEn"), "Mohammad Ahmad Abdullah Al-Abbadi");
  EXPECT_EQ(p.at("phone"), "+962795550101") << "normalised to E.164";
  EXPECT_EQ(p.at("nationalityCode"), "JO");
  EXPECT_EQ(p.at("deceased"), false);
}

TEST(People, DuplicateNationalNumberIs409AndStoresNothing) {
  const auto no = NationalNo();
  Register(PersonBody(no));
  const auto before = Count("people");
  const auto audit_before = Count("audit_log");
  auto r = api().Call("POST", "/api/v1/people", json::value(PersonBody(no)), api().AdminToken());
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.Json().at("code"), "national-no-taken");
  EXPECT_EQ(FieldOf(r), "nationalNo");
  EXPECT_EQ(Count("people"), before);
  EXPECT_EQ(Count("audit_log"), audit_before);
}

TEST(People, EachInvalidFieldIsNamedWithItsRuleAndNothingIsStored) {
  const auto before = Count("people");
  struct Case {
    const char* field;
    json::value value;
    const char* rule;
  };
  const std::vector<Case> cases = {
      {"dateOfBirth", "2025-02-29", "format"},
      {"dateOfBirth", "2090-01-01", "not-in-future"},
      {"dateOfBirth", "17/05/1990", "format"},
      {"phone", "12345", "e164"},
      {"phone", "+962-79-abc", "e164"},
      {"email", "not-an-email", "format"},
      {"email", "a@b", "format"},
      {"nationalNo", "12345", "format"},
      {"nationalNo", "12345678901", "format"},
      {"gender", "other", "one-of"},
      {"firstNameAr", "Mohammad", "arabic-letters"},
      {"firstNameEn", "محمد", "latin-letters"},
      {"nationalityCode", "XX", "unknown-country"},
      {"nationalityCode", "jo", "format"},
      {"dateOfBirth", 19900517, "type"},
  };
  for (const auto& c : cases) {
    auto body = PersonBody(NationalNo());
    body[c.field] = c.value;
    auto r = api().Call("POST", "/api/v1/people", json::value(body), api().AdminToken());
    EXPECT_EQ(r.status, 422) << c.field << " " << json::serialize(c.value) << " -> " << r.body;
    if (r.status != 422) continue;
    EXPECT_EQ(FieldOf(r), c.field) << r.body;
    EXPECT_EQ(RuleOf(r), c.rule) << r.body;
  }
  auto body = PersonBody(NationalNo());
  body.erase("lastNameEn");
  auto r = api().Call("POST", "/api/v1/people", json::value(body), api().AdminToken());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "lastNameEn");
  EXPECT_EQ(RuleOf(r), "required");
  EXPECT_EQ(Count("people"), before);
}

TEST(People, ForeignersAreRegisteredByDocument) {
  auto body = PersonBody("");
  body.erase("nationalNo");
  body["nationalityCode"] = "EG";
  auto r = api().Call("POST", "/api/v1/people", json::value(body), api().AdminToken());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "documentType");
  const auto doc = "A" + core::RandomHex(4);
  body["documentType"] = "passport";
  body["documentNo"] = doc;
  auto ok = Register(body);
  EXPECT_EQ(ok.at("nationalNo"), nullptr);
  r = api().Call("POST", "/api/v1/people", json::value(body), api().AdminToken());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.Json().at("code"), "document-taken");
  // A Jordanian needs a national number.
  body = PersonBody("");
  body.erase("nationalNo");
  r = api().Call("POST", "/api/v1/people", json::value(body), api().AdminToken());
  EXPECT_EQ(FieldOf(r), "nationalNo");
  EXPECT_EQ(RuleOf(r), "required");
}

TEST(People, PatchChangesOnlyWhatIsSentAndIsAudited) {
  auto p = Register(PersonBody(NationalNo()));
  const auto id = std::to_string(p.at("id").as_int64());
  auto r = api().Call("PATCH", "/api/v1/people/" + id, json::value(json::object{{"phone", "0791112233"}}),
                      api().AdminToken());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("phone"), "+962791112233");
  EXPECT_EQ(r.Json().at("firstNameAr"), "محمد");
  r = api().Call("PATCH", "/api/v1/people/" + id, json::value(json::object{{"email", "broken"}}), api().AdminToken());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "email");
  auto audit = api().Call("GET", "/api/v1/audit?entity=person&entityId=" + id, json::value(), api().AdminToken());
  ASSERT_EQ(audit.status, 200) << audit.body;
  auto items = audit.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("action"), "update");
  EXPECT_EQ(items[0].at("before").at("phone"), "+962795550101");
  EXPECT_EQ(items[0].at("after").at("phone"), "+962791112233");
  EXPECT_EQ(items[0].at("actorName"), "admin");
  EXPECT_FALSE(items[0].at("requestId").as_string().empty());
  EXPECT_EQ(items[1].at("action"), "create");
  EXPECT_EQ(items[1].at("before"), nullptr);
}

TEST(People, DeceasedIsFinal) {
  auto p = Register(PersonBody(NationalNo()));
  const auto id = std::to_string(p.at("id").as_int64());
  auto r =
      api().Call("PATCH", "/api/v1/people/" + id, json::value(json::object{{"deceased", true}}), api().AdminToken());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("deceased"), true);
  r = api().Call("PATCH", "/api/v1/people/" + id, json::value(json::object{{"deceased", false}}), api().AdminToken());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.Json().at("code"), "deceased-is-final");
}

TEST(People, SearchFindsByEveryKeyInEitherScript) {
  const auto tag = core::RandomHex(3);  // a unique family name for this test
  std::string family_en = "Zq";
  for (char c : tag) family_en.push_back(static_cast<char>('a' + (c % 26)));
  const std::string family_ar = "الزعبيي";
  std::vector<std::string> numbers;
  for (int i = 0; i < 7; ++i) {
    auto body = PersonBody(NationalNo());
    numbers.push_back(std::string(body.at("nationalNo").as_string()));
    body["lastNameEn"] = family_en;
    body["firstNameEn"] = i % 2 ? "Ahmad" : "Omar";
    body["firstNameAr"] = i % 2 ? "أحمد" : "عمر";
    body["secondNameEn"] = "Khaled";  // not Ahmad, so that only the first names tell them apart
    body["secondNameAr"] = "خالد";
    body["dateOfBirth"] = "19" + std::to_string(70 + i) + "-01-01";
    body["phone"] = "+9627955" + std::to_string(10000 + std::stoi(tag, nullptr, 16) % 80000 + i);
    Register(body);
  }
  auto search = [&](const std::string& q, const std::string& extra = "") {
    auto r = api().Call("GET", "/api/v1/people?q=" + q + extra, json::value(), api().AdminToken());
    EXPECT_EQ(r.status, 200) << q << " " << r.body;
    return r.Json().as_object();
  };
  auto lower = family_en;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto all = search(lower.substr(0, lower.size() - 1));  // prefix, other case
  EXPECT_EQ(all.at("total").as_int64(), 7);
  auto ahmads = search("ahmad%20" + lower);  // two words: both must match
  EXPECT_EQ(ahmads.at("total").as_int64(), 3);
  // Arabic without the hamza finds the name written with it: احمد -> أحمد
  auto arabic = search("%D8%A7%D8%AD%D9%85%D8%AF%20" + lower);
  EXPECT_EQ(arabic.at("total").as_int64(), 3);
  auto by_no = search(numbers[2]);
  ASSERT_EQ(by_no.at("total").as_int64(), 1);
  EXPECT_EQ(by_no.at("items").at(0).at("nationalNo"), numbers[2].c_str());
  // Paging and sorting.
  auto page1 = search(lower, "&pageSize=3&page=1&sort=dateOfBirth");
  auto page3 = search(lower, "&pageSize=3&page=3&sort=dateOfBirth");
  EXPECT_EQ(page1.at("items").as_array().size(), 3u);
  EXPECT_EQ(page3.at("items").as_array().size(), 1u);
  EXPECT_EQ(page1.at("items").at(0).at("dateOfBirth"), "1970-01-01");
  EXPECT_EQ(page3.at("items").at(0).at("dateOfBirth"), "1976-01-01");
  auto desc = search(lower, "&pageSize=1&sort=-dateOfBirth");
  EXPECT_EQ(desc.at("items").at(0).at("dateOfBirth"), "1976-01-01");
  EXPECT_EQ(desc.at("pageSize").as_int64(), 1);
  auto bad = api().Call("GET", "/api/v1/people?q=x&pageSize=500", json::value(), api().AdminToken());
  EXPECT_EQ(bad.status, 422);
  bad = api().Call("GET", "/api/v1/people?sort=salary", json::value(), api().AdminToken());
  EXPECT_EQ(bad.status, 422);
  auto by = api().Call("GET", "/api/v1/people/by-national-no/" + numbers[0], json::value(), api().AdminToken());
  EXPECT_EQ(by.status, 200);
  EXPECT_EQ(api().Call("GET", "/api/v1/people/by-national-no/0000000000", json::value(), api().AdminToken()).status,
            404);
}

TEST(People, SearchByNameUsesTheIndex) {
  if (api().db().dialect() != storage::Dialect::kSqlite) GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
  auto conn = api().db().Acquire();
  // The shape of a two-word name search (repositories.cpp, SqlPeopleRepository::Search).
  auto plan = conn->Query(
      "EXPLAIN QUERY PLAN SELECT p.id FROM people p WHERE p.id IN (SELECT DISTINCT n0.person_id FROM person_names n0 "
      "WHERE n0.name_norm >= 'ab' AND n0.name_norm < 'ab\xF4\x8F\xBF\xBF' AND EXISTS (SELECT 1 FROM person_names n "
      "WHERE n.person_id = n0.person_id AND n.name_norm >= 'cd' AND n.name_norm < 'cd\xF4\x8F\xBF\xBF') LIMIT 200) "
      "ORDER BY p.last_name_en, p.first_name_en, p.id LIMIT 20");
  std::string text;
  for (std::size_t i = 0; i < plan.size(); ++i) text += plan.Text(i, plan.columns() - 1) + "\n";
  EXPECT_EQ(text.find("SCAN p\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("SCAN people"), std::string::npos) << text;
  EXPECT_EQ(text.find("SCAN n"), std::string::npos) << text;
  EXPECT_NE(text.find("SEARCH n0 USING"), std::string::npos) << text;
}

TEST(People, ACommonNameStopsCountingAtTwoHundred) {
  // 1,005 people who share a family name, written straight to the database (fast), then searched.
  std::string family = "Zzcap";
  for (char h : core::RandomHex(4)) family.push_back(static_cast<char>('a' + (h % 16)));  // letters only
  std::string norm = family;
  for (auto& ch : norm) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::vector<std::int64_t> ids;  // in registration order
  {
    auto conn = api().db().Acquire();
    conn->Begin(true);
    for (int i = 0; i < 1005; ++i) {
      const char letter = static_cast<char>('a' + i % 26);
      // The one who sorts last by name is among the first registered, far from the newest 200.
      const std::string first = i == 3 ? "Sazz" : "Sami" + std::string(1, letter);
      const auto id =
          conn->Query(
                  "INSERT INTO people (national_no, first_name_ar, second_name_ar, last_name_ar, first_name_en, "
                  "second_name_en, last_name_en, date_of_birth, gender, nationality_code, deceased, created_at, "
                  "updated_at) VALUES ($1, 'سامي', 'خالد', 'النسور', $2, 'Khaled', $3, '1980-01-01', 'male', 'JO', 0, "
                  "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                  {NationalNo(), first, family})
              .Int(0, 0);
      ids.push_back(id);
      conn->Execute("INSERT INTO person_names (name_norm, person_id) VALUES ($1, $2)", {norm, id});
      std::string first_norm = first;
      first_norm[0] = 's';
      conn->Execute("INSERT INTO person_names (name_norm, person_id) VALUES ($1, $2)", {first_norm, id});
      if (conn->dialect() == storage::Dialect::kSqlite) {
        storage::ApplyFtsChanges(*conn, {{false, id, storage::FtsDocument({norm, first_norm})}});
      } else {
        conn->Execute("INSERT INTO person_name_words (person_id, words) VALUES ($1, CAST($2 AS tsvector))",
                      {id, storage::TsVectorText({norm, first_norm})});
      }
    }
    conn->Commit();
  }
  auto page = [&](const std::string& sort, int number) {
    auto r = api().Call("GET",
                        "/api/v1/people?q=" + family + "&sort=" + sort + "&pageSize=20&page=" + std::to_string(number),
                        json::value(), api().AdminToken());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  };
  auto first = page("-name", 1);
  EXPECT_EQ(first.at("total").as_int64(), 200);
  EXPECT_EQ(first.at("totalExact"), false);
  // Sorted by name, the pages are the newest 200 matches in that order, each once: page 2 follows
  // page 1 (a page 1 found by walking the name index over every match was followed by pages of
  // another set).
  std::vector<std::pair<std::string, std::int64_t>> seen;  // (first name, id) in page order
  for (int number = 1; number <= 11; ++number) {
    const auto items = page("-name", number).at("items").as_array();
    EXPECT_EQ(items.size(), number <= 10 ? 20u : 0u) << "page " << number;
    for (const auto& item : items) {
      seen.emplace_back(std::string(item.at("firstNameEn").as_string()), item.at("id").as_int64());
    }
  }
  ASSERT_EQ(seen.size(), 200u);
  auto expected = seen;
  std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a > b; });
  EXPECT_EQ(seen, expected) << "not in descending name order across pages";
  std::vector<std::int64_t> listed;
  for (const auto& [name, id] : seen) listed.push_back(id);
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, std::vector<std::int64_t>(ids.end() - 200, ids.end())) << "not the newest 200 matches";
  EXPECT_EQ(first.at("items").at(0).at("firstNameEn"), "Samiz");
  EXPECT_EQ(page("name", 1).at("items").at(0).at("firstNameEn"), "Samia");
  // By registration, pages go on through every match.
  EXPECT_EQ(page("-createdAt", 1).at("items").at(0).at("id").as_int64(), ids[1004]);
  const auto deep = page("-createdAt", 30).at("items").as_array();
  ASSERT_EQ(deep.size(), 20u);
  EXPECT_EQ(deep.at(0).at("id").as_int64(), ids[1004 - 580]);
  EXPECT_EQ(page("createdAt", 1).at("items").at(0).at("id").as_int64(), ids[0]);
  // Two words narrow it down to an exact count again.
  auto narrow = api().Call("GET", "/api/v1/people?q=samiq%20" + family, json::value(), api().AdminToken()).Json();
  EXPECT_EQ(narrow.at("totalExact"), true);
  EXPECT_EQ(narrow.at("total").as_int64(), 39);  // every 26th is a Samiq
  auto exact = api().Call("GET", "/api/v1/people?q=sami%20" + family, json::value(), api().AdminToken()).Json();
  EXPECT_EQ(exact.at("totalExact"), false);
}

TEST(People, NameSearchFollowsRenamesHyphensAndApostrophes) {
  std::string tag;
  for (char c : core::RandomHex(4)) tag.push_back(static_cast<char>('a' + (c % 26)));
  auto search = [&](const std::string& q, const std::string& extra = "") {
    auto r = api().Call("GET", "/api/v1/people?q=" + q + extra, json::value(), api().AdminToken());
    EXPECT_EQ(r.status, 200) << q << " " << r.body;
    return r.Json().as_object();
  };
  auto body = PersonBody(NationalNo());
  body["firstNameEn"] = "Wq" + tag;
  body["lastNameEn"] = "Al-Vq" + tag;
  const auto older = Register(body).at("id").as_int64();
  body = PersonBody(NationalNo());
  body["firstNameEn"] = "Wq" + tag;
  body["lastNameEn"] = "O'Vq" + tag;
  const auto newer = Register(body).at("id").as_int64();

  auto both = search("wq" + tag, "&sort=-createdAt");
  ASSERT_EQ(both.at("total").as_int64(), 2);
  EXPECT_EQ(both.at("items").at(0).at("id").as_int64(), newer) << "newest first";
  EXPECT_EQ(search("wq" + tag, "&sort=createdAt").at("items").at(0).at("id").as_int64(), older);
  EXPECT_EQ(search("wq" + tag).at("items").at(0).at("id").as_int64(), older) << "by name (the default): Al- < O'";
  EXPECT_EQ(search("al-vq" + tag.substr(0, 2)).at("total").as_int64(), 1) << "the hyphenated whole, as a prefix";
  EXPECT_EQ(search("vq" + tag + "%20wq" + tag).at("total").as_int64(), 1) << "the part after the hyphen";
  EXPECT_EQ(search("o%27vq" + tag).at("total").as_int64(), 1) << "with the apostrophe";
  EXPECT_EQ(search("ovq" + tag).at("total").as_int64(), 0) << "a name is not found without its punctuation";
  EXPECT_EQ(search("w%20vq" + tag).at("total").as_int64(), 1) << "a one-letter word is a prefix too";

  // Renamed: found by the new name, no longer by the old one.
  auto r = api().Call("PATCH", "/api/v1/people/" + std::to_string(older),
                      json::value(json::object{{"firstNameEn", "Uq" + tag}}), api().AdminToken());
  ASSERT_EQ(r.status, 200) << r.body;
  auto renamed = search("wq" + tag);
  ASSERT_EQ(renamed.at("total").as_int64(), 1);
  EXPECT_EQ(renamed.at("items").at(0).at("id").as_int64(), newer);
  EXPECT_EQ(search("uq" + tag).at("total").as_int64(), 1);
  EXPECT_EQ(search("uq" + tag + "%20al-vq" + tag).at("total").as_int64(), 1);
}

// A word that starts more names than are spelled out in the full-text query becomes a prefix of it
// (FTS5's first three characters; a tsquery prefix on PostgreSQL): an apostrophe in it, or
// characters that are operators of either query language, must neither break the query nor match
// differently.
TEST(People, NameSearchOfManyNamesAndQueryOperators) {
  std::string tag;
  for (char c : core::RandomHex(4)) tag.push_back(static_cast<char>('a' + (c % 26)));
  auto search = [&](const std::string& q) {
    auto r = api().Call("GET", "/api/v1/people?q=" + q + "&sort=-createdAt", json::value(), api().AdminToken());
    EXPECT_EQ(r.status, 200) << q << " " << r.body;
    return r.Json().as_object();
  };
  for (int i = 0; i < 18; ++i) {
    auto body = PersonBody(NationalNo());
    body["firstNameEn"] = "Zq" + tag;
    body["lastNameEn"] = "O'Xq" + tag + std::string(1, static_cast<char>('a' + i));
    Register(body);
  }
  EXPECT_EQ(search("o%27xq" + tag).at("total").as_int64(), 18);
  EXPECT_EQ(search("o%27xq" + tag + "%20zq" + tag).at("total").as_int64(), 18);
  EXPECT_EQ(search("zq" + tag + "%20o%27xq" + tag + "b").at("total").as_int64(), 1);
  EXPECT_EQ(search("o%27x%20zq" + tag).at("total").as_int64(), 18);
  for (const char* hostile : {"%5C", "%3A*", "%27%27", "%26", "%21(", "%7C", "%22*", "%3C-%3E"}) {
    EXPECT_EQ(search("zq" + tag + std::string(hostile)).at("total").as_int64(), 0) << hostile;
    EXPECT_EQ(search("zq" + tag + "%20" + std::string(hostile)).at("total").as_int64(), 0) << hostile;
  }
}

TEST(People, PhotosAreCheckedByContentAndServedResized) {
  auto p = Register(PersonBody(NationalNo()));
  const auto id = std::to_string(p.at("id").as_int64());
  const auto auth = std::map<std::string, std::string>{{"Authorization", "Bearer " + api().AdminToken()},
                                                       {"Content-Type", "image/png"}};
  auto r = api().Call("PUT", "/api/v1/people/" + id + "/photo", MakePng(1200, 900), auth);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("hasPhoto"), true);
  EXPECT_EQ(r.Json().at("photoUrl"), ("/api/v1/people/" + id + "/photo").c_str());
  auto get = api().Call("GET", "/api/v1/people/" + id + "/photo?size=thumb", "",
                        {{"Authorization", "Bearer " + api().AdminToken()}});
  ASSERT_EQ(get.status, 200);
  EXPECT_EQ(get.Header("content-type"), "image/jpeg");
  ASSERT_GT(get.body.size(), 3u);
  EXPECT_EQ(static_cast<unsigned char>(get.body[0]), 0xff);
  gdImagePtr thumb = gdImageCreateFromJpegPtr(static_cast<int>(get.body.size()), get.body.data());
  ASSERT_TRUE(thumb);
  EXPECT_EQ(gdImageSX(thumb), 160);
  EXPECT_EQ(gdImageSY(thumb), 120);
  gdImageDestroy(thumb);
  auto full =
      api().Call("GET", "/api/v1/people/" + id + "/photo", "", {{"Authorization", "Bearer " + api().AdminToken()}});
  gdImagePtr big = gdImageCreateFromJpegPtr(static_cast<int>(full.body.size()), full.body.data());
  ASSERT_TRUE(big);
  EXPECT_EQ(gdImageSX(big), 800);
  gdImageDestroy(big);

  // Not an image, whatever the Content-Type says.
  r = api().Call("PUT", "/api/v1/people/" + id + "/photo", "GIF89a fake", auth);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(RuleOf(r), "image-format");
  r = api().Call("PUT", "/api/v1/people/" + id + "/photo", "\x89PNG\r\n\x1a\n" + std::string(100, 'x'), auth);
  EXPECT_EQ(r.status, 422);
  // Over 2 MB.
  r = api().Call("PUT", "/api/v1/people/" + id + "/photo", std::string(2 * 1024 * 1024 + 1, 'x'), auth);
  EXPECT_EQ(r.status, 413);
  r = api().Call("DELETE", "/api/v1/people/" + id + "/photo", "", auth);
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(api().Call("GET", "/api/v1/people/" + id + "/photo", "", auth).status, 404);
}

// ------------------------------------------------------------------ staff accounts

TEST(Staff, AdministratorCreatesAccountsWithRulesChecked) {
  const auto name = Unique("clerk.");
  const auto token = api().CreateUser(name, "clerk");
  ASSERT_FALSE(token.empty());
  auto me = api().Call("GET", "/api/v1/auth/me", json::value(), token);
  EXPECT_EQ(me.Json().at("user").at("role"), "clerk");
  auto dup = api().Call("POST", "/api/v1/users",
                        json::value(json::object{
                            {"username", name}, {"password", "Counter#2026pass"}, {"role", "clerk"}, {"branchId", 2}}),
                        api().AdminToken());
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.Json().at("code"), "username-taken");
  auto weak = api().Call(
      "POST", "/api/v1/users",
      json::value(json::object{{"username", Unique("x")}, {"password", "short"}, {"role", "clerk"}, {"branchId", 1}}),
      api().AdminToken());
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(FieldOf(weak), "password");
  auto bad_role =
      api().Call("POST", "/api/v1/users",
                 json::value(json::object{
                     {"username", Unique("x")}, {"password", "Counter#2026pass"}, {"role", "king"}, {"branchId", 1}}),
                 api().AdminToken());
  EXPECT_EQ(FieldOf(bad_role), "role");
  auto bad_branch =
      api().Call("POST", "/api/v1/users",
                 json::value(json::object{
                     {"username", Unique("x")}, {"password", "Counter#2026pass"}, {"role", "clerk"}, {"branchId", 99}}),
                 api().AdminToken());
  EXPECT_EQ(FieldOf(bad_branch), "branchId");
  // A clerk cannot manage accounts.
  auto by_clerk =
      api().Call("POST", "/api/v1/users",
                 json::value(json::object{
                     {"username", Unique("x")}, {"password", "Counter#2026pass"}, {"role", "clerk"}, {"branchId", 1}}),
                 token);
  EXPECT_EQ(by_clerk.status, 403);
}

TEST(Staff, APersonHoldsAtMostOneAccount) {
  auto p = Register(PersonBody(NationalNo()));
  const auto pid = p.at("id").as_int64();
  auto make = [&](const std::string& name) {
    return api().Call("POST", "/api/v1/users",
                      json::value(json::object{{"username", name},
                                               {"password", "Counter#2026pass"},
                                               {"role", "examiner"},
                                               {"branchId", 1},
                                               {"personId", pid}}),
                      api().AdminToken());
  };
  auto first = make(Unique("exam."));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json().at("personNameEn"), "Mohammad Al-Abbadi");
  auto second = make(Unique("exam."));
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(second.Json().at("code"), "person-has-account");
}

TEST(Staff, FiveFailedSignInsLockFor15MinutesAndAnAdministratorCanUnlock) {
  const auto name = Unique("lock.");
  ASSERT_FALSE(api().CreateUser(name, "clerk").empty());
  auto attempt = [&](const std::string& pw) {
    return api().Call("POST", "/api/v1/auth/login", json::value(json::object{{"username", name}, {"password", pw}}),
                      "");
  };
  for (int i = 0; i < 4; ++i) EXPECT_EQ(attempt("Wrong#2026pass").Json().at("code"), "invalid-credentials");
  auto fifth = attempt("Wrong#2026pass");
  EXPECT_EQ(fifth.status, 401);
  EXPECT_EQ(fifth.Json().at("code"), "account-locked");
  EXPECT_EQ(attempt("Counter#2026pass").Json().at("code"), "account-locked") << "even the right password";
  api().clock().Advance(std::chrono::minutes(14));
  EXPECT_EQ(attempt("Counter#2026pass").Json().at("code"), "account-locked");
  api().clock().Advance(std::chrono::minutes(1));
  EXPECT_EQ(attempt("Counter#2026pass").status, 200) << "the lock ends after 15 minutes";

  // Lock again, then unlock by an administrator.
  for (int i = 0; i < 5; ++i) attempt("Wrong#2026pass");
  EXPECT_EQ(attempt("Counter#2026pass").Json().at("code"), "account-locked");
  auto list = api().Call("GET", "/api/v1/users?q=" + name, json::value(), api().AdminToken());
  const auto id = list.Json().at("items").at(0).at("id").as_int64();
  EXPECT_NE(list.Json().at("items").at(0).at("lockedUntil"), nullptr);
  auto unlock =
      api().Call("POST", "/api/v1/users/" + std::to_string(id) + "/unlock", json::value(), api().AdminToken());
  EXPECT_EQ(unlock.status, 204);
  EXPECT_EQ(attempt("Counter#2026pass").status, 200);
  // A success in between resets the count.
  for (int i = 0; i < 4; ++i) attempt("Wrong#2026pass");
  EXPECT_EQ(attempt("Counter#2026pass").status, 200);
  EXPECT_EQ(attempt("Wrong#2026pass").Json().at("code"), "invalid-credentials");
}

TEST(Staff, DeactivatingEndsSessionsAndResetPasswordReplacesTheOldOne) {
  const auto name = Unique("gone.");
  const auto token = api().CreateUser(name, "officer");
  auto list = api().Call("GET", "/api/v1/users?q=" + name, json::value(), api().AdminToken());
  const auto id = std::to_string(list.Json().at("items").at(0).at("id").as_int64());
  // The session is in use (and so remembered by the server) before each change, which must still
  // take effect on the very next request.
  EXPECT_EQ(api().Call("GET", "/api/v1/auth/me", json::value(), token).Json().at("user").at("role"), "officer");
  auto demote =
      api().Call("PATCH", "/api/v1/users/" + id, json::value(json::object{{"role", "auditor"}}), api().AdminToken());
  ASSERT_EQ(demote.status, 200) << demote.body;
  EXPECT_EQ(api().Call("GET", "/api/v1/auth/me", json::value(), token).Json().at("user").at("role"), "auditor");
  auto off =
      api().Call("PATCH", "/api/v1/users/" + id, json::value(json::object{{"active", false}}), api().AdminToken());
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.Json().at("active"), false);
  EXPECT_EQ(api().Call("GET", "/api/v1/auth/me", json::value(), token).status, 401);
  auto on = api().Call("PATCH", "/api/v1/users/" + id, json::value(json::object{{"active", true}}), api().AdminToken());
  EXPECT_EQ(on.status, 200);
  auto reset = api().Call("POST", "/api/v1/users/" + id + "/reset-password",
                          json::value(json::object{{"password", "Fresh#2026pass"}}), api().AdminToken());
  EXPECT_EQ(reset.status, 204) << reset.body;
  auto old_pw = api().Call("POST", "/api/v1/auth/login",
                           json::value(json::object{{"username", name}, {"password", "Counter#2026pass"}}), "");
  EXPECT_EQ(old_pw.status, 401);
  EXPECT_FALSE(api().Login(name, "Fresh#2026pass").empty());
}

TEST(Staff, AnAdministratorCannotRemoveTheirOwnRights) {
  auto me = api().Call("GET", "/api/v1/auth/me", json::value(), api().AdminToken());
  const auto id = std::to_string(me.Json().at("user").at("id").as_int64());
  auto r = api().Call("PATCH", "/api/v1/users/" + id, json::value(json::object{{"role", "clerk"}}), api().AdminToken());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.Json().at("code"), "cannot-demote-self");
  r = api().Call("PATCH", "/api/v1/users/" + id, json::value(json::object{{"active", false}}), api().AdminToken());
  EXPECT_EQ(r.status, 409);
}

TEST(Staff, UsersChangeTheirOwnPasswordWithTheCurrentOne) {
  const auto name = Unique("self.");
  const auto token = api().CreateUser(name, "finance");
  auto wrong =
      api().Call("POST", "/api/v1/auth/change-password",
                 json::value(json::object{{"currentPassword", "nope"}, {"newPassword", "Better#2026pass"}}), token);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(FieldOf(wrong), "currentPassword");
  auto weak =
      api().Call("POST", "/api/v1/auth/change-password",
                 json::value(json::object{{"currentPassword", "Counter#2026pass"}, {"newPassword", "weak"}}), token);
  EXPECT_EQ(FieldOf(weak), "newPassword");
  auto ok = api().Call(
      "POST", "/api/v1/auth/change-password",
      json::value(json::object{{"currentPassword", "Counter#2026pass"}, {"newPassword", "Better#2026pass"}}), token);
  EXPECT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(api().Call("GET", "/api/v1/auth/me", json::value(), token).status, 200) << "this session stays";
  EXPECT_FALSE(api().Login(name, "Better#2026pass").empty());
}

// ------------------------------------------------------------------ reference data

TEST(Reference, EveryoneReadsAndOnlyAdministratorsChangeWithAudit) {
  const auto clerk = api().CreateUser(Unique("ref."), "clerk");
  auto classes = api().Call("GET", "/api/v1/license-classes", json::value(), clerk);
  ASSERT_EQ(classes.status, 200);
  auto arr = classes.Json().as_array();
  ASSERT_EQ(arr.size(), 7u);
  EXPECT_EQ(arr[2].at("nameEn"), "Ordinary driving licence (car)");
  EXPECT_EQ(arr[2].at("minimumAge").as_int64(), 18);
  EXPECT_EQ(arr[2].at("fee").as_int64(), 20000);
  EXPECT_EQ(arr[2].at("currency"), "JOD");
  auto types = api().Call("GET", "/api/v1/application-types", json::value(), clerk).Json().as_array();
  EXPECT_EQ(types[0].at("fee").as_int64(), 15000);
  auto tests = api().Call("GET", "/api/v1/test-types", json::value(), clerk).Json().as_array();
  EXPECT_EQ(tests[2].at("code"), "street");
  EXPECT_EQ(tests[2].at("fee").as_int64(), 35000);
  auto countries = api().Call("GET", "/api/v1/countries", json::value(), clerk).Json().as_array();
  EXPECT_GT(countries.size(), 240u);
  bool jordan = false;
  for (const auto& c : countries) jordan = jordan || (c.at("code") == "JO" && c.at("nameAr") == "الأردن");
  EXPECT_TRUE(jordan);
  EXPECT_EQ(api().Call("GET", "/api/v1/branches", json::value(), clerk).Json().as_array().size() >= 4, true);

  json::object change{{"nameAr", "رخصة قيادة عادية (سيارة)"},
                      {"nameEn", "Ordinary driving licence (car)"},
                      {"minimumAge", 18},
                      {"validityYears", 10},
                      {"fee", 22500}};
  EXPECT_EQ(api().Call("PUT", "/api/v1/license-classes/3", json::value(change), clerk).status, 403);
  auto r = api().Call("PUT", "/api/v1/license-classes/3", json::value(change), api().AdminToken());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("fee").as_int64(), 22500);
  auto audit = api().Call("GET", "/api/v1/audit?entity=license_class&entityId=3", json::value(), api().AdminToken());
  EXPECT_EQ(audit.Json().at("items").at(0).at("before").at("feeFils").as_int64(), 20000);
  EXPECT_EQ(audit.Json().at("items").at(0).at("after").at("feeFils").as_int64(), 22500);
  change["fee"] = -1;
  r = api().Call("PUT", "/api/v1/license-classes/3", json::value(change), api().AdminToken());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "fee");
  change["fee"] = 20000;
  EXPECT_EQ(api().Call("PUT", "/api/v1/license-classes/3", json::value(change), api().AdminToken()).status, 200);
}

// ------------------------------------------------------------------ API keys

TEST(ApiKeys, AKeyActsOnlyWithinItsScopeAndStopsWhenRevoked) {
  auto person = Register(PersonBody(NationalNo()));
  const std::string no(person.at("nationalNo").as_string());
  auto make = [&](const char* scope) {
    auto r = api().Call("POST", "/api/v1/api-keys",
                        json::value(json::object{{"name", std::string("Partner ") + scope}, {"scope", scope}}),
                        api().AdminToken());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().as_object();
  };
  auto police = make("police");
  auto insurer = make("insurer");
  const std::string police_key(police.at("key").as_string());
  const std::string insurer_key(insurer.at("key").as_string());
  EXPECT_EQ(police_key.rfind("dvld_", 0), 0u);
  auto lookup = [&](const std::string& key) {
    return api().Call("GET", "/api/v1/people/by-national-no/" + no, "", {{"X-API-Key", key}});
  };
  EXPECT_EQ(lookup(police_key).status, 200);
  auto denied = lookup(insurer_key);
  EXPECT_EQ(denied.status, 403);
  EXPECT_NE(denied.Json().at("detail").as_string().find("insurer"), std::string::npos);
  EXPECT_EQ(api()
                .Call("POST", "/api/v1/people", json::serialize(PersonBody(NationalNo())), {{"X-API-Key", police_key}})
                .status,
            403)
      << "police may look people up, not register them";
  EXPECT_EQ(api().Call("GET", "/api/v1/users", "", {{"X-API-Key", police_key}}).status, 403);
  // Listed without the key itself.
  auto list = api().Call("GET", "/api/v1/api-keys", json::value(), api().AdminToken());
  EXPECT_EQ(list.body.find(police_key), std::string::npos);
  EXPECT_EQ(list.body.find(core::Sha256Hex(police_key)), std::string::npos);
  auto revoke = api().Call("POST", "/api/v1/api-keys/" + std::to_string(police.at("id").as_int64()) + "/revoke",
                           json::value(), api().AdminToken());
  EXPECT_EQ(revoke.status, 204);
  auto after = lookup(police_key);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.Json().at("code"), "invalid-api-key");
  EXPECT_EQ(lookup("dvld_forged_key_that_is_long_enough").status, 401);
}

// ------------------------------------------------------------------ audit trail

TEST(Audit, OnlyAuditorsAndAdministratorsReadIt) {
  EXPECT_EQ(api().Call("GET", "/api/v1/audit", json::value(), api().CreateUser(Unique("aud."), "auditor")).status, 200);
  EXPECT_EQ(api().Call("GET", "/api/v1/audit", json::value(), api().CreateUser(Unique("clk."), "clerk")).status, 403);
}

TEST(Audit, ConcurrentWritersKeepOneUnbrokenChain) {
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        auto r = api().Call("POST", "/api/v1/people", json::value(PersonBody(NationalNo())), api().AdminToken());
        if (r.status == 201) ++created;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 20);
  const auto result = storage::VerifyAuditChain(api().db());
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.entries, Count("audit_log"));
}

TEST(Audit, VerifyDetectsAnEditedOrDeletedEntry) {
  // A database of its own: this test damages it on purpose.
  storage::Database db(api().FreshDatabaseUrl(), 2);
  storage::Migrate(db);
  {
    auto conn = db.Acquire();
    conn->Begin(true);
    for (int i = 1; i <= 5; ++i) {
      storage::SqlAuditRepository audit(*conn);
      audit.Append(app::Principal::System("t"), core::SystemClock().Now(), "create", "person", i, std::nullopt,
                   std::string(R"({"n":)") + std::to_string(i) + "}");
    }
    conn->Commit();
  }
  EXPECT_TRUE(storage::VerifyAuditChain(db).ok);
  auto conn = db.Acquire();
  // The table refuses changes; an attacker with database access removes that guard first.
  EXPECT_THROW(conn->Execute("UPDATE audit_log SET after_json = '{}' WHERE seq = 3"), storage::DbError);
  if (db.dialect() == storage::Dialect::kSqlite) {
    conn->ExecuteScript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  } else {
    conn->ExecuteScript("DROP TRIGGER audit_log_no_change ON audit_log;");
  }
  conn->Execute(R"(UPDATE audit_log SET after_json = '{"n":33}' WHERE seq = 3)");
  auto edited = storage::VerifyAuditChain(db);
  EXPECT_FALSE(edited.ok);
  EXPECT_EQ(edited.broken_seq, 3);
  conn->Execute(R"(UPDATE audit_log SET after_json = '{"n":3}' WHERE seq = 3)");
  EXPECT_TRUE(storage::VerifyAuditChain(db).ok);
  conn->Execute("DELETE FROM audit_log WHERE seq = 2");
  auto deleted = storage::VerifyAuditChain(db);
  EXPECT_FALSE(deleted.ok);
  EXPECT_EQ(deleted.broken_seq, 2);
  conn->Execute("DELETE FROM audit_log WHERE seq >= 2");
  auto truncated = storage::VerifyAuditChain(db);
  EXPECT_FALSE(truncated.ok) << "removing the newest entries is caught by the chain head";
}

// ------------------------------------------------------------------ permission matrix

TEST(Permissions, EveryRouteAnswersEveryRoleAsItsPermissionSays) {
  std::map<domain::Role, std::string> tokens;
  for (auto role : domain::AllRoles()) {
    tokens[role] =
        role == domain::Role::kAdministrator
            ? api().AdminToken()
            : api().CreateUser(Unique(std::string(domain::RoleName(role)) + "."), std::string(domain::RoleName(role)));
  }
  int checked = 0;
  for (const auto& route : api().router().routes()) {
    if (route.permission == http::access::kPublic) continue;
    std::string path = route.pattern;
    for (auto pos = path.find('{'); pos != std::string::npos; pos = path.find('{')) {
      path.replace(pos, path.find('}', pos) - pos + 1, "999999");
    }
    // Without credentials: 401.
    auto anon = api().Call(route.method, path);
    EXPECT_EQ(anon.status, 401) << route.method << " " << route.pattern;
    for (const auto& [role, token] : tokens) {
      const bool allowed = route.permission == http::access::kSignedIn || domain::HasPermission(role, route.permission);
      // An empty body and a missing id: allowed calls fail validation or find nothing, so the
      // matrix changes no data.
      auto r = api().Call(route.method, path, "", {{"Authorization", "Bearer " + token}});
      if (allowed) {
        EXPECT_NE(r.status, 403) << domain::RoleName(role) << " " << route.method << " " << route.pattern << " "
                                 << r.body;
        EXPECT_NE(r.status, 401) << domain::RoleName(role) << " " << route.method << " " << route.pattern;
        EXPECT_LT(r.status, 500) << domain::RoleName(role) << " " << route.method << " " << route.pattern << " "
                                 << r.body;
      } else {
        EXPECT_EQ(r.status, 403) << domain::RoleName(role) << " " << route.method << " " << route.pattern;
        EXPECT_EQ(r.Json().at("code"), "forbidden");
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 150);
}

}  // namespace
}  // namespace dvld::test
