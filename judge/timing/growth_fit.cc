#include "judge/timing/growth_fit.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "judge/format_number.h"

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

// Under this confidence, two models are a toss-up. On made-up points with 10% noise over 4096x
// of sizes, 0.7 named the wrong one of n and n log n 1 time in 400, 0.85 never in 1600; a
// Python bucket pass measured here read n log n at 0.75.
constexpr double kDecisive = 0.85;
// Over this root-mean-square relative error, or with one point this far off, no model fits (an
// exponential, say, whose last size jumps 30x).
constexpr double kMisfit = 0.35, kWorstMisfit = 0.6;
// A size has risen above the fitted fixed cost when its time is this many times that cost.
constexpr double kRisen = 1.25;
// The in-cache sizes decide the class only when there are this many of them to fit.
constexpr size_t kInCachePoints = 5;

// time ~ fixed + scale * cost, in relative error (weights 1 / time^2), with fixed >= 0 and
// scale > 0; returns the weighted squared error.
struct Line {
  double fixed = 0, scale = 0, error = 0;
  double worst = 0;  // the largest relative error of one point
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
  for (size_t i = 0; i < cost.size(); ++i) {
    const double off = (time[i] - line.fixed - line.scale * cost[i]) / time[i];
    line.error += off * off;
    line.worst = std::max(line.worst, std::fabs(off));
  }
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

// The position of a model in kModels (its order of growth); -1 when unknown.
int Rank(const std::string& name) {
  for (size_t i = 0; i < std::size(kModels); ++i)
    if (name == kModels[i].name) return static_cast<int>(i);
  return -1;
}

// The lowest and highest rank a fit allows.
std::pair<int, int> Span(const GrowthFit& fit) { return {Rank(fit.low), Rank(fit.high)}; }

}  // namespace

bool GrowthFit::Allows(const std::string& name) const {
  const int rank = Rank(name);
  return ok && rank >= 0 && Rank(low) <= rank && rank <= Rank(high);
}

std::string GrowthFit::Said() const {
  if (!Undecided()) return model;
  return low + (Rank(high) == Rank(low) + 1 ? " or " : " to ") + high;
}

GrowthComparison CompareGrowth(const GrowthFit& fit, const GrowthFit& reference) {
  const auto [low, high] = Span(fit);
  const auto [reference_low, reference_high] = Span(reference);
  if (low == reference_low && high == reference_high) return GrowthComparison::kLike;
  if (high < reference_low) return GrowthComparison::kSlower;
  if (low > reference_high) return GrowthComparison::kFaster;
  return GrowthComparison::kUndecided;
}

namespace {

// The models fitted to the points above the floor, as FitGrowth describes, without the cache.
GrowthFit FitModels(const std::vector<GrowthPoint>& points, double floor_ms,
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
                  " above " + FormatNumber("%.2f", floor_ms) + " ms, need 3 spanning 4x)";
    return fit;
  }
  std::vector<double> times;
  for (double y : ys) times.push_back(std::exp(y));
  std::vector<double> errors(std::size(kModels), std::numeric_limits<double>::infinity());
  double best = errors[0], second = best, worst = 0;
  for (int i = std::max(0, Rank(lowest)); i < static_cast<int>(std::size(kModels)); ++i) {
    std::vector<double> cost;
    for (double x : xs) cost.push_back(std::exp(kModels[i].log_cost(x)));
    const Line line = FitLine(cost, times);
    errors[i] = line.error;
    if (line.error < best) {
      second = best;
      fit.runner_up = fit.model;
      best = line.error;
      worst = line.worst;
      fit.model = kModels[i].name;
      fit.fixed_ms = line.fixed;
    } else if (line.error < second) {
      second = line.error;
      fit.runner_up = kModels[i].name;
    }
  }
  // Every model that fits almost as well as the best (its error under best / (1 - kDecisive))
  // is as likely: the fit allows all of them, and whatever lies between.
  int low = Rank(fit.model), high = low;
  for (int i = 0; i < static_cast<int>(errors.size()); ++i)
    if (errors[i] * (1 - kDecisive) <= best) low = std::min(low, i), high = std::max(high, i);
  fit.low = kModels[low].name;
  fit.high = kModels[high].name;
  // A fixed cost fits any one size that rises above it: the shape needs three that do.
  std::vector<double> risen;
  for (size_t i = 0; i < xs.size(); ++i)
    if (times[i] >= kRisen * fit.fixed_ms) risen.push_back(xs[i]);
  if (risen.size() < 3 || risen.back() - risen.front() < std::log(4.0)) {
    fit.why_not = "too few sizes rose above the fixed cost of " +
                  FormatNumber("%.2f", fit.fixed_ms) + " ms (" + std::to_string(risen.size()) +
                  ", need 3 spanning 4x)";
    return fit;
  }
  const double misfit = std::sqrt(best / static_cast<double>(xs.size()));
  if (misfit > kMisfit || worst > kWorstMisfit) {
    fit.misfit = true;
    fit.why_not = "no model fits: the closest, " + BigO(fit.model) + ", is off by " +
                  FormatNumber("%.0f", 100 * misfit) + "% on average and " +
                  FormatNumber("%.0f", 100 * worst) +
                  "% at worst (it grows faster than any of them, or erratically)";
    return fit;
  }
  // The exponent stays the plain log-log slope: taking the fitted fixed cost off steepened
  // curves that caches or a loaded machine bend upwards (1.26 read as 1.54 under load).
  fit.exponent = Slope(xs, ys);
  fit.confidence = second > 0 ? 1 - best / second : 0;
  fit.ok = true;
  return fit;
}

}  // namespace

GrowthFit FitGrowth(const std::vector<GrowthPoint>& points, double floor_ms,
                    const std::string& lowest, long cache_kb) {
  const GrowthFit all = FitModels(points, floor_ms, lowest);
  if ((!all.ok && !all.misfit) || cache_kb <= 0 || points.empty()) return all;
  // The sizes whose data fits in the cache: their input, or their memory over the smallest
  // size's (the harness's own), whichever is larger.
  std::vector<GrowthPoint> inside;
  for (const auto& p : points)
    if (std::max(p.input_kb, p.memory_kb - points.front().memory_kb) <= cache_kb)
      inside.push_back(p);
  GrowthFit fit = FitModels(inside, floor_ms, lowest);
  if (!fit.ok || fit.points_used < kInCachePoints) return all;
  const auto [low, high] = Span(fit);
  // Caches only ever slow the large sizes down: an in-cache span that does not start below
  // the whole range's is the small sizes' noise.
  if (all.ok && Rank(all.low) <= low) return all;
  fit.in_cache = true;
  fit.exponent = all.exponent;
  fit.points_used = all.points_used;
  if (!all.ok) {
    fit.beyond_cache = "no model fits";
  } else if (Rank(all.low) <= high + 1) {  // the next step may be the algorithm's, seen late
    fit.high = kModels[std::max(high, Rank(all.low))].name;
  } else {
    fit.beyond_cache = BigO(all);
  }
  return fit;
}

std::string BigO(const std::string& model) {
  for (const char* joint : {" or ", " to "})  // a span as Said() writes it
    if (const size_t at = model.find(joint); at != std::string::npos)
      return BigO(model.substr(0, at)) + joint + BigO(model.substr(at + 4));
  return "O(" + model + ")";
}

std::string BigO(const GrowthFit& fit) { return BigO(fit.Said()); }

std::string ModelOfBigO(const std::string& big_o) {
  std::string inner = big_o;
  if (inner.rfind("O(", 0) == 0 && inner.back() == ')') inner = inner.substr(2, inner.size() - 3);
  for (const auto& model : kModels)
    if (inner == model.name) return inner;
  return "";
}

}  // namespace judge
