// The harness's pure-C++ parts: type rounding (what CPU references assume a device buffer
// holds), the counter PRNG's specified output, and timing summaries.
#include <gtest/gtest.h>

#include <cmath>

#include "gpu/harness/counter_random.h"
#include "gpu/harness/dtype.h"
#include "gpu/harness/stats.h"

namespace judge::gpu {
namespace {

TEST(DTypeTest, NamesRoundTrip) {
  for (DType type : {DType::kF32, DType::kF16, DType::kBF16}) {
    DType parsed;
    ASSERT_TRUE(ParseDType(DTypeName(type), &parsed));
    EXPECT_EQ(parsed, type);
  }
  DType parsed;
  EXPECT_FALSE(ParseDType("float16", &parsed));
  EXPECT_EQ(DTypeBytes(DType::kF32), 4u);
  EXPECT_EQ(DTypeBytes(DType::kBF16), 2u);
}

TEST(DTypeTest, HalfRoundsToNearestEven) {
  EXPECT_EQ(RoundTo(DType::kF16, 1.0f), 1.0f);
  // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties go to the even one, 1.
  EXPECT_EQ(RoundTo(DType::kF16, 1.0f + std::ldexp(1.0f, -11)), 1.0f);
  // 1 + 3·2^-11 is halfway between 1 + 2^-10 and 1 + 2^-9: even is 1 + 2^-9.
  EXPECT_EQ(RoundTo(DType::kF16, 1.0f + 3 * std::ldexp(1.0f, -11)), 1.0f + std::ldexp(1.0f, -9));
  EXPECT_EQ(RoundTo(DType::kF16, 65504.0f), 65504.0f);
  EXPECT_TRUE(std::isinf(RoundTo(DType::kF16, 70000.0f)));
  EXPECT_EQ(RoundTo(DType::kF16, std::ldexp(1.0f, -24)), std::ldexp(1.0f, -24));  // subnormal
  EXPECT_EQ(RoundTo(DType::kF16, std::ldexp(1.0f, -26)), 0.0f);
  EXPECT_EQ(RoundTo(DType::kF16, -0.1f), -RoundTo(DType::kF16, 0.1f));
  EXPECT_NEAR(RoundTo(DType::kF16, 0.1f), 0.1f, 0.1f * std::ldexp(1.0f, -11));
}

TEST(DTypeTest, Bfloat16KeepsSevenMantissaBits) {
  EXPECT_EQ(RoundTo(DType::kBF16, 1.0f + std::ldexp(1.0f, -8)), 1.0f);  // tie to even
  EXPECT_EQ(RoundTo(DType::kBF16, 1.0f + 3 * std::ldexp(1.0f, -8)), 1.0f + std::ldexp(1.0f, -6));
  EXPECT_EQ(RoundTo(DType::kBF16, 3.0e38f), RoundTo(DType::kBF16, 3.0e38f));  // no overflow to inf
  EXPECT_FALSE(std::isinf(RoundTo(DType::kBF16, 3.0e38f)));
  EXPECT_TRUE(std::isnan(RoundTo(DType::kBF16, NAN)));
}

TEST(CounterRandomTest, IsAFunctionOfSeedAndIndexOnly) {
  EXPECT_EQ(UnitAt(7, 12345), UnitAt(7, 12345));
  EXPECT_NE(UnitAt(7, 12345), UnitAt(8, 12345));
  EXPECT_NE(UnitAt(7, 12345), UnitAt(7, 12346));
  // The specified output: SplitMix64's finaliser, top 24 bits. Pinned so that a change to the
  // generator (which would silently change every CPU reference) fails here.
  EXPECT_EQ(Mix64(0), 0xE220A8397B1DCDAFull);
}

TEST(CounterRandomTest, UniformAndIntegersStayInRangeAndCoverIt) {
  float lo = 1, hi = -1;
  bool seen[17] = {};
  for (uint64_t i = 0; i < 20000; ++i) {
    const float u = UniformAt(42, i, -1.0f, 1.0f);
    ASSERT_GE(u, -1.0f);
    ASSERT_LT(u, 1.0f);
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    const float k = IntegerAt(42, i, -8, 8);
    ASSERT_EQ(k, std::floor(k));
    ASSERT_GE(k, -8.0f);
    ASSERT_LE(k, 8.0f);
    seen[static_cast<int>(k) + 8] = true;
  }
  EXPECT_LT(lo, -0.99f);
  EXPECT_GT(hi, 0.99f);
  for (bool value_seen : seen) EXPECT_TRUE(value_seen);
}

TEST(StatsTest, SummariseSortsAndMeasuresSpread) {
  const TimingSummary s = Summarise({5, 1, 3, 2, 4});
  EXPECT_EQ(s.repetitions, 5);
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 5);
  EXPECT_DOUBLE_EQ(s.spread, (4.6 - 1.4) / 3);
  EXPECT_DOUBLE_EQ(Summarise({2, 2, 2}).spread, 0);
  EXPECT_EQ(Summarise({}).repetitions, 0);
}

TEST(StatsTest, GeometricMean) {
  EXPECT_DOUBLE_EQ(GeometricMean({}), 0);
  EXPECT_NEAR(GeometricMean({1, 100}), 10, 1e-12);
  EXPECT_NEAR(GeometricMean({2, 8, 4}), 4, 1e-12);
}

}  // namespace
}  // namespace judge::gpu
