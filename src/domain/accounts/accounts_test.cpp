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
