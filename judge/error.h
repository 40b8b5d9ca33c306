// The judge's error convention: a function returns false and says why in *err, in one line that
// names the file or field at fault.
#pragma once

#include <string>
#include <utility>

namespace judge {

// `return Fail("why", err);`
inline bool Fail(std::string message, std::string* err) {
  *err = std::move(message);
  return false;
}

}  // namespace judge
