#include "gpu/harness/stats.h"

#include <algorithm>
#include <cmath>

namespace judge::gpu {
namespace {

// The p-quantile of sorted values, interpolating between neighbours.
double Quantile(const std::vector<double>& sorted, double p) {
  const double position = p * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(position);
  const size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - static_cast<double>(below));
}

}  // namespace

TimingSummary Summarise(std::vector<double> seconds) {
  TimingSummary summary;
  if (seconds.empty()) return summary;
  std::sort(seconds.begin(), seconds.end());
  summary.repetitions = static_cast<int>(seconds.size());
  summary.median = Quantile(seconds, 0.5);
  summary.min = seconds.front();
  summary.max = seconds.back();
  if (summary.median > 0)
    summary.spread = (Quantile(seconds, 0.9) - Quantile(seconds, 0.1)) / summary.median;
  return summary;
}

double GeometricMean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double log_sum = 0;
  for (double value : values) log_sum += std::log(value);
  return std::exp(log_sum / static_cast<double>(values.size()));
}

}  // namespace judge::gpu
