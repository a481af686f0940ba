// JSON shapes of staff accounts.
#pragma once
#include <boost/json.hpp>

#include "app/principal.h"

namespace dvld::http::dto {

// {"id","username","role","branchId","personId","permissions":[...]}
boost::json::object PrincipalJson(const app::Principal& p);

}  // namespace dvld::http::dto
