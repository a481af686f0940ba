// `dvld generate` writes valid, searchable data of the requested size through the bulk paths, on
// both databases, and leaves the database as the server would: counters, sequences, audit chain.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "api/api_env.h"
#include "app/setup_service.h"
#include "cli/generate.h"
#include "core/clock.h"
#include "domain/vehicles/vehicles.h"
#include "storage/audit_verify.h"
#include "storage/migrations.h"
#include "storage/sql_store.h"

namespace dvld::test {
namespace {

std::int64_t Count(storage::Connection& c, const std::string& sql) { return c.Query(sql).Int(0, 0); }

TEST(Generate, WritesValidPeopleLicencesVehiclesViolationsAndPayments) {
  const auto url = Api::Get().FreshDatabaseUrl();
  {
    storage::Database db(url, 1);
    storage::Migrate(db);
    storage::SqlStore store(db);
    core::SystemClock clock;
    ASSERT_TRUE(app::SetupService(store, clock).EnsureAdministrator(std::string("Counter#2026pass")));
  }
  cli::GenerateOptions o;
  o.db = url;
  o.people = 300;
  o.licenses = 400;  // 300 ordinary licences, then 100 of other classes
  o.vehicles = 80;
  o.violations = 150;
  o.batch = 70;  // several transactions per table
  ASSERT_EQ(cli::Generate(o), 0);
  storage::Database db(url, 2);
  {
    auto lease = db.Acquire();
    auto& c = *lease;
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM people"), 300);
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM people WHERE length(national_no) <> 10"), 0);
    EXPECT_EQ(Count(c, "SELECT COUNT(DISTINCT national_no) FROM people"), 300);
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM licenses WHERE superseded_reason IS NULL"), 400);
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM licenses WHERE superseded_reason IS NULL AND license_class_id = 3"), 300);
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM drivers"), 300);
    // Every licence row came from one completed application paid by one bill with a receipt.
    const auto licences = Count(c, "SELECT COUNT(*) FROM licenses");
    EXPECT_GT(licences, 400);
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM applications WHERE status = 'completed'"), licences);
    EXPECT_EQ(Count(c,
                    "SELECT COUNT(*) FROM licenses l JOIN applications a ON a.id = l.application_id AND "
                    "a.person_id = l.person_id"),
              licences);
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM bills WHERE kind = 'application' AND status = 'paid'"), licences);
    EXPECT_EQ(Count(c,
                    "SELECT COUNT(*) FROM bills b JOIN payments p ON p.bill_id = b.id WHERE p.amount_fils = "
                    "b.total_fils AND b.status = 'paid'"),
              Count(c, "SELECT COUNT(*) FROM payments"));
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM bills WHERE status = 'paid'"), Count(c, "SELECT COUNT(*) FROM payments"));
    EXPECT_EQ(Count(c,
                    "SELECT COUNT(*) FROM bills b WHERE total_fils <> (SELECT SUM(amount_fils) FROM bill_lines l "
                    "WHERE l.bill_id = b.id)"),
              0);
    // Every licence status: renewed, replaced, detained, suspended, expired, active.
    EXPECT_GT(Count(c, "SELECT COUNT(*) FROM licenses WHERE superseded_reason = 'renewed'"), 0);
    EXPECT_GT(Count(c, "SELECT COUNT(*) FROM licenses WHERE superseded_reason = 'replaced'"), 0);
    EXPECT_GT(Count(c, "SELECT COUNT(*) FROM detentions WHERE released_at IS NULL"), 0);
    EXPECT_GT(Count(c, "SELECT COUNT(*) FROM suspensions WHERE lifted_at IS NULL"), 0);
    const std::string today = core::Date::Of(core::SystemClock().Now()).ToString();
    EXPECT_GT(
        Count(c, "SELECT COUNT(*) FROM licenses WHERE superseded_reason IS NULL AND expiry_date < '" + today + "'"), 0);
    EXPECT_GT(
        Count(c, "SELECT COUNT(*) FROM licenses WHERE superseded_reason IS NULL AND expiry_date >= '" + today + "'"),
        0);
    // Violations with fines, some paid, in every status; suspensions match the points.
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM violations"), 150);
    EXPECT_EQ(Count(c, "SELECT COUNT(DISTINCT status) FROM violations"), 4);
    EXPECT_EQ(Count(c,
                    "SELECT COUNT(*) FROM violations v JOIN bills b ON b.id = v.bill_id AND b.kind = 'fine' AND "
                    "b.person_id = v.person_id AND b.total_fils = v.fine_fils"),
              150);
    EXPECT_GT(Count(c, "SELECT COUNT(*) FROM bills WHERE kind = 'fine' AND status = 'paid'"), 0);
    EXPECT_EQ(Count(c,
                    "SELECT COUNT(*) FROM violations v JOIN licenses l ON l.id = v.license_id WHERE l.person_id <> "
                    "v.person_id OR l.superseded_reason IS NOT NULL"),
              0);
    EXPECT_EQ(Count(c,
                    "SELECT COUNT(*) FROM suspensions s WHERE (SELECT SUM(points) FROM violations v WHERE "
                    "v.person_id = s.person_id AND v.status <> 'cancelled') < 28"),
              0);
    // Valid, unique VINs and plates.
    auto vins = c.Query("SELECT vin FROM vehicles");
    ASSERT_EQ(vins.size(), 80u);
    for (std::size_t i = 0; i < vins.size(); ++i) {
      auto vin = vins.Text(i, 0);
      EXPECT_TRUE(domain::CheckVin(vin)) << vin;
    }
    EXPECT_EQ(Count(c, "SELECT COUNT(*) FROM vehicle_owners"), 80);
    // Numbers handed out once: the counters continue after the generated ones.
    EXPECT_EQ(Count(c, "SELECT value FROM counters WHERE name = 'license'"), licences);
    EXPECT_EQ(Count(c, "SELECT value FROM counters WHERE name = 'receipt'"), Count(c, "SELECT COUNT(*) FROM payments"));
    EXPECT_EQ(Count(c, "SELECT value FROM counters WHERE name = 'plate'"), 80);
    if (c.dialect() == storage::Dialect::kSqlite) {
      EXPECT_TRUE(c.Query("PRAGMA foreign_key_check").empty());
      EXPECT_EQ(c.Query("PRAGMA integrity_check").Text(0, 0), "ok");
    }
  }
  // The people search finds generated people by a name prefix in either script.
  {
    storage::SqlStore store(db);
    app::PeopleQuery q;
    q.q = "moh";
    const auto page = store.Read()->People().Search(q);
    EXPECT_GT(page.total, 0);
    ASSERT_FALSE(page.items.empty()) << "the index's ids are not the people's";
    for (const auto& p : page.items) {
      std::string names = " " + p.first_name_en + " " + p.second_name_en + " " + p.third_name_en.value_or("");
      for (auto& ch : names) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      EXPECT_NE(names.find(" moh"), std::string::npos) << names;
    }
    q.q = "محم";
    EXPECT_FALSE(store.Read()->People().Search(q).items.empty());
  }
  // One audit entry for the run, and the chain still verifies.
  auto audit = storage::VerifyAuditChain(db);
  EXPECT_TRUE(audit.ok) << audit.reason;
  {
    auto lease = db.Acquire();
    EXPECT_EQ(Count(*lease, "SELECT COUNT(*) FROM audit_log WHERE action = 'generate'"), 1);
    // Ids the server hands out next come after the generated ones (sequences on PostgreSQL).
    lease->Begin(true);
    EXPECT_GT(lease
                  ->Query("INSERT INTO bills (person_id, kind, status, total_fils, created_at) VALUES (1, 'fine', "
                          "'open', 1, '2026-01-01T00:00:00Z') RETURNING id")
                  .Int(0, 0),
              Count(*lease, "SELECT MAX(id) FROM bills WHERE total_fils <> 1"));
    lease->Rollback();
  }
  // Running again appends more without clashing (national numbers, licence numbers, VINs, plates).
  ASSERT_EQ(cli::Generate(o), 0);
  auto lease = db.Acquire();
  EXPECT_EQ(Count(*lease, "SELECT COUNT(*) FROM people"), 600);
  EXPECT_EQ(Count(*lease, "SELECT COUNT(DISTINCT national_no) FROM people"), 600);
  EXPECT_EQ(Count(*lease, "SELECT COUNT(*) FROM licenses WHERE superseded_reason IS NULL"), 800);
  EXPECT_EQ(Count(*lease, "SELECT COUNT(*) FROM vehicles"), 160);
  EXPECT_EQ(Count(*lease, "SELECT COUNT(*) FROM audit_log WHERE action = 'generate'"), 2);
  EXPECT_TRUE(storage::VerifyAuditChain(db).ok);
}

// Text with the characters COPY's text format escapes goes through the bulk path unchanged.
TEST(Generate, BulkInsertKeepsTextExactly) {
  const auto url = Api::Get().FreshDatabaseUrl();
  storage::Database db(url, 1);
  storage::Migrate(db);
  auto lease = db.Acquire();
  const std::string tricky = "tab\there\nnew line\\back\\slash \\N \r end";
  lease->Begin(true);
  auto bulk = lease->BulkInsertInto("countries", {"code", "name_en", "name_ar"});
  for (int i = 0; i < 150; ++i) {
    const std::string code = {static_cast<char>('a' + i / 26), static_cast<char>('a' + i % 26)};
    bulk->Text(code).Text(tricky + std::to_string(i)).Text("عربي");
    bulk->EndRow();
  }
  bulk->Finish();
  bulk.reset();
  lease->Commit();
  auto r = lease->Query("SELECT name_en, name_ar FROM countries WHERE code = 'ff'");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.Text(0, 0), tricky + "135");
  EXPECT_EQ(r.Text(0, 1), "عربي");
  EXPECT_EQ(Count(*lease, "SELECT COUNT(*) FROM countries WHERE code = lower(code) AND name_ar = 'عربي'"), 150);
}

}  // namespace
}  // namespace dvld::test
