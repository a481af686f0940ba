#include <gtest/gtest.h>

#include "domain/accounts/password_policy.h"
#include "domain/accounts/role.h"

namespace dvld::domain {
namespace {

TEST(Roles, NamesRoundTrip) {
  for (Role r : AllRoles()) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("superuser"));
  EXPECT_FALSE(ParseRole("Administrator"));
}

TEST(Roles, AdministratorHasEveryPermission) {
  for (auto p : AllPermissions()) EXPECT_TRUE(HasPermission(Role::kAdministrator, p)) << p;
}

TEST(Roles, AuditorOnlyReads) {
  for (auto p : PermissionsOf(Role::kAuditor)) {
    EXPECT_TRUE(p.ends_with(".read")) << p;
  }
  EXPECT_TRUE(HasPermission(Role::kAuditor, perm::kAuditRead));
}

TEST(Roles, EachRoleDoesItsOwnJob) {
  EXPECT_TRUE(HasPermission(Role::kClerk, perm::kApplicationsWrite));
  EXPECT_TRUE(HasPermission(Role::kClerk, perm::kPaymentsCollect));
  EXPECT_FALSE(HasPermission(Role::kClerk, perm::kTestsRecord));
  EXPECT_FALSE(HasPermission(Role::kClerk, perm::kUsersManage));
  EXPECT_TRUE(HasPermission(Role::kExaminer, perm::kTestsRecord));
  EXPECT_FALSE(HasPermission(Role::kExaminer, perm::kApplicationsWrite));
  EXPECT_TRUE(HasPermission(Role::kOfficer, perm::kViolationsWrite));
  EXPECT_TRUE(HasPermission(Role::kOfficer, perm::kLicensesDetain));
  EXPECT_FALSE(HasPermission(Role::kOfficer, perm::kPaymentsCollect));
  EXPECT_TRUE(HasPermission(Role::kFinance, perm::kPaymentsRefund));
  EXPECT_FALSE(HasPermission(Role::kFinance, perm::kPeopleWrite));
  EXPECT_FALSE(HasPermission(Role::kAuditor, perm::kPeopleWrite));
  for (Role r : AllRoles()) {
    EXPECT_EQ(HasPermission(r, perm::kUsersManage), r == Role::kAdministrator);
    EXPECT_TRUE(HasPermission(r, perm::kReferenceRead));
  }
}

TEST(PasswordPolicy, RequiresLengthLettersAndDigits) {
  EXPECT_TRUE(CheckPasswordStrength("Amman2026!x", "admin", "password"));
  auto short_pw = CheckPasswordStrength("Ab1", "admin", "password");
  ASSERT_FALSE(short_pw);
  EXPECT_EQ(short_pw.error().fields.at(0).rule, "min-length");
  EXPECT_EQ(short_pw.error().fields.at(0).field, "password");
  EXPECT_EQ(CheckPasswordStrength("abcdefghijkl", "admin", "password").error().fields.at(0).rule, "strength");
  EXPECT_EQ(CheckPasswordStrength("123456789012", "admin", "password").error().fields.at(0).rule, "strength");
  EXPECT_EQ(CheckPasswordStrength("xxADMIN12345", "admin", "password").error().fields.at(0).rule, "strength");
  EXPECT_EQ(CheckPasswordStrength(std::string(129, 'a') + "1", "admin", "password").error().fields.at(0).rule,
            "max-length");
}

}  // namespace
}  // namespace dvld::domain

#include "domain/accounts/account_rules.h"

namespace dvld::domain {
namespace {

TEST(Lockout, TheFifthFailureInARowLocksFor15Minutes) {
  core::SysTime now{};
  ASSERT_TRUE(core::ParseTimestamp("2026-11-28T08:00:00Z", now));
  int attempts = 0;
  for (int i = 1; i <= 4; ++i) {
    auto f = AfterFailedSignIn(attempts, now);
    EXPECT_FALSE(f.locked_until) << "failure " << i;
    attempts = f.failed_attempts;
  }
  EXPECT_EQ(attempts, 4);
  auto fifth = AfterFailedSignIn(attempts, now);
  ASSERT_TRUE(fifth.locked_until);
  EXPECT_EQ(*fifth.locked_until, now + std::chrono::minutes(15));
  EXPECT_EQ(fifth.failed_attempts, 0);
  EXPECT_TRUE(IsLocked(fifth.locked_until, now + std::chrono::minutes(14) + std::chrono::seconds(59)));
  EXPECT_FALSE(IsLocked(fifth.locked_until, now + std::chrono::minutes(15)));
  EXPECT_FALSE(IsLocked(std::nullopt, now));
}

TEST(Usernames, AreShortLowerCaseWords) {
  EXPECT_TRUE(CheckUsername("clerk.amman-1"));
  EXPECT_TRUE(CheckUsername("abc"));
  EXPECT_FALSE(CheckUsername("ab"));
  EXPECT_FALSE(CheckUsername(std::string(33, 'a')));
  EXPECT_FALSE(CheckUsername("Clerk"));
  EXPECT_FALSE(CheckUsername("1clerk"));
  EXPECT_FALSE(CheckUsername("clerk amman"));
  EXPECT_EQ(CheckUsername("كاتب").error().fields.at(0).field, "username");
}

TEST(ApiScopes, GrantOnlyTheirOwnPermissions) {
  for (auto s : AllApiScopes()) EXPECT_EQ(ParseApiScope(ApiScopeName(s)), s);
  EXPECT_FALSE(ParseApiScope("admin"));
  EXPECT_TRUE(HasPermission(ApiScope::kPolice, perm::kViolationsWrite));
  EXPECT_TRUE(HasPermission(ApiScope::kPolice, perm::kPeopleRead));
  EXPECT_FALSE(HasPermission(ApiScope::kPolice, perm::kPeopleWrite));
  EXPECT_FALSE(HasPermission(ApiScope::kInsurer, perm::kViolationsWrite));
  EXPECT_TRUE(HasPermission(ApiScope::kInsurer, perm::kInsuranceWrite));
  EXPECT_TRUE(HasPermission(ApiScope::kInspection, perm::kInspectionsWrite));
  EXPECT_FALSE(HasPermission(ApiScope::kInspection, perm::kInsuranceWrite));
  EXPECT_TRUE(HasPermission(ApiScope::kPaymentGateway, perm::kPaymentsConfirm));
  EXPECT_EQ(PermissionsOf(ApiScope::kPaymentGateway).size(), 1u);
  for (auto s : AllApiScopes()) {
    EXPECT_FALSE(HasPermission(s, perm::kUsersManage));
    EXPECT_FALSE(HasPermission(s, perm::kAuditRead));
  }
}

}  // namespace
}  // namespace dvld::domain
