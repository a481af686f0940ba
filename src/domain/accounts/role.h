// Staff roles and the named permissions each one grants (DOMAIN.md section 7). Every HTTP route
// names one permission; a role either has it or the request is refused.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace dvld::domain {

enum class Role { kAdministrator, kClerk, kExaminer, kOfficer, kFinance, kAuditor };

namespace perm {
inline constexpr std::string_view kPeopleRead = "people.read";
inline constexpr std::string_view kPeopleWrite = "people.write";
inline constexpr std::string_view kUsersRead = "users.read";
inline constexpr std::string_view kUsersManage = "users.manage";
inline constexpr std::string_view kReferenceRead = "reference.read";
inline constexpr std::string_view kReferenceManage = "reference.manage";
inline constexpr std::string_view kAuditRead = "audit.read";
inline constexpr std::string_view kApplicationsRead = "applications.read";
inline constexpr std::string_view kApplicationsWrite = "applications.write";
inline constexpr std::string_view kTestsRecord = "tests.record";
inline constexpr std::string_view kLicensesRead = "licenses.read";
inline constexpr std::string_view kLicensesDetain = "licenses.detain";
inline constexpr std::string_view kPaymentsCollect = "payments.collect";
inline constexpr std::string_view kPaymentsRefund = "payments.refund";
inline constexpr std::string_view kVehiclesRead = "vehicles.read";
inline constexpr std::string_view kVehiclesWrite = "vehicles.write";
inline constexpr std::string_view kViolationsRead = "violations.read";
inline constexpr std::string_view kViolationsWrite = "violations.write";
inline constexpr std::string_view kViolationsDecide = "violations.decide";
inline constexpr std::string_view kReportsRead = "reports.read";
inline constexpr std::string_view kApiKeysManage = "apikeys.manage";
// Partner systems' own writes (issue 5 adds their routes).
inline constexpr std::string_view kInsuranceWrite = "insurance.write";
inline constexpr std::string_view kInspectionsWrite = "inspections.write";
inline constexpr std::string_view kPaymentsConfirm = "payments.confirm";
}  // namespace perm

// A partner system's API key acts within one scope, which grants a fixed set of permissions.
enum class ApiScope { kInsurer, kInspection, kPolice, kPaymentGateway };
std::optional<ApiScope> ParseApiScope(std::string_view name);
std::string_view ApiScopeName(ApiScope scope);
const std::vector<ApiScope>& AllApiScopes();
const std::vector<std::string_view>& PermissionsOf(ApiScope scope);
bool HasPermission(ApiScope scope, std::string_view permission);

std::optional<Role> ParseRole(std::string_view name);
std::string_view RoleName(Role role);
const std::vector<Role>& AllRoles();
// Every permission there is, in a stable order.
const std::vector<std::string_view>& AllPermissions();
// The permissions a role grants, in the order of AllPermissions().
const std::vector<std::string_view>& PermissionsOf(Role role);
bool HasPermission(Role role, std::string_view permission);

}  // namespace dvld::domain
