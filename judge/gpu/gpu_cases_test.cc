// Case files of GPU problems: what loads, and the one-line errors for what does not.
#include "judge/gpu/gpu_cases.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/problem/problem.h"

namespace judge::gpu {
namespace {

// A validator that wants one integer field, "n" >= 1.
bool ValidateN(const nlohmann::json& spec, std::string* err) {
  if (spec.contains("n") && spec["n"].is_number_integer() && spec["n"].get<int>() >= 1) return true;
  return Fail("n: an integer >= 1", err);
}
double SizeN(const nlohmann::json& spec) { return spec.value("n", 0); }
constexpr GpuProblemKind kToy = {"toy", "toy_entry", "", "", &ValidateN, "n", "n", &SizeN};

class GpuCasesTest : public ::testing::Test {
 protected:
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.path() / name) << text;
  }
  bool Load(std::vector<GpuTestCase>* cases, std::string* err) {
    return LoadGpuCases(dir_.path(), kToy, cases, err);
  }
  TempDir dir_;
};

TEST_F(GpuCasesTest, LoadsFilesInOrderWithGroupsFromNames) {
  Write("02-benchmark.json", R"({"timed": true, "cases": [{"name": "big", "n": 100}]})");
  Write("01-correctness.json", R"({"cases": [{"name": "one", "n": 1}, {"name": "two", "n": 2}]})");
  Write("03-extra.json", R"({"group": "custom", "cases": [{"name": "three", "n": 3}]})");
  std::vector<GpuTestCase> cases;
  std::string err;
  ASSERT_TRUE(Load(&cases, &err)) << err;
  ASSERT_EQ(cases.size(), 4u);
  EXPECT_EQ(cases[0].name, "one");
  EXPECT_EQ(cases[0].group, "correctness");
  EXPECT_FALSE(cases[0].timed);
  EXPECT_EQ(cases[2].group, "benchmark");
  EXPECT_TRUE(cases[2].timed);
  EXPECT_EQ(cases[3].group, "custom");

  const nlohmann::json list = RunnerCaseList(cases, /*timed=*/true);
  EXPECT_EQ(list[2]["timed"], true);
  EXPECT_EQ(list[0]["timed"], false);
  EXPECT_FALSE(list[0]["spec"].contains("name"));
  EXPECT_EQ(list[0]["spec"]["n"], 1);
  EXPECT_EQ(RunnerCaseList(cases, /*timed=*/false)[2]["timed"], false);
}

TEST_F(GpuCasesTest, ErrorsNameTheFileAndTheField) {
  const struct {
    std::string text;
    std::string says;
  } cases[] = {
      {"not json", "invalid JSON"},
      {R"([1, 2])", "expected"},
      {R"({"cases": 3})", "cases"},
      {R"({"timed": "yes", "cases": []})", "timed: expected true or false"},
      {R"({"cases": [{"n": 1}]})", "cases[0].name"},
      {R"({"cases": [{"name": "a", "n": 0}]})", "cases[0].n: an integer >= 1"},
      {R"({"cases": [{"name": "a", "n": 1}, {"name": "a", "n": 2}]})",
       "cases[1].name: expected a name no other case uses"},
  };
  for (const auto& c : cases) {
    Write("01-x.json", c.text);
    std::vector<GpuTestCase> loaded;
    std::string err;
    EXPECT_FALSE(Load(&loaded, &err)) << c.text;
    EXPECT_NE(err.find("01-x.json: "), std::string::npos) << err;
    EXPECT_NE(err.find(c.says), std::string::npos) << c.text << " -> " << err;
  }
}

TEST_F(GpuCasesTest, AnEmptyFolderIsAnError) {
  std::vector<GpuTestCase> cases;
  std::string err;
  EXPECT_FALSE(Load(&cases, &err));
  EXPECT_NE(err.find("no case files"), std::string::npos) << err;
}

// Every "style": "gpu" problem under problems/ has a row, and its shipped cases pass its validator.
TEST(GpuProblemTable, KnowsEachGpuProblemAndItsCasesLoad) {
  const std::filesystem::path root = JUDGE_DEFAULT_ROOT;
  std::vector<Problem> problems;
  std::string err;
  ASSERT_TRUE(LoadAllProblems(root / "problems", &problems, &err)) << err;
  int gpu_problems = 0;
  for (const Problem& problem : problems) {
    if (problem.style != Style::kGpu) continue;
    ++gpu_problems;
    const GpuProblemKind* kind = FindGpuProblemKind(problem.slug);
    ASSERT_NE(kind, nullptr) << problem.slug;
    std::vector<GpuTestCase> cases;
    EXPECT_TRUE(LoadGpuCases(root / "testcases" / problem.slug, *kind, &cases, &err)) << err;
    EXPECT_GT(cases.size(), 10u) << problem.slug;
  }
  EXPECT_GE(gpu_problems, 2);  // attention and allreduce at least
  EXPECT_EQ(FindGpuProblemKind("maximum-gap"), nullptr);
}

}  // namespace
}  // namespace judge::gpu
