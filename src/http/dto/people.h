// JSON shapes of people.
#pragma once
#include <boost/json.hpp>

#include "app/people_service.h"
#include "http/dto/json.h"

namespace dvld::http::dto {

boost::json::object PersonJson(const domain::Person& p);
// Reads every person field of a create request (422 field errors are collected in `in`).
domain::PersonData ReadPersonData(FieldReader& in);
// Reads the fields present in a PATCH request.
app::PersonPatch ReadPersonPatch(FieldReader& in);

}  // namespace dvld::http::dto
