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
  std::string model;    // the best-fitting of the models: "n", "n log n", "n^2", ...
  std::string runner_up;
  // 1 - (best model's squared error / runner-up's): near 0, the two fit alike; near 1, only
  // the best one fits.
  double confidence = 0;
  double fixed_ms = 0;  // the best model's constant term
  size_t points_used = 0;

  // The best and the runner-up are n and n log n, and they fit almost alike: a log factor over
  // the sizes measured is within the noise, and saying either would be a guess.
  bool CannotTellNFromNLogN() const;
};

// Each model is fitted as time = fixed + c * cost(n), fixed >= 0, in relative error, so that
// the fixed costs of small sizes do not bend the shape. Points below `floor_ms` are left out:
// there the timer dominates. A program that reads its whole input is never sublinear, so the
// models start at `lowest` ("n"); "log n" and "sqrt n" are there for what does not.
GrowthFit FitGrowth(const std::vector<GrowthPoint>& points, double floor_ms = 0.3,
                    const std::string& lowest = "n");

// The model's name in the O() notation problems use: "n" -> "O(n)".
std::string BigO(const std::string& model);

// "O(n)" -> "n", for comparing with a problem's expected complexity; "" when not a known model.
std::string ModelOfBigO(const std::string& big_o);

}  // namespace judge
