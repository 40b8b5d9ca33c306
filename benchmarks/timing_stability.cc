// The leaderboard's promise: judging the same submission five times in a row gives ratios to the
// reference within 10% of each other (max / min <= 1.10), on a quiet machine and with another
// CPU-bound process running (argument 1: the benchmark starts one). Each judged run is a full
// `--bench` timing run (judge/timing/TIMING.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>

#include "benchmarks/competing_load.h"
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
  const bench::CompetingLoad load(state.range(0) == 1);
  for (auto _ : state) {
    std::vector<double> ratios;
    int unsteady = 0;  // judgements that said "no steady figure" instead of giving one
    for (int run = 0; run < kJudgedRuns; ++run) {
      Judgement judgement;
      SubmissionTiming bench;
      JudgeOptions options;
      options.only_groups = {"performance"};
      if (!JudgeSubmission(workspace, problem, source, options, sandbox, &judgement, &err) ||
          !TimeSubmission(workspace, problem, judgement, {5, false}, sandbox, &bench, &err)) {
        state.SkipWithError(("timing run failed: " + err).c_str());
        return;
      }
      if (bench.timing) {
        ratios.push_back(bench.timing->ratio);
      } else if (bench.timing_note.starts_with("no steady figure")) {
        ++unsteady;
      } else {
        state.SkipWithError(("timing run failed: " + bench.timing_note).c_str());
        return;
      }
    }
    if (ratios.empty()) {
      state.SkipWithError("no judgement gave a steady figure");
      return;
    }
    const double lowest = *std::min_element(ratios.begin(), ratios.end());
    const double highest = *std::max_element(ratios.begin(), ratios.end());
    const double spread = highest / lowest;
    state.counters["ratio_spread"] = spread;
    state.counters["unsteady"] = unsteady;
    char label[200];
    std::snprintf(label, sizeof label,
                  "sort_then_scan.cpp / reference.cpp: ratios %.3f..%.3f, max/min %.3f (target "
                  "<= %.2f: %s), %d of %d without a steady figure",
                  lowest, highest, spread, kTargetSpread,
                  spread <= kTargetSpread ? "met" : "MISSED", unsteady, kJudgedRuns);
    state.SetLabel(label);
  }
}

BENCHMARK(BM_TimingRatioSpreadOverFiveRuns)
    ->ArgName("competing_load")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

}  // namespace
}  // namespace judge
