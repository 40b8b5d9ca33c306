#include "judge/timing/growth_fit.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace judge {
namespace {

struct Model {
  const char* name;
  double (*log_cost)(double log_n);  // log of the model's cost at n = e^log_n
};

// Candidates in order of growth. Constant factors do not matter: each model's constant is
// fitted, and what is compared is how well the shape fits.
const Model kModels[] = {
    {"log n", [](double l) { return std::log(l); }},
    {"sqrt n", [](double l) { return 0.5 * l; }},
    {"n", [](double l) { return l; }},
    {"n log n", [](double l) { return l + std::log(l); }},
    {"n^1.5", [](double l) { return 1.5 * l; }},
    {"n^2", [](double l) { return 2 * l; }},
    {"n^2 log n", [](double l) { return 2 * l + std::log(l); }},
    {"n^3", [](double l) { return 3 * l; }},
};

}  // namespace

GrowthFit FitGrowth(const std::vector<GrowthPoint>& points, double floor_ms) {
  GrowthFit fit;
  std::vector<double> xs, ys;
  for (const auto& p : points)
    if (p.time_ms >= floor_ms && p.size > 1) {
      xs.push_back(std::log(static_cast<double>(p.size)));
      ys.push_back(std::log(p.time_ms));
    }
  fit.points_used = xs.size();
  const double span = xs.empty() ? 0
                                 : *std::max_element(xs.begin(), xs.end()) -
                                       *std::min_element(xs.begin(), xs.end());
  if (xs.size() < 3 || span < std::log(4.0)) {
    fit.why_not = "too few sizes ran long enough to time (" + std::to_string(xs.size()) +
                  " above " + std::to_string(floor_ms).substr(0, 4) + " ms, need 3 spanning 4x)";
    return fit;
  }
  const double n = static_cast<double>(xs.size());
  double mx = 0, my = 0;
  for (size_t i = 0; i < xs.size(); ++i) mx += xs[i] / n, my += ys[i] / n;
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < xs.size(); ++i)
    sxy += (xs[i] - mx) * (ys[i] - my), sxx += (xs[i] - mx) * (xs[i] - mx);
  fit.exponent = sxy / sxx;

  // Each model's error: the variance of log(time) - log(cost), its fitted constant removed.
  double best = std::numeric_limits<double>::infinity(), second = best;
  for (const auto& model : kModels) {
    double mean = 0;
    for (size_t i = 0; i < xs.size(); ++i) mean += (ys[i] - model.log_cost(xs[i])) / n;
    double error = 0;
    for (size_t i = 0; i < xs.size(); ++i)
      error += std::pow(ys[i] - model.log_cost(xs[i]) - mean, 2);
    if (error < best) {
      second = best;
      fit.runner_up = fit.model;
      best = error;
      fit.model = model.name;
    } else if (error < second) {
      second = error;
      fit.runner_up = model.name;
    }
  }
  fit.confidence = second > 0 ? 1 - best / second : 0;
  fit.ok = true;
  return fit;
}

std::string BigO(const std::string& model) { return "O(" + model + ")"; }

std::string ModelOfBigO(const std::string& big_o) {
  std::string inner = big_o;
  if (inner.rfind("O(", 0) == 0 && inner.back() == ')') inner = inner.substr(2, inner.size() - 3);
  for (const auto& model : kModels)
    if (inner == model.name) return inner;
  return "";
}

}  // namespace judge
