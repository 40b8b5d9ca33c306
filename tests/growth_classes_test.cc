// The growth table (tests/growth_classes.md) as a test: every kept accepted and too slow
// submission of a problem with a growth test is measured and fitted as `judge run --bench`
// does, and the fit must allow the class the table gives it. Run alone (tests/test_filters.cmake):
// its figures are times.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "judge/problem/workspace.h"
#include "judge/run/judge.h"
#include "judge/run/reference_build.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/testset/test_loader.h"
#include "judge/timing/growth_fit.h"
#include "judge/timing/growth_run.h"

namespace judge {
namespace {

const std::filesystem::path kRoot = JUDGE_DEFAULT_ROOT;

struct KnownGrowth {
  std::string slug;
  std::string file;      // under solutions/<slug>/
  std::string known;     // a model of growth_fit.h, or "2^n"
  bool erratic = false;  // "no model fits" is allowed too
};

void PrintTo(const KnownGrowth& row, std::ostream* os) { *os << row.slug << "/" << row.file; }

std::string Trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(' ');
  return begin == std::string::npos ? ""
                                    : text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

// The table's rows: "| problem | submission | class | why |", after its header.
std::vector<KnownGrowth> ReadTable() {
  std::ifstream in(kRoot / "tests/growth_classes.md");
  std::vector<KnownGrowth> rows;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("|---", 0) == 0) {
      in_table = true;
      continue;
    }
    if (!in_table || line.rfind("|", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream cut(line.substr(1));
    for (std::string cell; std::getline(cut, cell, '|');) cells.push_back(Trim(cell));
    if (cells.size() < 3) continue;
    const std::string erratic = ", erratic";
    const bool is_erratic =
        cells[2].size() > erratic.size() &&
        cells[2].compare(cells[2].size() - erratic.size(), erratic.size(), erratic) == 0;
    if (is_erratic) cells[2].resize(cells[2].size() - erratic.size());
    rows.push_back({cells[0], cells[1], cells[2], is_erratic});
  }
  return rows;
}

std::string Describe(const std::vector<GrowthPoint>& points) {
  std::string text;
  for (const auto& p : points)
    text += " " + std::to_string(p.size) + ":" + std::to_string(p.time_ms).substr(0, 6) + "/" +
            std::to_string(p.input_kb) + "/" + std::to_string(p.memory_kb);
  return text;
}

class GrowthClassTest : public ::testing::TestWithParam<KnownGrowth> {};

TEST_P(GrowthClassTest, TheFitAllowsTheKnownClass) {
  const KnownGrowth& row = GetParam();
  const Workspace workspace{kRoot, JUDGE_TEST_CACHE_DIR};
  std::string err;
  Problem problem;
  ASSERT_TRUE(LoadProblem(workspace.problems() / row.slug, &problem, &err)) << err;
  ASSERT_TRUE(problem.growth) << row.slug << " names no growth test";
  std::vector<TestCase> tests;
  ASSERT_TRUE(LoadTestCases(problem, workspace.testcases() / row.slug, &tests, &err)) << err;
  std::vector<SizedTest> sized;
  ASSERT_TRUE(MakeGrowthTests(problem, tests, &sized, &err)) << err;

  LocalSandbox sandbox;
  BuildResult build;
  const LanguageInfo* language = nullptr;
  ASSERT_TRUE(BuildReference(workspace, problem, workspace.solutions() / row.slug / row.file,
                             sandbox, &build, &language, &err))
      << err;
  // As `--bench` times a submission: under the problem's own limits, so that a too slow one
  // stops where the judge stops it.
  const Timed side{build.program, SubmissionLimits(problem, *language)};
  std::vector<GrowthPoint> points;
  ASSERT_TRUE(MeasureGrowth(problem, sized, side, sandbox, &points, &err)) << err;
  const GrowthFit fit = FitMeasuredGrowth(points);

  std::printf("known %s, fitted %s%s (confidence %.2f)%s%s;%s\n", BigO(row.known).c_str(),
              fit.ok ? BigO(fit).c_str() : fit.why_not.c_str(), fit.in_cache ? " in cache" : "",
              fit.confidence, fit.beyond_cache.empty() ? "" : ", beyond it ",
              fit.beyond_cache.c_str(), Describe(points).c_str());
  if (row.known == "2^n") {
    EXPECT_FALSE(fit.ok) << "an exponential fitted as " << BigO(fit) << ";" << Describe(points);
    return;
  }
  if (row.erratic && fit.misfit) return;
  ASSERT_TRUE(fit.ok) << fit.why_not << ";" << Describe(points);
  EXPECT_TRUE(fit.Allows(row.known))
      << "known " << BigO(row.known) << ", fitted " << BigO(fit) << " (runner-up " << fit.runner_up
      << ", confidence " << fit.confidence << ", exponent " << fit.exponent
      << (fit.in_cache ? ", in cache" : "") << ");" << Describe(points);
}

std::string RowName(const ::testing::TestParamInfo<KnownGrowth>& info) {
  std::string name = info.param.slug + "_" + info.param.file;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(GrowthClasses, GrowthClassTest, ::testing::ValuesIn(ReadTable()), RowName);

// The table leaves nothing out: every reference, accepted and too slow submission of a problem
// with a growth test has its row, and every row names a kept file.
TEST(GrowthClasses, TheTableCoversEveryTimedSubmission) {
  std::set<std::string> listed;
  for (const auto& row : ReadTable()) {
    listed.insert(row.slug + "/" + row.file);
    EXPECT_TRUE(std::filesystem::exists(kRoot / "solutions" / row.slug / row.file))
        << row.slug << "/" << row.file;
    EXPECT_TRUE(row.known == "2^n" || !ModelOfBigO(BigO(row.known)).empty()) << row.known;
  }
  ASSERT_FALSE(listed.empty());
  std::vector<Problem> problems;
  std::string err;
  ASSERT_TRUE(LoadAllProblems(kRoot / "problems", &problems, &err)) << err;
  for (const auto& problem : problems) {
    if (!problem.growth) continue;
    const auto dir = kRoot / "solutions" / problem.slug;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      const auto relative = std::filesystem::relative(entry.path(), dir);
      const std::string folder = relative.parent_path().string();
      const bool timed = folder == "accepted" || folder == "time_limit_exceeded" ||
                         (folder.empty() && relative.stem() == "reference");
      if (entry.is_regular_file() && timed && LanguageForFile(entry.path())) {
        EXPECT_TRUE(listed.count(problem.slug + "/" + relative.string()))
            << problem.slug << "/" << relative.string() << " has no row in growth_classes.md";
      }
    }
  }
}

}  // namespace
}  // namespace judge
