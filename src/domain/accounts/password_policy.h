// The minimum strength of a staff password: checked when one is set, never when one is used.
#pragma once
#include <string_view>

#include "core/result.h"

namespace dvld::domain {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 128;

// At least 10 characters, at most 128, with a letter and a digit, and not the user name.
core::Status CheckPasswordStrength(std::string_view password, std::string_view username, std::string_view field);

}  // namespace dvld::domain
