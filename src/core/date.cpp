#include "core/date.h"

#include <cstdio>

namespace dvld::core {

std::optional<Date> Date::Parse(std::string_view text) {
  using namespace std::chrono;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1800) return std::nullopt;
  return Date(sys_days{ymd});
}

std::string Date::ToString() const {
  const auto v = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(v.year()), static_cast<unsigned>(v.month()),
                static_cast<unsigned>(v.day()));
  return buf;
}

Date Date::AddYears(int n) const {
  using namespace std::chrono;
  auto v = ymd() + years{n};
  if (!v.ok()) v = v.year() / v.month() / last;
  return Date(sys_days{v});
}

int Date::YearsUntil(Date on) const {
  const auto a = ymd();
  const auto b = on.ymd();
  int years = static_cast<int>(b.year()) - static_cast<int>(a.year());
  if (b.month() < a.month() || (b.month() == a.month() && b.day() < a.day())) --years;
  return years;
}

}  // namespace dvld::core
