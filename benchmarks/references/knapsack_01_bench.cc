// knapsack-01: the reference's 1-D DP (capacity downwards, one row of capacity + 1 ints) against
// the textbook 2-D table of (n + 1) x (capacity + 1) ints, at a size where the table still fits
// in memory: n = 1000, capacity = 10^4 (40 MB), the items drawn as the judge's tests draw them.
#include "benchmarks/references/reference_ratios.h"

namespace knapsack_01 {
using namespace std;
#include "solutions/knapsack-01/reference.cpp"
}  // namespace knapsack_01

namespace {

constexpr int kItems = 1000, kCapacity = 10'000;

struct Items {
  std::vector<int> weights, values;
};

const Items& Input() {  // knapsack_items' draw order: weight then value, item by item
  static const Items items = [] {
    judge::SplitMix64 rng(41);
    Items out;
    for (int i = 0; i < kItems; ++i) {
      out.weights.push_back(static_cast<int>(rng.Uniform(1, kCapacity)));
      out.values.push_back(static_cast<int>(rng.Uniform(0, 1'000'000)));
    }
    return out;
  }();
  return items;
}

void BM_Knapsack01_Reference1D(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto items = Input();  // a fresh copy for both sides, outside the timing
    state.ResumeTiming();
    benchmark::DoNotOptimize(
        knapsack_01::Solution().knapsack01(kCapacity, items.weights, items.values));
  }
}

void BM_Knapsack01_Table2D(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto items = Input();
    state.ResumeTiming();
    const auto& w = items.weights;
    const auto& v = items.values;
    std::vector<std::vector<int>> dp(kItems + 1, std::vector<int>(kCapacity + 1, 0));
    for (int i = 1; i <= kItems; ++i)
      for (int c = 0; c <= kCapacity; ++c) {
        dp[i][c] = dp[i - 1][c];
        if (w[i - 1] <= c) dp[i][c] = std::max(dp[i][c], dp[i - 1][c - w[i - 1]] + v[i - 1]);
      }
    benchmark::DoNotOptimize(dp[kItems][kCapacity]);
  }
}

BENCHMARK(BM_Knapsack01_Reference1D)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Knapsack01_Table2D)->Unit(benchmark::kMillisecond);
const judge::bench::RegisterReferenceRatio kRatio("knapsack-01: reference 1-D / 2-D table",
                                                  "BM_Knapsack01_Reference1D",
                                                  "BM_Knapsack01_Table2D", 1.0);

}  // namespace
