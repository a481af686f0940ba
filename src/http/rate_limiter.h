// Sign-in attempts per client address: a token bucket per address (default 20 at once, then one
// every 3 seconds), so a script cannot try passwords fast even across many accounts.
#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dvld::http {

class LoginRateLimiter {
 public:
  LoginRateLimiter(double burst = 20, double per_second = 1.0 / 3) : burst_(burst), per_second_(per_second) {}
  bool Allow(const std::string& address);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  double burst_, per_second_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace dvld::http
