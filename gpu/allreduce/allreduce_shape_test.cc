#include "gpu/allreduce/allreduce_shape.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace judge::gpu {
namespace {

using nlohmann::json;

TEST(AllreduceShape, ParsesAValidCaseIgnoringItsName) {
  AllreduceShape shape;
  std::string err;
  ASSERT_TRUE(ParseAllreduceShape(
      json::parse(R"({"name": "r8-4097-bf16", "ranks": 8, "count": 4097, "dtype": "bf16"})"),
      &shape, &err))
      << err;
  EXPECT_EQ(shape.ranks, 8);
  EXPECT_EQ(shape.count, 4097u);
  EXPECT_EQ(shape.dtype, DType::kBF16);
  EXPECT_EQ(BytesPerRank(shape), 8194u);
  EXPECT_TRUE(
      ValidateAllreduceSpec(json::parse(R"({"ranks": 2, "count": 1, "dtype": "fp32"})"), &err))
      << err;
}

TEST(AllreduceShape, ErrorsNameTheFieldAndWhatWasExpected) {
  struct Case {
    const char* spec;
    const char* error;  // the whole message
  };
  const Case cases[] = {
      {R"({"ranks": 1, "count": 5, "dtype": "fp32"})", "ranks: an integer from 2 to 8 (got 1)"},
      {R"({"ranks": 9, "count": 5, "dtype": "fp32"})", "ranks: an integer from 2 to 8 (got 9)"},
      {R"({"ranks": -2, "count": 5, "dtype": "fp32"})", "ranks: an integer from 2 to 8 (got -2)"},
      {R"({"ranks": 2.0, "count": 5, "dtype": "fp32"})", "ranks: an integer from 2 to 8 (got 2.0)"},
      {R"({"ranks": "4", "count": 5, "dtype": "fp32"})",
       R"(ranks: an integer from 2 to 8 (got "4"))"},
      {R"({"count": 5, "dtype": "fp32"})", "ranks: an integer from 2 to 8 (missing)"},
      {R"({"ranks": 2, "count": 0, "dtype": "fp32"})", "count: an integer >= 1 (got 0)"},
      {R"({"ranks": 2, "count": "x", "dtype": "fp32"})", R"(count: an integer >= 1 (got "x"))"},
      {R"({"ranks": 2, "count": 1e6, "dtype": "fp32"})", "count: an integer >= 1 (got 1000000.0)"},
      {R"({"ranks": 2, "dtype": "fp32"})", "count: an integer >= 1 (missing)"},
      {R"({"ranks": 2, "count": 5, "dtype": "fp64"})",
       R"(dtype: one of "fp32", "fp16", "bf16" (got "fp64"))"},
      {R"({"ranks": 2, "count": 5, "dtype": 1})",
       R"(dtype: one of "fp32", "fp16", "bf16" (got 1))"},
      {R"({"ranks": 2, "count": 5})", R"(dtype: one of "fp32", "fp16", "bf16" (missing))"},
      {R"({"ranks": 2, "count": 5, "dtype": "fp32", "seq_len": 3})",
       "seq_len: not a field of an allreduce case (expected ranks, count, dtype)"},
      {R"([2, 5, "fp32"])", R"(spec: an object with ranks, count and dtype (got [2,5,"fp32"]))"},
  };
  for (const Case& c : cases) {
    AllreduceShape shape;
    std::string err;
    EXPECT_FALSE(ParseAllreduceShape(json::parse(c.spec), &shape, &err)) << c.spec;
    EXPECT_EQ(err, c.error) << c.spec;
    err.clear();
    EXPECT_FALSE(ValidateAllreduceSpec(json::parse(c.spec), &err)) << c.spec;
    EXPECT_EQ(err, c.error) << c.spec;
  }
}

TEST(AllreduceShape, BoundsTheTotalBytesOnOneGpu) {
  std::string err;
  AllreduceShape shape;
  // 8 ranks x 2^27 fp32 = 4 GiB exactly: allowed; one element more per rank is not.
  EXPECT_TRUE(
      ParseAllreduceShape(json{{"ranks", 8}, {"count", 1 << 27}, {"dtype", "fp32"}}, &shape, &err))
      << err;
  EXPECT_FALSE(ParseAllreduceShape(json{{"ranks", 8}, {"count", (1 << 27) + 1}, {"dtype", "fp32"}},
                                   &shape, &err));
  EXPECT_EQ(err, "count: ranks * count * element bytes at most 4 GiB (got 8 * 134217729 * 4)");
  // A count so large that multiplying it out would overflow 64 bits is refused all the same.
  EXPECT_FALSE(ParseAllreduceShape(
      json{{"ranks", 8}, {"count", uint64_t{1} << 63}, {"dtype", "fp32"}}, &shape, &err));
  EXPECT_EQ(err,
            "count: ranks * count * element bytes at most 4 GiB (got 8 * 9223372036854775808 * 4)");
  // The same count in fp16 is half the bytes.
  EXPECT_TRUE(ParseAllreduceShape(json{{"ranks", 8}, {"count", (1 << 27) + 1}, {"dtype", "fp16"}},
                                  &shape, &err))
      << err;
}

TEST(AllreduceFigures, FollowNcclTestsDefinitions) {
  // 1 GB per rank in 10 ms: 100 GB/s algorithm bandwidth.
  EXPECT_DOUBLE_EQ(AlgorithmBandwidth(1e9, 0.01), 100.0);
  EXPECT_DOUBLE_EQ(AlgorithmBandwidth(1e9, 0.0), 0.0);
  // Bus bandwidth: x 2 (n - 1) / n.
  EXPECT_DOUBLE_EQ(BusBandwidth(100.0, 2), 100.0);
  EXPECT_DOUBLE_EQ(BusBandwidth(100.0, 4), 150.0);
  EXPECT_DOUBLE_EQ(BusBandwidth(100.0, 8), 175.0);
}

TEST(AllreduceFigures, SingleGpuFloorReadsAndWritesEveryBufferOnce) {
  // 4 ranks x 2^20 fp16 (2 MiB each): 2 x 4 x 2 MiB = 16 MiB moved; at 2000 GB/s that takes
  // 16 * 2^20 / 2e12 seconds.
  const AllreduceShape shape{4, size_t{1} << 20, DType::kF16};
  const double floor = SingleGpuFloorSeconds(shape, 2000.0);
  EXPECT_DOUBLE_EQ(floor, 16.0 * (1 << 20) / 2e12);
  EXPECT_DOUBLE_EQ(SingleGpuFloorSeconds(shape, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(FractionOfFloor(floor, floor), 1.0);
  EXPECT_DOUBLE_EQ(FractionOfFloor(floor, 2 * floor), 0.5);
  EXPECT_DOUBLE_EQ(FractionOfFloor(floor, 0.0), 0.0);
}

}  // namespace
}  // namespace judge::gpu
