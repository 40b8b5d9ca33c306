// A task becomes a problem the judge loads, with its samples as tests; a name taken by another
// site's problem gets a new slug, and the same problem sent again replaces its own.
#include "judge/companion/companion_problem.h"

#include <gtest/gtest.h>

#include "judge/files/files.h"
#include "judge/problem/problem.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

CompanionTask Task(const std::string& url) {
  CompanionTask task;
  task.name = "A. Watermelon";
  task.group = "Codeforces Beta Round #4 (Div. 2 Only)";
  task.url = url;
  task.time_ms = 1000;
  task.memory_mb = 64;
  task.tests = {{"8\n", "YES\n"}, {"5\n", "NO\n"}};
  return task;
}

class CompanionProblemTest : public ::testing::Test {
 protected:
  // No problems/ or testcases/ folder yet: the first problem makes them.
  void SetUp() override { workspace_.root = root_.path(); }

  TempDir root_;
  Workspace workspace_;
};

TEST(SlugFromNameTest, KeepsLettersAndDigitsJoinedByDashes) {
  EXPECT_EQ(SlugFromName("G. Castle Defense"), "g-castle-defense");
  EXPECT_EQ(SlugFromName("  D1 -- Über (hard) "), "d1-ber-hard");
  EXPECT_EQ(SlugFromName("???"), "problem");
  EXPECT_EQ(SlugFromName(std::string(100, 'x') + " y").size(), 60u);
}

TEST_F(CompanionProblemTest, WritesAProblemTheJudgeLoadsWithTheSamplesAsTests) {
  CompanionOutcome outcome;
  std::string err;
  ASSERT_TRUE(WriteCompanionProblem(workspace_, Task("https://codeforces.com/contest/4/problem/A"),
                                    &outcome, &err))
      << err;
  EXPECT_EQ(outcome.slug, "a-watermelon");
  EXPECT_FALSE(outcome.replaced);
  Problem problem;
  ASSERT_TRUE(LoadProblem(workspace_.problems() / "a-watermelon", &problem, &err)) << err;
  EXPECT_EQ(problem.title, "A. Watermelon");
  EXPECT_EQ(problem.style, Style::kCompetitive);
  EXPECT_EQ(problem.difficulty, "unrated");
  EXPECT_EQ(problem.limits.time_ms, 1000);
  EXPECT_EQ(problem.limits.memory_mb, 64);
  EXPECT_EQ(problem.checker.name, "tokens");
  std::vector<TestCase> tests;
  ASSERT_TRUE(LoadTestCases(problem, workspace_.testcases() / "a-watermelon", &tests, &err)) << err;
  ASSERT_EQ(tests.size(), 2u);
  EXPECT_EQ(tests[0].name, "samples/sample-1");
  EXPECT_EQ(tests[0].input, "8\n");
  EXPECT_EQ(tests[1].expected, "NO\n");
  std::string statement;
  ASSERT_TRUE(ReadFile(workspace_.problems() / "a-watermelon" / "statement.md", &statement, &err));
  EXPECT_NE(statement.find("<https://codeforces.com/contest/4/problem/A>"), std::string::npos);
  // Nothing but the two folders is left in the workspace: the staging folder is gone.
  std::vector<std::string> entries;
  for (const auto& entry : fs::directory_iterator(workspace_.root))
    entries.push_back(entry.path().filename());
  std::sort(entries.begin(), entries.end());
  EXPECT_EQ(entries, (std::vector<std::string>{"problems", "testcases"}));
}

TEST_F(CompanionProblemTest, SameUrlReplacesAnotherUrlGetsTheNextSlug) {
  CompanionOutcome first, again, other;
  std::string err;
  ASSERT_TRUE(WriteCompanionProblem(workspace_, Task("https://a.example/1"), &first, &err)) << err;
  CompanionTask changed = Task("https://a.example/1");
  changed.tests = {{"2\n", "YES\n"}};
  ASSERT_TRUE(WriteCompanionProblem(workspace_, changed, &again, &err)) << err;
  EXPECT_EQ(again.slug, first.slug);
  EXPECT_TRUE(again.replaced);
  Problem problem;
  std::vector<TestCase> tests;
  ASSERT_TRUE(LoadProblem(workspace_.problems() / first.slug, &problem, &err)) << err;
  ASSERT_TRUE(LoadTestCases(problem, workspace_.testcases() / first.slug, &tests, &err)) << err;
  ASSERT_EQ(tests.size(), 1u);
  EXPECT_EQ(tests[0].input, "2\n");

  ASSERT_TRUE(WriteCompanionProblem(workspace_, Task("https://b.example/1"), &other, &err)) << err;
  EXPECT_EQ(other.slug, "a-watermelon-2");
  EXPECT_FALSE(other.replaced);
}

}  // namespace
}  // namespace judge
