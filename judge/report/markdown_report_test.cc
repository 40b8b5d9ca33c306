// Markdown: a table per problem whose cells stay cells, with the user's row in bold.
#include "judge/report/markdown_report.h"

#include <gtest/gtest.h>

#include "judge/report/report_test_model.h"

namespace judge {
namespace {

TEST(ReportMarkdown, EscapesTableBreakersAndMarkup) {
  EXPECT_EQ(EscapeMarkdown("a|b"), "a\\|b");
  EXPECT_EQ(EscapeMarkdown("<script>"), "\\<script\\>");
  EXPECT_EQ(EscapeMarkdown("two\nlines"), "two lines");
  EXPECT_EQ(EscapeMarkdown("ada"), "ada");
}

TEST(ReportMarkdown, TablePerProblemWithTheUserInBold) {
  const std::string md = RenderMarkdownReport(testing::TestReportModel("ada|x"));
  EXPECT_NE(md.find("## Maximum Gap (`maximum-gap`)"), std::string::npos) << md;
  EXPECT_NE(md.find("| rank | user | language | ratio |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **2** | **ada\\|x (you)** |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 1 | bob | cpp | 0.90 |"), std::string::npos) << md;
  EXPECT_NE(md.find("report.html#problem-maximum-gap"), std::string::npos) << md;
  EXPECT_NE(md.find("| Maximum Gap | solved | 4 | AC 2, TLE 1, WA 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("**ada\\|x**, solved: 2 of 4 runs accepted (AC 2, TLE 1, WA 1), last AC."),
            std::string::npos)
      << md;
}

}  // namespace
}  // namespace judge
