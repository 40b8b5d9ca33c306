#include "judge/report/log_scale.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace judge {
namespace {

constexpr double kSteps[] = {1, 2, 5};

// The largest 1-2-5 value <= v, or the smallest >= v.
double StepBelow(double v) {
  const double decade = std::pow(10.0, std::floor(std::log10(v) + 1e-9));
  double best = decade;
  for (double s : kSteps)
    if (s * decade <= v * (1 + 1e-9)) best = s * decade;
  return best;
}

double StepAbove(double v) {
  const double decade = std::pow(10.0, std::floor(std::log10(v) - 1e-9));
  for (double s : kSteps)
    if (s * decade >= v * (1 - 1e-9)) return s * decade;
  return 10 * decade;
}

}  // namespace

double LogScale::Pixel(double value) const {
  const double f = (std::log10(value) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
  return pixel_lo + f * (pixel_hi - pixel_lo);
}

bool LogScale::Contains(double value) const {
  return value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9);
}

std::vector<double> LogScale::Ticks() const {
  const bool fine = std::log10(hi / lo) < 2;
  std::vector<double> ticks;
  const int first = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
  const int last = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
  for (int k = first; k <= last; ++k) {
    const double decade = std::pow(10.0, k);
    for (double s : kSteps) {
      if (!fine && s != 1) continue;
      if (Contains(s * decade)) ticks.push_back(s * decade);
    }
  }
  return ticks;
}

LogScale FitLogScale(const std::vector<double>& values, double pixel_lo, double pixel_hi) {
  LogScale scale;
  scale.pixel_lo = pixel_lo;
  scale.pixel_hi = pixel_hi;
  double lo = 0, hi = 0;
  for (double v : values) {
    if (!(v > 0) || !std::isfinite(v)) continue;
    lo = lo == 0 ? v : std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo == 0) return scale;
  scale.lo = StepBelow(lo);
  scale.hi = StepAbove(hi);
  if (scale.hi <= scale.lo * 1.000001) scale.hi = StepAbove(scale.lo * 1.5);
  return scale;
}

std::string SizeLabel(double value) {
  struct Suffix {
    double size;
    const char* name;
  };
  constexpr Suffix kSuffixes[] = {{1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
  char text[32];
  for (const auto& s : kSuffixes) {
    if (value >= s.size) {
      std::snprintf(text, sizeof text, "%g%s", value / s.size, s.name);
      return text;
    }
  }
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string NumberLabel(double value) {
  if (value >= 1e5) return SizeLabel(value);
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace judge
