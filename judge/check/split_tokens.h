// Competitive output split on any whitespace (space, tab, newline, CR, VT, FF), as the tokens
// checker and the float checker's text mode read it. Defined in tokens_checker.cc.
#pragma once

#include <string_view>
#include <vector>

namespace judge {

std::vector<std::string_view> SplitTokens(std::string_view text);

}  // namespace judge
