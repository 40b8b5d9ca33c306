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

// time ~ fixed + scale * cost, in relative error (weights 1 / time^2), with fixed >= 0 and
// scale > 0; returns the weighted squared error.
struct Line {
  double fixed = 0, scale = 0, error = 0;
};

Line FitLine(const std::vector<double>& cost, const std::vector<double>& time) {
  double sw = 0, sc = 0, st = 0, scc = 0, sct = 0;
  for (size_t i = 0; i < cost.size(); ++i) {
    const double w = 1 / (time[i] * time[i]);
    sw += w, sc += w * cost[i], st += w * time[i], scc += w * cost[i] * cost[i];
    sct += w * cost[i] * time[i];
  }
  Line line;
  const double det = sw * scc - sc * sc;
  if (det > 0) {
    line.fixed = (st * scc - sc * sct) / det;
    line.scale = (sw * sct - sc * st) / det;
  }
  if (det <= 0 || line.fixed < 0 || line.scale <= 0) {  // through the origin instead
    line.fixed = 0;
    line.scale = sct / scc;
  }
  for (size_t i = 0; i < cost.size(); ++i)
    line.error += std::pow((time[i] - line.fixed - line.scale * cost[i]) / time[i], 2);
  return line;
}

// The least-squares slope of ys against xs.
double Slope(const std::vector<double>& xs, const std::vector<double>& ys) {
  const double n = static_cast<double>(xs.size());
  double mx = 0, my = 0;
  for (size_t i = 0; i < xs.size(); ++i) mx += xs[i] / n, my += ys[i] / n;
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < xs.size(); ++i)
    sxy += (xs[i] - mx) * (ys[i] - my), sxx += (xs[i] - mx) * (xs[i] - mx);
  return sxx > 0 ? sxy / sxx : 0;
}

}  // namespace

bool GrowthFit::CannotTellNFromNLogN() const {
  const bool pair =
      (model == "n" && runner_up == "n log n") || (model == "n log n" && runner_up == "n");
  return ok && pair && confidence < 0.5;
}

GrowthFit FitGrowth(const std::vector<GrowthPoint>& points, double floor_ms,
                    const std::string& lowest) {
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
  std::vector<double> times;
  for (double y : ys) times.push_back(std::exp(y));
  double best = std::numeric_limits<double>::infinity(), second = best;
  bool started = false;
  for (const auto& model : kModels) {
    started = started || lowest == model.name;
    if (!started) continue;
    std::vector<double> cost;
    for (double x : xs) cost.push_back(std::exp(model.log_cost(x)));
    const Line line = FitLine(cost, times);
    if (line.error < best) {
      second = best;
      fit.runner_up = fit.model;
      best = line.error;
      fit.model = model.name;
      fit.fixed_ms = line.fixed;
    } else if (line.error < second) {
      second = line.error;
      fit.runner_up = model.name;
    }
  }
  // The exponent stays the plain log-log slope: taking the fitted fixed cost off steepened
  // curves that caches or a loaded machine bend upwards (1.26 read as 1.54 under load).
  fit.exponent = Slope(xs, ys);
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
