#include "judge/problem/problem.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"

namespace judge {
namespace {

const char kValidFunction[] = R"({
  "title": "Maximum Gap", "difficulty": "medium", "tags": ["array"], "style": "interview",
  "limits": {"time_ms": 500},
  "signature": {"function": "maximumGap", "params": [{"name": "nums", "type": "int[]"}], "returns": "int"},
  "checker": {"name": "float", "abs": 0.001}
})";

class ProblemTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& slug, const std::string& json) {
    const auto dir = temp_.path() / slug;
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "problem.json") << json;
    return dir;
  }
  TempDir temp_;
};

TEST_F(ProblemTest, LoadsEveryFieldOfAFunctionProblem) {
  Problem p;
  std::string err;
  ASSERT_TRUE(LoadProblem(Write("maximum-gap", kValidFunction), &p, &err)) << err;
  EXPECT_EQ(p.slug, "maximum-gap");
  EXPECT_EQ(p.title, "Maximum Gap");
  EXPECT_EQ(p.style, Style::kInterview);
  EXPECT_EQ(p.limits.time_ms, 500);
  EXPECT_EQ(p.limits.memory_mb, 256);  // default kept
  EXPECT_EQ(p.checker.name, "float");
  EXPECT_EQ(p.checker.args.at("abs"), 0.001);
  EXPECT_FALSE(p.checker.args.contains("name"));
  ASSERT_EQ(p.signature.methods.size(), 1u);
  EXPECT_EQ(p.signature.methods[0].name, "maximumGap");
  EXPECT_EQ(p.signature.methods[0].params[0].type, "int[]");
  EXPECT_EQ(p.signature.class_name, "Solution");
  EXPECT_FALSE(p.signature.is_design);
}

TEST_F(ProblemTest, LoadsAGpuProblemWithoutASignature) {
  Problem p;
  std::string err;
  ASSERT_TRUE(LoadProblem(Write("attention", R"({"title": "Attention", "difficulty": "hard",
    "style": "gpu", "limits": {"time_ms": 600000}})"),
                          &p, &err))
      << err;
  EXPECT_EQ(p.style, Style::kGpu);
  EXPECT_STREQ(StyleName(p.style), "gpu");
  EXPECT_EQ(p.limits.time_ms, 600000);
}

TEST_F(ProblemTest, LoadsADesignProblem) {
  Problem p;
  std::string err;
  ASSERT_TRUE(
      LoadProblem(Write("heap", R"({"title": "Heap", "difficulty": "easy", "style": "interview",
    "signature": {"class": "MinHeap", "constructors": [[], [{"name": "nums", "type": "int[]"}]],
                  "methods": [{"name": "push", "params": [{"name": "x", "type": "int"}], "returns": "void"},
                              {"name": "pop", "params": [], "returns": "int"}]}})"),
                  &p, &err))
      << err;
  EXPECT_TRUE(p.signature.is_design);
  EXPECT_EQ(p.signature.class_name, "MinHeap");
  EXPECT_EQ(p.signature.constructors.size(), 2u);
  EXPECT_EQ(p.signature.methods[0].returns, "void");
}

TEST_F(ProblemTest, ErrorsNameTheFileAndTheField) {
  struct Case {
    const char* json;
    const char* error_part;
  };
  const Case cases[] = {
      {"{", "invalid JSON"},
      {"[]", "expected an object"},
      {R"({"difficulty": "easy", "style": "competitive"})", "title: expected a string (missing)"},
      {R"({"title": "t", "difficulty": "trivial", "style": "competitive"})",
       "difficulty: expected easy, medium, hard or unrated"},
      {R"({"title": "t", "difficulty": "easy", "style": "batch"})",
       "style: expected interview, competitive or gpu"},
      {R"({"title": "t", "difficulty": "easy", "style": "competitive", "limits": {"time_ms": -5}})",
       "limits.time_ms: expected a positive integer"},
      {R"({"title": "t", "difficulty": "easy", "style": "interview"})",
       "signature: expected an object"},
      {R"({"title": "t", "difficulty": "easy", "style": "interview", "signature": {"function": "f", "params": [{"name": "a", "type": "vector<int>"}], "returns": "int"}})",
       "signature.params[0].type: expected one of int, long"},
      {R"({"title": "t", "difficulty": "easy", "style": "interview", "signature": {"function": "f", "params": [], "returns": "void"}})",
       "signature.returns: expected a value type"},
      {R"({"title": "t", "difficulty": "easy", "style": "interview", "signature": {"class": "C", "constructors": [[], []], "methods": []}})",
       "signature.constructors[1]: expected constructors with distinct argument counts"},
      {R"({"title": "t", "difficulty": "easy", "style": "competitive", "checker": {"abs": 1}})",
       "checker.name: expected a string (missing)"},
  };
  for (const auto& c : cases) {
    Problem p;
    std::string err;
    const auto dir = Write("bad", c.json);
    EXPECT_FALSE(LoadProblem(dir, &p, &err)) << c.json;
    EXPECT_NE(err.find((dir / "problem.json").string()), std::string::npos) << err;
    EXPECT_NE(err.find(c.error_part), std::string::npos) << "error was: " << err;
  }
}

TEST_F(ProblemTest, RefusesAFolderThatIsNotASlug) {
  Problem p;
  std::string err;
  EXPECT_FALSE(LoadProblem(Write("Max Gap", kValidFunction), &p, &err));
  EXPECT_NE(err.find("slug"), std::string::npos) << err;
}

TEST_F(ProblemTest, LoadAllProblemsSortsBySlugAndNamesAMalformedOneAfterLoadingTheOthers) {
  Write("b-problem", kValidFunction);
  Write("a-problem", kValidFunction);
  std::vector<Problem> all;
  std::string err;
  ASSERT_TRUE(LoadAllProblems(temp_.path(), &all, &err)) << err;
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].slug, "a-problem");
  Write("c-problem", "{}");
  EXPECT_FALSE(LoadAllProblems(temp_.path(), &all, &err));
  EXPECT_NE(err.find("c-problem"), std::string::npos) << err;
  EXPECT_EQ(err.find("more broken"), std::string::npos) << err;
  ASSERT_EQ(all.size(), 2u);  // the good ones, for `judge list` to show
  EXPECT_EQ(all[1].slug, "b-problem");
  Write("0-problem", "not json");
  EXPECT_FALSE(LoadAllProblems(temp_.path(), &all, &err));
  EXPECT_NE(err.find("0-problem"), std::string::npos) << err;
  EXPECT_NE(err.find("(and 1 more broken problem)"), std::string::npos) << err;
}

}  // namespace
}  // namespace judge
