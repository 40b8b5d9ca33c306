// Small cases from the problems' own generators: params scaled as generator_shapes.h says, every
// case valid for its problem and within the size asked for, and shrinking candidates always
// smaller than the case they replace.
#include "judge/stress/template_case_source.h"

#include <gtest/gtest.h>

#include "judge/problem/workspace.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

CaseTemplate Template(const std::string& generator, nlohmann::json params) {
  std::vector<TestCase> tests(1);
  tests[0].name = "edge/template";
  tests[0].group = "edge";
  tests[0].generated = true;
  tests[0].generator_key =
      nlohmann::json{{"generator", generator}, {"params", params}, {"seed", 1}}.dump();
  std::vector<CaseTemplate> templates;
  std::string err;
  EXPECT_TRUE(FindCaseTemplates(tests, &templates, &err)) << err;
  return templates.empty() ? CaseTemplate() : templates[0];
}

TEST(ScaleParams, ScalesPositionsWithTheSizeAndNarrowsValuesAroundZero) {
  const auto t = Template("int_array", {{"param", "nums"},
                                        {"n", 2000},
                                        {"min", -2147483648LL},
                                        {"max", 2147483647LL},
                                        {"fixed", {{"k", 700}, {"last", 2000}, {"first", 1}}}});
  EXPECT_EQ(t.size, 2000);
  EXPECT_EQ(t.width, 4294967295LL);
  const auto params = ScaleParams(t, 5, 10);
  EXPECT_EQ(params["n"], 5);
  EXPECT_EQ(params["fixed"]["k"], 2);  // 700 of 2000 is 1.75 of 5
  EXPECT_EQ(params["fixed"]["last"], 5);
  EXPECT_EQ(params["fixed"]["first"], 1);
  EXPECT_EQ(params["min"], -5);
  EXPECT_EQ(params["max"], 5);
  EXPECT_EQ(ScaleParams(t, 2000, t.width), t.params);  // full size and width: the template
}

TEST(ScaleParams, KeepsCountsLargerThanTheSizeAndConstantValues) {
  // combination-sum's target is a sum, not a position: larger than n, it is left alone.
  const auto sum = Template(
      "int_array",
      {{"param", "candidates"}, {"n", 16}, {"min", 1}, {"max", 10}, {"fixed", {{"target", 20}}}});
  EXPECT_EQ(ScaleParams(sum, 3, 9)["fixed"]["target"], 20);
  const auto constant =
      Template("int_array", {{"param", "nums"}, {"n", 100}, {"min", 42}, {"max", 42}});
  const auto params = ScaleParams(constant, 3, 0);
  EXPECT_EQ(params["min"], 42);
  EXPECT_EQ(params["max"], 42);
}

TEST(ScaleParams, ScalesBoundsWithTheValuesAndSecondSizesWithTheFirst) {
  const auto items = Template("knapsack_items", {{"n", 18},
                                                 {"capacity", 100000},
                                                 {"min_weight", 1},
                                                 {"max_weight", 20001},
                                                 {"min_value", 0},
                                                 {"max_value", 1000000}});
  EXPECT_EQ(items.width, 1000000);
  auto params = ScaleParams(items, 4, 1000);  // a thousandth of the values
  EXPECT_EQ(params["n"], 4);
  EXPECT_EQ(params["min_weight"], 1);
  EXPECT_EQ(params["max_weight"], 21);
  EXPECT_EQ(params["max_value"], 1000);
  EXPECT_EQ(params["capacity"], 100);
  const auto heap = Template(
      "heap_ops",
      {{"ops", 3000}, {"initial", 1000}, {"min", -5}, {"max", 5}, {"weights", {{"push", 1}}}});
  params = ScaleParams(heap, 6, 10);
  EXPECT_EQ(params["ops"], 6);
  EXPECT_EQ(params["initial"], 2);
  params = ScaleParams(heap, 1, 10);
  EXPECT_EQ(params["initial"], 1);  // scaled below 1, but a heap that starts full stays so
}

TEST(FindCaseTemplates, TakesGeneratedTestsOutsideThePerformanceGroupOnly) {
  std::vector<TestCase> tests(3);
  tests[0].name = "samples/example-1";
  tests[0].group = "samples";  // literal
  tests[1].name = "performance/big";
  tests[1].group = kPerformanceGroup;
  tests[1].generated = true;
  tests[1].generator_key = R"({"generator": "int_array", "params": {"param": "nums", "n": 9,
                              "min": 0, "max": 9}, "seed": 1})";
  tests[2] = tests[1];
  tests[2].generator_key = R"({"generator": "no_such", "params": {}, "seed": 1})";
  tests[2].group = "edge";
  std::vector<CaseTemplate> templates;
  std::string err;
  EXPECT_FALSE(FindCaseTemplates(tests, &templates, &err));
  EXPECT_NE(err.find("no generated tests outside the performance group"), std::string::npos) << err;
  EXPECT_NE(err.find("\"no_such\" has no row"), std::string::npos) << err;
  tests[1].group = "edge";
  ASSERT_TRUE(FindCaseTemplates(tests, &templates, &err)) << err;
  ASSERT_EQ(templates.size(), 1u);
  EXPECT_EQ(templates[0].size, 9);
}

// Every CPU problem of the repository gives small cases that its own signature accepts, each
// within the size asked for, the same from the same seed; and its shrinking candidates are
// smaller than the case they would replace, until there are none left.
TEST(TemplateCaseSource, MakesValidSmallCasesForEveryProblemAndShrinksThem) {
  Workspace workspace;
  std::string err;
  ASSERT_TRUE(FindWorkspace("", &workspace, &err)) << err;
  std::vector<Problem> problems;
  ASSERT_TRUE(LoadAllProblems(workspace.problems(), &problems, &err)) << err;
  int checked = 0;
  for (const Problem& problem : problems) {
    if (problem.style == Style::kGpu || IsInteractive(problem)) continue;  // stress refuses both
    std::vector<TestCase> tests;
    std::vector<CaseTemplate> templates;
    ASSERT_TRUE(LoadTestCases(problem, workspace.testcases() / problem.slug, &tests, &err)) << err;
    ASSERT_TRUE(FindCaseTemplates(tests, &templates, &err)) << problem.slug << ": " << err;
    TemplateCaseSource source(problem, templates, 6, 1000), again(problem, templates, 6, 1000);
    std::vector<SmallCase> cases, same;
    ASSERT_TRUE(source.Fresh(50, &cases, &err)) << problem.slug << ": " << err;
    ASSERT_TRUE(again.Fresh(50, &same, &err)) << err;
    ASSERT_EQ(cases.size(), 50u) << problem.slug;
    for (size_t i = 0; i < cases.size(); ++i) {
      EXPECT_LE(cases[i].size.elements, 6) << problem.slug << ": " << cases[i].origin;
      EXPECT_TRUE(ValidateInput(problem, cases[i].test.input, &err)) << err;
      EXPECT_EQ(cases[i].test.input, same[i].test.input) << problem.slug;
    }
    SmallCase failing = cases[0];
    for (int round = 0; round < 100; ++round) {
      std::vector<SmallCase> batch;
      ASSERT_TRUE(source.Smaller(failing, &batch, &err)) << err;
      if (batch.empty()) break;
      for (const SmallCase& c : batch) EXPECT_TRUE(c.size < failing.size) << c.origin;
      failing = batch[0];  // as if it failed too
    }
    std::vector<SmallCase> batch;
    ASSERT_TRUE(source.Smaller(failing, &batch, &err)) << err;
    EXPECT_TRUE(batch.empty()) << problem.slug << ": shrinking did not end";
    EXPECT_EQ(failing.size.elements, std::min<int64_t>(1, templates[failing.template_index].size));
    EXPECT_EQ(failing.size.values, 0) << problem.slug;
    ++checked;
  }
  EXPECT_GE(checked, 8);
}

}  // namespace
}  // namespace judge
