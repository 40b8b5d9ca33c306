// Empirical complexity: fits how running time grows with input size, from (size, time) points
// measured on inputs of growing size. Pure arithmetic, so it is tested on made-up points.
#pragma once

#include <string>
#include <vector>

#include "judge/timing/timing_figures.h"

namespace judge {

struct GrowthFit {
  bool ok = false;
  std::string why_not;  // when !ok: too few points above the timer's noise floor
  double exponent = 0;  // least-squares slope of log(time) against log(size)
  std::string model;    // the best-fitting of kGrowthModels: "n", "n log n", "n^2", ...
  std::string runner_up;
  // 1 - (best model's squared error / runner-up's): near 0, the two fit alike; near 1, only
  // the best one fits.
  double confidence = 0;
  size_t points_used = 0;
};

// Points below `floor_ms` are left out: there the timer and the call's fixed costs dominate.
GrowthFit FitGrowth(const std::vector<GrowthPoint>& points, double floor_ms = 0.3);

// The model's name in the O() notation problems use: "n" -> "O(n)".
std::string BigO(const std::string& model);

// "O(n)" -> "n", for comparing with a problem's expected complexity; "" when not a known model.
std::string ModelOfBigO(const std::string& big_o);

}  // namespace judge
