// Problem statements as the page shows them: statement.md rendered to HTML by md4c, GitHub's
// dialect (tables, strikethrough) with $...$ and $$...$$ math spans kept as <x-equation> elements
// for KaTeX to typeset in the browser. Raw HTML in the Markdown is not passed through: an
// imported package's statement must not run script in the page that holds the token.
#pragma once

#include <string>

namespace judge {

std::string MarkdownToHtml(const std::string& markdown);

}  // namespace judge
