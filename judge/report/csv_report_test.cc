// CSV: one row per leaderboard entry, fields quoted as RFC 4180 says, and nothing a spreadsheet
// would run as a formula.
#include "judge/report/csv_report.h"

#include <gtest/gtest.h>

#include "judge/report/report_test_model.h"

namespace judge {
namespace {

TEST(ReportCsv, QuotesOnlyWhatNeedsQuoting) {
  EXPECT_EQ(CsvField("ada"), "ada");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("@sum"), "'@sum");
  EXPECT_EQ(CsvField("1.25"), "1.25");
}

TEST(ReportCsv, OneRowPerEntry) {
  ReportModel model = testing::TestReportModel("ada, \"the first\"");
  const std::string csv = RenderCsvReport(model);
  size_t lines = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
    ++lines;
  EXPECT_EQ(lines, 1 + model.problems[0].leaderboard.size());
  EXPECT_EQ(csv.rfind("problem,rank,user,language,ratio,", 0), 0u);
  EXPECT_NE(csv.find("maximum-gap,1,bob,cpp,0.9,11.25,1.04,4096,75,n,1,bob.cpp,2026-11-23T10:00:"
                     "00Z,0,,,,\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("maximum-gap,2,\"ada, \"\"the first\"\"\",cpp,1.2,"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",1,,,,\r\n"), std::string::npos) << "the user's row is flagged";
}

}  // namespace
}  // namespace judge
