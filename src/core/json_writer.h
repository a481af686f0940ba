// A small writer of canonical JSON objects (keys in the order added, no spaces), for audit
// snapshots made in layers that do not use a JSON library. Byte-for-byte stable, so it can be hashed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dvld::core {

class JsonObject {
 public:
  JsonObject& Add(std::string_view key, std::string_view value);
  JsonObject& Add(std::string_view key, const char* value) { return Add(key, std::string_view(value)); }
  JsonObject& Add(std::string_view key, const std::string& value) { return Add(key, std::string_view(value)); }
  JsonObject& Add(std::string_view key, std::int64_t value);
  JsonObject& Add(std::string_view key, int value) { return Add(key, static_cast<std::int64_t>(value)); }
  JsonObject& Add(std::string_view key, bool value);
  JsonObject& Add(std::string_view key, const std::optional<std::string>& value);
  JsonObject& Add(std::string_view key, const std::optional<std::int64_t>& value);
  JsonObject& AddNull(std::string_view key);
  // `json` must already be valid JSON.
  JsonObject& AddRaw(std::string_view key, std::string_view json);
  std::string str() const { return body_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string body_ = "{";
};

// Appends `s` as a JSON string literal (quotes and escapes included).
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace dvld::core
