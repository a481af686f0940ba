// An infrastructure failure no caller can handle locally (database gone or busy). The router
// answers 503 for transient ones and 500 for the rest, and logs them.
#pragma once
#include <stdexcept>
#include <string>

namespace dvld::core {

class InfraError : public std::runtime_error {
 public:
  InfraError(const std::string& what, bool transient) : std::runtime_error(what), transient_(transient) {}
  bool transient() const { return transient_; }

 private:
  bool transient_;
};

}  // namespace dvld::core
