// Empirical complexity: fits how running time grows with input size, from (size, time) points
// measured on inputs of growing size. Pure arithmetic, so it is tested on made-up points.
#pragma once

#include <string>
#include <vector>

#include "judge/timing/timing_figures.h"

namespace judge {

struct GrowthFit {
  bool ok = false;
  std::string why_not;  // when !ok: too few sizes to fit, or no model fits them
  double exponent = 0;  // least-squares slope of log(time) against log(size)
  std::string model;    // the best-fitting of the models: "n", "n log n", "n^2", ...
  std::string runner_up;
  // 1 - (best model's squared error / runner-up's): near 0, the two fit alike; near 1, only
  // the best one fits.
  double confidence = 0;
  double fixed_ms = 0;  // the best model's constant term
  size_t points_used = 0;
  // The models the fit cannot tell from the best, as a span of kModels: every model that fits
  // almost as well (confidence under 0.85 against it), and those between. low == high ==
  // model when the fit is decided; "n" to "n log n" when a log factor over the sizes measured
  // is within the noise, and naming either would be a guess.
  std::string low, high;
  // The class comes from the sizes whose data fits in the cache (FitGrowth); the whole range
  // fitted a neighbour above (now `high`), or `beyond_cache` ("O(n^2)", or "no model fits").
  bool in_cache = false;
  std::string beyond_cache;
  bool misfit = false;  // !ok because no model fits, not for want of points

  bool Undecided() const { return ok && low != high; }
  // The model lies in [low, high].
  bool Allows(const std::string& name) const;
  // "n", or "n or n log n" (neighbours), or "n to n^1.5" when undecided.
  std::string Said() const;
};

// How one fit's class compares with another's (a submission's with its reference's, measured
// alike): alike only when they name the same class, or the same two they cannot tell apart.
enum class GrowthComparison {
  kLike,
  kSlower,     // every class the first allows is below every class the second allows
  kFaster,     // ... above
  kUndecided,  // they overlap without agreeing: alike, or a log factor apart
};
GrowthComparison CompareGrowth(const GrowthFit& fit, const GrowthFit& reference);

// Each model is fitted as time = fixed + c * cost(n), fixed >= 0, in relative error, so that
// the fixed costs of small sizes do not bend the shape. Points below `floor_ms` are left out:
// there the timer dominates. A program that reads its whole input is never sublinear, so the
// models start at `lowest` ("n"); "log n" and "sqrt n" are there for what does not. When the
// best fits badly (an exponential), the fit is not ok and says so.
//
// With `cache_kb`, the sizes whose input and added memory both fit in that cache are fitted
// alone: a linear pass whose data outgrows the cache looks superlinear over the whole range.
// When they name a lower class, that is the class; the whole range's is then its neighbour
// (undecided between the two) or reported as what happens beyond the cache.
inline constexpr double kGrowthFloorMs = 0.02;  // the thread's CPU clock reads microseconds
GrowthFit FitGrowth(const std::vector<GrowthPoint>& points, double floor_ms = kGrowthFloorMs,
                    const std::string& lowest = "n", long cache_kb = 0);

// The model's name in the O() notation problems use: "n" -> "O(n)"; an undecided fit's two:
// "O(n) or O(n log n)", "O(n) to O(n^1.5)".
std::string BigO(const GrowthFit& fit);
std::string BigO(const std::string& model);  // also a stored span: "n or n log n"

// "O(n)" -> "n", for comparing with a problem's expected complexity; "" when not a known model.
std::string ModelOfBigO(const std::string& big_o);

}  // namespace judge
