// The HTML report is self-contained, holds both plots and the marked entry, and whatever a user
// calls themselves comes out as text, never as markup.
#include "judge/report/html_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "judge/report/html_escape.h"
#include "judge/report/report_test_model.h"

namespace judge {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

TEST(ReportHtml, EscapesEverySpecialCharacter) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("ada"), "ada");
}

TEST(ReportHtml, ScriptAsUserNameComesOutInert) {
  const std::string evil = "<script>alert(1)</script>";
  ReportModel model = testing::TestReportModel(evil);
  model.problems[0].title = "<img src=x onerror=alert(2)>";
  model.problems[0].leaderboard[0].run.source_name = "\"><script>alert(3)</script>.cpp";
  model.problems[0].growth_run->source_name = "\"><script>alert(4)</script>.cpp";
  const std::string html = Lower(RenderHtmlReport(model));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x"), std::string::npos);
}

TEST(ReportHtml, SelfContainedWithBothPlotsAndTheMarkedEntry) {
  const std::string html = RenderHtmlReport(testing::TestReportModel("ada"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* external : {"<script", "<link", "src=", "http://", "https://"}) {
    std::string without_svg_namespace = html;
    for (size_t at;
         (at = without_svg_namespace.find("http://www.w3.org/2000/svg")) != std::string::npos;)
      without_svg_namespace.erase(at, 26);
    EXPECT_EQ(without_svg_namespace.find(external), std::string::npos) << external;
  }
  EXPECT_NE(html.find("class=\"plot growth-plot\""), std::string::npos);
  EXPECT_NE(html.find("class=\"plot ratio-plot\""), std::string::npos);
  EXPECT_NE(html.find("series-submission"), std::string::npos);
  EXPECT_NE(html.find("series-reference"), std::string::npos);
  EXPECT_NE(html.find("class=\"user-marker\""), std::string::npos);
  EXPECT_NE(
      html.find("<tr class=\"you\" data-user-entry=\"true\"><td class=\"num\">2</td><td>ada<span"),
      std::string::npos);
  EXPECT_NE(html.find("rank 2 of 3"), std::string::npos);
  EXPECT_NE(html.find("O(n)"), std::string::npos);
}

TEST(ReportHtml, SaysWhatIsMissingInsteadOfEmptyPlots) {
  ReportModel model = testing::TestReportModel("ada");
  model.problems[0].growth_run.reset();
  model.problems[0].leaderboard.clear();
  model.problems[0].accepted_ratios.clear();
  model.problems[0].user_row.reset();
  const std::string html = RenderHtmlReport(model);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("No growth points for ada"), std::string::npos);
  EXPECT_NE(html.find("No accepted, timed runs yet"), std::string::npos);
  // Solved without a timed run: the status says so, and why the leaderboard is empty.
  EXPECT_NE(html.find("solved: 2 of 4 runs accepted (AC 2, TLE 1, WA 1), last AC."),
            std::string::npos);
  EXPECT_NE(html.find("none of them timed"), std::string::npos);
}

TEST(ReportHtml, OverviewListsEachProblemsStatusAndAttempts) {
  ReportModel model = testing::TestReportModel("ada");
  ProblemReport untried = model.problems[0];
  untried.slug = "heapq";
  untried.title = "Heap";
  untried.attempts = {};
  untried.user_row.reset();
  model.problems.push_back(untried);
  const std::string html = RenderHtmlReport(model);
  EXPECT_NE(html.find("<tr class=\"solved\"><td><a href=\"#problem-maximum-gap\">Maximum Gap</a>"
                      "</td><td>solved</td><td class=\"num\">4</td><td>AC 2, TLE 1, WA 1</td>"
                      "<td class=\"num\">1.20</td></tr>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr class=\"not-tried\"><td><a href=\"#problem-heapq\">Heap</a></td>"
                      "<td>not tried</td><td class=\"num\">0</td><td>-</td>"),
            std::string::npos)
      << html;
}

}  // namespace
}  // namespace judge
