// A file compiled into the binary (migrations, the OpenAPI document): its name and content.
#pragma once
#include <string_view>

namespace dvld::core {
struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};
}  // namespace dvld::core
