#include "http/static_files.h"

#include <fstream>
#include <sstream>

#include "http/problem.h"

namespace dvld::http {
namespace {

bool ReadFile(const std::filesystem::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

std::string ContentTypeOf(const std::filesystem::path& path) {
  const auto ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

Response StaticFiles::Serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    Response r = ProblemWithStatus(405, core::Error::Of(core::ErrorCode::kMalformed, "method-not-allowed",
                                                        "Only GET and HEAD are allowed here."));
    r.SetHeader("Allow", "GET, HEAD");
    return r;
  }
  // Reject anything that could climb out of the root.
  const std::string& path = request.path;
  if (path.empty() || path.front() != '/' || path.find("..") != std::string::npos ||
      path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) {
    return Problem(core::ErrorCode::kNotFound, "not-found", "No such file.");
  }
  std::filesystem::path file = root_ / std::filesystem::path(path.substr(1));
  std::error_code ec;
  const bool has_extension = std::filesystem::path(path).has_extension();
  if (path == "/" || !std::filesystem::is_regular_file(file, ec)) {
    if (has_extension) return Problem(core::ErrorCode::kNotFound, "not-found", "No such file.");
    file = root_ / "index.html";  // a client-side route
  }
  Response r;
  if (!ReadFile(file, r.body)) {
    return Problem(core::ErrorCode::kNotFound, "web-app-not-built",
                   "The web app is not built here: run `make run`, or serve with --web-root.");
  }
  r.status = 200;
  r.content_type = ContentTypeOf(file);
  r.route = "static";
  // Vite puts content hashes in the names under assets/: those never change.
  if (path.rfind("/assets/", 0) == 0) {
    r.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    r.SetHeader("Cache-Control", "no-cache");
  }
  return r;
}

}  // namespace dvld::http
