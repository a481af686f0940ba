#include "core/clock.h"

#include <cstdio>

namespace dvld::core {

std::string FormatTimestamp(SysTime t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

bool ParseTimestamp(const std::string& text, SysTime& out) {
  using namespace std::chrono;
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char z = 0;
  if (text.size() != 20 || std::sscanf(text.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
      z != 'Z') {
    return false;
  }
  const year_month_day ymd{year{y}, month{mo}, day{d}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return false;
  out = sys_days{ymd} + hours{h} + minutes{mi} + seconds{s};
  return true;
}

bool ParseUtcOffset(std::string_view text, std::chrono::minutes& out) {
  if (text == "Z") {
    out = std::chrono::minutes{0};
    return true;
  }
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1; };
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return false;
  const int d[4] = {digit(1), digit(2), digit(4), digit(5)};
  for (const int x : d) {
    if (x < 0) return false;
  }
  const int hours = d[0] * 10 + d[1];
  const int mins = d[2] * 10 + d[3];
  if (mins > 59) return false;
  const int total = (text[0] == '-' ? -1 : 1) * (hours * 60 + mins);
  if (total < -12 * 60 || total > 14 * 60) return false;
  out = std::chrono::minutes{total};
  return true;
}

std::string FormatUtcOffset(std::chrono::minutes offset) {
  const auto m = offset.count();
  const auto a = m < 0 ? -m : m;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", m < 0 ? '-' : '+', static_cast<int>(a / 60), static_cast<int>(a % 60));
  return buf;
}

}  // namespace dvld::core
