#include "judge/report/svg_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "judge/report/html_escape.h"
#include "judge/report/log_scale.h"

namespace judge {
namespace {

constexpr double kWidth = 560, kHeight = 340;
constexpr double kLeft = 66, kRight = 18, kTop = 40, kBottom = 52;
constexpr double kPlotRight = kWidth - kRight, kPlotBottom = kHeight - kBottom;

struct SeriesStyle {
  const char* colour;
  const char* dash;  // stroke-dasharray, "" for solid
};

// Colour-blind-safe pair: blue solid for the submission, orange dashed for the reference.
// The versions of a figure plot ("version-1", ...) cycle through Dark2, also colour-blind-safe.
SeriesStyle StyleOf(const std::string& id) {
  if (id == "reference") return {"#d95f02", "6 4"};
  if (id.rfind("version-", 0) == 0) {
    static const char* const kPalette[] = {"#1f6fb4", "#1b9e77", "#7570b3", "#e7298a",
                                           "#66a61e", "#a6761d", "#d95f02", "#666666"};
    const size_t n = std::strtoul(id.c_str() + 8, nullptr, 10);
    return {kPalette[n % std::size(kPalette)], ""};
  }
  return {"#1f6fb4", ""};
}

std::string Num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

std::string Value(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

std::string Open(const std::string& kind, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot " + kind + "\" width=\"" +
         Num(kWidth) + "\" height=\"" + Num(kHeight) + "\" viewBox=\"0 0 " + Num(kWidth) + " " +
         Num(kHeight) + "\" role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"12\">" +
         "<title>" + EscapeHtml(title) + "</title>" + "<rect x=\"" + Num(kLeft) + "\" y=\"" +
         Num(kTop) + "\" width=\"" + Num(kPlotRight - kLeft) + "\" height=\"" +
         Num(kPlotBottom - kTop) + "\" fill=\"#fcfcfd\" stroke=\"#b8bcc4\"/>";
}

std::string Text(double x, double y, const std::string& text, const char* anchor,
                 const std::string& extra = "") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" + anchor + "\"" + extra +
         ">" + EscapeHtml(text) + "</text>";
}

std::string AxisTitles(const std::string& x_title, const std::string& y_title) {
  const double mid_y = (kTop + kPlotBottom) / 2;
  return Text((kLeft + kPlotRight) / 2, kHeight - 12, x_title, "middle",
              " class=\"axis-title x-title\" fill=\"#333\"") +
         Text(16, mid_y, y_title, "middle",
              " class=\"axis-title y-title\" fill=\"#333\" transform=\"rotate(-90 16 " +
                  Num(mid_y) + ")\"");
}

std::string XTicks(const LogScale& x, std::string (*label)(double)) {
  std::string out;
  for (double t : x.Ticks()) {
    const double px = x.Pixel(t);
    out += "<line class=\"tick x-tick\" data-value=\"" + Value(t) + "\" x1=\"" + Num(px) +
           "\" x2=\"" + Num(px) + "\" y1=\"" + Num(kTop) + "\" y2=\"" + Num(kPlotBottom + 5) +
           "\" stroke=\"#e1e4e8\"/>";
    out += Text(px, kPlotBottom + 18, label(t), "middle", " fill=\"#555\"");
  }
  return out;
}

std::string YTick(double py, double value, const std::string& label) {
  return "<line class=\"tick y-tick\" data-value=\"" + Value(value) + "\" x1=\"" + Num(kLeft - 5) +
         "\" x2=\"" + Num(kPlotRight) + "\" y1=\"" + Num(py) + "\" y2=\"" + Num(py) +
         "\" stroke=\"#e1e4e8\"/>" + Text(kLeft - 8, py + 4, label, "end", " fill=\"#555\"");
}

// `unit` follows each y value in the points' tooltips; `data_name` names their data- attribute.
std::string SeriesSvg(const PlotSeries& series, const LogScale& x, const LogScale& y,
                      const std::string& unit = "ms", const std::string& data_name = "ms") {
  const SeriesStyle style = StyleOf(series.id);
  std::string line, markers;
  for (const auto& p : series.points) {
    if (!(p.x > 0) || !(p.y > 0)) continue;
    const std::string px = Num(x.Pixel(p.x)), py = Num(y.Pixel(p.y));
    line += (line.empty() ? "" : " ") + px + "," + py;
    const std::string tip =
        series.name + ": n = " + SizeLabel(p.x) + ", " + Value(p.y) + " " + unit;
    markers += series.id == "reference"
                   ? "<rect class=\"point\" x=\"" + Num(x.Pixel(p.x) - 3.5) + "\" y=\"" +
                         Num(y.Pixel(p.y) - 3.5) + "\" width=\"7\" height=\"7\""
                   : "<circle class=\"point\" cx=\"" + px + "\" cy=\"" + py + "\" r=\"4\"";
    markers += " data-size=\"" + Value(p.x) + "\" data-" + data_name + "=\"" + Value(p.y) +
               "\" fill=\"" + style.colour + "\"><title>" + EscapeHtml(tip) + "</title>" +
               (series.id == "reference" ? "</rect>" : "</circle>");
  }
  std::string dash = *style.dash ? std::string(" stroke-dasharray=\"") + style.dash + "\"" : "";
  return "<g class=\"series series-" + EscapeHtml(series.id) + "\" data-series=\"" +
         EscapeHtml(series.id) + "\"><polyline fill=\"none\" stroke=\"" + style.colour +
         "\" stroke-width=\"2\"" + dash + " points=\"" + line + "\"/>" + markers + "</g>";
}

std::string Legend(const std::vector<PlotSeries>& series) {
  std::string out = "<g class=\"legend\">";
  double x = kLeft;
  for (const auto& s : series) {
    const SeriesStyle style = StyleOf(s.id);
    std::string dash = *style.dash ? std::string(" stroke-dasharray=\"") + style.dash + "\"" : "";
    out += "<line x1=\"" + Num(x) + "\" x2=\"" + Num(x + 26) + "\" y1=\"20\" y2=\"20\" stroke=\"" +
           style.colour + "\" stroke-width=\"2\"" + dash + "/>";
    out += Text(x + 32, 24, s.name, "start", " fill=\"#222\"");
    x += 48 + 7.0 * static_cast<double>(std::min<size_t>(s.name.size(), 40));
  }
  return out + "</g>";
}

}  // namespace

std::string TimeAgainstSizeSvg(const std::string& title, const std::vector<PlotSeries>& series) {
  std::vector<double> sizes, times;
  for (const auto& s : series)
    for (const auto& p : s.points)
      if (p.x > 0 && p.y > 0) sizes.push_back(p.x), times.push_back(p.y);
  const LogScale x = FitLogScale(sizes, kLeft, kPlotRight);
  const LogScale y = FitLogScale(times, kPlotBottom, kTop);
  std::string out = Open("growth-plot", title) + XTicks(x, SizeLabel);
  for (double t : y.Ticks()) out += YTick(y.Pixel(t), t, NumberLabel(t));
  out += AxisTitles("input size n (log scale)", "time, ms (log scale)");
  for (const auto& s : series) out += SeriesSvg(s, x, y);
  return out + Legend(series) + "</svg>";
}

std::string FigureAgainstSizeSvg(const std::string& title, const std::string& x_title,
                                 const std::string& figure_title, const std::string& unit,
                                 const std::vector<PlotSeries>& series) {
  std::vector<double> sizes, values;
  for (const auto& s : series)
    for (const auto& p : s.points)
      if (p.x > 0 && p.y > 0) sizes.push_back(p.x), values.push_back(p.y);
  const LogScale x = FitLogScale(sizes, kLeft, kPlotRight);
  const LogScale y = FitLogScale(values, kPlotBottom, kTop);
  std::string out = Open("figure-plot", title) + XTicks(x, SizeLabel);
  for (double t : y.Ticks()) out += YTick(y.Pixel(t), t, NumberLabel(t));
  out += AxisTitles(x_title + " (log scale)", figure_title + " (log scale)");
  for (const auto& s : series) out += SeriesSvg(s, x, y, unit, "value");
  return out + Legend(series) + "</svg>";
}

std::string RatioDistributionSvg(const std::string& title, const std::vector<double>& ratios,
                                 std::optional<double> marked, const std::string& marked_label) {
  // A margin around every ratio, the reference's (always on the axis) included, keeps bars and
  // marks off the plot's edges.
  std::vector<double> domain;
  for (double r : ratios) domain.insert(domain.end(), {r / 1.1, r * 1.1});
  domain.insert(domain.end(), {1 / 1.1, 1.1});
  if (marked) domain.insert(domain.end(), {*marked / 1.1, *marked * 1.1});
  const LogScale x = FitLogScale(domain, kLeft, kPlotRight);

  // Bins a tenth of a decade wide, aligned on the decades, so bins mean the same in every plot.
  std::vector<int> counts;
  const double first_bin = std::floor(std::log10(x.lo) * 10 + 1e-9);
  const int bins =
      std::max(1, static_cast<int>(std::ceil(std::log10(x.hi) * 10 - 1e-9) - first_bin));
  counts.assign(static_cast<size_t>(bins), 0);
  auto bin_of = [&](double r) {
    const int b = static_cast<int>(std::floor(std::log10(r) * 10 + 1e-9) - first_bin);
    return std::clamp(b, 0, bins - 1);
  };
  for (double r : ratios)
    if (r > 0) ++counts[static_cast<size_t>(bin_of(r))];
  const int most = std::max(1, *std::max_element(counts.begin(), counts.end()));
  const int step = most <= 8 ? 1 : static_cast<int>(std::ceil(most / 6.0));
  const int top = (most + step - 1) / step * step;
  // Headroom above the tallest bar keeps the reference's label clear of it.
  auto y_of = [&](double count) { return kPlotBottom - count / top * (kPlotBottom - kTop - 24); };

  std::string out = Open("ratio-plot", title) + XTicks(x, NumberLabel);
  for (int c = 0; c <= top; c += step) out += YTick(y_of(c), c, std::to_string(c));
  out += AxisTitles("ratio to the reference (log scale; lower is faster)", "accepted runs");
  const int marked_bin = marked && *marked > 0 ? bin_of(*marked) : -1;
  out += "<g class=\"bars\">";
  for (int b = 0; b < bins; ++b) {
    const int count = counts[static_cast<size_t>(b)];
    if (count == 0) continue;
    const double left = x.Pixel(std::pow(10.0, (first_bin + b) / 10.0));
    const double right = x.Pixel(std::pow(10.0, (first_bin + b + 1) / 10.0));
    out += "<rect class=\"bar" + std::string(b == marked_bin ? " user-bin" : "") +
           "\" data-count=\"" + std::to_string(count) + "\" x=\"" + Num(left + 1) + "\" y=\"" +
           Num(y_of(count)) + "\" width=\"" + Num(std::max(1.0, right - left - 2)) +
           "\" height=\"" + Num(kPlotBottom - y_of(count)) + "\" fill=\"" +
           (b == marked_bin ? "#e7a3c4" : "#a9bfd6") + "\"><title>" + std::to_string(count) +
           " accepted run" + (count == 1 ? "" : "s") + "</title></rect>";
  }
  out += "</g>";
  const double ref = x.Pixel(1);
  out += "<g class=\"reference-line\"><line x1=\"" + Num(ref) + "\" x2=\"" + Num(ref) + "\" y1=\"" +
         Num(kTop) + "\" y2=\"" + Num(kPlotBottom) +
         "\" stroke=\"#d95f02\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>" +
         Text(ref > kPlotRight - 100 ? ref - 4 : ref + 4, kTop + 14, "reference = 1",
              ref > kPlotRight - 100 ? "end" : "start",
              " fill=\"#b04a00\" stroke=\"#fcfcfd\" stroke-width=\"3\" paint-order=\"stroke\"") +
         "</g>";
  if (marked && *marked > 0) {
    const double px = x.Pixel(*marked);
    const char* anchor = px < kLeft + 60 ? "start" : px > kPlotRight - 60 ? "end" : "middle";
    out += "<g class=\"user-marker\" data-ratio=\"" + Value(*marked) + "\"><line x1=\"" + Num(px) +
           "\" x2=\"" + Num(px) + "\" y1=\"" + Num(kTop - 4) + "\" y2=\"" + Num(kPlotBottom) +
           "\" stroke=\"#c2185b\" stroke-width=\"2.5\"/><polygon points=\"" + Num(px - 6) + "," +
           Num(kTop - 12) + " " + Num(px + 6) + "," + Num(kTop - 12) + " " + Num(px) + "," +
           Num(kTop - 3) + "\" fill=\"#c2185b\"/>" +
           Text(px, kTop - 16, marked_label, anchor, " fill=\"#c2185b\" font-weight=\"bold\"") +
           "</g>";
  }
  return out + "</svg>";
}

}  // namespace judge
