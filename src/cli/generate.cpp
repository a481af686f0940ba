#include "cli/generate.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>

#include "core/clock.h"
#include "core/date.h"
#include "domain/people/person.h"
#include "domain/vehicles/vehicles.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace dvld::cli {
namespace {

struct Name {
  const char* ar;
  const char* en;
};
constexpr std::array<Name, 24> kMale{{{"محمد", "Mohammad"}, {"أحمد", "Ahmad"}, {"خالد", "Khaled"},   {"عمر", "Omar"},
                                      {"يوسف", "Yousef"},   {"علي", "Ali"},     {"حسن", "Hasan"},     {"إبراهيم", "Ibrahim"},
                                      {"سامي", "Sami"},     {"زيد", "Zaid"},    {"فراس", "Firas"},    {"طارق", "Tareq"},
                                      {"مالك", "Malek"},    {"ليث", "Laith"},   {"عبدالله", "Abdullah"}, {"سعيد", "Saeed"},
                                      {"ماجد", "Majed"},    {"رامي", "Rami"},   {"باسل", "Basel"},    {"نادر", "Nader"},
                                      {"هاني", "Hani"},     {"وليد", "Waleed"}, {"أنس", "Anas"},      {"معاذ", "Moath"}}};
constexpr std::array<Name, 16> kFemale{{{"فاطمة", "Fatima"}, {"مريم", "Maryam"}, {"سارة", "Sara"},   {"ليلى", "Layla"},
                                        {"رنا", "Rana"},     {"هبة", "Heba"},    {"دانة", "Dana"},   {"نور", "Noor"},
                                        {"آية", "Aya"},      {"لينا", "Lina"},   {"رزان", "Razan"},  {"سلمى", "Salma"},
                                        {"هديل", "Hadeel"},  {"روان", "Rawan"},  {"تالا", "Tala"},   {"جنى", "Jana"}}};
constexpr std::array<Name, 20> kFamily{{{"العبادي", "Al-Abbadi"},   {"الخطيب", "Al-Khatib"},  {"المومني", "Al-Momani"},
                                        {"الزعبي", "Al-Zoubi"},     {"الحسيني", "Al-Husseini"}, {"النسور", "Al-Nsour"},
                                        {"الطراونة", "Al-Tarawneh"}, {"العمري", "Al-Omari"},   {"الشريف", "Al-Sharif"},
                                        {"المجالي", "Al-Majali"},   {"الرفاعي", "Al-Rifai"},   {"البطاينة", "Al-Btoush"},
                                        {"الخوالدة", "Al-Khawaldeh"}, {"الحياري", "Al-Hiyari"}, {"القضاة", "Al-Qudah"},
                                        {"العدوان", "Al-Adwan"},    {"الفايز", "Al-Fayez"},    {"الدباس", "Al-Dabbas"},
                                        {"حداد", "Haddad"},         {"النابلسي", "Al-Nabulsi"}}};
constexpr std::array<const char*, 8> kMakes{{"Toyota", "Hyundai", "Kia", "Nissan", "Mercedes-Benz", "Volkswagen", "Ford", "BYD"}};
constexpr std::array<const char*, 6> kColors{{"White", "Silver", "Black", "Grey", "Blue", "Red"}};

// Writes rows through prepared statements in large transactions, with a progress line.
class Writer {
 public:
  Writer(storage::Database& db, std::string label, std::int64_t total, std::int64_t batch)
      : conn_(db.Acquire()), label_(std::move(label)), total_(total), batch_(batch), start_(Clock::now()) {
    conn_->Begin(true);
  }
  storage::Connection& conn() { return *conn_; }
  void Row() {
    if (++done_ % batch_ == 0) {
      conn_->Commit();
      Progress(false);
      conn_->Begin(true);
    }
  }
  void Finish() {
    conn_->Commit();
    if (done_ % batch_ != 0 || done_ == 0) Progress(false);
    std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  void Progress(bool) {
    const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    std::fprintf(stderr, "\r%-12s [%s%s] %lld/%lld  %.0f rows/s%s", label_.c_str(), std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), static_cast<long long>(done_), static_cast<long long>(total_),
                 secs > 0 ? static_cast<double>(done_) / secs : 0.0, "");
  }
  storage::Lease conn_;
  std::string label_;
  std::int64_t total_, batch_, done_ = 0;
  Clock::time_point start_;
};

std::string Ts(core::SysTime t) { return core::FormatTimestamp(t); }

}  // namespace

int Generate(const GenerateOptions& o) {
  storage::Database db(o.db, 2);
  storage::Migrate(db);
  std::mt19937_64 rng(o.seed);
  const auto now = core::SystemClock().Now();
  const auto today = core::Date::Of(now);
  const auto ts = Ts(now);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };

  std::int64_t first_person = 0;
  {
    auto conn = db.Acquire();
    first_person = conn->Query("SELECT COALESCE(MAX(id), 0) FROM people").Int(0, 0) + 1;
    if (conn->Query("SELECT COUNT(*) FROM users").Int(0, 0) == 0) {
      std::cerr << "error: run `dvld init` first (generated records are created by the administrator)\n";
      return 2;
    }
  }
  // National numbers of generated people: "3" and nine digits of the row's place, so a later run
  // (which starts after the highest id) never repeats one. Bulk rows are not audited one by one.
  {
    Writer w(db, "people", o.people, o.batch);
    for (std::int64_t i = 0; i < o.people; ++i) {
      const bool female = rng() % 2;
      const Name& first = female ? kFemale[pick(kFemale.size())] : kMale[pick(kMale.size())];
      const Name& father = kMale[pick(kMale.size())];
      const Name& grand = kMale[pick(kMale.size())];
      const Name& family = kFamily[pick(kFamily.size())];
      const auto dob = today.AddDays(-static_cast<int>(18 * 365 + pick(60 * 365))).ToString();
      char no[32], phone[32];
      std::snprintf(no, sizeof no, "3%09lld", static_cast<long long>((first_person + i) % 1000000000LL));
      std::snprintf(phone, sizeof phone, "+96279%07lld", static_cast<long long>((first_person + i) % 10000000LL));
      domain::PersonData p;
      p.first_name_ar = first.ar;
      p.second_name_ar = father.ar;
      p.third_name_ar = grand.ar;
      p.last_name_ar = family.ar;
      p.first_name_en = first.en;
      p.second_name_en = father.en;
      p.third_name_en = grand.en;
      p.last_name_en = family.en;
      auto id = w.conn()
                    .Query(
                        "INSERT INTO people (national_no, first_name_ar, second_name_ar, third_name_ar, last_name_ar, "
                        "first_name_en, second_name_en, third_name_en, last_name_en, date_of_birth, gender, "
                        "nationality_code, address, phone, deceased, created_at, updated_at) VALUES ($1, $2, $3, $4, "
                        "$5, $6, $7, $8, $9, $10, $11, 'JO', $12, $13, 0, $14, $14) RETURNING id",
                        {std::string(no), std::string(first.ar), std::string(father.ar), std::string(grand.ar),
                         std::string(family.ar), std::string(first.en), std::string(father.en), std::string(grand.en),
                         std::string(family.en), dob, std::string(female ? "female" : "male"),
                         std::string("عمّان"), std::string(phone), ts})
                    .Int(0, 0);
      for (const auto& term : domain::SearchTerms(p)) {
        w.conn().Execute("INSERT INTO person_names (name_norm, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                         {term, id});
      }
      w.Row();
    }
    w.Finish();
  }
  const std::int64_t people_end = first_person + o.people;
  {
    // Licences: one application, driver and licence each; statuses by dates, detentions and renewals.
    Writer w(db, "licences", o.licenses, o.batch);
    std::int64_t next_no = w.conn().Query("SELECT value FROM counters WHERE name = 'license'").Int(0, 0);
    for (std::int64_t i = 0; i < o.licenses && o.people > 0; ++i) {
      const std::int64_t person = first_person + (i % o.people);
      const std::int64_t cls = i < o.people ? 3 : 1 + static_cast<std::int64_t>(pick(7));
      if (i >= o.people && cls == 3) {
        w.Row();
        continue;
      }
      const auto issue = today.AddDays(-static_cast<int>(pick(12 * 365)));
      const auto expiry = issue.AddYears(cls <= 2 ? 5 : 10);
      auto app = w.conn()
                     .Query(
                         "INSERT INTO applications (person_id, type_code, license_class_id, status, application_date, "
                         "branch_id, created_by, created_at, closed_at) VALUES ($1, 'new-local-license', $2, "
                         "'completed', $3, 1, 1, $4, $4) RETURNING id",
                         {person, cls, issue.ToString(), ts})
                     .Int(0, 0);
      w.conn().Execute("INSERT INTO drivers (person_id, created_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING",
                       {person, ts});
      const auto driver = w.conn().Query("SELECT id FROM drivers WHERE person_id = $1", {person}).Int(0, 0);
      char number[32];
      std::snprintf(number, sizeof number, "DL-%08lld", static_cast<long long>(++next_no));
      auto lic = w.conn()
                     .Query(
                         "INSERT INTO licenses (number, driver_id, person_id, license_class_id, application_id, "
                         "issue_date, expiry_date, issue_reason, created_by, created_at) VALUES ($1, $2, $3, $4, $5, "
                         "$6, $7, 'first-issue', 1, $8) ON CONFLICT DO NOTHING RETURNING id",
                         {std::string(number), driver, person, cls, app, issue.ToString(), expiry.ToString(), ts});
      if (!lic.empty() && pick(50) == 0) {
        w.conn().Execute(
            "INSERT INTO detentions (license_id, detained_on, fine_fils, reason, detained_by) VALUES ($1, $2, 50000, "
            "'Generated detention', 1)",
            {lic.Int(0, 0), today.AddDays(-static_cast<int>(pick(30))).ToString()});
      }
      w.Row();
    }
    w.conn().Execute("UPDATE counters SET value = $1 WHERE name = 'license'", {next_no});
    w.Finish();
  }
  {
    Writer w(db, "vehicles", o.vehicles, o.batch);
    std::int64_t plate = w.conn().Query("SELECT value FROM counters WHERE name = 'plate'").Int(0, 0);
    static constexpr char kVinChars[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    for (std::int64_t i = 0; i < o.vehicles && o.people > 0; ++i) {
      std::string vin = "1";
      for (int k = 1; k < 17; ++k) vin.push_back(kVinChars[pick(33)]);
      vin[8] = domain::VinCheckDigit(vin);
      const std::int64_t owner = first_person + static_cast<std::int64_t>(pick(static_cast<std::size_t>(o.people)));
      const bool electric = pick(20) == 0;
      const int year = 2000 + static_cast<int>(pick(26));
      auto v = w.conn().Query(
          "INSERT INTO vehicles (vin, plate, make, model, model_year, color, engine_cc, electric, fuel, seats, "
          "weight_kg, category, owner_person_id, license_expiry, registered_at, branch_id) VALUES ($1, $2, $3, 'Model', "
          "$4, $5, $6, $7, $8, 5, 1400, 'private', $9, $10, $11, 1) ON CONFLICT DO NOTHING RETURNING id",
          {vin, domain::FormatPlate(10 + 10 * static_cast<int>(pick(4)), ++plate), std::string(kMakes[pick(kMakes.size())]),
           std::int64_t{year}, std::string(kColors[pick(kColors.size())]),
           electric ? storage::Param(storage::Null{}) : storage::Param(std::int64_t{1200 + 100 * static_cast<int>(pick(30))}),
           std::int64_t{electric ? 1 : 0}, std::string(electric ? "electric" : "petrol"), owner,
           today.AddDays(static_cast<int>(pick(400)) - 35).ToString(), ts});
      if (!v.empty()) {
        w.conn().Execute("INSERT INTO vehicle_owners (vehicle_id, person_id, from_date) VALUES ($1, $2, $3)",
                         {v.Int(0, 0), owner, today.AddDays(-static_cast<int>(pick(3000))).ToString()});
      }
      w.Row();
    }
    w.conn().Execute("UPDATE counters SET value = $1 WHERE name = 'plate'", {plate});
    w.Finish();
  }
  std::cerr << "generated " << o.people << " people (ids " << first_person << "-" << people_end - 1 << "), "
            << o.licenses << " licences, " << o.vehicles << " vehicles\n";
  return 0;
}

}  // namespace dvld::cli
