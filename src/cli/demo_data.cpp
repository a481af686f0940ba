#include "cli/demo_data.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace dvld::cli {
namespace {

struct Name {
  const char* ar;
  const char* en;
};

constexpr std::array<Name, 12> kMale{{{"محمد", "Mohammad"}, {"أحمد", "Ahmad"}, {"خالد", "Khaled"},
                                      {"عمر", "Omar"}, {"يوسف", "Yousef"}, {"علي", "Ali"},
                                      {"حسن", "Hasan"}, {"إبراهيم", "Ibrahim"}, {"سامي", "Sami"},
                                      {"زيد", "Zaid"}, {"فراس", "Firas"}, {"طارق", "Tareq"}}};
constexpr std::array<Name, 8> kFemale{{{"فاطمة", "Fatima"}, {"مريم", "Maryam"}, {"سارة", "Sara"},
                                       {"ليلى", "Layla"}, {"رنا", "Rana"}, {"هبة", "Heba"},
                                       {"دانة", "Dana"}, {"نور", "Noor"}}};
constexpr std::array<Name, 10> kFamily{{{"العبادي", "Al-Abbadi"}, {"الخطيب", "Al-Khatib"}, {"المومني", "Al-Momani"},
                                        {"الزعبي", "Al-Zoubi"}, {"الحسيني", "Al-Husseini"}, {"النسور", "Al-Nsour"},
                                        {"الطراونة", "Al-Tarawneh"}, {"العمري", "Al-Omari"},
                                        {"الشريف", "Al-Sharif"}, {"المجالي", "Al-Majali"}}};
constexpr std::array<const char*, 6> kAddresses{{"عمّان - الشميساني", "إربد - شارع الجامعة", "الزرقاء - حي معصوم",
                                                 "العقبة - المنطقة الرابعة", "السلط - البلقاء", "مادبا - وسط البلد"}};

}  // namespace

int LoadDemoData(app::PeopleService& people) {
  app::PeopleQuery any;
  any.page.page_size = 1;
  auto existing = people.Search(any);
  if (!existing || existing->total > 0) return 0;
  const auto who = app::Principal::System("init-demo");
  constexpr int kPeople = 40;
  for (int i = 0; i < kPeople; ++i) {
    const auto at = [](int k, std::size_t n) { return static_cast<std::size_t>(k) % n; };
    const bool female = i % 3 == 1;
    const Name& first = female ? kFemale[at(i, kFemale.size())] : kMale[at(i, kMale.size())];
    const Name& father = kMale[at(i * 7 + 3, kMale.size())];
    const Name& grand = kMale[at(i * 5 + 1, kMale.size())];
    const Name& family = kFamily[at(i * 3, kFamily.size())];
    const int birth_year = 1960 + (i * 7) % 45;
    char dob[16], national_no[16], phone[24], email[64];
    std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", birth_year, 1 + (i * 5) % 12, 1 + (i * 11) % 28);
    // Jordanian national numbers: 10 digits, the first four from the year of birth here.
    std::snprintf(national_no, sizeof national_no, "%04d%06d", birth_year, 100000 + (i * 7919) % 900000);
    std::snprintf(phone, sizeof phone, "+96279%07d", 1000000 + (i * 104729) % 9000000);
    std::snprintf(email, sizeof email, "%s.%d@example.jo", first.en, i + 1);
    std::string mail = email;
    for (auto& c : mail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool foreigner = i % 10 == 9;
    domain::PersonData p;
    if (foreigner) {
      p.document_type = "passport";
      p.document_no = "A" + std::string(national_no).substr(3);
      p.nationality_code = "EG";
    } else {
      p.national_no = national_no;
      p.nationality_code = "JO";
    }
    p.first_name_ar = first.ar;
    p.second_name_ar = father.ar;
    p.third_name_ar = grand.ar;
    p.last_name_ar = family.ar;
    p.first_name_en = first.en;
    p.second_name_en = father.en;
    p.third_name_en = grand.en;
    p.last_name_en = family.en;
    p.date_of_birth = dob;
    p.gender = female ? "female" : "male";
    p.address = kAddresses[at(i, kAddresses.size())];
    p.phone = phone;
    p.email = mail;
    auto added = people.Register(who, p);
    if (!added) {
      const auto& e = added.error();
      throw std::runtime_error("demo person " + std::to_string(i) + ": " + e.message +
                               (e.fields.empty() ? "" : " " + e.fields[0].field + ": " + e.fields[0].message));
    }
  }
  return kPeople;
}

}  // namespace dvld::cli
