// The CLI as a person uses it: exit codes, one-line errors for bad input, list/show/new, human
// and JSON output, the build cache, --all and --lang.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "judge/files/files.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

using testing::Quoted;
using testing::RunJudgeCli;

const std::filesystem::path kRoot = JUDGE_DEFAULT_ROOT;
const std::filesystem::path kGap = kRoot / "solutions" / "maximum-gap";

int CountLines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(CliErrors, BadUsageExitsTwoWithOneLine) {
  for (const char* args :
       {"", "run", "run --bogus", "list --difficulty impossible", "frobnicate"}) {
    const auto r = RunJudgeCli(args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.out;
    EXPECT_EQ(CountLines(r.out), 1) << args << ": " << r.out;
  }
}

TEST(CliErrors, BadFilesExitTwoAndSayWhat) {
  TempDir temp;
  std::ofstream(temp.path() / "solution.rb") << "puts 1\n";
  struct Case {
    std::string args;
    const char* says;
  };
  const Case cases[] = {
      {"run no-such-problem x.cpp", "no problem \"no-such-problem\""},
      {"run maximum-gap " + Quoted(temp.path() / "missing.cpp"), "no such file"},
      {"run maximum-gap " + Quoted(temp.path() / "solution.rb"),
       "cannot tell the language from the extension \".rb\""},
      {"show no-such-problem", "no problem"},
  };
  for (const auto& c : cases) {
    const auto r = RunJudgeCli(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << ": " << r.out;
    EXPECT_NE(r.out.find(c.says), std::string::npos) << c.args << ": " << r.out;
    EXPECT_EQ(CountLines(r.out), 1) << r.out;
  }
}

TEST(CliErrors, MalformedProblemAndTestFilesNameTheFileAndField) {
  TempDir temp;
  const auto problem = temp.path() / "problems" / "broken";
  std::filesystem::create_directories(problem);
  std::filesystem::create_directories(temp.path() / "testcases" / "broken");
  std::ofstream(problem / "problem.json")
      << R"({"title": "B", "difficulty": "easy", "style": "interview",
    "signature": {"function": "f", "params": [{"name": "a", "type": "int"}], "returns": "int"}})";
  std::ofstream(temp.path() / "testcases" / "broken" / "01.json")
      << R"({"group": "g", "cases": [{"name": "x", "input": {"b": 1}, "expected": 1}]})";
  std::ofstream(temp.path() / "f.py") << "class Solution:\n    def f(self, a): return a\n";
  auto r =
      RunJudgeCli("--root " + Quoted(temp.path()) + " run broken " + Quoted(temp.path() / "f.py"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("01.json: cases[0].input.a: expected a int (missing)"), std::string::npos)
      << r.out;

  std::ofstream(problem / "problem.json")
      << R"({"title": "B", "difficulty": "easy", "style": "interview",
    "limits": {"memory_mb": "lots"}, "signature": {"function": "f", "params": [], "returns": "int"}})";
  r = RunJudgeCli("--root " + Quoted(temp.path()) + " run broken " + Quoted(temp.path() / "f.py"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("problem.json: limits.memory_mb: expected a positive integer"),
            std::string::npos)
      << r.out;
}

// Issue 15: one broken problem.json hid every other problem from `judge list`.
TEST(CliBrowse, ListNamesABrokenProblemAndStillListsTheOthers) {
  TempDir temp;
  for (const char* slug : {"good-one", "broken", "good-two"}) {
    std::filesystem::create_directories(temp.path() / "problems" / slug);
    std::ofstream(temp.path() / "problems" / slug / "problem.json")
        << (std::string(slug) == "broken"
                ? R"({"title": "Broken", "style": "interview"})"
                : R"({"title": "Good", "difficulty": "easy", "style": "competitive"})");
  }
  const auto r = RunJudgeCli("--root " + Quoted(temp.path()) + " list");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("good-one"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("good-two"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broken/problem.json: "), std::string::npos) << r.out;
  // The same for a script: the JSON holds the good ones (after the error line, which is on
  // stderr), the exit status says not all of them loaded.
  const auto json = RunJudgeCli("--root " + Quoted(temp.path()) + " list --json");
  EXPECT_EQ(json.exit_code, 2);
  ASSERT_NE(json.out.find('{'), std::string::npos) << json.out;
  EXPECT_EQ(nlohmann::json::parse(json.out.substr(json.out.find('{'))).at("problems").size(), 2u)
      << json.out;
}

// Issue 15: the README shows --store with `run`; the global options work after the subcommand.
TEST(CliErrors, GlobalOptionsWorkAfterTheSubcommand) {
  TempDir temp;
  const auto store = temp.path() / "mine.db";
  auto r = RunJudgeCli("run maximum-gap " + Quoted(kGap / "reference.cpp") + " --store " +
                       Quoted(store) + " --root " + Quoted(kRoot));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("in " + store.string()), std::string::npos) << r.out;
  r = RunJudgeCli("history --json --store " + Quoted(store));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("runs").size(), 1u) << r.out;
  EXPECT_EQ(RunJudgeCli("list --store").exit_code, 2);  // still checked: --store needs a value
}

TEST(CliBrowse, ListFiltersAndPrintsJson) {
  auto r = RunJudgeCli("list --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto list = nlohmann::json::parse(r.out).at("problems");
  ASSERT_FALSE(list.empty());
  EXPECT_TRUE(std::any_of(list.begin(), list.end(),
                          [](const auto& p) { return p.at("slug") == "maximum-gap"; }));
  EXPECT_NE(RunJudgeCli("list --tag bucket-sort").out.find("maximum-gap"), std::string::npos);
  EXPECT_EQ(RunJudgeCli("list --tag no-such-tag").out.find("maximum-gap"), std::string::npos);
  EXPECT_EQ(RunJudgeCli("list --difficulty hard").out.find("maximum-gap"), std::string::npos);
}

TEST(CliBrowse, ListShowsTheUsersStatusFromTheStore) {
  const TempDir dir;
  const std::string store = " --store " + Quoted(dir.path() / "judge.db") + " --user ada";
  const std::string solutions = kRoot.string() + "/solutions/maximum-gap/";
  auto status_of = [&](const std::string& slug) {
    const auto r = RunJudgeCli("list --json" + store);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    const auto list = nlohmann::json::parse(r.out);
    for (const auto& p : list.at("problems"))
      if (p.at("slug") == slug) return p.at("status").get<std::string>();
    return std::string("absent");
  };
  EXPECT_EQ(status_of("maximum-gap"), "not tried");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "judge.db"));  // listing creates no store
  RunJudgeCli("run maximum-gap " + Quoted(solutions + "wrong_answer/max_minus_min.cpp") + store);
  EXPECT_EQ(status_of("maximum-gap"), "attempted");
  RunJudgeCli("run maximum-gap " +
              Quoted(solutions + "accepted/pasted_from_leetcode_two_classes.py") +
              " --group samples" + store);
  EXPECT_EQ(status_of("maximum-gap"), "solved");
  const auto solved = RunJudgeCli("list --status solved" + store);
  EXPECT_NE(solved.out.find("maximum-gap"), std::string::npos) << solved.out;
  EXPECT_EQ(solved.out.find("heapq"), std::string::npos) << solved.out;
  const auto medium = RunJudgeCli("list --difficulty medium --tag bucket-sort" + store);
  EXPECT_NE(medium.out.find("\nsolved 1 of 1: medium 1/1\n"), std::string::npos) << medium.out;
}

TEST(CliBrowse, ShowPrintsTheStatementAndSignature) {
  const auto r = RunJudgeCli("show maximum-gap");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Maximum Gap"), std::string::npos);
  EXPECT_NE(r.out.find("int maximumGap(vector<int>& nums)"), std::string::npos) << r.out;
}

TEST(CliNew, StarterFilesAreJudgedNotRefused) {
  TempDir temp;
  for (const char* lang : {"cpp", "python"}) {
    const auto file =
        temp.path() / (std::string("starter.") + (lang == std::string("cpp") ? "cpp" : "py"));
    auto r = RunJudgeCli(std::string("new maximum-gap --lang ") + lang + " -o " + Quoted(file));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(RunJudgeCli(std::string("new maximum-gap --lang ") + lang + " -o " + Quoted(file))
                  .exit_code,
              2)
        << "an existing file must not be overwritten";
    r = RunJudgeCli("run maximum-gap " + Quoted(file) + " --json");
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(nlohmann::json::parse(r.out).at("verdict"), "CE") << r.out;
  }
}

TEST(CliRun, HumanOutputShowsTheFailureInDetail) {
  const auto r = RunJudgeCli("run maximum-gap " +
                             Quoted(kGap / "wrong_answer" / "unsorted_adjacent_difference.py"));
  EXPECT_EQ(r.exit_code, 1);
  for (const char* part :
       {"WA", "Wrong Answer", "input:", "expected:", "received:", "tests passed"})
    EXPECT_NE(r.out.find(part), std::string::npos) << part << " missing from:\n" << r.out;
}

TEST(CliRun, AllJudgesEveryTestAndTheCacheSkipsTheCompiler) {
  const auto file = Quoted(kGap / "wrong_answer" / "unsorted_adjacent_difference.cpp");
  // Warms the cache: both builds, sanitized for samples and edge, plain for performance.
  RunJudgeCli("run maximum-gap " + file + " --all --json");
  const auto r = RunJudgeCli("run maximum-gap " + file + " --all --json");
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report.at("tests").size(), report.at("tests_total").get<size_t>());
  EXPECT_TRUE(report.at("compile").at("cached").get<bool>());
  EXPECT_EQ(report.at("verdict"), "WA");
}

TEST(CliRun, LangOverridesTheExtensionAndDebugPrintsAreShownNotJudged) {
  TempDir temp;
  const auto file = temp.path() / "solution.txt";
  std::ofstream(file) << "class Solution:\n    def maximumGap(self, nums):\n"
                         "        print('looking at', len(nums), 'numbers')\n"
                         "        s = sorted(nums)\n"
                         "        return max((b - a for a, b in zip(s, s[1:])), default=0)\n";
  const auto r = RunJudgeCli("run maximum-gap " + Quoted(file) + " --lang python --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report.at("verdict"), "AC");
  EXPECT_EQ(report.at("language"), "python");
  EXPECT_NE(report.at("tests").at(0).value("stdout", "").find("looking at"), std::string::npos)
      << r.out;
}

// A competitive-only language: `judge new` writes its starter for a competitive problem and
// refuses an interview one in one line, naming the languages that can judge it.
TEST(CliNew, CIsForCompetitiveProblemsOnly) {
  TempDir temp;
  const auto file = temp.path() / "knapsack.c";
  auto r = RunJudgeCli("new knapsack-01-stdio --lang c -o " + Quoted(file));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = RunJudgeCli("run knapsack-01-stdio " + Quoted(file) + " --json --no-store");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("verdict"), "WA") << r.out;
  r = RunJudgeCli("new maximum-gap --lang c -o " + Quoted(temp.path() / "gap.c"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(CountLines(r.out), 1) << r.out;
  EXPECT_NE(r.out.find("no interview harness (judge it in cpp, python)"), std::string::npos)
      << r.out;
  EXPECT_FALSE(std::filesystem::exists(temp.path() / "gap.c"));
}

TEST(CliSelftest, EveryToolchainWorks) {
  const auto r = RunJudgeCli("selftest");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// `judge verify -j N` judges N submissions at once and reports exactly what one at a time does,
// in the same order: a small competitive problem with a submission per verdict folder, and one
// kept in the wrong folder.
TEST(CliVerify, JudgesInParallelWithTheSameResultsInTheSameOrder) {
  TempDir root;
  const auto& r = root.path();
  std::filesystem::create_directories(r / "problems" / "sum");
  std::filesystem::create_directories(r / "testcases" / "sum");
  std::ofstream(r / "problems" / "sum" / "problem.json") << R"({"title": "Sum",
    "difficulty": "easy", "style": "competitive", "reference": "reference.py",
    "limits": {"time_ms": 500, "memory_mb": 64, "output_kb": 64},
    "checker": {"name": "tokens"}})";
  std::ofstream(r / "problems" / "sum" / "statement.md") << "Print a + b.\n";
  std::ofstream(r / "testcases" / "sum" / "01-samples.json") << R"({"group": "samples",
    "cases": [{"name": "one", "input": "1 2\n", "expected": "3\n"},
              {"name": "two", "input": "40 2\n", "expected": "42\n"}]})";
  const std::map<std::string, std::string> files = {
      {"reference.py", "a, b = map(int, input().split())\nprint(a + b)\n"},
      {"accepted/sum.cpp",
       "#include <iostream>\nint main() { long a, b; std::cin >> a >> b; std::cout << a + b; }\n"},
      {"wrong_answer/difference.py", "a, b = map(int, input().split())\nprint(a - b)\n"},
      {"runtime_error/divide.py", "a, b = map(int, input().split())\nprint(a // 0)\n"},
      {"time_limit_exceeded/spin.py", "while True:\n    pass\n"},
      {"accepted/misfiled.py", "print(0)\n"},  // WA, kept as AC: one mismatch
  };
  for (const auto& [name, text] : files) {
    const auto path = r / "solutions" / "sum" / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  nlohmann::json reports[2];
  const char* jobs[2] = {"-j 1", "-j 3"};
  for (int i = 0; i < 2; ++i) {
    const auto result = RunJudgeCli("--root " + Quoted(r) + " verify --no-store --json " + jobs[i]);
    EXPECT_EQ(result.exit_code, 1) << result.out;
    ASSERT_NO_THROW(reports[i] = nlohmann::json::parse(result.out)) << result.out;
    EXPECT_EQ(reports[i].at("mismatches"), 1) << result.out;
  }
  EXPECT_EQ(reports[0].at("submissions").size(), files.size());
  EXPECT_EQ(reports[0].at("submissions"), reports[1].at("submissions"));
}

TEST(CliVerify, RefusesAJobCountOutOfRange) {
  const auto r = RunJudgeCli("verify -j 0");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(CountLines(r.out), 1) << r.out;
}

}  // namespace
}  // namespace judge
