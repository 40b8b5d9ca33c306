#include "judge/serve/markdown_html.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(MarkdownHtmlTest, RendersCodeBlocksWithTheirLanguage) {
  const std::string html = MarkdownToHtml("# Title\n\n```cpp\nint x;\n```\n");
  EXPECT_NE(html.find("<h1>Title</h1>"), std::string::npos);
  EXPECT_NE(html.find("<code class=\"language-cpp\">int x;"), std::string::npos) << html;
}

TEST(MarkdownHtmlTest, KeepsMathForKatexWithoutEmphasisInside) {
  const std::string html = MarkdownToHtml("Let $a_i \\le 10^9$ and $b_i$.\n\n$$\\sum_i a_i$$\n");
  EXPECT_NE(html.find("<x-equation>a_i \\le 10^9</x-equation>"), std::string::npos) << html;
  EXPECT_NE(html.find("<x-equation type=\"display\">\\sum_i a_i</x-equation>"), std::string::npos)
      << html;
  EXPECT_EQ(html.find("<em>"), std::string::npos) << "underscores in math are not emphasis";
}

TEST(MarkdownHtmlTest, PassesNoRawHtml) {
  const std::string html = MarkdownToHtml("<script>alert(1)</script>\n\nx <img src=x onerror=y>\n");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
}

}  // namespace
}  // namespace judge
