#include "domain/accounts/account_rules.h"

namespace dvld::domain {

SignInFailure AfterFailedSignIn(int failed_attempts, core::SysTime now) {
  const int attempts = failed_attempts + 1;
  if (attempts >= kMaxFailedSignIns) return SignInFailure{0, now + kLockDuration};
  return SignInFailure{attempts, std::nullopt};
}

bool IsLocked(const std::optional<core::SysTime>& locked_until, core::SysTime now) {
  return locked_until && now < *locked_until;
}

core::Status CheckUsername(std::string_view username) {
  if (username.size() < 3 || username.size() > 32) {
    return core::Error::Invalid("username", "length", "The user name has 3 to 32 characters.");
  }
  if (username[0] < 'a' || username[0] > 'z') {
    return core::Error::Invalid("username", "format", "The user name starts with a lower-case letter.");
  }
  for (char c : username) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return core::Error::Invalid("username", "format",
                                  "The user name has only lower-case letters, digits, '.', '_' and '-'.");
    }
  }
  return core::OkStatus();
}

}  // namespace dvld::domain
