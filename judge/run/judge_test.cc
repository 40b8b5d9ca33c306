// The judging flow with a scripted sandbox: which processes are started, how a harness that
// dies mid-run is resumed, where judging stops, and that an unchanged file is not rebuilt.
#include "judge/run/judge.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>

#include "judge/files/files.h"
#include "judge/sandbox/fake_sandbox.h"

namespace judge {
namespace {

std::string Ok(const std::string& output) {
  return R"({"status":"ok","time_ns":2000000,"memory_kb":12,"stdout_bytes":0,"output":)" + output +
         "}\n";
}

class JudgeFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.root = temp_.path();
    workspace_.cache = temp_.path() / "cache";
    const auto problem_dir = workspace_.problems() / "add";
    std::filesystem::create_directories(problem_dir);
    std::filesystem::create_directories(workspace_.testcases() / "add");
    std::ofstream(problem_dir / "problem.json") << R"({"title": "Add", "difficulty": "easy",
      "style": "interview", "signature": {"function": "add", "params": [{"name": "a", "type": "int"},
      {"name": "b", "type": "int"}], "returns": "int"}})";
    std::ofstream(workspace_.testcases() / "add" / "01.json") << R"({"group": "g", "cases": [
      {"name": "one", "input": {"a": 1, "b": 2}, "expected": 3},
      {"name": "two", "input": {"a": 2, "b": 2}, "expected": 4},
      {"name": "three", "input": {"a": 3, "b": 2}, "expected": 5}]})";
    std::string err;
    ASSERT_TRUE(LoadProblem(problem_dir, &problem_, &err)) << err;
    source_ = temp_.path() / "add.py";
    std::ofstream(source_) << "class Solution:\n    def add(self, a, b):\n        return a + b\n";
  }

  Judgement Judge(bool all) {
    JudgeOptions options;
    options.all_tests = all;
    Judgement judgement;
    std::string err;
    EXPECT_TRUE(JudgeSubmission(workspace_, problem_, source_, options, sandbox_, &judgement, &err))
        << err;
    return judgement;
  }

  TempDir temp_;
  Workspace workspace_;
  Problem problem_;
  std::filesystem::path source_;
  FakeSandbox sandbox_;
};

TEST_F(JudgeFlowTest, ResumesAfterTheCaseThatKilledTheHarnessWhenJudgingAll) {
  sandbox_.Script({.result = FakeSandbox::Exited(0)});  // the syntax check
  sandbox_.Script({.result = FakeSandbox::Signaled(SIGPROF), .fd3_text = Ok("3")});
  sandbox_.Script({.result = FakeSandbox::Exited(0), .fd3_text = Ok("5")});
  const Judgement judgement = Judge(/*all=*/true);
  ASSERT_EQ(judgement.tests.size(), 3u);
  EXPECT_EQ(judgement.tests[0].verdict, Verdict::kAccepted);
  EXPECT_EQ(judgement.tests[1].verdict, Verdict::kTimeLimitExceeded);
  EXPECT_EQ(judgement.tests[2].verdict, Verdict::kAccepted);
  EXPECT_EQ(judgement.verdict, Verdict::kTimeLimitExceeded);
  EXPECT_EQ(judgement.failed_test, "g/two");
  EXPECT_EQ(sandbox_.remaining(), 0u);
  // Python's limits carry its multiplier: 5 x 1000 ms of CPU time, a wall clock of twice that
  // and a second; the memory limit is in KB.
  const auto& harness_argv = sandbox_.specs()[1].argv;
  ASSERT_GE(harness_argv.size(), 3u);
  EXPECT_EQ(harness_argv[harness_argv.size() - 3], "5000");
  EXPECT_EQ(harness_argv[harness_argv.size() - 2], "11000");
  EXPECT_EQ(harness_argv.back(), "262144");
}

TEST_F(JudgeFlowTest, StopsAtTheFirstFailureByDefault) {
  sandbox_.Script({.result = FakeSandbox::Exited(0)});
  sandbox_.Script({.result = FakeSandbox::Exited(0), .fd3_text = Ok("3") + Ok("5") + Ok("5")});
  const Judgement judgement = Judge(/*all=*/false);
  ASSERT_EQ(judgement.tests.size(), 2u);
  EXPECT_EQ(judgement.verdict, Verdict::kWrongAnswer);
  EXPECT_EQ(judgement.total_tests, 3u);
  EXPECT_EQ(judgement.tests[1].received, 5);
}

TEST_F(JudgeFlowTest, ACompileErrorRunsNothing) {
  sandbox_.Script({.result = FakeSandbox::Exited(1),
                   .stderr_text = "add.py:2: SyntaxError: expected ':'\n  details\n"});
  const Judgement judgement = Judge(false);
  EXPECT_EQ(judgement.verdict, Verdict::kCompileError);
  EXPECT_EQ(judgement.reason, "add.py:2: SyntaxError: expected ':'");
  EXPECT_TRUE(judgement.tests.empty());
  EXPECT_EQ(sandbox_.specs().size(), 1u);
}

TEST_F(JudgeFlowTest, AnUnchangedFileIsNotBuiltAgain) {
  sandbox_.Script({.result = FakeSandbox::Exited(0)});
  sandbox_.Script({.result = FakeSandbox::Exited(0), .fd3_text = Ok("3") + Ok("4") + Ok("5")});
  EXPECT_EQ(Judge(false).verdict, Verdict::kAccepted);
  sandbox_.Script({.result = FakeSandbox::Exited(0), .fd3_text = Ok("3") + Ok("4") + Ok("5")});
  const Judgement again = Judge(false);
  EXPECT_EQ(again.verdict, Verdict::kAccepted);
  EXPECT_TRUE(again.build.from_cache);
  EXPECT_EQ(sandbox_.specs().size(), 3u);  // check, run, run: no second check
}

TEST_F(JudgeFlowTest, AnUnknownExtensionIsABadInputNotAVerdict) {
  source_ = temp_.path() / "add.rb";
  std::ofstream(source_) << "puts 1";
  Judgement judgement;
  std::string err;
  EXPECT_FALSE(
      JudgeSubmission(workspace_, problem_, source_, JudgeOptions(), sandbox_, &judgement, &err));
  EXPECT_NE(err.find("cannot tell the language"), std::string::npos) << err;
}

}  // namespace
}  // namespace judge
