// Summaries of repeated timings, shared by runners and the judge side.
#pragma once

#include <vector>

namespace judge::gpu {

struct TimingSummary {
  double median = 0;
  double min = 0;
  double max = 0;
  double spread = 0;  // (p90 - p10) / median: how noisy the repetitions were
  int repetitions = 0;
};

// Summarises `seconds` (non-empty).
TimingSummary Summarise(std::vector<double> seconds);

// Geometric mean of positive values; 0 when `values` is empty.
double GeometricMean(const std::vector<double>& values);

}  // namespace judge::gpu
