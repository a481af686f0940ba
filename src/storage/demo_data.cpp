#include "storage/demo_data.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <string>

namespace dvld::storage {
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
constexpr std::array<const char*, 6> kCities{{"عمّان - الشميساني", "إربد - شارع الجامعة", "الزرقاء - حي معصوم",
                                              "العقبة - المنطقة الرابعة", "السلط - البلقاء", "مادبا - وسط البلد"}};

}  // namespace

int LoadDemoData(Database& db, core::SysTime now) {
  auto conn = db.Acquire();
  conn->Begin(true);
  if (conn->Query("SELECT COUNT(*) FROM people").Int(0, 0) > 0) {
    conn->Rollback();
    return 0;
  }
  const auto ts = core::FormatTimestamp(now);
  constexpr int kPeople = 40;
  for (int i = 0; i < kPeople; ++i) {
    const bool female = i % 3 == 1;
    const Name& first = female ? kFemale[static_cast<std::size_t>(i) % kFemale.size()]
                               : kMale[static_cast<std::size_t>(i) % kMale.size()];
    const Name& father = kMale[static_cast<std::size_t>(i * 7 + 3) % kMale.size()];
    const Name& grand = kMale[static_cast<std::size_t>(i * 5 + 1) % kMale.size()];
    const Name& family = kFamily[static_cast<std::size_t>(i * 3) % kFamily.size()];
    const int birth_year = 1960 + (i * 7) % 45;
    char dob[16], national_no[16], phone[24], email[64];
    std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", birth_year, 1 + (i * 5) % 12, 1 + (i * 11) % 28);
    // Jordanian national numbers: 10 digits starting with the century of birth (9 or 2).
    std::snprintf(national_no, sizeof national_no, "%d%03d%06d", birth_year < 2000 ? 9 : 2, birth_year % 1000,
                  100000 + i * 7919 % 900000);
    std::snprintf(phone, sizeof phone, "+96279%07d", 1000000 + i * 104729 % 9000000);
    std::snprintf(email, sizeof email, "%s.%d@example.jo", first.en, i + 1);
    std::string mail = email;
    for (auto& c : mail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool foreigner = i % 10 == 9;
    conn->Execute(
        "INSERT INTO people (national_no, document_type, document_no, first_name_ar, second_name_ar, third_name_ar, "
        "last_name_ar, first_name_en, second_name_en, third_name_en, last_name_en, date_of_birth, gender, "
        "nationality_code, address, phone, email, deceased, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 0, $18, $18)",
        {foreigner ? Param(Null{}) : Param(std::string(national_no)),
         foreigner ? Param(std::string("passport")) : Param(Null{}),
         foreigner ? Param("P" + std::string(national_no).substr(2)) : Param(Null{}), std::string(first.ar),
         std::string(father.ar), std::string(grand.ar), std::string(family.ar), std::string(first.en),
         std::string(father.en), std::string(grand.en), std::string(family.en), std::string(dob),
         std::string(female ? "female" : "male"), std::string(foreigner ? "EG" : "JO"),
         std::string(kCities[static_cast<std::size_t>(i) % kCities.size()]), std::string(phone), mail, ts});
  }
  conn->Commit();
  return kPeople;
}

}  // namespace dvld::storage
