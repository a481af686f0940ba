#include "http/dto/people.h"

#include "http/dto/common.h"

namespace dvld::http::dto {

boost::json::object PersonJson(const domain::Person& p) {
  return {{"id", p.id},
          {"nationalNo", OptString(p.national_no)},
          {"documentType", OptString(p.document_type)},
          {"documentNo", OptString(p.document_no)},
          {"firstNameAr", p.first_name_ar},
          {"secondNameAr", p.second_name_ar},
          {"thirdNameAr", OptString(p.third_name_ar)},
          {"lastNameAr", p.last_name_ar},
          {"firstNameEn", p.first_name_en},
          {"secondNameEn", p.second_name_en},
          {"thirdNameEn", OptString(p.third_name_en)},
          {"lastNameEn", p.last_name_en},
          {"fullNameAr", domain::FullNameAr(p)},
          {"fullNameEn", domain::FullNameEn(p)},
          {"dateOfBirth", p.date_of_birth},
          {"gender", p.gender},
          {"nationalityCode", p.nationality_code},
          {"address", p.address},
          {"phone", OptString(p.phone)},
          {"email", OptString(p.email)},
          {"deceased", p.deceased},
          {"hasPhoto", p.has_photo},
          {"photoUrl", p.has_photo ? boost::json::value("/api/v1/people/" + std::to_string(p.id) + "/photo")
                                   : boost::json::value(nullptr)},
          {"createdAt", core::FormatTimestamp(p.created_at)},
          {"updatedAt", core::FormatTimestamp(p.updated_at)}};
}

domain::PersonData ReadPersonData(FieldReader& in) {
  domain::PersonData p;
  p.national_no = in.String("nationalNo", false, 20);
  p.document_type = in.String("documentType", false, 30);
  p.document_no = in.String("documentNo", false, 30);
  p.first_name_ar = in.String("firstNameAr", true, 400).value_or("");
  p.second_name_ar = in.String("secondNameAr", true, 400).value_or("");
  p.third_name_ar = in.String("thirdNameAr", false, 400);
  p.last_name_ar = in.String("lastNameAr", true, 400).value_or("");
  p.first_name_en = in.String("firstNameEn", true, 400).value_or("");
  p.second_name_en = in.String("secondNameEn", true, 400).value_or("");
  p.third_name_en = in.String("thirdNameEn", false, 400);
  p.last_name_en = in.String("lastNameEn", true, 400).value_or("");
  p.date_of_birth = in.String("dateOfBirth", true, 20).value_or("");
  p.gender = in.String("gender", true, 10).value_or("");
  p.nationality_code = in.String("nationalityCode", true, 2).value_or("");
  p.address = in.String("address", false, 300).value_or("");
  p.phone = in.String("phone", false, 30);
  p.email = in.String("email", false, 254);
  return p;
}

app::PersonPatch ReadPersonPatch(FieldReader& in) {
  app::PersonPatch patch;
  auto opt = [&](const char* name, std::size_t max) -> std::optional<std::optional<std::string>> {
    if (!in.Has(name)) return std::nullopt;
    return in.String(name, false, max);  // null or "" clears
  };
  auto req = [&](const char* name, std::size_t max) -> std::optional<std::string> {
    if (!in.Has(name)) return std::nullopt;
    auto v = in.String(name, true, max);
    return v ? v : std::optional<std::string>{};
  };
  patch.national_no = opt("nationalNo", 20);
  patch.document_type = opt("documentType", 30);
  patch.document_no = opt("documentNo", 30);
  patch.third_name_ar = opt("thirdNameAr", 400);
  patch.third_name_en = opt("thirdNameEn", 400);
  patch.phone = opt("phone", 30);
  patch.email = opt("email", 254);
  patch.first_name_ar = req("firstNameAr", 400);
  patch.second_name_ar = req("secondNameAr", 400);
  patch.last_name_ar = req("lastNameAr", 400);
  patch.first_name_en = req("firstNameEn", 400);
  patch.second_name_en = req("secondNameEn", 400);
  patch.last_name_en = req("lastNameEn", 400);
  patch.date_of_birth = req("dateOfBirth", 20);
  patch.gender = req("gender", 10);
  patch.nationality_code = req("nationalityCode", 2);
  if (in.Has("address")) patch.address = in.String("address", false, 300).value_or("");
  if (in.Has("deceased")) patch.deceased = in.Bool("deceased", true);
  return patch;
}

}  // namespace dvld::http::dto
