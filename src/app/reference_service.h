// Reference data (DOMAIN.md section 2): offices, licence classes, services and tests with their
// fees, countries. Everyone signed in reads it; administrators change it; every change is audited.
#pragma once
#include <vector>

#include "app/ports/store.h"
#include "core/clock.h"
#include "core/result.h"

namespace dvld::app {

class ReferenceService {
 public:
  ReferenceService(Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  std::vector<Country> Countries();
  std::vector<Branch> Branches();
  std::vector<LicenseClass> LicenseClasses();
  std::vector<FeeItem> ApplicationTypes();
  std::vector<FeeItem> TestTypes();

  core::Result<Branch> CreateBranch(const Principal& who, Branch branch);
  core::Result<Branch> UpdateBranch(const Principal& who, Branch branch);
  core::Result<LicenseClass> UpdateLicenseClass(const Principal& who, LicenseClass c);
  core::Result<FeeItem> UpdateApplicationType(const Principal& who, FeeItem item);
  core::Result<FeeItem> UpdateTestType(const Principal& who, FeeItem item);

  // Largest fee an administrator may set: 10,000 JOD.
  static constexpr std::int64_t kMaxFeeFils = 10'000'000;

 private:
  Store& store_;
  const core::Clock& clock_;
};

}  // namespace dvld::app
