#include "judge/serve/markdown_html.h"

#include <md4c-html.h>

namespace judge {
namespace {

void Append(const MD_CHAR* text, MD_SIZE size, void* out) {
  static_cast<std::string*>(out)->append(text, size);
}

}  // namespace

std::string MarkdownToHtml(const std::string& markdown) {
  std::string html;
  const unsigned parser_flags = MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS | MD_FLAG_NOHTML;
  md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), Append, &html, parser_flags, 0);
  return html;
}

}  // namespace judge
