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
    undecided += fit.Undecided();
    wrong_class += fit.model != "n" && fit.model != "n log n";
  }
  EXPECT_EQ(wrong_class, 0);
  EXPECT_GT(undecided, 0) << "15% noise over 512x never left n and n log n close";
  const auto clean = FitGrowth(Points([](double n) { return n * 1e-5; }));
  EXPECT_FALSE(clean.Undecided()) << clean.confidence;
}

// n^2 against n^2 log n is the same toss-up one power up.
TEST(GrowthFit, SaysWhenNSquaredAndNSquaredLogNCannotBeToldApart) {
  int undecided = 0;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const auto fit = FitGrowth(Points([](double n) { return n * n * 1e-9; }, 0.15, seed));
    EXPECT_TRUE(fit.Allows("n^2")) << fit.Said();
    undecided += fit.Undecided();
  }
  EXPECT_GT(undecided, 0);
}

// A fit that cannot tell `low` from `high`, or a decided one.
GrowthFit Fit(const std::string& low, const std::string& high = "") {
  GrowthFit fit;
  fit.ok = true;
  fit.model = fit.low = low;
  fit.high = high.empty() ? low : high;
  return fit;
}

TEST(GrowthFit, AnUndecidedFitNamesItsSpanLowerFirst) {
  const auto fit = Fit("n", "n log n");
  EXPECT_TRUE(fit.Allows("n"));
  EXPECT_TRUE(fit.Allows("n log n"));
  EXPECT_FALSE(fit.Allows("n^2"));
  EXPECT_EQ(fit.Said(), "n or n log n");
  EXPECT_EQ(BigO(fit), "O(n) or O(n log n)");
  EXPECT_EQ(BigO(Fit("n^2")), "O(n^2)");
  const auto wide = Fit("n", "n^1.5");
  EXPECT_TRUE(wide.Allows("n log n"));
  EXPECT_EQ(BigO(wide), "O(n) to O(n^1.5)");
  EXPECT_EQ(BigO(wide.Said()), "O(n) to O(n^1.5)");  // as the store keeps it
  EXPECT_EQ(BigO(fit.Said()), "O(n) or O(n log n)");
}

// "Like the reference" only when the classes agree; a toss-up against a definite class that it
// includes is neither like nor apart.
TEST(GrowthFit, ComparesClassesNotExponents) {
  EXPECT_EQ(CompareGrowth(Fit("n"), Fit("n")), GrowthComparison::kLike);
  EXPECT_EQ(CompareGrowth(Fit("n", "n log n"), Fit("n", "n log n")), GrowthComparison::kLike);
  EXPECT_EQ(CompareGrowth(Fit("n log n"), Fit("n")), GrowthComparison::kFaster);
  EXPECT_EQ(CompareGrowth(Fit("n"), Fit("n^2")), GrowthComparison::kSlower);
  EXPECT_EQ(CompareGrowth(Fit("n", "n log n"), Fit("n")), GrowthComparison::kUndecided);
  EXPECT_EQ(CompareGrowth(Fit("n^2"), Fit("n", "n log n")), GrowthComparison::kFaster);
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// An exponential search: flat at the harness's cost, then 30x in one doubling. Before, a fixed
// cost and n^3 took it; now no model fits, or too few sizes rose above the fixed cost.
TEST(GrowthFit, AnExponentialFitsNoPolynomial) {
  std::vector<GrowthPoint> jump;
  for (int64_t n = 1; n <= 64; n *= 2) jump.push_back({n, 25.0});
  jump.push_back({128, 800.0});
  const auto fit = FitGrowth(jump);
  EXPECT_FALSE(fit.ok) << BigO(fit);
  std::vector<GrowthPoint> late = jump;
  late.back().time_ms = 60;  // one size above the fixed cost: any model fits it
  const auto one = FitGrowth(late);
  EXPECT_FALSE(one.ok) << BigO(one);
  EXPECT_NE(one.why_not.find("rose above the fixed cost"), std::string::npos) << one.why_not;
}

// A linear pass whose cost per element grows 5x when its data leaves a 1 MB cache: over all
// sizes it reads superlinear; the sizes that fit in the cache say n.
std::vector<GrowthPoint> LinearWithACacheCliff() {
  std::vector<GrowthPoint> points;
  for (int64_t n = 1000; n <= 4'096'000; n *= 2) {
    const long kb = static_cast<long>(n * 4 / 1024);
    const double per_element = kb <= 1024 ? 1e-5 : 5e-5;
    points.push_back({n, 0.01 + per_element * static_cast<double>(n), kb, kb});
  }
  return points;
}

TEST(GrowthFit, TheSizesInTheCacheNameTheLowerClass) {
  const auto all = FitGrowth(LinearWithACacheCliff());
  ASSERT_TRUE(all.ok || all.misfit) << all.why_not;
  EXPECT_FALSE(all.Allows("n")) << "the cliff should bend the whole range: " << BigO(all);
  const auto fit = FitGrowth(LinearWithACacheCliff(), kGrowthFloorMs, "n", 1024);
  ASSERT_TRUE(fit.ok) << fit.why_not;
  EXPECT_TRUE(fit.in_cache);
  EXPECT_TRUE(fit.Allows("n")) << BigO(fit) << " beyond: " << fit.beyond_cache;
}

// Caches only slow large sizes down: an in-cache class above the whole range's is ignored.
TEST(GrowthFit, TheSizesInTheCacheNeverRaiseTheClass) {
  std::vector<GrowthPoint> points = Points([](double n) { return n * 1e-5; });
  for (auto& p : points) p.input_kb = p.size / 1024;
  const auto fit = FitGrowth(points, kGrowthFloorMs, "n", 1 << 20);
  EXPECT_FALSE(fit.in_cache);
  EXPECT_EQ(fit.model, "n");
}

}  // namespace
}  // namespace judge
