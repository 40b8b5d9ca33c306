// A logarithmic scale for the report's plots: running time against input size, and ratios to
// the reference, span orders of magnitude, so each decade gets the same width on screen (a
// point at 10x the size lands one decade to the right, whatever the sizes are).
#pragma once

#include <string>
#include <vector>

namespace judge {

struct LogScale {
  double lo = 1, hi = 10;             // the domain, 0 < lo < hi
  double pixel_lo = 0, pixel_hi = 1;  // where lo and hi land (pixel_hi < pixel_lo on a y axis)

  double Pixel(double value) const;
  bool Contains(double value) const;
  // Decades, or 1-2-5 steps when the domain spans less than two decades.
  std::vector<double> Ticks() const;
};

// The smallest 1-2-5-aligned domain holding every positive value (non-positive ones cannot be
// drawn on a log axis and are ignored); 1..10 when there is none.
LogScale FitLogScale(const std::vector<double>& values, double pixel_lo, double pixel_hi);

// Tick labels: "500", "1k", "20k", "1M" for sizes; "0.01", "0.5", "20", "1000" for plain numbers.
std::string SizeLabel(double value);
std::string NumberLabel(double value);

}  // namespace judge
