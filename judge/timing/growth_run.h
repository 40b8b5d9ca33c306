// Running a program on one generated test regenerated at growing sizes, for its empirical
// complexity (see growth_fit.h for the fitting).
#pragma once

#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/testset/test_case.h"
#include "judge/timing/timing_figures.h"
#include "judge/timing/timing_run.h"

namespace judge {

struct SizedTest {
  int64_t size = 0;
  TestCase test;
};

// The problem's growth test at sizes 2^-k of its own (k = kGrowthSteps - 1 .. 0), ascending,
// each kGrowthRepeats times. Scaled params keep their proportions and stay at least 1.
inline constexpr int kGrowthSteps = 10;
inline constexpr int kGrowthRepeats = 3;
bool MakeGrowthTests(const Problem& problem, const std::vector<TestCase>& tests,
                     std::vector<SizedTest>* out, std::string* err);

// One point per size the program finished: the median of its repeats. Sizes past a failure
// (typically the time limit) are not run.
bool MeasureGrowth(const Problem& problem, const std::vector<SizedTest>& sized, const Timed& side,
                   Sandbox& sandbox, std::vector<GrowthPoint>* out, std::string* err);

}  // namespace judge
