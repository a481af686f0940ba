// docs/openapi.yaml describes every route the server has, with the permission it needs, and no
// route the server does not have.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "api/api_env.h"

namespace dvld::test {
namespace {

std::map<std::string, std::string> DocumentedOperations() {
  std::ifstream in(std::string(DVLD_SOURCE_DIR) + "/docs/openapi.yaml");
  EXPECT_TRUE(in) << "docs/openapi.yaml not found";
  std::map<std::string, std::string> ops;  // "GET /api/v1/health" -> permission
  auto indent = [](const std::string& l) { return l.find_first_not_of(' '); };
  auto trim = [](std::string v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == ':')) v.pop_back();
    return v.substr(v.find_first_not_of(' '));
  };
  std::string line, path, op;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:") in_paths = true;
    if (!in_paths || line.empty() || line.back() == '\r') continue;
    const auto at = indent(line);
    if (at == 2 && line[2] == '/' && line.back() == ':') {
      path = trim(line);
    } else if (at == 4 && line.back() == ':') {
      std::string method = trim(line);
      if (method != "get" && method != "post" && method != "put" && method != "patch" && method != "delete") continue;
      for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      op = method + " " + path;
      ops[op] = "";
    } else if (at == 6 && line.rfind("      x-permission:", 0) == 0 && !op.empty()) {
      ops[op] = trim(line.substr(line.find(':') + 1));
    }
  }
  return ops;
}

TEST(Contract, EveryRouteIsDocumentedWithItsPermission) {
  auto documented = DocumentedOperations();
  ASSERT_FALSE(documented.empty());
  for (const auto& route : Api::Get().router().routes()) {
    const auto key = route.method + " " + route.pattern;
    auto it = documented.find(key);
    if (it == documented.end()) {
      ADD_FAILURE() << key << " is not in docs/openapi.yaml";
      continue;
    }
    const std::string expected = route.permission == http::access::kPublic     ? "public"
                                 : route.permission == http::access::kSignedIn ? "signed-in"
                                                                                : route.permission;
    EXPECT_EQ(it->second, expected) << key;
    documented.erase(it);
  }
  for (const auto& [op, perm] : documented) ADD_FAILURE() << op << " is documented but the server has no such route";
}

}  // namespace
}  // namespace dvld::test
