#include "app/auth_service.h"

#include "app/snapshots.h"
#include "core/crypto.h"
#include "domain/accounts/account_rules.h"
#include "domain/accounts/password_policy.h"

namespace dvld::app {

namespace {
constexpr std::chrono::seconds kTouchEvery{60};  // write last_seen at most once a minute

core::Error InvalidCredentials() {
  return core::Error::Of(core::ErrorCode::kUnauthenticated, "invalid-credentials",
                         "The user name or password is not correct.");
}
}  // namespace

Principal ToPrincipal(const UserRecord& user) {
  Principal p;
  p.kind = Principal::Kind::kUser;
  p.user_id = user.id;
  p.username = user.username;
  p.role = user.role;
  p.branch_id = user.branch_id;
  p.person_id = user.person_id;
  return p;
}

AuthService::AuthService(Store& store, const core::Clock& clock, AuthConfig config)
    : store_(store),
      clock_(clock),
      config_(config),
      cache_(config.session_cache_ttl),
      dummy_hash_(core::HashPassword(core::RandomToken(16))) {}

core::Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                             const std::string& ip, const std::string& user_agent) {
  if (username.empty()) return core::Error::Invalid("username", "required", "Enter a user name.");
  if (password.empty()) return core::Error::Invalid("password", "required", "Enter a password.");
  if (username.size() > 64 || password.size() > 1024) return InvalidCredentials();

  std::optional<UserRecord> user;
  {
    auto uow = store_.Read();
    user = uow->Users().FindByUsername(username);
  }
  const auto now = clock_.Now();
  auto locked = [](const UserRecord& u) {
    return core::Error::Of(
        core::ErrorCode::kUnauthenticated, "account-locked",
        "Too many failed sign-ins: this account is locked until " + core::FormatTimestamp(*u.locked_until) + ".");
  };
  if (user && domain::IsLocked(user->locked_until, now)) return locked(*user);
  const bool password_ok = core::VerifyPassword(password, user ? user->password_hash : dummy_hash_);
  if (!user) return InvalidCredentials();

  auto uow = store_.Write();
  auto fresh = uow->Users().FindById(user->id);  // the state now, under the write lock
  if (!fresh) return InvalidCredentials();
  Principal actor = ToPrincipal(*fresh);
  const auto before = Snapshot(*fresh);
  if (!password_ok) {
    const auto failure = domain::AfterFailedSignIn(fresh->failed_attempts, now);
    fresh->failed_attempts = failure.failed_attempts;
    fresh->locked_until = failure.locked_until;
    fresh->updated_at = now;
    if (auto ok = uow->Users().Update(*fresh); !ok) return std::move(ok).error();
    uow->Audit().Append(actor, now, failure.locked_until ? "sign-in-locked" : "sign-in-failed", "user", fresh->id,
                        before, Snapshot(*fresh));
    uow->Commit();
    if (failure.locked_until) return locked(*fresh);
    return InvalidCredentials();
  }
  if (!fresh->active) {
    return core::Error::Of(core::ErrorCode::kUnauthenticated, "account-inactive",
                           "This account has been deactivated. Ask an administrator.");
  }
  if (core::PasswordNeedsRehash(fresh->password_hash)) fresh->password_hash = core::HashPassword(password);
  fresh->failed_attempts = 0;
  fresh->locked_until.reset();
  fresh->updated_at = now;
  if (auto ok = uow->Users().Update(*fresh); !ok) return std::move(ok).error();

  LoginResult result{core::RandomToken(32), ToPrincipal(*fresh), now + config_.session_lifetime};
  SessionRecord session{0,
                        core::Sha256Hex(result.token),
                        fresh->id,
                        now,
                        result.expires_at,
                        now,
                        ip.substr(0, 64),
                        user_agent.substr(0, 256)};
  uow->Sessions().DeleteExpired(now, now - config_.idle_timeout);
  uow->Sessions().Insert(session);
  uow->Audit().Append(actor, now, "sign-in", "user", fresh->id, before, Snapshot(*fresh));
  uow->Commit();
  return result;
}

void AuthService::Logout(const std::string& token) {
  if (token.empty()) return;
  auto uow = store_.Write();
  uow->Sessions().DeleteByTokenHash(core::Sha256Hex(token));
  uow->Commit();
  cache_.Invalidate();
}

std::optional<Principal> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const auto now = clock_.Now();
  const auto hash = core::Sha256Hex(token);
  auto cached = cache_.Get(hash);
  if (!cached) {
    const auto generation = cache_.Generation();
    auto uow = store_.Read();
    auto session = uow->Sessions().FindByTokenHash(hash);
    if (!session) return std::nullopt;
    auto user = uow->Users().FindById(session->user_id);
    if (!user || !user->active) return std::nullopt;
    cached = SessionCache::Entry{*session, ToPrincipal(*user)};
    cache_.Put(hash, *cached, generation);
  }
  const auto& session = cached->session;
  if (now >= session.expires_at || now - session.last_seen_at >= config_.idle_timeout) return std::nullopt;
  if (now - session.last_seen_at >= kTouchEvery) {
    auto uow = store_.Write();
    uow->Sessions().Touch(session.id, now);
    uow->Commit();
    cache_.Touch(hash, now);
  }
  return cached->principal;
}

std::optional<Principal> AuthService::AuthenticateApiKey(const std::string& key) {
  if (key.size() < 16 || key.size() > 128) return std::nullopt;
  auto uow = store_.Read();
  auto record = uow->ApiKeys().FindByHash(core::Sha256Hex(key));
  if (!record || record->revoked_at) return std::nullopt;
  Principal p;
  p.kind = Principal::Kind::kApiKey;
  p.api_key_id = record->id;
  p.username = record->name;
  p.scope = record->scope;
  return p;
}

core::Status AuthService::ChangePassword(const Principal& who, const std::string& current_token,
                                         const std::string& current, const std::string& next) {
  if (!who.IsUser()) {
    return core::Error::Of(core::ErrorCode::kPermissionDenied, "forbidden", "Only staff accounts have passwords.");
  }
  std::optional<UserRecord> user;
  {
    auto uow = store_.Read();
    user = uow->Users().FindById(who.user_id);
  }
  if (!user) return core::Error::Of(core::ErrorCode::kNotFound, "user-not-found", "No such user.");
  if (!core::VerifyPassword(current, user->password_hash)) {
    return core::Error{core::ErrorCode::kInvalidArgument,
                       "wrong-password",
                       "The current password is not correct.",
                       {{"currentPassword", "wrong-password", "The current password is not correct."}}};
  }
  if (auto ok = domain::CheckPasswordStrength(next, user->username, "newPassword"); !ok) return ok;
  if (next == current) {
    return core::Error::Invalid("newPassword", "unchanged", "The new password must differ from the current one.");
  }
  const auto hash = core::HashPassword(next);
  const auto now = clock_.Now();
  auto uow = store_.Write();
  auto fresh = uow->Users().FindById(who.user_id);
  if (!fresh) return core::Error::Of(core::ErrorCode::kNotFound, "user-not-found", "No such user.");
  fresh->password_hash = hash;
  fresh->updated_at = now;
  if (auto ok = uow->Users().Update(*fresh); !ok) return ok;
  uow->Sessions().DeleteForUser(fresh->id, core::Sha256Hex(current_token));
  uow->Audit().Append(who, now, "change-password", "user", fresh->id, std::nullopt, std::nullopt);
  uow->Commit();
  cache_.Invalidate();
  return core::OkStatus();
}

}  // namespace dvld::app
