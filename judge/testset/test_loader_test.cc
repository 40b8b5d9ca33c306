#include "judge/testset/test_loader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"
#include "judge/testset/generators/generator.h"
#include "judge/testset/generators/prng.h"

namespace judge {
namespace {

TEST(SplitMix64, ProducesTheSpecifiedSequence) {
  // The published SplitMix64 outputs for seed 0; FORMAT.md promises exactly these.
  SplitMix64 rng(0);
  EXPECT_EQ(rng.Next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(rng.Next(), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(rng.Next(), 0x06C45D188009454FULL);
}

TEST(SplitMix64, UniformStaysInItsRangeAndCoversIt) {
  SplitMix64 rng(42);
  std::vector<int> seen(7, 0);
  for (int i = 0; i < 7000; ++i) {
    const int64_t v = rng.Uniform(-3, 3);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 3);
    ++seen[v + 3];
  }
  for (int count : seen) EXPECT_GT(count, 800);
}

TEST(IntArrayGenerator, IsDeterministicAndHonoursOrder) {
  auto generate = [](const char* order, uint64_t seed) {
    nlohmann::json input;
    std::string err;
    SplitMix64 rng(seed);
    EXPECT_TRUE(FindGenerator("int_array")({{"param", "nums"},
                                            {"n", 50},
                                            {"min", 10},
                                            {"max", 20},
                                            {"order", order},
                                            {"fixed", {{"k", 3}}}},
                                           rng, &input, &err))
        << err;
    return input;
  };
  EXPECT_EQ(generate("random", 7), generate("random", 7));
  EXPECT_NE(generate("random", 7), generate("random", 8));
  const auto sorted = generate("sorted", 7)["nums"].get<std::vector<long long>>();
  EXPECT_TRUE(std::is_sorted(sorted.begin(), sorted.end()));
  EXPECT_EQ(sorted.size(), 50u);
  EXPECT_EQ(generate("sorted", 7)["k"], 3);
  const auto constant = generate("constant", 1)["nums"].get<std::vector<long long>>();
  EXPECT_EQ(std::count(constant.begin(), constant.end(), 10), 50);
  const auto arithmetic = generate("arithmetic", 1)["nums"].get<std::vector<long long>>();
  EXPECT_EQ(arithmetic.front(), 10);
  EXPECT_EQ(arithmetic[1] - arithmetic[0], 0);  // (20 - 10) / 49 rounds down to a step of 0
}

TEST(IntArrayGenerator, DistinctDrawsEachValueOnceAndRefusesTooNarrowARange) {
  auto params =
      nlohmann::json{{"param", "nums"}, {"n", 11}, {"min", 10}, {"max", 20}, {"order", "distinct"}};
  nlohmann::json input;
  std::string err;
  SplitMix64 rng(5);
  ASSERT_TRUE(FindGenerator("int_array")(params, rng, &input, &err)) << err;
  auto values = input["nums"].get<std::vector<long long>>();
  EXPECT_FALSE(std::is_sorted(values.begin(), values.end()));
  std::sort(values.begin(), values.end());
  EXPECT_EQ(std::unique(values.begin(), values.end()) - values.begin(), 11);  // all of 10..20
  params["n"] = 12;
  EXPECT_FALSE(FindGenerator("int_array")(params, rng, &input, &err));
  EXPECT_NE(err.find("params.n"), std::string::npos) << err;
}

class TestLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    problem_.slug = "p";
    problem_.style = Style::kInterview;
    problem_.signature.methods = {Method{"f", {{"nums", "int[]"}, {"k", "int"}}, "int"}};
  }
  void WriteGroup(const std::string& file, const std::string& json) {
    std::ofstream(temp_.path() / file) << json;
  }
  Problem problem_;
  TempDir temp_;
};

TEST_F(TestLoaderTest, LoadsLiteralAndGeneratedCasesInFileOrder) {
  WriteGroup("02-perf.json", R"({"group": "performance", "generated": [
      {"name": "big", "generator": "int_array", "params": {"param": "nums", "n": 1000, "min": 0, "max": 9, "fixed": {"k": 2}}, "seed": 3}]})");
  WriteGroup("01-samples.json", R"({"group": "samples", "cases": [
      {"name": "one", "input": {"nums": [1, 2], "k": 1}, "expected": 2}]})");
  std::vector<TestCase> tests;
  std::string err;
  ASSERT_TRUE(LoadTestCases(problem_, temp_.path(), &tests, &err)) << err;
  ASSERT_EQ(tests.size(), 2u);
  EXPECT_EQ(tests[0].name, "samples/one");
  EXPECT_FALSE(tests[0].generated);
  EXPECT_EQ(tests[0].expected, 2);
  EXPECT_EQ(tests[1].name, "performance/big");
  EXPECT_TRUE(tests[1].generated);
  EXPECT_TRUE(tests[1].expected.is_null());
  EXPECT_EQ(tests[1].input["nums"].size(), 1000u);
  EXPECT_FALSE(tests[1].generator_key.empty());
}

TEST_F(TestLoaderTest, ErrorsNameTheFileAndTheField) {
  struct Case {
    const char* json;
    const char* error_part;
  };
  const Case cases[] = {
      {R"({"cases": []})", "group: expected a string (missing)"},
      {R"({"group": "g"})", "cases: expected an array of cases"},
      {R"({"group": "g", "cases": [{"name": "a", "input": {"nums": [1]}, "expected": 1}]})",
       "cases[0].input.k: expected a int (missing)"},
      {R"({"group": "g", "cases": [{"name": "a", "input": {"nums": [1], "k": 1, "z": 2}, "expected": 1}]})",
       "input.z: expected no such parameter"},
      {R"({"group": "g", "cases": [{"name": "a", "input": {"nums": [1], "k": 1}}]})",
       "cases[0].expected: expected a value (missing)"},
      {R"({"group": "g", "generated": [{"name": "a", "generator": "nope", "params": {}, "seed": 1}]})",
       "generated[0].generator: expected one of int_array"},
      {R"({"group": "g", "generated": [{"name": "a", "generator": "int_array", "params": {"param": "nums", "n": 5, "min": 9, "max": 1}, "seed": 1}]})",
       "params.max: expected a value not below params.min"},
      {R"({"group": "g", "generated": [{"name": "a", "generator": "int_array", "params": {"param": "nums", "n": 5, "min": 1, "max": 9}, "seed": "x"}]})",
       "generated[0].seed: expected an integer"},
      {R"({"group": "g", "sanitize": "yes", "cases": []})", "sanitize: expected true or false"},
  };
  for (const auto& c : cases) {
    WriteGroup("01.json", c.json);
    std::vector<TestCase> tests;
    std::string err;
    EXPECT_FALSE(LoadTestCases(problem_, temp_.path(), &tests, &err)) << c.json;
    EXPECT_NE(err.find("01.json"), std::string::npos) << err;
    EXPECT_NE(err.find(c.error_part), std::string::npos) << "error was: " << err;
  }
}

TEST_F(TestLoaderTest, EveryGroupButPerformanceIsSanitizedUnlessItSaysOtherwise) {
  const char* one_case =
      R"("cases": [{"name": "%s", "input": {"nums": [1], "k": 1}, "expected": 1}])";
  const auto group = [&](const std::string& name, const std::string& extra) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, one_case, name.c_str());
    return "{\"group\": \"" + name + "\", " + extra + buffer + "}";
  };
  WriteGroup("01.json", group("samples", ""));
  WriteGroup("02.json", group("big-edge", R"("sanitize": false, )"));
  WriteGroup("03.json", group("performance", ""));
  WriteGroup("04.json", group("stress", R"("sanitize": true, )"));
  std::vector<TestCase> tests;
  std::string err;
  ASSERT_TRUE(LoadTestCases(problem_, temp_.path(), &tests, &err)) << err;
  ASSERT_EQ(tests.size(), 4u);
  EXPECT_TRUE(tests[0].sanitize);
  EXPECT_FALSE(tests[1].sanitize);
  EXPECT_FALSE(tests[2].sanitize);
  EXPECT_TRUE(tests[3].sanitize);

  std::vector<TestGroup> groups;
  ASSERT_TRUE(ListTestGroups(temp_.path(), &groups, &err)) << err;
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[1].name, "big-edge");
  EXPECT_FALSE(groups[1].sanitize);
  EXPECT_EQ(groups[3].cases, 1u);
}

TEST_F(TestLoaderTest, RefusesDuplicateNamesAndEmptyFolders) {
  std::vector<TestCase> tests;
  std::string err;
  EXPECT_FALSE(LoadTestCases(problem_, temp_.path(), &tests, &err));
  EXPECT_NE(err.find("no test files"), std::string::npos) << err;
  const char* group =
      R"({"group": "g", "cases": [{"name": "a", "input": {"nums": [1], "k": 1}, "expected": 1}]})";
  WriteGroup("01.json", group);
  WriteGroup("02.json", group);
  EXPECT_FALSE(LoadTestCases(problem_, temp_.path(), &tests, &err));
  EXPECT_NE(err.find("two tests are named \"g/a\""), std::string::npos) << err;
}

TEST_F(TestLoaderTest, ValidatesDesignAndCompetitiveInputs) {
  Problem design;
  design.signature.is_design = true;
  design.signature.class_name = "MinHeap";
  design.signature.methods = {Method{"push", {{"x", "int"}}, "void"}};
  std::string err;
  EXPECT_TRUE(ValidateInput(
      design, {{"operations", {"MinHeap", "push"}}, {"arguments", {nlohmann::json::array(), {3}}}},
      &err))
      << err;
  EXPECT_FALSE(ValidateInput(design,
                             {{"operations", {"MinHeap", "pop"}},
                              {"arguments", {nlohmann::json::array(), nlohmann::json::array()}}},
                             &err));
  EXPECT_NE(err.find("a method of MinHeap (got \"pop\")"), std::string::npos) << err;
  EXPECT_FALSE(ValidateInput(
      design, {{"operations", {"MinHeap"}}, {"arguments", nlohmann::json::array()}}, &err));
  Problem competitive;
  competitive.style = Style::kCompetitive;
  EXPECT_TRUE(ValidateInput(competitive, "1 2\n", &err));
  EXPECT_FALSE(ValidateInput(competitive, {{"a", 1}}, &err));
}

}  // namespace
}  // namespace judge
