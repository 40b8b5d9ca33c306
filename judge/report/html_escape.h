// Escaping text for HTML and SVG (XML): user names, file names and problem titles come from
// whoever ran the judge, so every one of them passes through here before it reaches markup.
#pragma once

#include <string>
#include <string_view>

namespace judge {

// & < > " ' become entities: safe in element text and in quoted attribute values.
std::string EscapeHtml(std::string_view text);

}  // namespace judge
