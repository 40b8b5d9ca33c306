// The ratio of a submission's time to the reference's on the performance group: repeated,
// interleaved (reference, submission, reference, ...) so that drift in the machine's speed
// touches both alike, until each side's fastest pass is matched by another (TIMING.md).
#pragma once

#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/run/execution.h"
#include "judge/sandbox/sandbox.h"
#include "judge/timing/timing_figures.h"

namespace judge {

// A built program and the limits it runs under.
struct Timed {
  Program program;
  ExecutionLimits limits;
};

// At least `repetitions` passes, at most four times as many. Sets *note (and leaves *out unset)
// when a side fails a test while being timed, or when no steady figure came out.
bool MeasureTiming(const Problem& problem, const std::vector<const TestCase*>& tests,
                   const Timed& submission, const Timed& reference, int repetitions,
                   Sandbox& sandbox, TimingFigures* out, std::string* note, std::string* err);

double Median(std::vector<double> values);

}  // namespace judge
