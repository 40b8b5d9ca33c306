// Running a program on one generated test regenerated at growing sizes, for its empirical
// complexity (see growth_fit.h for the fitting).
#pragma once

#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/testset/test_case.h"
#include "judge/timing/growth_fit.h"
#include "judge/timing/timing_figures.h"
#include "judge/timing/timing_run.h"

namespace judge {

// One size of the growth test, with one input per pass, each from its own seed: a point is
// the fastest over three inputs, not three runs of one input's luck.
struct SizedTest {
  int64_t size = 0;
  long input_kb = 0;  // of one input, as text
  std::vector<TestCase> passes;
};

// The problem's growth test at sizes 2^-k of its own (k = kGrowthSteps - 1 .. 0), ascending.
// Scaled params keep their proportions and stay at least 1.
inline constexpr int kGrowthSteps = 13;
inline constexpr int kGrowthPasses = 3;
bool MakeGrowthTests(const Problem& problem, const std::vector<TestCase>& tests,
                     std::vector<SizedTest>* out, std::string* err);

// A size that takes longer than this ends the growth: the sizes below already span the range
// the fit needs, and the next would cost four times as much for a too slow submission.
inline constexpr double kGrowthBudgetMs = 500;

// One point per size the program finished in every pass: its fastest time (load only ever adds
// time) and its largest peak memory. Passes alternate over the sizes, ascending, so that a spell
// of load slows one pass of a size, not all of them; a pass stops at the first size that fails
// (typically the time limit) or passes kGrowthBudgetMs, and later passes stop there too.
bool MeasureGrowth(const Problem& problem, const std::vector<SizedTest>& sized, const Timed& side,
                   Sandbox& sandbox, std::vector<GrowthPoint>* out, std::string* err);

// The fit `--bench` reports on measured points: FitGrowth with the size of one core's level 2
// cache (512 KB when the machine does not say).
GrowthFit FitMeasuredGrowth(const std::vector<GrowthPoint>& points);

}  // namespace judge
