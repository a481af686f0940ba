// Sign-in and credentials: staff passwords (argon2id) with lockout, session tokens stored only as
// hashes, expiry, sign-out, own password change, and partner API keys.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "app/ports/store.h"
#include "app/principal.h"
#include "app/session_cache.h"
#include "core/clock.h"
#include "core/result.h"

namespace dvld::app {

struct AuthConfig {
  std::chrono::seconds session_lifetime{std::chrono::hours(12)};  // absolute, from sign-in
  std::chrono::seconds idle_timeout{std::chrono::minutes(60)};    // since the last request
  // How long a checked session is trusted from memory (real time); changes made by this process
  // take effect at once, those made by another server process within this time.
  std::chrono::milliseconds session_cache_ttl{std::chrono::seconds(5)};
};

struct LoginResult {
  std::string token;
  Principal principal;
  core::SysTime expires_at;
};

class AuthService {
 public:
  AuthService(Store& store, const core::Clock& clock, AuthConfig config = {});

  // Checks the password (argon2id: slow; call off the I/O threads) and opens a session. Five
  // failures in a row lock the account for 15 minutes.
  core::Result<LoginResult> Login(const std::string& username, const std::string& password, const std::string& ip,
                                  const std::string& user_agent);
  // Ends the session of this token; unknown tokens are ignored.
  void Logout(const std::string& token);
  // The principal behind a session token, or nullopt when unknown, expired, idle too long or the
  // account was deactivated.
  std::optional<Principal> Authenticate(const std::string& token);
  // The partner system behind an API key, or nullopt when unknown or revoked.
  std::optional<Principal> AuthenticateApiKey(const std::string& key);
  // A signed-in user changes their own password (slow: argon2id twice). Other sessions end.
  core::Status ChangePassword(const Principal& who, const std::string& current_token, const std::string& current,
                              const std::string& next);
  // Sessions checked recently; services that change staff accounts invalidate it.
  SessionCache& sessions() { return cache_; }

 private:
  Store& store_;
  const core::Clock& clock_;
  AuthConfig config_;
  SessionCache cache_;
  std::string dummy_hash_;  // verified against for unknown users, so timing does not tell
};

Principal ToPrincipal(const UserRecord& user);

}  // namespace dvld::app
