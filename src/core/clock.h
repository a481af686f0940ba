// Time as a dependency: services ask an injected Clock, so tests can set "now" and move it.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace dvld::core {

using SysTime = std::chrono::sys_seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual SysTime Now() const = 0;
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

}  // namespace dvld::core
