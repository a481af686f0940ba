#include "domain/accounts/role.h"

#include <algorithm>
#include <array>
#include <map>

namespace dvld::domain {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kNames{{
    {Role::kAdministrator, "administrator"},
    {Role::kClerk, "clerk"},
    {Role::kExaminer, "examiner"},
    {Role::kOfficer, "officer"},
    {Role::kFinance, "finance"},
    {Role::kAuditor, "auditor"},
}};

std::vector<std::string_view> Grants(Role role) {
  using namespace perm;
  switch (role) {
    case Role::kAdministrator:
      return AllPermissions();
    case Role::kClerk:  // the counter: people, applications, payments collected at the desk
      return {kPeopleRead,      kPeopleWrite,       kReferenceRead,   kApplicationsRead, kApplicationsWrite,
              kLicensesRead,    kLicensesDetain,    kPaymentsCollect, kVehiclesRead,     kVehiclesWrite,
              kViolationsRead,  kInsuranceWrite,    kInspectionsWrite};
    case Role::kExaminer:  // records test results
      return {kPeopleRead, kReferenceRead, kApplicationsRead, kTestsRecord, kLicensesRead};
    case Role::kOfficer:  // violations and detention
      return {kPeopleRead,   kReferenceRead,   kLicensesRead,   kLicensesDetain,
              kVehiclesRead, kViolationsRead, kViolationsWrite, kViolationsDecide};
    case Role::kFinance:  // payments, refunds, reports
      return {kPeopleRead,      kReferenceRead,  kApplicationsRead, kLicensesRead, kPaymentsCollect,
              kPaymentsRefund, kVehiclesRead,   kViolationsRead,   kReportsRead};
    case Role::kAuditor:  // read everything, change nothing
      return {kPeopleRead,   kUsersRead,     kReferenceRead,   kAuditRead,  kApplicationsRead, kLicensesRead,
              kVehiclesRead, kViolationsRead, kReportsRead};
  }
  return {};
}

}  // namespace

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [role, n] : kNames) {
    if (n == name) return role;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  for (const auto& [r, n] : kNames) {
    if (r == role) return n;
  }
  return "unknown";
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = [] {
    std::vector<Role> v;
    for (const auto& [r, n] : kNames) v.push_back(r);
    return v;
  }();
  return kAll;
}

const std::vector<std::string_view>& AllPermissions() {
  using namespace perm;
  static const std::vector<std::string_view> kAll{
      kPeopleRead,      kPeopleWrite,     kUsersRead,        kUsersManage,        kReferenceRead,
      kReferenceManage, kAuditRead,       kApplicationsRead, kApplicationsWrite,  kTestsRecord,
      kLicensesRead,    kLicensesDetain,  kPaymentsCollect,  kPaymentsRefund,     kVehiclesRead,
      kVehiclesWrite,   kViolationsRead,  kViolationsWrite,  kViolationsDecide,   kReportsRead,
      kApiKeysManage,   kInsuranceWrite,  kInspectionsWrite, kPaymentsConfirm};
  return kAll;
}

const std::vector<std::string_view>& PermissionsOf(Role role) {
  static const std::map<Role, std::vector<std::string_view>> kByRole = [] {
    std::map<Role, std::vector<std::string_view>> m;
    for (Role r : AllRoles()) {
      auto granted = Grants(r);
      std::vector<std::string_view> ordered;
      for (auto p : AllPermissions()) {
        if (std::find(granted.begin(), granted.end(), p) != granted.end()) ordered.push_back(p);
      }
      m.emplace(r, std::move(ordered));
    }
    return m;
  }();
  return kByRole.at(role);
}

bool HasPermission(Role role, std::string_view permission) {
  const auto& p = PermissionsOf(role);
  return std::find(p.begin(), p.end(), permission) != p.end();
}

namespace {
constexpr std::array<std::pair<ApiScope, std::string_view>, 4> kScopeNames{{
    {ApiScope::kInsurer, "insurer"},
    {ApiScope::kInspection, "inspection"},
    {ApiScope::kPolice, "police"},
    {ApiScope::kPaymentGateway, "payment-gateway"},
}};
}  // namespace

std::optional<ApiScope> ParseApiScope(std::string_view name) {
  for (const auto& [scope, n] : kScopeNames) {
    if (n == name) return scope;
  }
  return std::nullopt;
}

std::string_view ApiScopeName(ApiScope scope) {
  for (const auto& [s, n] : kScopeNames) {
    if (s == scope) return n;
  }
  return "unknown";
}

const std::vector<ApiScope>& AllApiScopes() {
  static const std::vector<ApiScope> kAll{ApiScope::kInsurer, ApiScope::kInspection, ApiScope::kPolice,
                                          ApiScope::kPaymentGateway};
  return kAll;
}

const std::vector<std::string_view>& PermissionsOf(ApiScope scope) {
  using namespace perm;
  static const std::vector<std::string_view> kInsurer{kVehiclesRead, kInsuranceWrite};
  static const std::vector<std::string_view> kInspection{kVehiclesRead, kInspectionsWrite};
  // Police systems look people and licences up and record violations.
  static const std::vector<std::string_view> kPolice{kPeopleRead, kLicensesRead, kVehiclesRead, kViolationsRead,
                                                     kViolationsWrite};
  static const std::vector<std::string_view> kGateway{kPaymentsConfirm};
  switch (scope) {
    case ApiScope::kInsurer: return kInsurer;
    case ApiScope::kInspection: return kInspection;
    case ApiScope::kPolice: return kPolice;
    case ApiScope::kPaymentGateway: return kGateway;
  }
  return kGateway;
}

bool HasPermission(ApiScope scope, std::string_view permission) {
  const auto& p = PermissionsOf(scope);
  return std::find(p.begin(), p.end(), permission) != p.end();
}

}  // namespace dvld::domain
