#include "domain/people/person.h"

#include <algorithm>
#include <cctype>

namespace dvld::domain {
namespace {

// Decodes UTF-8; returns false on malformed input.
bool Decode(std::string_view s, std::vector<char32_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = 0;
    std::size_t n = 0;
    if (c < 0x80) { cp = c; n = 1; }
    else if ((c >> 5) == 0x6) { cp = c & 0x1f; n = 2; }
    else if ((c >> 4) == 0xe) { cp = c & 0x0f; n = 3; }
    else if ((c >> 3) == 0x1e) { cp = c & 0x07; n = 4; }
    else return false;
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    out.push_back(cp);
    i += n;
  }
  return true;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || c == 0x067e || c == 0x0686 ||
         c == 0x06a4 || c == 0x06af || c == 0x06cc || c == 0x0671;
}
bool IsArabicMark(char32_t c) { return (c >= 0x064b && c <= 0x0652) || c == 0x0670 || c == 0x0640; }

constexpr std::size_t kMaxNameChars = 50;

void CheckName(core::Error& e, const std::string& field, const std::optional<std::string>& value, bool required,
               bool arabic) {
  if (!value || value->empty()) {
    if (required) e.fields.push_back({field, "required", field + " is required."});
    return;
  }
  std::vector<char32_t> cps;
  if (!Decode(*value, cps)) {
    e.fields.push_back({field, "encoding", field + " is not valid UTF-8."});
    return;
  }
  if (cps.size() > kMaxNameChars) {
    e.fields.push_back({field, "max-length", field + " has more than 50 characters."});
    return;
  }
  if (arabic ? !IsArabicName(*value) : !IsLatinName(*value)) {
    e.fields.push_back({field, arabic ? "arabic-letters" : "latin-letters",
                        arabic ? field + " must be written in Arabic letters."
                               : field + " must be written in Latin letters."});
  }
}

}  // namespace

bool IsArabicName(std::string_view name) {
  std::vector<char32_t> cps;
  if (!Decode(name, cps) || cps.empty()) return false;
  bool letter = false;
  for (char32_t c : cps) {
    if (IsArabicLetter(c)) letter = true;
    else if (!IsArabicMark(c) && c != U' ' && c != U'-') return false;
  }
  return letter;
}

bool IsLatinName(std::string_view name) {
  bool letter = false;
  for (char c : name) {
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
    else if (c != ' ' && c != '-' && c != '\'' && c != '.') return false;
  }
  return letter;
}

std::optional<std::string> NormalisePhone(std::string_view phone) {
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c == '+' && digits.empty() && !plus) plus = true;
    else if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    else if (c != ' ' && c != '-' && c != '(' && c != ')') return std::nullopt;
  }
  if (!plus) {
    if (digits.rfind("00", 0) == 0) {
      digits = digits.substr(2);
    } else if (digits.size() == 10 && digits.rfind("07", 0) == 0) {
      digits = "962" + digits.substr(1);  // Jordanian mobile written locally
    } else {
      return std::nullopt;
    }
  }
  if (digits.size() < 8 || digits.size() > 15 || digits[0] == '0') return std::nullopt;
  return "+" + digits;
}

bool IsValidEmail(std::string_view email) {
  if (email.size() > 254) return false;
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = email.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size() || domain.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : email) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '<' || c == '>' ||
        c == '[' || c == ']' || c == '\\' || c == '"') {
      return false;
    }
  }
  return true;
}

core::Status ValidatePerson(PersonData& p, core::Date today) {
  core::Error e{core::ErrorCode::kInvalidArgument, "validation-failed", "One or more fields are invalid.", {}};
  auto fail = [&](const char* field, const char* rule, std::string message) {
    e.fields.push_back({field, rule, std::move(message)});
  };

  const bool jordanian = p.nationality_code == kJordan;
  if (p.national_no) {
    const auto& n = *p.national_no;
    if (n.size() != 10 || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      fail("nationalNo", "format", "The national number has exactly 10 digits.");
    }
  } else if (jordanian) {
    fail("nationalNo", "required", "A Jordanian citizen is registered by national number.");
  }
  if (p.document_type && *p.document_type != "passport" && *p.document_type != "residence-permit") {
    fail("documentType", "one-of", "The document type is passport or residence-permit.");
  }
  if (p.document_no) {
    std::string up = *p.document_no;
    std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return std::toupper(c); });
    p.document_no = up;
    if (up.size() < 5 || up.size() > 20 ||
        !std::all_of(up.begin(), up.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) {
      fail("documentNo", "format", "The document number has 5 to 20 letters and digits.");
    }
  }
  if (!p.national_no) {
    if (!p.document_type) fail("documentType", "required", "Without a national number, a document type is required.");
    if (!p.document_no) fail("documentNo", "required", "Without a national number, a document number is required.");
  } else if (p.document_type.has_value() != p.document_no.has_value()) {
    fail(p.document_type ? "documentNo" : "documentType", "required", "A document needs both its type and number.");
  }

  CheckName(e, "firstNameAr", p.first_name_ar, true, true);
  CheckName(e, "secondNameAr", p.second_name_ar, true, true);
  CheckName(e, "thirdNameAr", p.third_name_ar, false, true);
  CheckName(e, "lastNameAr", p.last_name_ar, true, true);
  CheckName(e, "firstNameEn", p.first_name_en, true, false);
  CheckName(e, "secondNameEn", p.second_name_en, true, false);
  CheckName(e, "thirdNameEn", p.third_name_en, false, false);
  CheckName(e, "lastNameEn", p.last_name_en, true, false);

  if (p.date_of_birth.empty()) {
    fail("dateOfBirth", "required", "The date of birth is required.");
  } else if (auto dob = core::Date::Parse(p.date_of_birth); !dob) {
    fail("dateOfBirth", "format", "The date of birth is a real date written YYYY-MM-DD.");
  } else if (*dob > today) {
    fail("dateOfBirth", "not-in-future", "The date of birth cannot be in the future.");
  } else if (dob->YearsUntil(today) > 120) {
    fail("dateOfBirth", "range", "The date of birth is more than 120 years ago.");
  }

  if (p.gender != "male" && p.gender != "female") fail("gender", "one-of", "The gender is male or female.");
  if (p.nationality_code.size() != 2 ||
      !std::all_of(p.nationality_code.begin(), p.nationality_code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    fail("nationalityCode", "format", "The nationality is an ISO 3166 two-letter country code.");
  }
  if (p.address.size() > 300) fail("address", "max-length", "The address has at most 300 characters.");

  if (p.phone) {
    if (auto n = NormalisePhone(*p.phone)) p.phone = *n;
    else fail("phone", "e164", "The phone number is in international form, e.g. +962791234567.");
  }
  if (p.email) {
    if (!IsValidEmail(*p.email)) {
      fail("email", "format", "The e-mail address is not valid.");
    } else {
      auto& m = *p.email;
      std::transform(m.begin() + static_cast<std::ptrdiff_t>(m.find('@')), m.end(), m.begin() + static_cast<std::ptrdiff_t>(m.find('@')),
                     [](unsigned char c) { return std::tolower(c); });
    }
  }
  if (!e.fields.empty()) return e;
  return core::OkStatus();
}

namespace {
std::string Join(std::initializer_list<const std::optional<std::string>*> parts) {
  std::string out;
  for (const auto* p : parts) {
    if (!*p || (*p)->empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += **p;
  }
  return out;
}
}  // namespace

std::string FullNameAr(const PersonData& p) {
  const std::optional<std::string> a = p.first_name_ar, b = p.second_name_ar, d = p.last_name_ar;
  return Join({&a, &b, &p.third_name_ar, &d});
}

std::string FullNameEn(const PersonData& p) {
  const std::optional<std::string> a = p.first_name_en, b = p.second_name_en, d = p.last_name_en;
  return Join({&a, &b, &p.third_name_en, &d});
}

std::string NormaliseName(std::string_view name) {
  std::vector<char32_t> cps;
  if (!Decode(name, cps)) return {};
  std::string out;
  for (char32_t c : cps) {
    if (IsArabicMark(c)) continue;
    if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) c = 0x0627;  // أ إ آ ٱ -> ا
    else if (c == 0x0629) c = 0x0647;                                         // ة -> ه
    else if (c == 0x0649) c = 0x064a;                                         // ى -> ي
    else if (c < 0x80) c = static_cast<char32_t>(std::tolower(static_cast<int>(c)));
    Encode(c, out);
  }
  return out;
}

std::vector<std::string> SearchTerms(const PersonData& p) {
  std::vector<std::string> terms;
  auto add = [&](const std::string& name) {
    const auto norm = NormaliseName(name);
    std::size_t start = 0;
    while (start < norm.size()) {
      auto end = norm.find(' ', start);
      if (end == std::string::npos) end = norm.size();
      if (end > start) {
        const auto word = norm.substr(start, end - start);
        terms.push_back(word);
        // "al-abbadi" is also found as "abbadi".
        for (std::size_t from = 0, dash = word.find('-'); dash != std::string::npos; dash = word.find('-', from)) {
          if (dash > from) terms.push_back(word.substr(from, dash - from));
          from = dash + 1;
          if (word.find('-', from) == std::string::npos && from < word.size()) terms.push_back(word.substr(from));
        }
      }
      start = end + 1;
    }
  };
  for (const auto* n : {&p.first_name_ar, &p.second_name_ar, &p.last_name_ar, &p.first_name_en, &p.second_name_en,
                        &p.last_name_en}) {
    add(*n);
  }
  if (p.third_name_ar) add(*p.third_name_ar);
  if (p.third_name_en) add(*p.third_name_en);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

}  // namespace dvld::domain
