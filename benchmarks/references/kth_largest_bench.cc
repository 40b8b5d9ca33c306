// kth-largest: the reference's quickselect (pivots from a random sample, a branch-free two-way
// partition) against the standard library's selection, std::nth_element (introselect), on the
// same input.
#include "benchmarks/references/reference_ratios.h"

namespace kth_largest {
using namespace std;
#include "solutions/kth-largest/reference.cpp"
}  // namespace kth_largest

namespace {

constexpr int kN = 1'000'000;
constexpr int kK = kN / 2;  // the median: the most work for both

// 10^6 values over the whole int range, as performance/random-1e6 (there k = 10^5).
const std::vector<int>& Input() {
  static const auto nums = judge::bench::RandomInts(kN, INT_MIN, INT_MAX, 21);
  return nums;
}

void BM_KthLargest_Reference(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto nums = Input();  // a fresh copy for both sides, outside the timing
    state.ResumeTiming();
    benchmark::DoNotOptimize(kth_largest::Solution().findKthLargest(nums, kK));
  }
}

void BM_KthLargest_StdNthElement(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto nums = Input();
    state.ResumeTiming();
    std::nth_element(nums.begin(), nums.begin() + (kN - kK), nums.end());
    benchmark::DoNotOptimize(nums[kN - kK]);
  }
}

BENCHMARK(BM_KthLargest_Reference)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KthLargest_StdNthElement)->Unit(benchmark::kMillisecond);
const judge::bench::RegisterReferenceRatio kRatio("kth-largest: reference / std::nth_element",
                                                  "BM_KthLargest_Reference",
                                                  "BM_KthLargest_StdNthElement", 0.8);

}  // namespace
