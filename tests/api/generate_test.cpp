// `dvld generate` writes valid, searchable data of the requested size, on both databases.
#include <gtest/gtest.h>

#include "api/api_env.h"
#include "app/setup_service.h"
#include "cli/generate.h"
#include "core/clock.h"
#include "domain/vehicles/vehicles.h"
#include "storage/migrations.h"
#include "storage/sql_store.h"

namespace dvld::test {
namespace {

TEST(Generate, WritesValidPeopleLicencesAndVehicles) {
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
  o.licenses = 250;
  o.vehicles = 80;
  o.batch = 100;
  ASSERT_EQ(cli::Generate(o), 0);
  storage::Database db(url, 1);
  auto conn = db.Acquire();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM people").Int(0, 0), 300);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM people WHERE length(national_no) <> 10").Int(0, 0), 0);
  EXPECT_EQ(conn->Query("SELECT COUNT(DISTINCT national_no) FROM people").Int(0, 0), 300);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM licenses").Int(0, 0), 250) << "250 <= 300 people: one ordinary licence each";
  EXPECT_GT(conn->Query("SELECT COUNT(*) FROM person_names").Int(0, 0), 300 * 6);
  auto vins = conn->Query("SELECT vin FROM vehicles");
  EXPECT_EQ(vins.size(), 80u);
  for (std::size_t i = 0; i < vins.size(); ++i) {
    auto vin = vins.Text(i, 0);
    EXPECT_TRUE(domain::CheckVin(vin)) << vin;
  }
  // Running again adds more without clashing.
  ASSERT_EQ(cli::Generate(o), 0);
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM people").Int(0, 0), 600);
}

}  // namespace
}  // namespace dvld::test
