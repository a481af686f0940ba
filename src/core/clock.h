// Time as a dependency: services ask an injected Clock, so tests can set "now" and move it.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace dvld::core {

using SysTime = std::chrono::sys_seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual SysTime Now() const = 0;

  // The department's offset from UTC: its calendar day ("today", the day a violation happened)
  // starts at local midnight, not at 00:00 UTC. Zero unless configured (Jordan: +03:00 all year).
  std::chrono::minutes UtcOffset() const { return std::chrono::minutes(utc_offset_minutes_.load()); }
  void SetUtcOffset(std::chrono::minutes offset) { utc_offset_minutes_ = static_cast<int>(offset.count()); }

 private:
  std::atomic<int> utc_offset_minutes_{0};
};

class SystemClock final : public Clock {
 public:
  SysTime Now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// A clock that only moves when told: for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(SysTime start) : now_(start.time_since_epoch().count()) {}
  SysTime Now() const override { return SysTime(std::chrono::seconds(now_.load())); }
  void Set(SysTime t) { now_ = t.time_since_epoch().count(); }
  void Advance(std::chrono::seconds d) { now_ += d.count(); }

 private:
  std::atomic<std::int64_t> now_;
};

// RFC 3339 UTC text, e.g. "2026-11-28T09:30:00Z".
std::string FormatTimestamp(SysTime t);
// Parses what FormatTimestamp writes; false on anything else.
bool ParseTimestamp(const std::string& text, SysTime& out);

// An offset from UTC as ISO 8601 writes it: "+03:00", "-05:30" or "Z"; within -12:00..+14:00.
bool ParseUtcOffset(std::string_view text, std::chrono::minutes& out);
// "+03:00", "-05:30", "+00:00".
std::string FormatUtcOffset(std::chrono::minutes offset);

}  // namespace dvld::core
