// JSON values shortened for a person reading a failure: the head and tail of long arrays, long
// strings and objects cut, so that a 10^6-element input shows as one readable line.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace judge {

// Compact text of at most about `max_chars`, cut in the middle of long arrays.
std::string ShortJson(const nlohmann::json& value, size_t max_chars);

}  // namespace judge
