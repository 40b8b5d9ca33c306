#include "gpu/allreduce/allreduce_inputs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "gpu/harness/dtype.h"

namespace judge::gpu {
namespace {

TEST(AllreduceInputs, RankSeedsAreDistinctAndChangeWithTheSeed) {
  for (uint64_t seed : {uint64_t{0}, uint64_t{1}, uint64_t{0xDEADBEEF}}) {
    std::set<uint64_t> seen;
    for (int r = 0; r < kAllreduceMaxRanks; ++r) seen.insert(RankSeed(seed, r));
    EXPECT_EQ(seen.size(), static_cast<size_t>(kAllreduceMaxRanks));
  }
  EXPECT_NE(RankSeed(1, 0), RankSeed(2, 0));
  const RankSeeds seeds = MakeRankSeeds(5, 3);
  EXPECT_EQ(seeds.ranks, 3);
  EXPECT_EQ(seeds.seed[2], RankSeed(5, 2));
  EXPECT_EQ(seeds.seed[3], 0u);
}

// The inputs are the values FillIntegers writes, and every partial sum of them is exact in each
// type, so a submission may add in any order and still match exactly.
TEST(AllreduceInputs, EveryPartialSumIsExactInEveryType) {
  const RankSeeds seeds = MakeRankSeeds(42, kAllreduceMaxRanks);
  std::set<float> values;
  for (size_t i = 0; i < 20000; ++i) {
    float partial = 0;
    for (int r = 0; r < kAllreduceMaxRanks; ++r) {
      const float x = InputAt(seeds, r, i);
      ASSERT_EQ(x, IntegerAt(seeds.seed[r], i, kAllreduceInputLo, kAllreduceInputHi));
      ASSERT_EQ(x, std::trunc(x));
      values.insert(x);
      partial += x;
      for (DType type : {DType::kF32, DType::kF16, DType::kBF16}) {
        ASSERT_EQ(RoundTo(type, x), x);
        ASSERT_EQ(RoundTo(type, partial), partial);
      }
    }
    ASSERT_EQ(ExpectedSum(seeds, i), partial);
  }
  // All 17 values of [-8, 8] occur, and nothing else.
  EXPECT_EQ(values.size(), 17u);
  EXPECT_EQ(*values.begin(), -8.0f);
  EXPECT_EQ(*values.rbegin(), 8.0f);
}

TEST(AllreduceInputs, ExpectedSumCountsOnlyTheCaseRanks) {
  const RankSeeds two = MakeRankSeeds(9, 2);
  for (size_t i = 0; i < 100; ++i)
    EXPECT_EQ(ExpectedSum(two, i), InputAt(two, 0, i) + InputAt(two, 1, i));
}

}  // namespace
}  // namespace judge::gpu
