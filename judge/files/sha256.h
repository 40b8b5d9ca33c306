// SHA-256 of a byte string, as lowercase hex: keys the compile cache, the cached answers of
// generated cases, and identifies submitted sources.
#pragma once

#include <string>
#include <string_view>

namespace judge {

std::string Sha256Hex(std::string_view data);

}  // namespace judge
