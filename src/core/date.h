// A calendar date without time zone (ISO 8601 "YYYY-MM-DD"), valid by construction.
#pragma once
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace dvld::core {

class Date {
 public:
  // Strictly "YYYY-MM-DD" and a real calendar day; nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);
  static Date FromDays(std::chrono::sys_days d) { return Date(d); }
  // The UTC calendar day of an instant.
  static Date Of(SysTime t) { return Date(std::chrono::floor<std::chrono::days>(t)); }
  // The department's calendar day of an instant (the clock's UTC offset), and of now.
  static Date On(const Clock& clock, SysTime t) { return Of(t + clock.UtcOffset()); }
  static Date Today(const Clock& clock) { return On(clock, clock.Now()); }

  std::string ToString() const;
  std::chrono::sys_days days() const { return d_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{d_}; }

  Date AddDays(int n) const { return Date(d_ + std::chrono::days{n}); }
  // Same day and month n years later; 29 February becomes 28 February in a common year.
  Date AddYears(int n) const;
  // Whole years from this date to `on` (an age).
  int YearsUntil(Date on) const;

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(std::chrono::sys_days d) : d_(d) {}
  std::chrono::sys_days d_;
};

}  // namespace dvld::core
