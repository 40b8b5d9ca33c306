// Competitive output split on any whitespace (space, tab, newline, CR, VT, FF), as the tokens
// checker and the float checker's text mode read it. Defined in tokens_checker.cc.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace judge {

std::vector<std::string_view> SplitTokens(std::string_view text);

// Whether two tokens are equal, ASCII letters compared without case when `ignore_case` (the
// checkers' "ignore_case": the Kattis default output validator's case-insensitive default).
bool SameToken(std::string_view a, std::string_view b, bool ignore_case);

// Reads a checker's optional "ignore_case" argument (default false); *err names the field.
bool ReadIgnoreCase(const nlohmann::json& args, bool* out, std::string* err);

}  // namespace judge
