// `judge stress` end to end: it finds the kept wrong answers' failures on small cases and shrinks
// them (the case found really fails the file and the brute force's answer is right), runs an
// accepted submission for a count of cases without a disagreement, takes a person's generator
// and brute force (--gen, --brute), saves a case that `judge run` then includes and fails on,
// and stops cleanly with a summary on Ctrl-C.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "judge/files/files.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

const std::filesystem::path kRoot = JUDGE_DEFAULT_ROOT;

std::string Solution(const std::string& slug, const std::string& file) {
  return testing::Quoted(kRoot / "solutions" / slug / file);
}

nlohmann::json Json(const testing::CliResult& r) {
  // The progress lines go to stderr, which the runner merges: the JSON object is what follows.
  const size_t start = r.out.find("{\n");
  if (start == std::string::npos) return nullptr;
  try {
    return nlohmann::json::parse(r.out.substr(start));
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

std::vector<long long> Numbers(const std::string& text) {
  std::istringstream in(text);
  std::vector<long long> out;
  long long v;
  while (in >> v) out.push_back(v);
  return out;
}

// The 0/1 knapsack's answer, by trying every subset: the test's own check of the brute force.
long long BestValue(const std::vector<long long>& numbers) {
  const long long n = numbers.at(0), capacity = numbers.at(1);
  long long best = 0;
  for (long long mask = 0; mask < (1LL << n); ++mask) {
    long long weight = 0, value = 0;
    for (long long i = 0; i < n; ++i)
      if (mask >> i & 1) weight += numbers.at(2 + 2 * i), value += numbers.at(3 + 2 * i);
    if (weight <= capacity) best = std::max(best, value);
  }
  return best;
}

TEST(StressE2E, FindsAndShrinksACompetitiveWrongAnswerThatJudgeRunThenFailsOn) {
  TempDir store;
  const std::string store_flag = " --store " + testing::Quoted(store.path() / "judge.db");
  const auto wrong = Solution("knapsack-01-stdio", "wrong_answer/capacity_upwards.cpp");
  const auto r = testing::RunJudgeCli("stress knapsack-01-stdio " + wrong +
                                      " --seed 7 --count 3000 --save --json" + store_flag);
  const nlohmann::json j = Json(r);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(r.exit_code, 1) << r.out;
  ASSERT_EQ(j["stop"], "disagreement") << r.out;
  EXPECT_EQ(j["verdict"], "WA");
  // Shrunk: an item taken twice needs one item, so the smallest case has one or two.
  const auto numbers = Numbers(j["input"].get<std::string>());
  ASSERT_GE(numbers.size(), 2u);
  EXPECT_LE(numbers[0], 2) << j["input"];
  EXPECT_LE(j["shrink"]["size"]["elements"].get<long>(),
            j["shrink"]["first_size"]["elements"].get<long>());
  // The brute force's answer is the right one, and the file's is not.
  EXPECT_EQ(Numbers(j["expected"].get<std::string>()), std::vector<long long>{BestValue(numbers)});
  EXPECT_NE(Numbers(j["received"].get<std::string>()), Numbers(j["expected"].get<std::string>()));
  ASSERT_EQ(j["saved"]["test"], "local/stress-1") << r.out;

  // judge run includes the saved case, first, and the wrong answer fails on it...
  auto run = testing::RunJudgeCli("run knapsack-01-stdio " + wrong + " --json" + store_flag);
  nlohmann::json judged = Json(run);
  ASSERT_TRUE(judged.is_object()) << run.out;
  EXPECT_EQ(judged["verdict"], "WA");
  EXPECT_EQ(judged["failed_test"], "local/stress-1");
  EXPECT_EQ(judged["local_tests"]["count"], 1);
  run = testing::RunJudgeCli("run knapsack-01-stdio " + wrong + store_flag);
  EXPECT_NE(run.out.find("Included 1 local test from"), std::string::npos) << run.out;
  // ... while the brute force and the reference pass it, and --no-local leaves it out.
  for (const char* file : {"brute_force.py", "reference.cpp"}) {
    run = testing::RunJudgeCli("run knapsack-01-stdio " + Solution("knapsack-01-stdio", file) +
                               " --group local --json" + store_flag);
    judged = Json(run);
    ASSERT_TRUE(judged.is_object()) << run.out;
    EXPECT_EQ(judged["verdict"], "AC") << file << ": " << judged["reason"];
    EXPECT_EQ(judged["tests_total"], 1);
  }
  run = testing::RunJudgeCli("run knapsack-01-stdio " + wrong + " --no-local --json" + store_flag);
  judged = Json(run);
  ASSERT_TRUE(judged.is_object()) << run.out;
  EXPECT_NE(judged["failed_test"], "local/stress-1");
  EXPECT_FALSE(judged.contains("local_tests"));
}

TEST(StressE2E, ShrinksAnInterviewWrongAnswerToARealFailure) {
  const auto r = testing::RunJudgeCli(
      "stress kth-largest " + Solution("kth-largest", "wrong_answer/kth_distinct_via_set.cpp") +
      " --seed 11 --count 5000 --json");
  const nlohmann::json j = Json(r);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(j["stop"], "disagreement") << r.out;
  EXPECT_EQ(j["verdict"], "WA");
  auto nums = j["input"]["nums"].get<std::vector<long long>>();
  const long long k = j["input"]["k"];
  // Counting distinct values goes wrong only with a repeated value: two elements at least, and
  // shrinking leaves no more than three.
  EXPECT_GE(nums.size(), 2u);
  EXPECT_LE(nums.size(), 3u) << j["input"];
  std::sort(nums.rbegin(), nums.rend());
  EXPECT_EQ(j["expected"], nums.at(k - 1));
  EXPECT_NE(j["received"], j["expected"]);
  EXPECT_GE(j["shrink"]["steps"].get<int>(), 0);
}

TEST(StressE2E, AnAcceptedSubmissionRunsItsCountWithoutADisagreement) {
  const auto r = testing::RunJudgeCli("stress kth-largest " +
                                      Solution("kth-largest", "accepted/sort_and_index.cpp") +
                                      " --count 300 --json");
  const nlohmann::json j = Json(r);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(j["stop"], "count");
  EXPECT_EQ(j["tried"], 300);
  EXPECT_EQ(j["skipped"], 0);
  EXPECT_FALSE(j.contains("verdict"));
}

TEST(StressE2E, RefusesAnInteractiveProblem) {
  const auto r = testing::RunJudgeCli("stress guess-the-number " +
                                      Solution("guess-the-number", "reference.cpp") + " --count 5");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("guess-the-number is interactive: judge stress compares answers"),
            std::string::npos)
      << r.out;
}

// A competitive problem with literal tests only, so stress needs a generator of the person's.
class StressUserGeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto problem = root_.path() / "problems" / "sum-list";
    std::filesystem::create_directories(problem);
    std::filesystem::create_directories(root_.path() / "testcases" / "sum-list");
    std::ofstream(problem / "problem.json") << R"({"title": "Sum of a list", "difficulty": "easy",
      "style": "competitive", "checker": {"name": "tokens"}})";
    std::ofstream(problem / "statement.md") << "Print the sum of n numbers.\n";
    std::ofstream(root_.path() / "testcases" / "sum-list" / "01.json")
        << R"({"group": "samples", "cases": [{"name": "one", "input": "2\n1 2\n", "expected": "3\n"}]})";
    // n from the seed, 1..7, and the numbers 1..n: the shortest failing input is unique.
    Write("gen.py",
          "import sys\nn = int(sys.argv[1]) % 7 + 1\nprint(n)\nprint(*range(1, n + 1))\n");
    Write("brute.py",
          "import sys\nv = list(map(int, sys.stdin.read().split()))\nprint(sum(v[1:]))\n");
    // Wrong from four numbers on: it adds the first three only.
    Write("first_three.cpp",
          "#include <bits/stdc++.h>\nint main(){int n;std::cin>>n;long long s=0;"
          "for(int i=0;i<n;i++){long long x;std::cin>>x;if(i<3)s+=x;}std::cout<<s<<\"\\n\";}\n");
    Write("right.cpp",
          "#include <bits/stdc++.h>\nint main(){int n;std::cin>>n;long long s=0;"
          "for(int i=0;i<n;i++){long long x;std::cin>>x;s+=x;}std::cout<<s<<\"\\n\";}\n");
    Write("broken_gen.py", "import sys\nraise SystemExit('no seed for you')\n");
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(root_.path() / name) << text;
  }
  std::string Args(const std::string& rest) {
    return "--root " + testing::Quoted(root_.path()) + " stress sum-list " +
           testing::Quoted(root_.path() / rest);
  }
  std::string File(const std::string& name) { return testing::Quoted(root_.path() / name); }
  TempDir root_;
};

TEST_F(StressUserGeneratorTest, KeepsTheShortestFailingInputOfTheNextSeeds) {
  const auto r = testing::RunJudgeCli(Args("first_three.cpp") + " --gen " + File("gen.py") +
                                      " --brute " + File("brute.py") + " --count 50 --json");
  const nlohmann::json j = Json(r);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(j["stop"], "disagreement") << r.out;
  EXPECT_EQ(j["input"], "4\n1 2 3 4\n");
  EXPECT_EQ(j["expected"], "10\n");
  EXPECT_EQ(j["received"], "6\n");
  EXPECT_NE(j["shrink"]["method"].get<std::string>().find("cannot be shrunk by its params"),
            std::string::npos);
  EXPECT_EQ(j["shrink"]["tried"], 100);
  EXPECT_NE(j["origin"].get<std::string>().find("gen.py "), std::string::npos);

  const auto text = testing::RunJudgeCli(Args("first_three.cpp") + " --gen " + File("gen.py") +
                                         " --brute " + File("brute.py") + " --count 50");
  EXPECT_NE(text.out.find("brute force (brute.py):\n    10\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("yours (first_three.cpp): WA"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("input:\n    4\n    1 2 3 4\n"), std::string::npos) << text.out;
}

TEST_F(StressUserGeneratorTest, AgreesWithARightFileAndRefusesWhatItCannotUse) {
  auto r = testing::RunJudgeCli(Args("right.cpp") + " --gen " + File("gen.py") + " --brute " +
                                File("brute.py") + " --count 20");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no disagreement in 20 cases"), std::string::npos) << r.out;
  // Without a generator: the problem has none to scale down.
  r = testing::RunJudgeCli(Args("right.cpp") + " --brute " + File("brute.py"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("give a generator of yours with --gen"), std::string::npos) << r.out;
  // A generator that fails names itself and its seed.
  r = testing::RunJudgeCli(Args("right.cpp") + " --gen " + File("broken_gen.py") + " --brute " +
                           File("brute.py") + " --seed 5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(
      r.out.find("the generator failed: broken_gen.py 5: exited with code 1: no seed for you"),
      std::string::npos)
      << r.out;
  // A file that does not compile is CE, a verdict (exit 1).
  Write("typo.cpp", "int main(){ return 0 }\n");
  r = testing::RunJudgeCli(Args("typo.cpp") + " --gen " + File("gen.py") + " --brute " +
                           File("brute.py"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("CE  typo.cpp does not compile"), std::string::npos) << r.out;
}

// Starts the judge, waits for a line with `ready` in what it prints, sends SIGINT, and returns
// everything printed and the exit code.
testing::CliResult InterruptWhen(const std::vector<std::string>& args, const std::string& ready) {
  testing::JudgeProcess judge(args);
  testing::CliResult result;
  for (std::string line; !(line = judge.Line()).empty();) {
    result.out += line;
    if (line.find(ready) == std::string::npos) continue;
    std::string rest;
    result.exit_code = judge.Interrupt(&rest);
    result.out += rest;
    return result;
  }
  result.out += "\n(the test never sent SIGINT)";
  return result;
}

TEST(StressE2E, CtrlCStopsWithASummary) {
  // No count and no time limit: only the interruption ends it. The first progress line (printed
  // once a second when not on a terminal) says it is under way.
  const auto r = InterruptWhen(
      {"stress", "kth-largest",
       (kRoot / "solutions/kth-largest/accepted/sort_and_index.cpp").string(), "--time", "0"},
      "cases/s");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("OK  no disagreement in "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stopped: interrupted"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace judge
