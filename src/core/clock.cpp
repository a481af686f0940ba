#include "core/clock.h"

#include <cstdio>

namespace dvld::core {

// Both are on every write's path (each row's timestamps), so they are written out by hand: the
// printf and scanf families cost more than the rest of a row.
std::string FormatTimestamp(SysTime t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
  }
  std::string out = "0000-00-00T00:00:00Z";
  auto put = [&out](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  put(8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  put(11, static_cast<int>(hms.hours().count()), 2);
  put(14, static_cast<int>(hms.minutes().count()), 2);
  put(17, static_cast<int>(hms.seconds().count()), 2);
  return out;
}

bool ParseTimestamp(const std::string& text, SysTime& out) {
  using namespace std::chrono;
  // YYYY-MM-DDTHH:MM:SSZ exactly: digits where digits go, these separators, nothing else.
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    const char c = text[i];
    if (kShape[i] == 'd' ? (c < '0' || c > '9') : c != kShape[i]) return false;
  }
  auto num = [&text](std::size_t at, std::size_t width) {
    int v = 0;
    for (std::size_t i = 0; i < width; ++i) v = v * 10 + (text[at + i] - '0');
    return v;
  };
  const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), s = num(17, 2);
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
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
