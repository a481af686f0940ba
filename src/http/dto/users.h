// JSON shapes of staff accounts, API keys, reference data and audit entries.
#pragma once
#include <boost/json.hpp>

#include "app/api_key_service.h"
#include "app/principal.h"
#include "app/reference_service.h"

namespace dvld::http::dto {

// {"id","username","role","branchId","personId","permissions":[...]} (API keys: kind, scope)
boost::json::object PrincipalJson(const app::Principal& p);
boost::json::object UserJson(const app::UserRecord& u);
boost::json::object ApiKeyJson(const app::ApiKeyRecord& k);
boost::json::object BranchJson(const app::Branch& b);
boost::json::object LicenseClassJson(const app::LicenseClass& c);
boost::json::object FeeItemJson(const app::FeeItem& f, bool with_sequence);
boost::json::object CountryJson(const app::Country& c);
boost::json::object AuditJson(const app::AuditEntry& e);

}  // namespace dvld::http::dto
