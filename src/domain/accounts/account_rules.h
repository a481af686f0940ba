// Rules of staff accounts: user names, sign-in lockout.
#pragma once
#include <chrono>
#include <optional>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace dvld::domain {

// Five failed sign-ins in a row lock an account for 15 minutes (DOMAIN.md section 7, issue 3).
inline constexpr int kMaxFailedSignIns = 5;
inline constexpr std::chrono::minutes kLockDuration{15};

struct SignInFailure {
  int failed_attempts = 0;
  std::optional<core::SysTime> locked_until;
};
// The state after one more failed sign-in. Reaching the limit locks the account and starts the
// count again, so that after the lock ends the user has five more tries.
SignInFailure AfterFailedSignIn(int failed_attempts, core::SysTime now);
bool IsLocked(const std::optional<core::SysTime>& locked_until, core::SysTime now);

// 3 to 32 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter.
core::Status CheckUsername(std::string_view username);

}  // namespace dvld::domain
