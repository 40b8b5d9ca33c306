// The problem-specific generators: deterministic, honouring their params, and refusing bad ones
// with the field named.
#include <gtest/gtest.h>

#include "judge/testset/generators/generator.h"

namespace judge {
namespace {

nlohmann::json Generate(GeneratorFn fn, const nlohmann::json& params, uint64_t seed = 1) {
  SplitMix64 rng(seed);
  nlohmann::json input;
  std::string err;
  EXPECT_TRUE(fn(params, rng, &input, &err)) << err;
  return input;
}

const nlohmann::json kItems = {{"n", 4},          {"capacity", 10}, {"min_weight", 1},
                               {"max_weight", 5}, {"min_value", 0}, {"max_value", 9}};

TEST(KnapsackItems, InterviewAndStdioFormatsHoldTheSameItems) {
  const auto interview = Generate(FindGenerator("knapsack_items"), kItems);
  EXPECT_EQ(interview.at("capacity"), 10);
  ASSERT_EQ(interview.at("weights").size(), 4u);
  auto stdio_params = kItems;
  stdio_params["format"] = "stdio";
  const std::string text =
      Generate(FindGenerator("knapsack_items"), stdio_params).get<std::string>();
  std::string expected = "4 10\n";
  for (int i = 0; i < 4; ++i) {
    const int w = interview["weights"][i], v = interview["values"][i];
    EXPECT_GE(w, 1);
    EXPECT_LE(w, 5);
    EXPECT_LE(v, 9);
    expected += std::to_string(w) + " " + std::to_string(v) + "\n";
  }
  EXPECT_EQ(text, expected);
  EXPECT_NE(Generate(FindGenerator("knapsack_items"), kItems, 2), interview);
}

TEST(KnapsackItems, RefusesBadParams) {
  auto params = kItems;
  params["min_weight"] = 7;
  SplitMix64 rng(1);
  nlohmann::json input;
  std::string err;
  EXPECT_FALSE(FindGenerator("knapsack_items")(params, rng, &input, &err));
  EXPECT_NE(err.find("params.max_weight"), std::string::npos) << err;
  params = kItems;
  params["format"] = "xml";
  EXPECT_FALSE(FindGenerator("knapsack_items")(params, rng, &input, &err));
  EXPECT_NE(err.find("params.format"), std::string::npos) << err;
}

// The whole int64 range spans 2^64 - 1, which max - min in long long overflows (UB, found by
// fuzz/generator_fuzz.cc): the arithmetic order then gave n copies of min.
TEST(IntArray, OrdersSpanTheWholeInt64Range) {
  const long long lo = INT64_MIN, hi = INT64_MAX;
  nlohmann::json params = {{"param", "nums"}, {"n", 3}, {"min", lo}, {"max", hi}};
  params["order"] = "arithmetic";
  EXPECT_EQ(Generate(FindGenerator("int_array"), params)["nums"],
            nlohmann::json::array({lo, -1, hi - 1}));
  params["order"] = "distinct";
  const auto distinct = Generate(FindGenerator("int_array"), params)["nums"];
  ASSERT_EQ(distinct.size(), 3u);
  EXPECT_NE(distinct[0], distinct[1]);
  params["n"] = 0;  // no values are always distinct
  EXPECT_EQ(Generate(FindGenerator("int_array"), params)["nums"].size(), 0u);
}

TEST(HeapOps, NeverPopsAnEmptyHeapAndStartsWithTheConstructor) {
  const auto input =
      Generate(FindGenerator("heap_ops"),
               {{"ops", 2000},
                {"min", -5},
                {"max", 5},
                {"weights", {{"push", 1}, {"pop", 3}, {"peek", 1}, {"replace", 1}, {"size", 1}}}});
  const auto& ops = input.at("operations");
  const auto& args = input.at("arguments");
  ASSERT_EQ(ops.size(), 2001u);
  ASSERT_EQ(args.size(), 2001u);
  EXPECT_EQ(ops[0], "MinHeap");
  EXPECT_TRUE(args[0].empty());
  long size = 0;
  std::set<std::string> seen;
  for (size_t i = 1; i < ops.size(); ++i) {
    const std::string op = ops[i];
    seen.insert(op);
    if (op == "pop" || op == "peek" || op == "replace") {
      EXPECT_GT(size, 0) << "operation " << i;
    }
    size += op == "push" ? 1 : op == "pop" ? -1 : 0;
    EXPECT_EQ(args[i].size(), op == "push" || op == "replace" ? 1u : 0u) << op;
  }
  EXPECT_EQ(seen.size(), 5u);  // pushpop has weight 0
}

TEST(HeapOps, HeapifiesAnInitialArray) {
  const auto input =
      Generate(FindGenerator("heap_ops"),
               {{"ops", 3}, {"initial", 50}, {"min", 0}, {"max", 9}, {"weights", {{"pop", 1}}}});
  EXPECT_EQ(input.at("arguments")[0][0].size(), 50u);
  EXPECT_EQ(input.at("operations")[1], "pop");  // a non-empty heap may be popped at once
}

}  // namespace
}  // namespace judge
