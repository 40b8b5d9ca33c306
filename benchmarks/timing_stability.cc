// The leaderboard's promise: judging the same submission five times in a row gives ratios to the
// reference within 10% of each other (max / min < 1.10). Each judged run is a full `--bench`
// timing run: the performance group repeated, interleaved with the reference, medians taken.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>

#include "judge/problem/problem.h"
#include "judge/run/judge.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/timing/submission_timing.h"

namespace judge {
namespace {

constexpr int kJudgedRuns = 5;
constexpr double kTargetSpread = 1.10;

void BM_TimingRatioSpreadOverFiveRuns(benchmark::State& state) {
  Workspace workspace;
  Problem problem;
  std::string err;
  if (!FindWorkspace("", &workspace, &err) ||
      !LoadProblem(workspace.problems() / "maximum-gap", &problem, &err)) {
    state.SkipWithError(err.c_str());
    return;
  }
  const auto source = workspace.solutions() / "maximum-gap" / "accepted" / "sort_then_scan.cpp";
  LocalSandbox sandbox;
  for (auto _ : state) {
    std::vector<double> ratios;
    for (int run = 0; run < kJudgedRuns; ++run) {
      Judgement judgement;
      SubmissionTiming bench;
      JudgeOptions options;
      options.only_groups = {"performance"};
      if (!JudgeSubmission(workspace, problem, source, options, sandbox, &judgement, &err) ||
          !TimeSubmission(workspace, problem, judgement, {5, false}, sandbox, &bench, &err) ||
          !bench.timing) {
        state.SkipWithError(("timing run failed: " + err + bench.timing_note).c_str());
        return;
      }
      ratios.push_back(bench.timing->ratio);
    }
    const double spread = *std::max_element(ratios.begin(), ratios.end()) /
                          *std::min_element(ratios.begin(), ratios.end());
    state.counters["ratio_spread"] = spread;
    char label[160];
    std::snprintf(
        label, sizeof label,
        "sort_then_scan.cpp / reference.cpp: ratios %.3f..%.3f, max/min %.3f (target < %.2f: %s)",
        *std::min_element(ratios.begin(), ratios.end()),
        *std::max_element(ratios.begin(), ratios.end()), spread, kTargetSpread,
        spread < kTargetSpread ? "met" : "MISSED");
    state.SetLabel(label);
  }
}

BENCHMARK(BM_TimingRatioSpreadOverFiveRuns)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace judge
