// Text shortened for a person reading a failure: JSON values with the head and tail of long
// arrays, long strings and objects cut, so that a 10^6-element input shows as one readable line;
// and the one line a checker, validator or interactor writes as its reason.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace judge {

// How much of an input, expected or received value a failure shows (`judge run`, the page).
inline constexpr size_t kShownValueChars = 400;

// Compact text of at most about `max_chars`, cut in the middle of long arrays.
std::string ShortJson(const nlohmann::json& value, size_t max_chars);

// The first line of `file` without its line end, cut to `max_chars` (then "..."), with invalid
// UTF-8 replaced, since reasons are stored and printed as JSON; empty when there is none.
std::string FirstLineOfFile(const std::filesystem::path& file, size_t max_chars);

}  // namespace judge
