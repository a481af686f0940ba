// Sample records for trying dvld out (`dvld init --demo`): people with Arabic and English names,
// registered through the people service, so they are validated and audited like any other.
#pragma once
#include "app/people_service.h"

namespace dvld::cli {

// Adds the sample people unless the registry already has people. Returns how many were added.
int LoadDemoData(app::PeopleService& people);

}  // namespace dvld::cli
