// `judge report` end to end: a store with real-looking runs (several users, languages, growth
// points from 10^3 to 10^6), the CLI writes the four files and touches nothing else, and the
// HTML page, opened in headless Chromium, renders: its DOM holds both plots, both series and
// the marked entry, and its screenshot is a real picture, not a blank page.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "judge/files/files.h"
#include "judge/store/store.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

using testing::Quoted;
using testing::ReadWholeFile;
using testing::RunJudgeCli;

// The output of a shell command (stderr dropped: Chromium is chatty there).
std::string Capture(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

RunRecord TimedRun(const std::string& user, const std::string& problem, const std::string& language,
                   const std::string& source, double ratio, double exponent) {
  RunRecord run;
  run.user = user;
  run.problem = problem;
  run.language = language;
  run.source_name = source;
  run.source_sha256 = "0123456789abcdef";
  run.verdict = "AC";
  run.tests_total = run.tests_passed = 31;
  run.max_time_ms = 40 * ratio;
  run.max_memory_kb = language == "python" ? 61000 : 7800;
  run.cpu_model = "Intel(R) Xeon(R) CPU";
  run.cores = 2;
  TimingFigures t;
  t.repetitions = 5;
  t.reference_median_ms = 31.4;
  t.median_ms = t.reference_median_ms * ratio;
  t.min_ms = t.median_ms * 0.97;
  t.max_ms = t.median_ms * 1.05;
  t.ratio = ratio;
  t.ratio_spread = 1.06;
  t.counters_note = "no hardware counters";
  run.timing = t;
  GrowthFigures g;
  g.exponent = exponent;
  g.model = exponent > 1.05 ? "n log n" : "n";
  g.confidence = 0.8;
  g.reference_exponent = 1.0;
  g.reference_model = "n";
  for (int64_t n = 1000; n <= 1000000; n *= 4) {
    const double x = static_cast<double>(n) / 1000;
    g.points.push_back({n, 0.03 * ratio * std::pow(x, exponent)});
    g.reference_points.push_back({n, 0.03 * x});
  }
  run.growth = g;
  return run;
}

class ReportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    auto store = Store::Open(temp_.path() / "s.db", &err);
    ASSERT_TRUE(store) << err;
    std::vector<RunRecord> runs = {
        TimedRun("ada", "maximum-gap", "cpp", "radix_sort.cpp", 1.31, 1.0),
        TimedRun("ada", "maximum-gap", "cpp", "sort_then_scan.cpp", 2.2, 1.1),
        TimedRun("bob", "maximum-gap", "cpp", "reference.cpp", 0.98, 1.0),
        TimedRun("cy", "maximum-gap", "python", "sort_then_scan.py", 24.5, 1.12),
        TimedRun("dee", "maximum-gap", "python", "pigeonhole_buckets.py", 41.0, 1.0),
        TimedRun("<script>alert(1)</script>", "maximum-gap", "cpp", "x.cpp", 1.7, 1.0),
        TimedRun("bob", "two-sum", "cpp", "hash.cpp", 1.02, 1.0),
    };
    RunRecord failed = TimedRun("ada", "two-sum", "cpp", "brute.cpp", 1, 1);
    failed.verdict = "TLE";
    failed.timing.reset();
    failed.growth.reset();
    runs.push_back(failed);
    for (auto& run : runs) ASSERT_TRUE(store->Record(&run, &err)) << err;
    out_ = temp_.path() / "report";
  }

  testing::CliResult Report(const std::string& extra = "") {
    return RunJudgeCli("--store " + Quoted(temp_.path() / "s.db") + " report --out " +
                       Quoted(out_) + " --user ada " + extra);
  }

  TempDir temp_;
  std::filesystem::path out_;
};

TEST_F(ReportCli, WritesTheFourFilesAndNothingElse) {
  std::filesystem::create_directories(out_);
  std::ofstream(out_ / "keep.txt") << "mine";
  const auto r = Report();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const char* name : {"report.html", "report.md", "report.json", "report.csv"}) {
    EXPECT_NE(r.out.find((out_ / name).string()), std::string::npos) << r.out;
    EXPECT_TRUE(std::filesystem::is_regular_file(out_ / name)) << name;
  }
  EXPECT_EQ(ReadWholeFile(out_ / "keep.txt"), "mine");
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(out_)) ++files;
  EXPECT_EQ(files, 5u);

  const auto json = nlohmann::json::parse(ReadWholeFile(out_ / "report.json"));
  EXPECT_EQ(json.at("user"), "ada");
  ASSERT_EQ(json.at("problems").size(), 2u);
  const auto& gap = json.at("problems")[0];
  EXPECT_EQ(gap.at("problem"), "maximum-gap");
  EXPECT_EQ(gap.at("title"), "Maximum Gap");
  EXPECT_EQ(gap.at("entries").size(), 5u);
  EXPECT_EQ(gap.at("user_rank"), 2);
  EXPECT_EQ(gap.at("distribution").at("accepted_ratios").size(), 6u);
  EXPECT_EQ(gap.at("growth_plot").at("source"), "radix_sort.cpp");
  EXPECT_EQ(gap.at("growth_plot").at("points").size(), 5u);
  EXPECT_TRUE(json.at("problems")[1].at("growth_plot").is_null());  // ada has no AC on two-sum

  const std::string csv = ReadWholeFile(out_ / "report.csv");
  EXPECT_EQ(Count(csv, "\r\n"), 1u + 5u + 1u);  // header, maximum-gap's entries, two-sum's

  const auto again = Report("--json");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(nlohmann::json::parse(again.out).at("files").size(), 4u);
}

TEST_F(ReportCli, RendersInHeadlessChromium) {
  if (std::system("command -v chromium > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "chromium is not installed (apt-get install chromium): the HTML report is not "
                    "checked in a browser";
  const auto r = Report();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string url = "file://" + (out_ / "report.html").string();
  const std::string chromium =
      "timeout 120 chromium --headless --disable-gpu --no-sandbox "
      "--user-data-dir=" +
      Quoted(temp_.path() / "chromium") + " --window-size=1200,2400 ";
  const auto png = temp_.path() / "report.png";

  const std::string dom = Capture(chromium + "--dump-dom " + Quoted(url));
  ASSERT_NE(dom.find("</html>"), std::string::npos)
      << "chromium printed no page: " << dom.substr(0, 500);
  EXPECT_GE(Count(dom, "<svg"), 3u) << "two plots for maximum-gap, one for two-sum";
  EXPECT_NE(dom.find("growth-plot"), std::string::npos);
  EXPECT_NE(dom.find("ratio-plot"), std::string::npos);
  EXPECT_NE(dom.find("series-submission"), std::string::npos);
  EXPECT_NE(dom.find("series-reference"), std::string::npos);
  EXPECT_GE(Count(dom, "class=\"point\""), 10u) << "five points per series";
  EXPECT_NE(dom.find("class=\"user-marker\""), std::string::npos);
  EXPECT_NE(dom.find("data-user-entry=\"true\""), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos) << "a user name must not become a script";
  EXPECT_NE(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);

  Capture(chromium + "--screenshot=" + Quoted(png) + " " + Quoted(url));
  const std::string image = ReadWholeFile(png);
  ASSERT_GE(image.size(), 24u) << "no screenshot at " << png;
  ASSERT_EQ(image.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(image[at + i]);
    return v;
  };
  EXPECT_EQ(image.substr(12, 4), "IHDR");
  EXPECT_EQ(be32(16), 1200u);
  EXPECT_EQ(be32(20), 2400u);
  // A blank 1200x2400 page compresses to a few KB; text, tables and plots do not.
  EXPECT_GT(image.size(), 40u * 1024) << "the screenshot looks blank";
  std::set<unsigned char> distinct(image.begin(), image.end());
  EXPECT_GT(distinct.size(), 200u);
}

}  // namespace
}  // namespace judge
