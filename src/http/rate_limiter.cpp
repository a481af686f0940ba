#include "http/rate_limiter.h"

#include <algorithm>

namespace dvld::http {

bool LoginRateLimiter::Allow(const std::string& address) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (buckets_.size() > 100000) {  // forget addresses whose buckets are full again
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      const double secs = std::chrono::duration<double>(now - it->second.at).count();
      it = it->second.tokens + secs * per_second_ >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, inserted] = buckets_.try_emplace(address, Bucket{burst_, now});
  auto& b = it->second;
  const double secs = std::chrono::duration<double>(now - b.at).count();
  b.tokens = std::min(burst_, b.tokens + secs * per_second_);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

}  // namespace dvld::http
