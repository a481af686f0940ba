#include "domain/accounts/password_policy.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace dvld::domain {

core::Status CheckPasswordStrength(std::string_view password, std::string_view username, std::string_view field) {
  const std::string f(field);
  if (password.size() < kMinPasswordLength) {
    return core::Error::Invalid(f, "min-length", "The password must have at least 10 characters.");
  }
  if (password.size() > kMaxPasswordLength) {
    return core::Error::Invalid(f, "max-length", "The password must have at most 128 characters.");
  }
  const auto is = [&](auto pred) {
    return std::any_of(password.begin(), password.end(), [&](char c) { return pred(static_cast<unsigned char>(c)); });
  };
  if (!is([](unsigned char c) { return std::isalpha(c) != 0 || c >= 0x80; }) ||
      !is([](unsigned char c) { return std::isdigit(c) != 0; })) {
    return core::Error::Invalid(f, "strength", "The password must contain letters and digits.");
  }
  std::string lower_pw(password), lower_user(username);
  std::transform(lower_pw.begin(), lower_pw.end(), lower_pw.begin(), [](unsigned char c) { return std::tolower(c); });
  std::transform(lower_user.begin(), lower_user.end(), lower_user.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (!lower_user.empty() && lower_pw.find(lower_user) != std::string::npos) {
    return core::Error::Invalid(f, "strength", "The password must not contain the user name.");
  }
  return core::OkStatus();
}

}  // namespace dvld::domain
