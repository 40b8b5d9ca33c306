// The growth fit on made-up points: exact power laws, n log n, noise, and too little to fit.
#include "judge/timing/growth_fit.h"

#include <gtest/gtest.h>

#include <cmath>

#include "judge/testset/generators/prng.h"

namespace judge {
namespace {

std::vector<GrowthPoint> Points(double (*cost)(double), double noise = 0, uint64_t seed = 1) {
  SplitMix64 rng(seed);
  std::vector<GrowthPoint> points;
  for (int64_t n = 2000; n <= 1'024'000; n *= 2) {
    const double jitter = 1 + noise * (static_cast<double>(rng.Uniform(-1000, 1000)) / 1000);
    points.push_back({n, cost(static_cast<double>(n)) * jitter});
  }
  return points;
}

TEST(GrowthFit, FindsExactPowerLaws) {
  const auto linear = FitGrowth(Points([](double n) { return n * 1e-5; }));
  ASSERT_TRUE(linear.ok) << linear.why_not;
  EXPECT_NEAR(linear.exponent, 1.0, 0.01);
  EXPECT_EQ(linear.model, "n");
  const auto quadratic = FitGrowth(Points([](double n) { return n * n * 1e-8; }));
  EXPECT_NEAR(quadratic.exponent, 2.0, 0.01);
  EXPECT_EQ(quadratic.model, "n^2");
  EXPECT_GT(quadratic.confidence, 0.9);
}

TEST(GrowthFit, TellsNLogNFromLinearWithoutNoise) {
  const auto fit = FitGrowth(Points([](double n) { return n * std::log(n) * 1e-6; }));
  EXPECT_EQ(fit.model, "n log n");
  EXPECT_GT(fit.exponent, 1.05);
}

TEST(GrowthFit, LinearAndQuadraticStayApartUnderTenPercentNoise) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const auto linear = FitGrowth(Points([](double n) { return n * 1e-5; }, 0.10, seed));
    const auto quadratic = FitGrowth(Points([](double n) { return n * n * 1e-9; }, 0.10, seed));
    EXPECT_LT(linear.exponent, 1.2) << seed;
    EXPECT_TRUE(linear.model == "n" || linear.model == "n log n") << linear.model;
    EXPECT_GT(quadratic.exponent, 1.8) << seed;
    EXPECT_TRUE(quadratic.model == "n^2" || quadratic.model == "n^2 log n") << quadratic.model;
  }
}

TEST(GrowthFit, LeavesOutPointsUnderTheFloorAndSaysWhenTooFewRemain) {
  std::vector<GrowthPoint> points = {
      {1000, 0.01}, {2000, 0.02}, {4000, 0.04}, {8000, 0.5}, {16000, 1.0}};
  const auto fit = FitGrowth(points, 0.3);
  EXPECT_FALSE(fit.ok);
  EXPECT_EQ(fit.points_used, 2u);
  EXPECT_NE(fit.why_not.find("too few"), std::string::npos);
}

TEST(GrowthFit, ReadsBigONotation) {
  EXPECT_EQ(ModelOfBigO("O(n)"), "n");
  EXPECT_EQ(ModelOfBigO("O(n log n)"), "n log n");
  EXPECT_EQ(ModelOfBigO("O(2^n)"), "");
  EXPECT_EQ(BigO("n^2"), "O(n^2)");
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// A linear pass with a fixed cost per call (the harness, a first allocation) that dominates the
// small sizes: its log-log slope is 0.4, and a fit without a constant term said "sqrt n"; the
// fit with one says n, and finds the fixed cost.
TEST(GrowthFit, AFixedCostDoesNotBendTheShape) {
  const auto fit = FitGrowth(Points([](double n) { return 2.0 + n * 2e-5; }));
  ASSERT_TRUE(fit.ok) << fit.why_not;
  EXPECT_EQ(fit.model, "n");
  EXPECT_LT(fit.exponent, 0.6);
  EXPECT_NEAR(fit.fixed_ms, 2.0, 0.1);
}

// A program that reads its whole input is never sublinear: those models are not candidates
// unless asked for.
TEST(GrowthFit, NothingSublinearUnlessAskedFor) {
  const auto sqrt_cost = Points([](double n) { return std::sqrt(n) * 1e-2; });
  EXPECT_EQ(FitGrowth(sqrt_cost).model, "n");
  EXPECT_EQ(FitGrowth(sqrt_cost, 0.3, "log n").model, "sqrt n");
}

// Under noise, n and n log n are often a toss-up: the fit says so rather than guess.
TEST(GrowthFit, SaysWhenNAndNLogNCannotBeToldApart) {
  int undecided = 0, wrong_class = 0;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const auto fit = FitGrowth(Points([](double n) { return n * 1e-5; }, 0.15, seed));
    undecided += fit.CannotTellNFromNLogN();
    wrong_class += fit.model != "n" && fit.model != "n log n";
  }
  EXPECT_EQ(wrong_class, 0);
  EXPECT_GT(undecided, 0) << "15% noise over 512x never left n and n log n close";
  const auto clean = FitGrowth(Points([](double n) { return n * 1e-5; }));
  EXPECT_FALSE(clean.CannotTellNFromNLogN()) << clean.confidence;
}

}  // namespace
}  // namespace judge
