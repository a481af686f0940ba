// Small wrappers over libsodium: password hashing (argon2id), random tokens, SHA-256, hex.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dvld::core {

// Must be called once before any other function here (idempotent, thread-safe).
void InitCrypto();

// argon2id with libsodium's "interactive" limits (about 70 ms and 64 MiB): slow on purpose, so
// callers run it off the I/O threads.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& hash);
// True when the stored hash was made with weaker limits than today's: rehash after a good login.
bool PasswordNeedsRehash(const std::string& hash);

// n random bytes, URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes = 32);
// Lowercase hex of n random bytes.
std::string RandomHex(std::size_t bytes);
// 16 lowercase hex digits for naming a request in logs: unique with overwhelming probability but
// not secret (a per-thread generator seeded once from the OS), so no system call per request.
std::string QuickId();
// Lowercase hex SHA-256 of the input.
std::string Sha256Hex(std::string_view data);
// Human password: letters and digits without look-alikes, with a symbol.
std::string GeneratePassword(std::size_t length = 16);

// Standard base64 with padding, and back (nullopt on malformed input).
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

// Ed25519 signatures (libsodium crypto_sign): keys and signatures as URL-safe base64 without
// padding. A secret key is 64 bytes (seed and public key), a public key 32, a signature 64.
struct SigningKeyPair {
  std::string public_key;  // base64url
  std::string secret_key;  // base64url
};
SigningKeyPair GenerateSigningKey();
// The detached signature of message (base64url), or nullopt when the secret key is malformed.
std::optional<std::string> Sign(std::string_view message, std::string_view secret_key);
// True only for a well-formed signature of exactly this message by this public key.
bool VerifySignature(std::string_view message, std::string_view signature, std::string_view public_key);

// Constant-time comparison of two strings of equal length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace dvld::core
