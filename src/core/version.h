// The version dvld reports in `dvld version` and /api/v1/health.
#pragma once
namespace dvld::core {
inline constexpr const char* kVersion = "0.1.0";
}
