// Serves the built web app: files from its folder, index.html for client-side routes.
#pragma once
#include <filesystem>
#include <string>

#include "http/message.h"

namespace dvld::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
  Response Serve(const Request& request) const;

 private:
  std::filesystem::path root_;
};

std::string ContentTypeOf(const std::filesystem::path& path);

}  // namespace dvld::http
