// The plots are drawn to scale: on the log-log plot a point at 10x the size lands one decade to
// the right (the same distance for every decade), both series are drawn, and the distribution
// plot marks the user's ratio where it belongs.
#include "judge/report/svg_plot.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>

#include "judge/report/log_scale.h"

namespace judge {
namespace {

// Attribute `name` of every `tag` element holding `marker`, keyed by its attribute `key`.
std::map<double, double> AttributeByData(const std::string& svg, const std::string& tag,
                                         const std::string& key, const std::string& name,
                                         const std::string& marker = "") {
  std::map<double, double> out;
  const std::regex element("<" + tag + " [^>]*" + marker + "[^>]*>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element);
       it != std::sregex_iterator(); ++it) {
    const std::string e = it->str();
    std::smatch k, v;
    if (std::regex_search(e, k, std::regex(" " + key + "=\"([^\"]+)\"")) &&
        std::regex_search(e, v, std::regex(" " + name + "=\"([^\"]+)\"")))
      out[std::stod(k[1])] = std::stod(v[1]);
  }
  return out;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(ReportLogScale, EachDecadeGetsTheSameWidth) {
  const LogScale x = FitLogScale({1000, 1000000}, 0, 300);
  EXPECT_DOUBLE_EQ(x.lo, 1000);
  EXPECT_DOUBLE_EQ(x.hi, 1000000);
  EXPECT_NEAR(x.Pixel(1000), 0, 1e-9);
  EXPECT_NEAR(x.Pixel(10000), 100, 1e-9);
  EXPECT_NEAR(x.Pixel(100000), 200, 1e-9);
  EXPECT_NEAR(x.Pixel(30000) - x.Pixel(3000), 100, 1e-9);
  EXPECT_EQ(x.Ticks(), (std::vector<double>{1000, 10000, 100000, 1000000}));
}

TEST(ReportLogScale, DomainsSnapToOneTwoFiveAndIgnoreNonPositive) {
  const LogScale r = FitLogScale({0.8, 1.3, 0, -2}, 0, 1);
  EXPECT_DOUBLE_EQ(r.lo, 0.5);
  EXPECT_DOUBLE_EQ(r.hi, 2);
  EXPECT_EQ(r.Ticks(), (std::vector<double>{0.5, 1, 2}));
  const LogScale one = FitLogScale({5}, 0, 1);
  EXPECT_LT(one.lo, one.hi);
  const LogScale none = FitLogScale({}, 0, 1);
  EXPECT_DOUBLE_EQ(none.lo, 1);
  EXPECT_DOUBLE_EQ(none.hi, 10);
  EXPECT_EQ(SizeLabel(20000), "20k");
  EXPECT_EQ(SizeLabel(1000000), "1M");
  EXPECT_EQ(NumberLabel(0.05), "0.05");
}

TEST(ReportSvgPlot, LogLogPlotPutsTenTimesTheSizeOneDecadeRight) {
  PlotSeries submission{"submission O(n)", "submission", {}};
  PlotSeries reference{"reference O(n)", "reference", {}};
  for (double n : {1e3, 1e4, 1e5, 1e6}) {
    submission.points.push_back({n, n * 2e-4});
    reference.points.push_back({n, n * 1e-4});
  }
  submission.points.push_back({5e6, 0});  // cannot be drawn on a log axis: left out
  const std::string svg = TimeAgainstSizeSvg("t", {submission, reference});

  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("class=\"series series-submission\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"series series-reference\""), std::string::npos);
  EXPECT_EQ(Count(svg, "<polyline"), 2u);
  EXPECT_NE(svg.find("input size n (log scale)"), std::string::npos);
  EXPECT_NE(svg.find("time, ms (log scale)"), std::string::npos);

  const auto cx = AttributeByData(svg, "circle", "data-size", "cx");  // the submission's points
  ASSERT_EQ(cx.size(), 4u);
  const auto ticks = AttributeByData(svg, "line", "data-value", "x1", "x-tick");
  ASSERT_TRUE(ticks.count(1e3) && ticks.count(1e4));
  const double decade = ticks.at(1e4) - ticks.at(1e3);
  EXPECT_GT(decade, 50);
  EXPECT_NEAR(cx.at(1e4) - cx.at(1e3), decade, 0.15);
  EXPECT_NEAR(cx.at(1e5) - cx.at(1e4), decade, 0.15);
  EXPECT_NEAR(cx.at(1e6) - cx.at(1e5), decade, 0.15);
  EXPECT_NEAR(cx.at(1e3), ticks.at(1e3), 0.15);
  // Time doubles from the reference to the submission: the same upward shift at every size.
  const auto sub_cy = AttributeByData(svg, "circle", "data-size", "cy");
  const auto ref_y = AttributeByData(svg, "rect", "data-size", "y");
  ASSERT_EQ(ref_y.size(), 4u);
  EXPECT_NEAR((ref_y.at(1e3) + 3.5) - sub_cy.at(1e3), (ref_y.at(1e6) + 3.5) - sub_cy.at(1e6), 0.2);
  EXPECT_GT((ref_y.at(1e3) + 3.5) - sub_cy.at(1e3), 5);
}

TEST(ReportSvgPlot, DistributionMarksTheUserAndTheReference) {
  const std::string svg =
      RatioDistributionSvg("d", {0.9, 1.0, 1.1, 1.2, 2.5, 8.0}, 1.2, "ada <b>: 1.20");
  EXPECT_NE(svg.find("class=\"user-marker\" data-ratio=\"1.2\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"reference-line\""), std::string::npos);
  EXPECT_NE(svg.find("ada &lt;b&gt;: 1.20"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"bar user-bin\""), 1u);
  int total = 0;
  const std::regex counts("data-count=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), counts); it != std::sregex_iterator();
       ++it)
    total += std::stoi((*it)[1]);
  EXPECT_EQ(total, 6);  // every ratio is in some bar
}

TEST(ReportSvgPlot, DistributionWithoutUserHasNoMarker) {
  const std::string svg = RatioDistributionSvg("d", {1.5}, std::nullopt, "");
  EXPECT_EQ(svg.find("user-marker"), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"bar\""), 1u);
}

}  // namespace
}  // namespace judge
