// The report's data comes from the store as the leaderboard and the plots need it: best entry
// per user ranked, the report's user marked, every accepted ratio, and the user's best run with
// growth points loaded with both series.
#include "judge/report/report_model.h"

#include <gtest/gtest.h>

#include "judge/files/files.h"

namespace judge {
namespace {

RunRecord MakeRun(const std::string& user, const std::string& problem, const std::string& verdict,
                  std::optional<double> ratio, bool with_growth = false) {
  RunRecord run;
  run.user = user;
  run.problem = problem;
  run.language = "cpp";
  run.source_name = user + ".cpp";
  run.source_sha256 = "abc";
  run.verdict = verdict;
  run.tests_total = run.tests_passed = 3;
  run.max_memory_kb = 2048;
  run.cpu_model = "test cpu";
  run.cores = 2;
  if (ratio) {
    TimingFigures t;
    t.repetitions = 5;
    t.median_ms = 10 * *ratio;
    t.reference_median_ms = 10;
    t.ratio = *ratio;
    t.ratio_spread = 1.03;
    run.timing = t;
  }
  if (with_growth) {
    GrowthFigures g;
    g.exponent = 1.02;
    g.model = "n";
    g.confidence = 0.9;
    g.reference_exponent = 1.0;
    g.reference_model = "n";
    for (int64_t n = 1000; n <= 1000000; n *= 10) {
      g.points.push_back({n, 0.001 * static_cast<double>(n) * *ratio});
      g.reference_points.push_back({n, 0.001 * static_cast<double>(n)});
    }
    run.growth = g;
  }
  return run;
}

class ReportModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::Open(temp_.path() / "s.db", &err_);
    ASSERT_TRUE(store_) << err_;
  }
  void Add(RunRecord run) { ASSERT_TRUE(store_->Record(&run, &err_)) << err_; }

  TempDir temp_;
  std::string err_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReportModelTest, RanksBestPerUserMarksTheUserAndLoadsGrowth) {
  Add(MakeRun("bob", "maximum-gap", "AC", 0.9));
  Add(MakeRun("ada", "maximum-gap", "AC", 1.5, /*with_growth=*/true));
  Add(MakeRun("ada", "maximum-gap", "AC", 1.2));  // ada's best ratio, but without growth points
  Add(MakeRun("ada", "maximum-gap", "WA", std::nullopt));
  Add(MakeRun("cy", "maximum-gap", "AC", 3.0));
  Add(MakeRun("ada", "two-sum", "WA", std::nullopt));

  ReportModel model;
  ASSERT_TRUE(BuildReportModel(*store_, "ada", {{"maximum-gap", "Maximum Gap"}}, &model, &err_))
      << err_;
  EXPECT_EQ(model.user, "ada");
  ASSERT_EQ(model.problems.size(), 2u);

  const ProblemReport& gap = model.problems[0];
  EXPECT_EQ(gap.slug, "maximum-gap");
  EXPECT_EQ(gap.title, "Maximum Gap");
  ASSERT_EQ(gap.leaderboard.size(), 3u);
  EXPECT_EQ(gap.leaderboard[0].run.user, "bob");
  EXPECT_EQ(gap.leaderboard[1].run.user, "ada");
  EXPECT_DOUBLE_EQ(gap.leaderboard[1].run.timing->ratio, 1.2);
  EXPECT_EQ(gap.leaderboard[1].rank, 2);
  EXPECT_TRUE(gap.leaderboard[1].is_user);
  EXPECT_FALSE(gap.leaderboard[0].is_user);
  ASSERT_TRUE(gap.user_row.has_value());
  EXPECT_EQ(*gap.user_row, 1u);
  EXPECT_DOUBLE_EQ(*gap.user_ratio(), 1.2);
  EXPECT_EQ(gap.accepted_ratios.size(), 4u);  // every accepted run, ada's two included
  // 1.2 beats 1.5 and 3.0 of the four accepted ratios.
  EXPECT_DOUBLE_EQ(gap.leaderboard[1].faster_than_percent, 50.0);

  ASSERT_TRUE(gap.growth_run.has_value());
  EXPECT_DOUBLE_EQ(gap.growth_run->timing->ratio, 1.5);
  EXPECT_EQ(gap.growth_run->growth->points.size(), 4u);
  EXPECT_EQ(gap.growth_run->growth->reference_points.size(), 4u);
  EXPECT_EQ(gap.growth_run->growth->points[1].size, 10000);

  const ProblemReport& sum = model.problems[1];
  EXPECT_EQ(sum.title, "two-sum");  // not in the workspace's titles: the slug
  EXPECT_TRUE(sum.leaderboard.empty());
  EXPECT_FALSE(sum.user_row.has_value());
  EXPECT_FALSE(sum.growth_run.has_value());

  // Attempts count every run of the user, timed or not.
  EXPECT_STREQ(gap.attempts.status(), "solved");
  EXPECT_EQ(gap.attempts.runs, 3);
  EXPECT_EQ(gap.attempts.accepted, 2);
  EXPECT_STREQ(sum.attempts.status(), "attempted");
  EXPECT_EQ(sum.attempts.last_verdict, "WA");
}

TEST_F(ReportModelTest, BestGrowthRunPicksTheLowestRatioWithPoints) {
  Add(MakeRun("ada", "maximum-gap", "AC", 2.0, true));
  Add(MakeRun("ada", "maximum-gap", "AC", 1.1, true));
  Add(MakeRun("ada", "maximum-gap", "AC", 0.5));  // no growth
  Add(MakeRun("bob", "maximum-gap", "AC", 0.4, true));
  RunRecord run;
  bool found = false;
  ASSERT_TRUE(store_->BestGrowthRun("ada", "maximum-gap", &run, &found, &err_)) << err_;
  ASSERT_TRUE(found);
  EXPECT_DOUBLE_EQ(run.timing->ratio, 1.1);
  EXPECT_EQ(run.growth->points.size(), 4u);
  ASSERT_TRUE(store_->BestGrowthRun("cy", "maximum-gap", &run, &found, &err_)) << err_;
  EXPECT_FALSE(found);
}

TEST_F(ReportModelTest, EmptyStoreGivesNoProblems) {
  ReportModel model;
  ASSERT_TRUE(BuildReportModel(*store_, "ada", {}, &model, &err_)) << err_;
  EXPECT_TRUE(model.problems.empty());
  EXPECT_FALSE(model.generated_at.empty());
}

}  // namespace
}  // namespace judge
