#include "domain/people/person.h"

#include <gtest/gtest.h>

namespace dvld::domain {
namespace {

PersonData Valid() {
  PersonData p;
  p.national_no = "9901234567";
  p.first_name_ar = "محمد";
  p.second_name_ar = "أحمد";
  p.last_name_ar = "العبادي";
  p.first_name_en = "Mohammad";
  p.second_name_en = "Ahmad";
  p.last_name_en = "Al-Abbadi";
  p.date_of_birth = "1990-05-17";
  p.gender = "male";
  p.nationality_code = "JO";
  return p;
}

const core::Date kToday = *core::Date::Parse("2026-11-28");

std::string FirstRule(PersonData p, const char* field) {
  auto st = ValidatePerson(p, kToday);
  if (st) return "ok";
  for (const auto& f : st.error().fields) {
    if (f.field == field) return f.rule;
  }
  return "other:" + st.error().fields.at(0).field;
}

TEST(Person, AValidRecordPasses) { EXPECT_EQ(FirstRule(Valid(), "x"), "ok"); }

TEST(Person, JordaniansNeedATenDigitNationalNumber) {
  auto p = Valid();
  p.national_no.reset();
  EXPECT_EQ(FirstRule(p, "nationalNo"), "required");
  p.national_no = "990123456";
  EXPECT_EQ(FirstRule(p, "nationalNo"), "format");
  p.national_no = "99012345a7";
  EXPECT_EQ(FirstRule(p, "nationalNo"), "format");
}

TEST(Person, OthersNeedADocumentTypeAndNumber) {
  auto p = Valid();
  p.national_no.reset();
  p.nationality_code = "EG";
  EXPECT_EQ(FirstRule(p, "documentType"), "required");
  p.document_type = "passport";
  EXPECT_EQ(FirstRule(p, "documentNo"), "required");
  p.document_no = "a12345";
  EXPECT_EQ(FirstRule(p, "x"), "ok");
  ASSERT_TRUE(ValidatePerson(p, kToday));
  EXPECT_EQ(p.document_no, "A12345") << "document numbers are kept in upper case";
  p.document_type = "driving-licence";
  EXPECT_EQ(FirstRule(p, "documentType"), "one-of");
}

TEST(Person, NamesAreInTheirOwnScript) {
  auto p = Valid();
  p.first_name_ar = "Mohammad";
  EXPECT_EQ(FirstRule(p, "firstNameAr"), "arabic-letters");
  p = Valid();
  p.last_name_en = "العبادي";
  EXPECT_EQ(FirstRule(p, "lastNameEn"), "latin-letters");
  p = Valid();
  p.second_name_ar = "";
  EXPECT_EQ(FirstRule(p, "secondNameAr"), "required");
  p = Valid();
  p.third_name_ar = "عبد الله";  // optional, with a space
  p.first_name_ar = "مُحَمَّد";    // diacritics are letters' marks, allowed
  p.last_name_en = "O'Neil-Smith";
  EXPECT_EQ(FirstRule(p, "x"), "ok");
  p.first_name_en = std::string(51, 'a');
  EXPECT_EQ(FirstRule(p, "firstNameEn"), "max-length");
}

TEST(Person, DateOfBirthIsARealPastDate) {
  auto p = Valid();
  p.date_of_birth = "2025-02-29";
  EXPECT_EQ(FirstRule(p, "dateOfBirth"), "format");
  p.date_of_birth = "2026-11-29";
  EXPECT_EQ(FirstRule(p, "dateOfBirth"), "not-in-future");
  p.date_of_birth = "2026-11-28";
  EXPECT_EQ(FirstRule(p, "x"), "ok") << "born today is possible";
  p.date_of_birth = "1900-01-01";
  EXPECT_EQ(FirstRule(p, "dateOfBirth"), "range");
}

TEST(Person, PhonesBecomeE164) {
  EXPECT_EQ(NormalisePhone("+962 79 123-4567"), "+962791234567");
  EXPECT_EQ(NormalisePhone("0791234567"), "+962791234567");
  EXPECT_EQ(NormalisePhone("00962791234567"), "+962791234567");
  EXPECT_EQ(NormalisePhone("+1 (202) 555-0100"), "+12025550100");
  EXPECT_FALSE(NormalisePhone("791234567"));
  EXPECT_FALSE(NormalisePhone("+0791234567"));
  EXPECT_FALSE(NormalisePhone("+9627912345678901"));
  EXPECT_FALSE(NormalisePhone("+96279x234567"));
  auto p = Valid();
  p.phone = "12";
  EXPECT_EQ(FirstRule(p, "phone"), "e164");
}

TEST(Person, EmailsAreChecked) {
  EXPECT_TRUE(IsValidEmail("sami.z@example.jo"));
  EXPECT_FALSE(IsValidEmail("sami"));
  EXPECT_FALSE(IsValidEmail("@example.jo"));
  EXPECT_FALSE(IsValidEmail("a@b"));
  EXPECT_FALSE(IsValidEmail("a b@example.jo"));
  EXPECT_FALSE(IsValidEmail("a@@example.jo"));
  EXPECT_FALSE(IsValidEmail("a@example..jo"));
  auto p = Valid();
  p.email = "Sami@Example.JO";
  EXPECT_EQ(FirstRule(p, "x"), "ok");
  ASSERT_TRUE(ValidatePerson(p, kToday));
  EXPECT_EQ(p.email, "Sami@example.jo") << "the domain is case-insensitive, the local part is kept";
}

TEST(Person, SearchFormFoldsArabicVariantsAndLatinCase) {
  EXPECT_EQ(NormaliseName("أحمد"), NormaliseName("احمد"));
  EXPECT_EQ(NormaliseName("إبراهيم"), NormaliseName("ابراهيم"));
  EXPECT_EQ(NormaliseName("فاطمة"), NormaliseName("فاطمه"));
  EXPECT_EQ(NormaliseName("مُحَمَّد"), NormaliseName("محمد"));
  EXPECT_EQ(NormaliseName("ليلى"), NormaliseName("ليلي"));
  EXPECT_EQ(NormaliseName("MoHammad"), "mohammad");
}

TEST(Person, SearchTermsCoverEveryNameAndHyphenatedParts) {
  auto p = Valid();
  p.third_name_ar = "عبد الله";
  const auto terms = SearchTerms(p);
  auto has = [&](const std::string& t) { return std::find(terms.begin(), terms.end(), t) != terms.end(); };
  EXPECT_TRUE(has("mohammad"));
  EXPECT_TRUE(has("al-abbadi"));
  EXPECT_TRUE(has("abbadi"));
  EXPECT_TRUE(has(NormaliseName("أحمد")));
  EXPECT_TRUE(has(NormaliseName("عبد")));
  EXPECT_TRUE(has(NormaliseName("الله")));
  EXPECT_TRUE(std::is_sorted(terms.begin(), terms.end()));
}

TEST(Person, FullNamesJoinThePartsThatExist) {
  auto p = Valid();
  EXPECT_EQ(FullNameEn(p), "Mohammad Ahmad Al-Abbadi");
  p.third_name_en = "Sami";
  EXPECT_EQ(FullNameEn(p), "Mohammad Ahmad Sami Al-Abbadi");
  EXPECT_EQ(FullNameAr(p), "محمد أحمد العبادي");
}

}  // namespace
}  // namespace dvld::domain
