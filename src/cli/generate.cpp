#include "cli/generate.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <vector>

#include "app/principal.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/json_writer.h"
#include "domain/people/person.h"
#include "domain/vehicles/vehicles.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/name_search.h"
#include "storage/sql_store.h"

namespace dvld::cli {
namespace {

using storage::BulkInsert;
using Clock = std::chrono::steady_clock;

struct Name {
  const char* ar;
  const char* en;
};
constexpr std::array<Name, 24> kMale{
    {{"محمد", "Mohammad"}, {"أحمد", "Ahmad"},  {"خالد", "Khaled"},     {"عمر", "Omar"},   {"يوسف", "Yousef"},
     {"علي", "Ali"},       {"حسن", "Hasan"},   {"إبراهيم", "Ibrahim"}, {"سامي", "Sami"},  {"زيد", "Zaid"},
     {"فراس", "Firas"},    {"طارق", "Tareq"},  {"مالك", "Malek"},      {"ليث", "Laith"},  {"عبدالله", "Abdullah"},
     {"سعيد", "Saeed"},    {"ماجد", "Majed"},  {"رامي", "Rami"},       {"باسل", "Basel"}, {"نادر", "Nader"},
     {"هاني", "Hani"},     {"وليد", "Waleed"}, {"أنس", "Anas"},        {"معاذ", "Moath"}}};
constexpr std::array<Name, 16> kFemale{{{"فاطمة", "Fatima"},
                                        {"مريم", "Maryam"},
                                        {"سارة", "Sara"},
                                        {"ليلى", "Layla"},
                                        {"رنا", "Rana"},
                                        {"هبة", "Heba"},
                                        {"دانة", "Dana"},
                                        {"نور", "Noor"},
                                        {"آية", "Aya"},
                                        {"لينا", "Lina"},
                                        {"رزان", "Razan"},
                                        {"سلمى", "Salma"},
                                        {"هديل", "Hadeel"},
                                        {"روان", "Rawan"},
                                        {"تالا", "Tala"},
                                        {"جنى", "Jana"}}};
constexpr std::array<Name, 20> kFamily{
    {{"العبادي", "Al-Abbadi"},     {"الخطيب", "Al-Khatib"},  {"المومني", "Al-Momani"},    {"الزعبي", "Al-Zoubi"},
     {"الحسيني", "Al-Husseini"},   {"النسور", "Al-Nsour"},   {"الطراونة", "Al-Tarawneh"}, {"العمري", "Al-Omari"},
     {"الشريف", "Al-Sharif"},      {"المجالي", "Al-Majali"}, {"الرفاعي", "Al-Rifai"},     {"البطاينة", "Al-Btoush"},
     {"الخوالدة", "Al-Khawaldeh"}, {"الحياري", "Al-Hiyari"}, {"القضاة", "Al-Qudah"},      {"العدوان", "Al-Adwan"},
     {"الفايز", "Al-Fayez"},       {"الدباس", "Al-Dabbas"},  {"حداد", "Haddad"},          {"النابلسي", "Al-Nabulsi"}}};
constexpr std::array<const char*, 8> kMakes{
    {"Toyota", "Hyundai", "Kia", "Nissan", "Mercedes-Benz", "Volkswagen", "Ford", "BYD"}};
constexpr std::array<const char*, 6> kColors{{"White", "Silver", "Black", "Grey", "Blue", "Red"}};
constexpr std::array<const char*, 6> kPlaces{{"Amman, Zahran St", "Irbid, University St", "Zarqa, Army St",
                                              "Aqaba, King Hussein St", "Amman, Airport Rd", "Salt, Main St"}};

// Licence classes of migration 0002: id, validity in years, minimum age, fee, names.
struct Class {
  int id, years, min_age;
  std::int64_t fee;
  const char* en;
  const char* ar;
};
constexpr std::array<Class, 7> kClasses{
    {{1, 5, 18, 15000, "Small motorcycle", "دراجة نارية صغيرة"},
     {2, 5, 21, 30000, "Heavy motorcycle", "دراجة نارية ثقيلة"},
     {3, 10, 18, 20000, "Ordinary driving licence (car)", "رخصة قيادة عادية (سيارة)"},
     {4, 10, 21, 200000, "Commercial (taxi, limousine)", "عمومي (تاكسي، ليموزين)"},
     {5, 10, 21, 50000, "Agricultural (tractors, machinery)", "زراعي (جرارات وآليات)"},
     {6, 10, 21, 250000, "Small and medium bus", "حافلة صغيرة ومتوسطة"},
     {7, 10, 21, 300000, "Truck and heavy vehicle", "شاحنة ومركبة ثقيلة"}}};
constexpr std::array<int, 6> kOtherClasses{{1, 2, 4, 5, 6, 7}};

// Application types of migration 0002 that generated licences come from.
struct Service {
  const char* code;
  const char* en;
  const char* ar;
  std::int64_t fee;
};
constexpr Service kNewLicense{"new-local-license", "New local driving licence", "إصدار رخصة قيادة محلية جديدة", 15000};
constexpr Service kRenewal{"renew-license", "Driving licence renewal", "تجديد رخصة القيادة", 7000};
constexpr Service kReplaceLost{"replace-lost-license", "Replacement of a lost licence", "بدل فاقد لرخصة القيادة",
                               10000};
constexpr Service kReplaceDamaged{"replace-damaged-license", "Replacement of a damaged licence",
                                  "بدل تالف لرخصة القيادة", 5000};

// Violation types of migration 0006: id, code, fine, points, names.
struct ViolationType {
  int id;
  const char* code;
  std::int64_t fine;
  int points;
  const char* en;
  const char* ar;
};
constexpr std::array<ViolationType, 9> kViolationTypes{{
    {1, "speeding-minor", 20000, 2, "Speeding by less than 20 km/h", "تجاوز السرعة بأقل من 20 كم/س"},
    {2, "speeding-major", 150000, 6, "Speeding by more than 40 km/h", "تجاوز السرعة بأكثر من 40 كم/س"},
    {3, "red-light", 100000, 6, "Running a red light", "قطع الإشارة الضوئية الحمراء"},
    {4, "phone", 50000, 4, "Using a phone while driving", "استخدام الهاتف أثناء القيادة"},
    {5, "seat-belt", 15000, 2, "Not wearing a seat belt", "عدم ربط حزام الأمان"},
    {6, "wrong-way", 100000, 8, "Driving the wrong way", "السير عكس اتجاه السير"},
    {7, "parking", 15000, 0, "Parking where forbidden", "الوقوف في مكان ممنوع"},
    {8, "no-insurance", 100000, 4, "Driving without insurance", "القيادة دون تأمين"},
    {9, "reckless", 200000, 10, "Reckless driving", "القيادة بتهور"},
}};

// Every row's content is a pure function of (seed, stream, row): each table is written in its own
// pass (COPY handles one table at a time) and later passes recompute what they refer to.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
struct Rand {
  std::uint64_t s;
  std::uint64_t Next() { return s = Mix(s); }
  int Pick(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
};
enum Stream : std::uint64_t { kPerson = 1, kLicense, kVehicle, kViolation, kSuspended };

char* Numbered(char (&buf)[32], const char* prefix, std::int64_t n, int width) {
  std::snprintf(buf, sizeof buf, "%s%0*lld", prefix, width, static_cast<long long>(n));
  return buf;
}

// Sends rows of one table in transactions of `batch` rows, with a progress line.
class Loader {
 public:
  Loader(storage::Connection& conn, std::int64_t batch) : conn_(conn), batch_(std::max<std::int64_t>(1, batch)) {}

  void Load(const std::string& table, const std::vector<std::string>& columns, std::int64_t total,
            const std::function<void(std::int64_t, BulkInsert&)>& row) {
    const auto start = Clock::now();
    auto last = start;
    std::int64_t done = 0;
    while (done < total) {
      const std::int64_t end = std::min(total, done + batch_);
      conn_.Begin(true);
      auto bulk = conn_.BulkInsertInto(table, columns);
      for (; done < end; ++done) {
        row(done, *bulk);
        bulk->EndRow();
      }
      bulk->Finish();
      bulk.reset();
      conn_.Commit();
      const auto now = Clock::now();
      if (now - last > std::chrono::milliseconds(200) || done == total) {
        Progress(table, done, total, std::chrono::duration<double>(now - start).count());
        last = now;
      }
    }
    if (total == 0) Progress(table, 0, 0, 0);
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::fputc('\n', stderr);
    rows_ += total;
    timings_.push_back({table, total, secs});
  }

  std::int64_t rows() const { return rows_; }
  struct Timing {
    std::string table;
    std::int64_t rows;
    double secs;
  };
  const std::vector<Timing>& timings() const { return timings_; }

  static void Progress(const std::string& label, std::int64_t done, std::int64_t total, double secs) {
    const int width = 30;
    const int filled = total ? static_cast<int>(width * done / total) : width;
    std::fprintf(stderr, "\r%-16s [%s%s] %lld/%lld  %.0f rows/s  %.1f s ", label.c_str(),
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                 static_cast<long long>(done), static_cast<long long>(total),
                 secs > 0 ? static_cast<double>(done) / secs : 0.0, secs);
  }

 private:
  storage::Connection& conn_;
  std::int64_t batch_;
  std::int64_t rows_ = 0;
  std::vector<Timing> timings_;
};

// The secondary indexes of the tables being loaded are dropped before a large load and built again
// afterwards from their own definitions (sqlite_master; pg_get_indexdef): building an index from
// the whole table at once is much faster than keeping it up to date row by row. Primary keys and
// the indexes of UNIQUE constraints stay (SQLite's autoindexes have no SQL; on PostgreSQL they back
// a constraint).
struct SavedIndex {
  std::string name, table, sql;
};
std::vector<SavedIndex> DropIndexes(storage::Connection& conn, const std::vector<std::string>& tables) {
  const bool pg = conn.dialect() == storage::Dialect::kPostgres;
  std::vector<SavedIndex> saved;
  for (const auto& t : tables) {
    auto r = conn.Query(pg ? "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = "
                             "x.indexrelid JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = $1 AND "
                             "pg_table_is_visible(t.oid) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE "
                             "c.conindid = x.indexrelid) ORDER BY i.relname"
                           : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $1 AND sql IS "
                             "NOT NULL ORDER BY name",
                        {t});
    for (std::size_t i = 0; i < r.size(); ++i) saved.push_back({r.Text(i, 0), t, r.Text(i, 1)});
  }
  conn.Begin(true);
  for (const auto& s : saved) conn.ExecuteScript("DROP INDEX \"" + s.name + "\"");
  conn.Commit();
  return saved;
}
void CreateIndexes(storage::Connection& conn, const std::vector<SavedIndex>& saved) {
  const auto start = Clock::now();
  for (std::size_t n = 0; n < saved.size(); ++n) {
    const auto t0 = Clock::now();
    conn.Begin(true);
    conn.ExecuteScript(saved[n].sql);
    conn.Commit();
    std::fprintf(stderr, "index %2zu/%zu %-36s %6.1f s\n", n + 1, saved.size(), saved[n].name.c_str(),
                 std::chrono::duration<double>(Clock::now() - t0).count());
  }
  std::fprintf(stderr, "indexes built in %.1f s\n", std::chrono::duration<double>(Clock::now() - start).count());
}

}  // namespace

int Generate(const GenerateOptions& o) {
  const auto started = Clock::now();
  storage::Database db(o.db, 2);  // the load, and the audit entry at the end
  storage::Migrate(db);
  const bool pg = db.dialect() == storage::Dialect::kPostgres;
  const auto now = core::SystemClock().Now();
  const auto today = core::Date::Of(now);
  const auto ts = core::FormatTimestamp(now);
  const auto today_s = today.ToString();

  std::int64_t admin = 0;
  std::string admin_name;
  {
    auto conn = db.Acquire();
    auto u = conn->Query("SELECT id, username FROM users ORDER BY id LIMIT 1");
    if (u.empty()) {
      std::cerr << "error: run `dvld init` first (generated records are created by the administrator)\n";
      return 2;
    }
    admin = u.Int(0, 0);
    admin_name = u.Text(0, 1);
  }

  const std::int64_t P = std::max<std::int64_t>(0, o.people);
  // One licence per person and class: at most 7 per person.
  const std::int64_t L = P == 0 ? 0 : std::clamp<std::int64_t>(o.licenses, 0, 7 * P);
  const std::int64_t V = P == 0 ? 0 : std::max<std::int64_t>(0, o.vehicles);
  const std::int64_t X = L == 0 ? 0 : std::max<std::int64_t>(0, o.violations < 0 ? L / 4 : o.violations);

  auto lease = db.Acquire();
  storage::Connection& conn = *lease;
  // The load owns the ids: it reads the highest of each table once and counts up from there.
  auto max_id = [&](const char* table) {
    return conn.Query(std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table).Int(0, 0);
  };
  auto counter = [&](const char* name) {
    return conn.Query("SELECT value FROM counters WHERE name = $1", {std::string(name)}).Int(0, 0);
  };
  const std::int64_t person0 = max_id("people") + 1, driver0 = max_id("drivers") + 1, app0 = max_id("applications") + 1,
                     license0 = max_id("licenses") + 1, bill0 = max_id("bills") + 1, line0 = max_id("bill_lines") + 1,
                     payment0 = max_id("payments") + 1, detention0 = max_id("detentions") + 1,
                     vehicle0 = max_id("vehicles") + 1, owner0 = max_id("vehicle_owners") + 1,
                     violation0 = max_id("violations") + 1, suspension0 = max_id("suspensions") + 1;
  const std::int64_t license_no0 = counter("license"), receipt_no0 = counter("receipt"), plate0 = counter("plate");
  const std::int64_t existing_people = conn.Query("SELECT COUNT(*) FROM people").Int(0, 0);

  std::vector<SavedIndex> dropped_indexes;
  if (pg) {
    conn.ExecuteScript("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");
    // Foreign-key triggers check every COPYed row with a query of its own (they cost more than
    // the COPY). The rows refer to ids this load wrote or read, so a superuser session skips them
    // (replica role); another role keeps them, slower but the same data.
    try {
      conn.ExecuteScript("SET session_replication_role = replica");
      std::fprintf(stderr, "foreign-key triggers off for this session (session_replication_role = replica)\n");
    } catch (const storage::DbError&) {
      std::fprintf(stderr, "foreign keys are checked row by row (not a superuser)\n");
    }
  } else {
    // An offline tool: the server should be stopped (it would wait on the write lock meanwhile).
    conn.ExecuteScript("PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY");
  }
  if (P >= existing_people) {
    dropped_indexes = DropIndexes(
        conn, {"people", "person_names", "person_name_words", "drivers", "applications", "licenses", "bills",
               "bill_lines", "payments", "detentions", "vehicles", "vehicle_owners", "violations", "suspensions"});
  }
  // Should the load fail, the indexes are still built again (so that a server on a half-loaded
  // database keeps its unique rules and speed); the batches committed so far stay.
  struct RestoreIndexes {
    storage::Connection& conn;
    std::vector<SavedIndex>& saved;
    ~RestoreIndexes() {
      if (saved.empty()) return;
      try {
        conn.Rollback();
        CreateIndexes(conn, saved);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "error: could not build the dropped indexes again: %s\n", e.what());
      }
    }
  } restore_indexes{conn, dropped_indexes};
  Loader load(conn, o.batch);

  // ---- people ----
  struct Person {
    bool female;
    const Name *first, *father, *grand, *family;
    core::Date dob;
  };
  auto person_of = [&](std::int64_t id) {
    Rand r{Mix(o.seed ^ Mix(kPerson * 0x100000001ULL + static_cast<std::uint64_t>(id)))};
    Person p{false, nullptr, nullptr, nullptr, nullptr, today};
    p.female = r.Pick(2) == 1;
    p.first = p.female ? &kFemale[static_cast<std::size_t>(r.Pick(kFemale.size()))]
                       : &kMale[static_cast<std::size_t>(r.Pick(kMale.size()))];
    p.father = &kMale[static_cast<std::size_t>(r.Pick(kMale.size()))];
    p.grand = &kMale[static_cast<std::size_t>(r.Pick(kMale.size()))];
    p.family = &kFamily[static_cast<std::size_t>(r.Pick(kFamily.size()))];
    // 21 to 78 years old, so that every class's minimum age is met.
    p.dob = today.AddDays(-(21 * 366 + r.Pick(57 * 365)));
    return p;
  };
  // National numbers: "3" and nine digits of the person's id, so a later run (which starts after
  // the highest id) never repeats one.
  load.Load("people",
            {"id", "national_no", "first_name_ar", "second_name_ar", "third_name_ar", "last_name_ar", "first_name_en",
             "second_name_en", "third_name_en", "last_name_en", "date_of_birth", "gender", "nationality_code",
             "address", "phone", "deceased", "created_at", "updated_at"},
            P, [&](std::int64_t i, BulkInsert& b) {
              const std::int64_t id = person0 + i;
              const auto p = person_of(id);
              char no[32], phone[32];
              std::snprintf(no, sizeof no, "3%09lld", static_cast<long long>(id % 1000000000LL));
              std::snprintf(phone, sizeof phone, "+96279%07lld", static_cast<long long>(id % 10000000LL));
              b.Int(id).Text(no).Text(p.first->ar).Text(p.father->ar).Text(p.grand->ar).Text(p.family->ar);
              b.Text(p.first->en).Text(p.father->en).Text(p.grand->en).Text(p.family->en);
              b.Text(p.dob.ToString()).Text(p.female ? "female" : "male").Text("JO").Text("عمّان").Text(phone).Int(0);
              b.Text(ts).Text(ts);
            });
  // The name search index, exactly as the server writes it (domain::SearchTerms of each person),
  // written in primary-key order (name_norm, person_id): every row is then an append to both
  // B-trees instead of an insert in the middle of ~150 hot ranges. The terms of all people are
  // bucketed by term first (4 bytes a row); names come from short lists, so terms are few.
  auto terms_of = [&](std::int64_t id) {
    const auto p = person_of(id);
    domain::PersonData d;
    d.first_name_ar = p.first->ar;
    d.second_name_ar = p.father->ar;
    d.third_name_ar = p.grand->ar;
    d.last_name_ar = p.family->ar;
    d.first_name_en = p.first->en;
    d.second_name_en = p.father->en;
    d.third_name_en = p.grand->en;
    d.last_name_en = p.family->en;
    return domain::SearchTerms(d);  // sorted, without repeats
  };
  {
    const auto t0 = Clock::now();
    std::map<std::string, std::uint32_t> term_ids;
    std::vector<std::vector<std::uint32_t>> buckets;  // by term id: person offsets, ascending
    std::int64_t rows = 0;
    for (std::int64_t i = 0; i < P; ++i) {
      for (auto& t : terms_of(person0 + i)) {
        auto [it, added] = term_ids.try_emplace(std::move(t), static_cast<std::uint32_t>(buckets.size()));
        if (added) buckets.emplace_back();
        buckets[it->second].push_back(static_cast<std::uint32_t>(i));
        ++rows;
      }
    }
    std::fprintf(stderr, "person_names: %lld terms of %zu distinct names in %.1f s\n", static_cast<long long>(rows),
                 term_ids.size(), std::chrono::duration<double>(Clock::now() - t0).count());
    auto term = term_ids.begin();  // std::map: bytewise order, as SQLite's BINARY and PostgreSQL's "C"
    std::size_t pos = 0;
    load.Load("person_names", {"name_norm", "person_id"}, rows, [&](std::int64_t, BulkInsert& b) {
      while (pos >= buckets[term->second].size()) {
        std::vector<std::uint32_t>().swap(buckets[term->second]);
        ++term;
        pos = 0;
      }
      b.Text(term->first).Int(person0 + buckets[term->second][pos++]);
    });
  }
  if (!pg) {
    // SQLite's full-text name index (migrations 0011 and 0015): one document per person, in rowid
    // order (storage::FtsRowid, newest person first), which FTS5 takes without a segment per row.
    load.Load("person_names_fts", {"rowid", "names"}, P, [&](std::int64_t i, BulkInsert& b) {
      const std::int64_t id = person0 + P - 1 - i;
      b.Int(storage::FtsRowid(id)).Text(storage::FtsDocument(terms_of(id)));
    });
  } else {
    // PostgreSQL's tsvector of the same words (migration 0013); its GIN index is built afterwards
    // with the other dropped indexes.
    load.Load("person_name_words", {"person_id", "words"}, P, [&](std::int64_t i, BulkInsert& b) {
      b.Int(person0 + i).Text(storage::TsVectorText(terms_of(person0 + i)));
    });
  }

  // ---- licences ----
  // Slot i is the current licence of person (i mod P) in one class (ordinary first, then the
  // others). One slot in eight also has the licence it renewed or replaced, written just before it
  // (lower id, older number). Every licence row comes from one completed application, paid by one
  // bill with one line and one payment (receipt).
  auto has_history = [](std::int64_t i) { return i % 8 == 5; };
  auto history_before = [](std::int64_t i) { return (i + 2) / 8; };  // slots j < i with j % 8 == 5
  const std::int64_t R = L + history_before(L);                      // licence rows
  auto row_of_current = [&](std::int64_t i) { return i + history_before(i) + (has_history(i) ? 1 : 0); };
  struct Lic {
    std::int64_t person;
    const Class* cls;
    core::Date issue, expiry;
    const Service* history;  // the service that produced the current licence from the old one
    core::Date old_issue, old_expiry;
    bool detained;
  };
  auto lic_of = [&](std::int64_t i) {
    Rand r{Mix(o.seed ^ Mix(kLicense * 0x100000001ULL + static_cast<std::uint64_t>(license0 + i)))};
    Lic l{0, nullptr, today, today, nullptr, today, today, false};
    const std::int64_t k = i % P, round = i / P;
    l.person = person0 + k;
    const int cls_id =
        round == 0 ? 3
                   : kOtherClasses[static_cast<std::size_t>(
                         (round - 1 + static_cast<std::int64_t>(Mix(static_cast<std::uint64_t>(l.person)) % 6)) % 6)];
    l.cls = &kClasses[static_cast<std::size_t>(cls_id - 1)];
    const auto adult = person_of(l.person).dob.AddYears(l.cls->min_age);
    // Issued in the last 12 years, not before the minimum age: some are expired by now.
    l.issue = std::max(adult, today.AddDays(-r.Pick(12 * 365)));
    l.expiry = l.issue.AddYears(l.cls->years);
    l.history = nullptr;
    if (has_history(i)) {
      const int kind = static_cast<int>((i / 8) % 3);
      if (kind == 0 && l.issue.AddYears(-l.cls->years) >= adult) {
        l.history = &kRenewal;
        l.old_issue = l.issue.AddYears(-l.cls->years);
        l.old_expiry = l.issue;
      } else {
        l.history = kind == 1 ? &kReplaceLost : &kReplaceDamaged;
        l.old_issue = std::max(adult, l.issue.AddDays(-r.Pick(3 * 365)));
        l.old_expiry = l.old_issue.AddYears(l.cls->years);
        l.expiry = l.old_expiry;  // a replacement keeps the expiry
      }
    }
    l.detained = i % 50 == 17 && l.expiry >= today;
    return l;
  };
  // Licence row n (0..R-1): which slot, and whether it is the old licence of a history pair.
  struct RowRef {
    std::int64_t slot;
    bool old;
  };
  auto row_ref = [&](std::int64_t n) {
    // The slot i with i + history_before(i) <= n; rows per 8 slots: 9.
    std::int64_t i = n - (n + 2) / 9;
    while (i > 0 && i + history_before(i) > n) --i;
    while (i + 1 < L && (i + 1) + history_before(i + 1) <= n) ++i;
    const bool old = has_history(i) && n == i + history_before(i);
    return RowRef{i, old};
  };
  const std::int64_t drivers = std::min(L, P);
  load.Load("drivers", {"id", "person_id", "created_at"}, drivers,
            [&](std::int64_t i, BulkInsert& b) { b.Int(driver0 + i).Int(person0 + i).Text(ts); });
  load.Load("applications",
            {"id", "person_id", "type_code", "license_class_id", "license_id", "status", "application_date", "reason",
             "branch_id", "created_by", "created_at", "closed_at", "result_license_id"},
            R, [&](std::int64_t n, BulkInsert& b) {
              const auto ref = row_ref(n);
              const auto l = lic_of(ref.slot);
              const bool first = ref.old || !l.history;
              const Service* s = first ? &kNewLicense : l.history;
              const auto date = first ? (ref.old ? l.old_issue : l.issue) : l.issue;
              b.Int(app0 + n).Int(l.person).Text(s->code).Int(l.cls->id);
              if (first)
                b.Null();
              else
                b.Int(license0 + n - 1);
              b.Text("completed").Text(date.ToString());
              if (s == &kReplaceLost)
                b.Text("lost");
              else if (s == &kReplaceDamaged)
                b.Text("damaged");
              else
                b.Null();
              b.Int(1 + (l.person % 4)).Int(admin).Text(ts).Text(ts).Int(license0 + n);
            });
  load.Load("licenses",
            {"id", "number", "driver_id", "person_id", "license_class_id", "application_id", "issue_date",
             "expiry_date", "issue_reason", "superseded_reason", "lost", "created_by", "created_at"},
            R, [&](std::int64_t n, BulkInsert& b) {
              const auto ref = row_ref(n);
              const auto l = lic_of(ref.slot);
              char no[32];
              b.Int(license0 + n).Text(Numbered(no, "DL-", license_no0 + n + 1, 8)).Int(driver0 + ref.slot % P);
              b.Int(l.person).Int(l.cls->id).Int(app0 + n);
              if (ref.old) {
                b.Text(l.old_issue.ToString()).Text(l.old_expiry.ToString()).Text("first-issue");
                b.Text(l.history == &kRenewal ? "renewed" : "replaced").Int(l.history == &kReplaceLost ? 1 : 0);
              } else {
                const char* reason = !l.history                   ? "first-issue"
                                     : l.history == &kRenewal     ? "renewal"
                                     : l.history == &kReplaceLost ? "replacement-lost"
                                                                  : "replacement-damaged";
                b.Text(l.issue.ToString()).Text(l.expiry.ToString()).Text(reason).Null().Int(0);
              }
              b.Int(admin).Text(ts);
            });
  // Application n is paid by bill n (one line: the service's fee, plus the class fee for a new
  // licence) and payment n.
  auto app_bill = [&](std::int64_t n) {
    const auto ref = row_ref(n);
    const auto l = lic_of(ref.slot);
    const bool first = ref.old || !l.history;
    const Service* s = first ? &kNewLicense : l.history;
    return std::pair{l, s};
  };
  load.Load("bills",
            {"id", "person_id", "application_id", "kind", "status", "total_fils", "created_at", "due_date", "paid_at"},
            R, [&](std::int64_t n, BulkInsert& b) {
              const auto [l, s] = app_bill(n);
              b.Int(bill0 + n)
                  .Int(l.person)
                  .Int(app0 + n)
                  .Text("application")
                  .Text("paid")
                  .Int(s->fee)
                  .Text(ts)
                  .Null()
                  .Text(ts);
            });
  load.Load("bill_lines", {"id", "bill_id", "item_code", "description_en", "description_ar", "amount_fils"}, R,
            [&](std::int64_t n, BulkInsert& b) {
              const auto [l, s] = app_bill(n);
              b.Int(line0 + n).Int(bill0 + n).Text(s->code).Text(s->en).Text(s->ar).Int(s->fee);
            });
  load.Load("payments",
            {"id", "bill_id", "receipt_no", "method", "amount_fils", "paid_at", "collected_by", "branch_id"}, R,
            [&](std::int64_t n, BulkInsert& b) {
              const auto [l, s] = app_bill(n);
              char no[32];
              b.Int(payment0 + n).Int(bill0 + n).Text(Numbered(no, "RC-", receipt_no0 + n + 1, 8));
              b.Text(n % 3 == 0 ? "card" : "cash").Int(s->fee).Text(ts).Int(admin).Int(1 + (l.person % 4));
            });
  // Detained: one current, unexpired licence in fifty (open detention).
  {
    std::vector<std::int64_t> slots;
    for (std::int64_t i = 17; i < L; i += 50) {
      if (lic_of(i).detained) slots.push_back(i);
    }
    load.Load("detentions", {"id", "license_id", "detained_on", "fine_fils", "reason", "detained_by"},
              static_cast<std::int64_t>(slots.size()), [&](std::int64_t k, BulkInsert& b) {
                const auto i = slots[static_cast<std::size_t>(k)];
                b.Int(detention0 + k)
                    .Int(license0 + row_of_current(i))
                    .Text(today.AddDays(-static_cast<int>(i % 30)).ToString());
                b.Int(50000).Text("Generated detention").Int(admin);
              });
  }

  // ---- vehicles ----
  struct Veh {
    std::string vin;
    std::int64_t owner;
    int year, region;
    bool electric;
    int cc, make, color, expiry_days, owned_days;
  };
  auto veh_of = [&](std::int64_t k) {
    static constexpr char kVinChars[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    Rand r{Mix(o.seed ^ Mix(kVehicle * 0x100000001ULL + static_cast<std::uint64_t>(vehicle0 + k)))};
    Veh v;
    // Unique by construction: the vehicle id in base 33 fills the serial part (positions 12-17).
    v.vin = "1";
    for (int c = 1; c < 11; ++c) v.vin.push_back(kVinChars[r.Pick(33)]);
    std::uint64_t serial = static_cast<std::uint64_t>(vehicle0 + k);
    std::string tail(6, '0');
    for (int c = 5; c >= 0; --c) {
      tail[static_cast<std::size_t>(c)] = kVinChars[serial % 33];
      serial /= 33;
    }
    v.vin += tail;
    v.vin[8] = domain::VinCheckDigit(v.vin);
    v.owner = person0 + static_cast<std::int64_t>(r.Next() % static_cast<std::uint64_t>(P));
    v.electric = r.Pick(20) == 0;
    v.year = 2000 + r.Pick(26);
    v.region = 10 + 10 * r.Pick(4);
    v.cc = 1200 + 100 * r.Pick(30);
    v.make = r.Pick(kMakes.size());
    v.color = r.Pick(kColors.size());
    v.expiry_days = r.Pick(400) - 35;
    v.owned_days = r.Pick(3000);
    return v;
  };
  load.Load("vehicles",
            {"id", "vin", "plate", "make", "model", "model_year", "color", "engine_cc", "electric", "fuel", "seats",
             "weight_kg", "category", "owner_person_id", "license_expiry", "registered_at", "branch_id"},
            V, [&](std::int64_t k, BulkInsert& b) {
              const auto v = veh_of(k);
              b.Int(vehicle0 + k).Text(v.vin).Text(domain::FormatPlate(v.region, plate0 + k + 1));
              b.Text(kMakes[static_cast<std::size_t>(v.make)]).Text("Model").Int(v.year);
              b.Text(kColors[static_cast<std::size_t>(v.color)]);
              if (v.electric)
                b.Null();
              else
                b.Int(v.cc);
              b.Int(v.electric ? 1 : 0).Text(v.electric ? "electric" : "petrol").Int(5).Int(1400).Text("private");
              b.Int(v.owner).Text(today.AddDays(v.expiry_days).ToString()).Text(ts).Int(v.region / 10);
            });
  load.Load("vehicle_owners", {"id", "vehicle_id", "person_id", "from_date"}, V, [&](std::int64_t k, BulkInsert& b) {
    const auto v = veh_of(k);
    b.Int(owner0 + k).Int(vehicle0 + k).Int(v.owner).Text(today.AddDays(-v.owned_days).ToString());
  });

  // ---- violations, fines, suspensions ----
  // Violation k is on a current licence (and, one in two, on a vehicle), billed as a fine; most
  // are recorded, some disputed, upheld or cancelled; about half of the fines are paid. The first
  // violations of one person in a hundred licence holders are reckless driving within the points
  // window, three of them: 30 points, a suspension of 180 days (status "suspended").
  struct Vio {
    std::int64_t slot, person, vehicle;
    const ViolationType* type;
    core::Date on;
    int minute;
    const char* status;
    bool paid;
  };
  const std::int64_t suspended_people = std::min<std::int64_t>(X / 3, drivers / 100);
  auto vio_of = [&](std::int64_t k) {
    Rand r{Mix(o.seed ^ Mix(kViolation * 0x100000001ULL + static_cast<std::uint64_t>(violation0 + k)))};
    Vio v{0, 0, 0, nullptr, today, 0, "recorded", false};
    if (k < 3 * suspended_people) {
      v.slot = (k / 3) * 100;  // an ordinary licence (slot < P)
      v.type = &kViolationTypes[8];
      v.on = today.AddDays(-1 - static_cast<int>(k % 3) * 20);
      v.status = "recorded";
      v.paid = false;
    } else {
      v.slot = static_cast<std::int64_t>(r.Next() % static_cast<std::uint64_t>(L));
      v.type = &kViolationTypes[static_cast<std::size_t>(r.Pick(8))];  // all but reckless
      v.on = today.AddDays(-1 - r.Pick(5 * 365));
      const int s = r.Pick(20);
      v.status = s == 0 ? "disputed" : s == 1 ? "upheld" : s == 2 ? "cancelled" : "recorded";
      v.paid = std::string_view(v.status) != "cancelled" && std::string_view(v.status) != "disputed" && r.Pick(2) == 0;
    }
    v.person = person0 + v.slot % P;
    v.vehicle =
        V > 0 && r.Pick(2) == 0 ? vehicle0 + static_cast<std::int64_t>(r.Next() % static_cast<std::uint64_t>(V)) : 0;
    v.minute = r.Pick(24 * 60);
    return v;
  };
  auto at_of = [](const Vio& v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00Z", v.on.ToString().c_str(), v.minute / 60, v.minute % 60);
    return std::string(buf);
  };
  const std::int64_t fine_bill0 = bill0 + R, fine_line0 = line0 + R, fine_payment0 = payment0 + R;
  load.Load("bills",
            {"id", "person_id", "application_id", "vehicle_id", "kind", "status", "total_fils", "created_at",
             "due_date", "paid_at"},
            X, [&](std::int64_t k, BulkInsert& b) {
              const auto v = vio_of(k);
              b.Int(fine_bill0 + k).Int(v.person).Null();
              if (v.vehicle)
                b.Int(v.vehicle);
              else
                b.Null();
              const bool cancelled = std::string_view(v.status) == "cancelled";
              b.Text("fine").Text(v.paid ? "paid" : cancelled ? "cancelled" : "open").Int(v.type->fine).Text(ts);
              b.Text(today.AddDays(30).ToString());
              if (v.paid)
                b.Text(ts);
              else
                b.Null();
            });
  load.Load("bill_lines", {"id", "bill_id", "item_code", "description_en", "description_ar", "amount_fils"}, X,
            [&](std::int64_t k, BulkInsert& b) {
              const auto v = vio_of(k);
              b.Int(fine_line0 + k).Int(fine_bill0 + k).Text(std::string("fine-") + v.type->code).Text(v.type->en);
              b.Text(v.type->ar).Int(v.type->fine);
            });
  std::int64_t fine_payments = 0;
  {
    std::vector<std::int64_t> paid;
    for (std::int64_t k = 0; k < X; ++k) {
      if (vio_of(k).paid) paid.push_back(k);
    }
    fine_payments = static_cast<std::int64_t>(paid.size());
    load.Load("payments",
              {"id", "bill_id", "receipt_no", "method", "amount_fils", "paid_at", "collected_by", "branch_id"},
              static_cast<std::int64_t>(paid.size()), [&](std::int64_t j, BulkInsert& b) {
                const auto k = paid[static_cast<std::size_t>(j)];
                const auto v = vio_of(k);
                char no[32];
                b.Int(fine_payment0 + j).Int(fine_bill0 + k).Text(Numbered(no, "RC-", receipt_no0 + R + j + 1, 8));
                b.Text(j % 2 ? "card" : "cash").Int(v.type->fine).Text(ts).Int(admin).Int(1);
              });
    const std::string recorded_by = "user:" + admin_name;
    load.Load(
        "violations",
        {"id", "violation_type_id", "license_id", "vehicle_id", "person_id", "place", "occurred_at", "occurred_on",
         "notes", "fine_fils", "points", "bill_id", "status", "recorded_by", "created_at", "disputed_at", "decided_at"},
        X, [&](std::int64_t k, BulkInsert& b) {
          const auto v = vio_of(k);
          const std::string_view st = v.status;
          b.Int(violation0 + k).Int(v.type->id).Int(license0 + row_of_current(v.slot));
          if (v.vehicle)
            b.Int(v.vehicle);
          else
            b.Null();
          b.Int(v.person).Text(kPlaces[static_cast<std::size_t>(k % 6)]).Text(at_of(v)).Text(v.on.ToString()).Text("");
          b.Int(v.type->fine).Int(v.type->points).Int(fine_bill0 + k).Text(v.status).Text(recorded_by).Text(ts);
          if (st != "recorded")
            b.Text(ts);
          else
            b.Null();
          if (st == "upheld" || st == "cancelled")
            b.Text(ts);
          else
            b.Null();
        });
    load.Load(
        "suspensions", {"id", "person_id", "start_date", "end_date", "points", "days", "violation_id"},
        suspended_people, [&](std::int64_t s, BulkInsert& b) {
          const auto start = today.AddDays(-1);
          b.Int(suspension0 + s).Int(person0 + s * 100).Text(start.ToString()).Text(start.AddDays(180).ToString());
          b.Int(30).Int(180).Int(violation0 + 3 * s);
        });
  }

  // ---- after the load ----
  {
    // Counters: the server goes on with the next licence number, receipt and plate.
    conn.Begin(true);
    conn.Execute("UPDATE counters SET value = $1 WHERE name = 'license'", {license_no0 + R});
    conn.Execute("UPDATE counters SET value = $1 WHERE name = 'receipt'", {receipt_no0 + R + fine_payments});
    conn.Execute("UPDATE counters SET value = $1 WHERE name = 'plate'", {plate0 + V});
    conn.Commit();
  }
  if (!dropped_indexes.empty()) {
    CreateIndexes(conn, dropped_indexes);
    dropped_indexes.clear();
  }
  if (pg) {
    // Rows were written with explicit ids: move the identity sequences past them.
    for (const char* t : {"people", "drivers", "applications", "licenses", "bills", "bill_lines", "payments",
                          "detentions", "vehicles", "vehicle_owners", "violations", "suspensions"}) {
      conn.Query(std::string("SELECT setval(pg_get_serial_sequence('") + t + "', 'id'), MAX(id)) FROM " + t +
                 " HAVING MAX(id) IS NOT NULL");
    }
  }
  {
    const auto start = Clock::now();
    std::fprintf(stderr, "analyze ...");
    // SQLite's ANALYZE reads every index whole (166 s at 10M people); with a limit it samples each
    // index (the planner needs only their rough shape), as PostgreSQL's ANALYZE does anyway.
    conn.ExecuteScript(pg ? "ANALYZE"
                          : "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE); "
                            "PRAGMA synchronous = FULL");
    std::fprintf(stderr, " %.1f s\n", std::chrono::duration<double>(Clock::now() - start).count());
  }
  const std::int64_t people_end = person0 + P;
  {
    // Bulk rows are not audited one by one: one entry records the whole run.
    storage::SqlStore store(db);
    auto uow = store.Write();
    uow->Audit().Append(app::Principal::System("generate"), now, "generate", "registry", std::nullopt, std::nullopt,
                        core::JsonObject()
                            .Add("seed", static_cast<std::int64_t>(o.seed))
                            .Add("firstPersonId", person0)
                            .Add("people", P)
                            .Add("licenses", R)
                            .Add("vehicles", V)
                            .Add("violations", X)
                            .Add("rows", load.rows())
                            .str());
    uow->Commit();
  }
  const double secs = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr,
               "generated %lld people (ids %lld-%lld), %lld licences (%lld current), %lld vehicles, %lld violations: "
               "%lld rows in %.1f s (%.0f rows/s)\n",
               static_cast<long long>(P), static_cast<long long>(person0), static_cast<long long>(people_end - 1),
               static_cast<long long>(R), static_cast<long long>(L), static_cast<long long>(V),
               static_cast<long long>(X), static_cast<long long>(load.rows()), secs,
               secs > 0 ? static_cast<double>(load.rows()) / secs : 0.0);
  return 0;
}

}  // namespace dvld::cli
