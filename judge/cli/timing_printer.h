// The timing figures of a `judge run --bench`, as a person reads them (the JSON form sits beside
// SubmissionTiming).
#pragma once

#include <cstdio>
#include <optional>

#include "judge/cli/terminal.h"
#include "judge/problem/problem.h"
#include "judge/timing/submission_timing.h"

namespace judge::cli {

// `faster_than` is the percentage of accepted entries this run beats, when known.
void PrintTiming(const Problem& problem, const SubmissionTiming& timing,
                 std::optional<double> faster_than, const Terminal& terminal, FILE* out);

// "n log n, fairly sure (0.74; n fits 3.8x worse)": what the fit says and how sure it is.
std::string DescribeFit(const GrowthFit& fit);

}  // namespace judge::cli
