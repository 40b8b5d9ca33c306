// maximum-gap: the reference's pigeonhole buckets (grouped by one radix pass, then filled a
// cache-sized run at a time), O(n), against the obvious O(n log n) way with the standard
// library: std::sort, then one scan of neighbours.
#include "benchmarks/references/reference_ratios.h"

namespace maximum_gap {
using namespace std;
#include "solutions/maximum-gap/reference.cpp"
}  // namespace maximum_gap

namespace {

const std::vector<int>& Input() {  // as the largest judged test: 10^6 values in 0..10^9
  static const auto nums = judge::bench::RandomInts(1'000'000, 0, 1'000'000'000, 21);
  return nums;
}

void BM_MaximumGap_Reference(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto nums = Input();  // a fresh copy for both sides, outside the timing
    state.ResumeTiming();
    benchmark::DoNotOptimize(maximum_gap::Solution().maximumGap(nums));
  }
}

void BM_MaximumGap_StdSort(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto nums = Input();
    state.ResumeTiming();
    std::sort(nums.begin(), nums.end());
    int gap = 0;
    for (size_t i = 1; i < nums.size(); ++i) gap = std::max(gap, nums[i] - nums[i - 1]);
    benchmark::DoNotOptimize(gap);
  }
}

BENCHMARK(BM_MaximumGap_Reference)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MaximumGap_StdSort)->Unit(benchmark::kMillisecond);
const judge::bench::RegisterReferenceRatio kRatio("maximum-gap: reference / std::sort + scan",
                                                  "BM_MaximumGap_Reference",
                                                  "BM_MaximumGap_StdSort", 0.33);

}  // namespace
