// Every language in the table, through its real toolchain in the sandbox: it passes its
// self-test, and the starter files `judge new` writes build as they are.
#include "judge/lang/language.h"

#include <gtest/gtest.h>

#include "judge/sandbox/local_sandbox.h"

namespace judge {
namespace {

using nlohmann::json;

Problem InterviewProblem(const json& signature) {
  Problem problem;
  problem.slug = "example";
  problem.style = Style::kInterview;
  std::string err;
  EXPECT_TRUE(ParseSignature(signature, &problem.signature, &err)) << err;
  return problem;
}

const json kFunction = json::parse(
    R"({"function": "chunk", "params": [{"name": "nums", "type": "int[]"}, {"name": "k", "type": "int"}],
        "returns": "int[][]"})");
const json kDesign =
    json::parse(R"({"class": "MinHeap", "constructors": [[], [{"name": "nums", "type": "int[]"}]],
    "methods": [{"name": "push", "params": [{"name": "x", "type": "int"}], "returns": "void"},
                {"name": "pop", "params": [], "returns": "int"},
                {"name": "scale", "params": [{"name": "by", "type": "double"}], "returns": "string[]"}]})");

class LanguageTest : public ::testing::TestWithParam<std::string> {
 protected:
  const LanguageInfo& info() const { return *FindLanguage(GetParam()); }

  // Builds `source` for `problem` and returns whether it compiled (the log when not).
  ::testing::AssertionResult Compiles(const Problem& problem, const std::string& source) {
    BuildResult build;
    std::string err;
    const std::string name = std::string("starter") + info().extensions.front();
    if (!info().make()->Build(BuildRequest{&problem, source, name, JUDGE_TEST_CACHE_DIR}, sandbox_,
                              &build, &err))
      return ::testing::AssertionFailure() << "the judge failed: " << err;
    if (!build.compiled) return ::testing::AssertionFailure() << source << "\n" << build.log;
    return ::testing::AssertionSuccess();
  }

  LocalSandbox sandbox_;
};

TEST_P(LanguageTest, PassesItsSelfTest) {
  std::string detail;
  EXPECT_TRUE(SelfTestLanguage(info(), sandbox_, JUDGE_TEST_CACHE_DIR, &detail)) << detail;
  EXPECT_NE(detail.find(info().make()->Toolchain()), std::string::npos) << detail;
}

TEST_P(LanguageTest, CompetitiveStarterBuilds) {
  Problem problem;
  problem.style = Style::kCompetitive;
  EXPECT_TRUE(Compiles(problem, info().make()->Starter(problem)));
}

TEST_P(LanguageTest, InterviewStartersBuildOrTheLanguageSaysItHasNoHarness) {
  const Problem function = InterviewProblem(kFunction);
  const Problem design = InterviewProblem(kDesign);
  std::string err;
  if (!info().interview) {
    EXPECT_FALSE(CanJudge(info(), function, &err));
    EXPECT_NE(err.find("has no interview harness (judge it in cpp, python)"), std::string::npos)
        << err;
    return;
  }
  ASSERT_TRUE(CanJudge(info(), function, &err)) << err;
  const auto language = info().make();
  EXPECT_TRUE(Compiles(function, language->Starter(function)));
  EXPECT_TRUE(Compiles(design, language->Starter(design)));
  // Both in one file, as LeetCode users paste them: the design class is driven, Solution is a
  // bystander that must still compile.
  EXPECT_TRUE(Compiles(design, language->Starter(function) + "\n" + language->Starter(design)));
}

INSTANTIATE_TEST_SUITE_P(Languages, LanguageTest, ::testing::ValuesIn(LanguageNames()),
                         [](const auto& param) { return param.param; });

}  // namespace
}  // namespace judge
