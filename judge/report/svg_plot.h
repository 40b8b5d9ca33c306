// The report's two plots as inline SVG, drawn here so the page needs no script, no network and
// no file beside it:
//   - time against input size, both axes logarithmic, one series per program (the submission
//     and the reference), so a growth of n^k is a straight line of slope k;
//   - a GPU figure against the case's size, one series per version of the user's kernel;
//   - the distribution of accepted ratios to the reference (a histogram on a log axis), with
//     the reference (ratio 1) and the user's entry marked.
// Elements carry classes (series-submission, series-reference, user-marker, ...) and data-
// attributes with the values they draw, for tests and for anyone reading the page's source.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace judge {

struct PlotPoint {
  double x = 0, y = 0;
};

struct PlotSeries {
  std::string name;  // shown in the legend; escaped here
  std::string id;    // "submission", "reference": class series-<id>, picks the colour
  std::vector<PlotPoint> points;
};

// x: input size, y: milliseconds. Points that are not positive cannot be drawn on a log axis
// and are left out.
std::string TimeAgainstSizeSvg(const std::string& title, const std::vector<PlotSeries>& series);

// A GPU figure (TFLOP/s, GB/s: higher is better) against the case's size (sequence length,
// message bytes), both axes logarithmic, one series per version ("version-1", ... pick distinct
// colours; "reference" is dashed). Points carry data-size and data-value; the svg has class
// figure-plot.
std::string FigureAgainstSizeSvg(const std::string& title, const std::string& x_title,
                                 const std::string& figure_title, const std::string& unit,
                                 const std::vector<PlotSeries>& series);

// `marked`: the user's ratio, labelled `marked_label` (escaped here).
std::string RatioDistributionSvg(const std::string& title, const std::vector<double>& ratios,
                                 std::optional<double> marked, const std::string& marked_label);

}  // namespace judge
