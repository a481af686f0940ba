// AuthService against a real (temporary) SQLite store and a manual clock.
#include "app/auth_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/setup_service.h"
#include "core/crypto.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sql_store.h"

namespace dvld::app {
namespace {

core::SysTime At(const char* text) {
  core::SysTime t{};
  EXPECT_TRUE(core::ParseTimestamp(text, t));
  return t;
}

class AuthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::InitCrypto();
    dir_ = std::filesystem::temp_directory_path() / ("dvld-auth-" + core::RandomHex(6));
    db_ = std::make_unique<storage::Database>("sqlite:" + (dir_ / "t.db").string(), 2);
    storage::Migrate(*db_);
    store_ = std::make_unique<storage::SqlStore>(*db_);
    auto admin = SetupService(*store_, clock_).EnsureAdministrator(std::string("Amman#2026pass"));
    ASSERT_TRUE(admin);
    ASSERT_TRUE(admin->created);
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  core::ManualClock clock_{At("2026-11-28T08:00:00Z")};
  std::filesystem::path dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<storage::SqlStore> store_;
};

TEST_F(AuthServiceTest, SignsInWithTheRightPasswordOnly) {
  AuthService auth(*store_, clock_);
  auto ok = auth.Login("admin", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->principal.username, "admin");
  EXPECT_EQ(ok->principal.role, domain::Role::kAdministrator);
  auto wrong = auth.Login("admin", "Amman#2026pasS", "127.0.0.1", "test");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().slug, "invalid-credentials");
  auto nobody = auth.Login("nobody", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().slug, "invalid-credentials") << "unknown users look like wrong passwords";
}

TEST_F(AuthServiceTest, StoresOnlyTheHashOfTheToken) {
  AuthService auth(*store_, clock_);
  auto ok = auth.Login("admin", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_TRUE(ok);
  auto conn = db_->Acquire();
  auto rows = conn->Query("SELECT token_hash FROM sessions");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NE(rows.Text(0, 0), ok->token);
  EXPECT_EQ(rows.Text(0, 0), core::Sha256Hex(ok->token));
}

TEST_F(AuthServiceTest, SessionsExpireWhenIdleAndAfterTheirLifetime) {
  AuthConfig cfg;
  cfg.session_lifetime = std::chrono::hours(12);
  cfg.idle_timeout = std::chrono::minutes(60);
  AuthService auth(*store_, clock_, cfg);
  auto ok = auth.Login("admin", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_TRUE(ok);
  const auto token = ok->token;
  // Active use keeps it alive until the absolute lifetime.
  for (int i = 0; i < 11; ++i) {
    clock_.Advance(std::chrono::minutes(59));
    ASSERT_TRUE(auth.Authenticate(token)) << "after " << (i + 1) * 59 << " minutes";
  }
  clock_.Set(ok->expires_at);
  EXPECT_FALSE(auth.Authenticate(token)) << "past the lifetime";

  auto again = auth.Login("admin", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_TRUE(again);
  clock_.Advance(std::chrono::minutes(60));
  EXPECT_FALSE(auth.Authenticate(again->token)) << "idle for an hour";
}

TEST_F(AuthServiceTest, LogoutEndsTheSession) {
  AuthService auth(*store_, clock_);
  auto ok = auth.Login("admin", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_TRUE(ok);
  EXPECT_TRUE(auth.Authenticate(ok->token));
  auth.Logout(ok->token);
  EXPECT_FALSE(auth.Authenticate(ok->token));
  EXPECT_FALSE(auth.Authenticate(""));
  EXPECT_FALSE(auth.Authenticate("not-a-token"));
}

TEST_F(AuthServiceTest, DeactivatedAccountsCannotSignInOrUseSessions) {
  AuthService auth(*store_, clock_);
  auto ok = auth.Login("admin", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_TRUE(ok);
  db_->Acquire()->Execute("UPDATE users SET active = 0 WHERE username = 'admin'");
  EXPECT_FALSE(auth.Authenticate(ok->token));
  auto again = auth.Login("admin", "Amman#2026pass", "127.0.0.1", "test");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().slug, "account-inactive");
}

TEST_F(AuthServiceTest, AdministratorIsCreatedOnceAndAWeakPasswordIsRefused) {
  SetupService setup(*store_, clock_);
  auto again = setup.EnsureAdministrator(std::string("Another#2026pass"));
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  db_->Acquire()->Execute("DELETE FROM users");
  auto weak = setup.EnsureAdministrator(std::string("short"));
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().fields.at(0).field, "DVLD_ADMIN_PASSWORD");
  auto generated = setup.EnsureAdministrator(std::nullopt);
  ASSERT_TRUE(generated);
  EXPECT_TRUE(generated->created);
  EXPECT_GE(generated->password.size(), 16u);
  AuthService auth(*store_, clock_);
  EXPECT_TRUE(auth.Login("admin", generated->password, "127.0.0.1", "test"));
}

}  // namespace
}  // namespace dvld::app
