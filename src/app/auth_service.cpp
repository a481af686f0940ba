#include "app/auth_service.h"

#include "core/crypto.h"

namespace dvld::app {

namespace {
constexpr std::chrono::seconds kTouchEvery{60};  // write last_seen at most once a minute
}

Principal ToPrincipal(const UserRecord& user) {
  return Principal{user.id, user.username, user.role, user.branch_id, user.person_id};
}

AuthService::AuthService(Store& store, const core::Clock& clock, AuthConfig config)
    : store_(store), clock_(clock), config_(config), dummy_hash_(core::HashPassword(core::RandomToken(16))) {}

core::Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                             const std::string& ip, const std::string& user_agent) {
  if (username.empty()) return core::Error::Invalid("username", "required", "Enter a user name.");
  if (password.empty()) return core::Error::Invalid("password", "required", "Enter a password.");
  if (username.size() > 64 || password.size() > 1024) {
    return core::Error::Of(core::ErrorCode::kUnauthenticated, "invalid-credentials",
                           "The user name or password is not correct.");
  }

  std::optional<UserRecord> user;
  {
    auto uow = store_.Read();
    user = uow->Users().FindByUsername(username);
  }
  const bool password_ok = core::VerifyPassword(password, user ? user->password_hash : dummy_hash_);
  if (!user || !password_ok) {
    return core::Error::Of(core::ErrorCode::kUnauthenticated, "invalid-credentials",
                           "The user name or password is not correct.");
  }
  if (!user->active) {
    return core::Error::Of(core::ErrorCode::kUnauthenticated, "account-inactive",
                           "This account has been deactivated. Ask an administrator.");
  }

  const auto now = clock_.Now();
  LoginResult result{core::RandomToken(32), ToPrincipal(*user), now + config_.session_lifetime};
  SessionRecord session{0, core::Sha256Hex(result.token), user->id, now, result.expires_at, now,
                        ip.substr(0, 64), user_agent.substr(0, 256)};
  auto uow = store_.Write();
  if (core::PasswordNeedsRehash(user->password_hash)) {
    uow->Users().UpdatePasswordHash(user->id, core::HashPassword(password), now);
  }
  uow->Sessions().DeleteExpired(now, now - config_.idle_timeout);
  uow->Sessions().Insert(session);
  uow->Commit();
  return result;
}

void AuthService::Logout(const std::string& token) {
  if (token.empty()) return;
  auto uow = store_.Write();
  uow->Sessions().DeleteByTokenHash(core::Sha256Hex(token));
  uow->Commit();
}

std::optional<Principal> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const auto now = clock_.Now();
  const auto hash = core::Sha256Hex(token);
  std::optional<SessionRecord> session;
  std::optional<UserRecord> user;
  {
    auto uow = store_.Read();
    session = uow->Sessions().FindByTokenHash(hash);
    if (!session) return std::nullopt;
    user = uow->Users().FindById(session->user_id);
  }
  if (now >= session->expires_at || now - session->last_seen_at >= config_.idle_timeout || !user || !user->active) {
    return std::nullopt;
  }
  if (now - session->last_seen_at >= kTouchEvery) {
    auto uow = store_.Write();
    uow->Sessions().Touch(session->id, now);
    uow->Commit();
  }
  return ToPrincipal(*user);
}

}  // namespace dvld::app
