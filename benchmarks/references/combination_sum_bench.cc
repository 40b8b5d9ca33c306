// combination-sum: the reference (sorted candidates, loop broken at the first one too large)
// against the same backtracking without the sort and the break, which skips a too-large
// candidate with `continue` and so scans every remaining candidate at each step: the judged
// submission time_limit_exceeded/unpruned_backtracking.cpp, restated here with size_t indices so
// that the benchmark builds without warnings.
#include "benchmarks/references/reference_ratios.h"

namespace combination_sum {
using namespace std;
#include "solutions/combination-sum/reference.cpp"
}  // namespace combination_sum

namespace combination_sum_unpruned {

class Solution {
 public:
  std::vector<std::vector<int>> combinationSum(std::vector<int>& candidates, int target) {
    Extend(candidates, 0, target);
    return result_;
  }

 private:
  void Extend(const std::vector<int>& candidates, size_t start, int remaining) {
    if (remaining == 0) {
      result_.push_back(path_);
      return;
    }
    for (size_t i = start; i < candidates.size(); ++i) {
      if (candidates[i] > remaining) continue;  // no sort, so no break
      path_.push_back(candidates[i]);
      Extend(candidates, i, remaining - candidates[i]);
      path_.pop_back();
    }
  }

  std::vector<std::vector<int>> result_;
  std::vector<int> path_;
};

}  // namespace combination_sum_unpruned

namespace {

// The candidates of the judged test 5e5-mostly-too-big-target-100 (int_array "distinct":
// 5 * 10^5 values in 2..1000000, seed 34; about 50 of them are at most 100), with target 60
// instead of 100 so that one unpruned run takes about a second rather than half a minute.
const std::vector<int>& Candidates() {
  static const std::vector<int> candidates = [] {
    judge::SplitMix64 rng(34);
    std::unordered_set<int> seen;
    std::vector<int> values;
    while (values.size() < 500'000) {
      const int v = static_cast<int>(rng.Uniform(2, 1'000'000));
      if (seen.insert(v).second) values.push_back(v);
    }
    return values;
  }();
  return candidates;
}
constexpr int kTarget = 60;

template <class Solution>
void Run(benchmark::State& state) {
  size_t combinations = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto candidates = Candidates();  // a fresh, unsorted copy for both sides, outside the timing
    state.ResumeTiming();
    combinations = Solution().combinationSum(candidates, kTarget).size();
    benchmark::DoNotOptimize(combinations);
  }
  state.counters["combinations"] = static_cast<double>(combinations);
}

void BM_CombinationSum_Reference(benchmark::State& state) { Run<combination_sum::Solution>(state); }
void BM_CombinationSum_Unpruned(benchmark::State& state) {
  Run<combination_sum_unpruned::Solution>(state);
}

BENCHMARK(BM_CombinationSum_Reference)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CombinationSum_Unpruned)->Unit(benchmark::kMillisecond)->Iterations(1);
const judge::bench::RegisterReferenceRatio kRatio(
    "combination-sum: reference / unpruned backtracking", "BM_CombinationSum_Reference",
    "BM_CombinationSum_Unpruned", 1.0);

}  // namespace
