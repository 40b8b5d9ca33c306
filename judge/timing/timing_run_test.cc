// MeasureTiming's method (TIMING.md): passes go on past the minimum until each side's fastest
// pass is matched by another, and a run whose fastest passes never agree gives no figure. The
// programs are scripted (FakeSandbox): a competitive problem's test takes the CPU time its
// process reports.
#include "judge/timing/timing_run.h"

#include <gtest/gtest.h>

#include "judge/sandbox/fake_sandbox.h"

namespace judge {
namespace {

class TimingRunTest : public testing::Test {
 protected:
  TimingRunTest() {
    problem_.style = Style::kCompetitive;
    test_.name = "performance/only";
    test_.group = "performance";
    test_.input = "1 2\n";
    side_.program.argv = {"/bin/true"};
  }

  // One pass each, reference first, as MeasureTiming interleaves them.
  void ScriptPasses(const std::vector<std::pair<double, double>>& reference_and_submission_ms) {
    for (const auto& [reference_ms, submission_ms] : reference_and_submission_ms) {
      sandbox_.Script(
          {.result = FakeSandbox::Exited(0, reference_ms / 1000), .stdout_text = "3\n"});
      sandbox_.Script(
          {.result = FakeSandbox::Exited(0, submission_ms / 1000), .stdout_text = "3\n"});
    }
  }

  bool Measure() {
    return MeasureTiming(problem_, {&test_}, side_, side_, 5, sandbox_, &figures_, &note_, &err_);
  }

  Problem problem_;
  TestCase test_;
  Timed side_;
  FakeSandbox sandbox_;
  TimingFigures figures_;
  std::string note_, err_;
};

TEST_F(TimingRunTest, AQuietMachineTakesTheLeastPasses) {
  ScriptPasses({{100, 200}, {101, 201}, {100, 200}, {102, 203}, {100, 201}, {100, 200}});
  ASSERT_TRUE(Measure()) << err_;
  EXPECT_EQ(note_, "");
  EXPECT_EQ(figures_.repetitions, 5);
  EXPECT_DOUBLE_EQ(figures_.ratio, 2.0);
  EXPECT_EQ(sandbox_.remaining(), 2u);  // the sixth pass was not needed
}

TEST_F(TimingRunTest, ALoneFastPassIsConfirmedBeforeTheFigureCounts) {
  // The reference's fastest pass (100) is 10% below every other until the eighth pass.
  ScriptPasses({{100, 200},
                {110, 200},
                {115, 201},
                {112, 200},
                {118, 200},
                {111, 201},
                {114, 200},
                {101, 200},
                {120, 200}});
  ASSERT_TRUE(Measure()) << err_;
  EXPECT_EQ(note_, "");
  EXPECT_EQ(figures_.repetitions, 8);
  EXPECT_DOUBLE_EQ(figures_.ratio, 2.0);
}

TEST_F(TimingRunTest, PassesOfAFewMillisecondsAgreeWithinTheTimersJitter) {
  ScriptPasses({{1.00, 2.00}, {1.04, 2.04}, {1.20, 2.30}, {1.30, 2.20}, {1.10, 2.10}});
  ASSERT_TRUE(Measure()) << err_;
  EXPECT_EQ(note_, "");
  EXPECT_EQ(figures_.repetitions, 5);
}

TEST_F(TimingRunTest, FastestPassesThatNeverAgreeGiveNoFigure) {
  std::vector<std::pair<double, double>> passes;
  for (int i = 0; i < 20; ++i) passes.push_back({500.0 - 20 * i, 400});  // ever faster
  ScriptPasses(passes);
  ASSERT_TRUE(Measure()) << err_;
  EXPECT_EQ(figures_.repetitions, 0);
  EXPECT_NE(note_.find("no steady figure"), std::string::npos) << note_;
  EXPECT_NE(note_.find("over 20 passes"), std::string::npos) << note_;
  EXPECT_EQ(sandbox_.remaining(), 0u);  // stopped at four times the least passes
}

}  // namespace
}  // namespace judge
