// How an interactive test's verdict weighs the submission's ending against the interactor's
// (test_verdict.cc): which spoke first, and whose fault each ending is.
#include <gtest/gtest.h>

#include <csignal>

#include "judge/run/test_verdict.h"

namespace judge {
namespace {

using Kind = InteractorOutcome::Kind;

class NeverCalled : public Checker {
 public:
  CheckOutcome Check(const nlohmann::json&, const nlohmann::json&,
                     const nlohmann::json&) const override {
    ADD_FAILURE() << "an interactive test must not reach the checker";
    return {};
  }
};

// The submission's side: a clean exit, or ended by `signal` / `exit_code` / the wall clock.
Execution Submission(int signal = 0, int exit_code = 0, bool wall_timeout = false,
                     std::string stderr_tail = "") {
  Execution e;
  const bool clean = signal == 0 && exit_code == 0 && !wall_timeout;
  e.outcome = clean ? Execution::Outcome::kReturned : Execution::Outcome::kCrashed;
  e.output = "";
  e.signal = signal;
  e.exit_code = exit_code;
  e.wall_timeout = wall_timeout;
  e.stderr_tail = std::move(stderr_tail);
  e.time_ms = 5;
  return e;
}

Execution With(Execution e, Kind kind, std::string message, bool ended_first) {
  e.interactor = InteractorOutcome{kind, std::move(message), ended_first};
  return e;
}

TEST(InteractiveVerdictTest, WeighsTheTwoEndings) {
  struct Case {
    const char* what;
    Execution execution;
    Verdict verdict;
    const char* reason;
  };
  const Case cases[] = {
      {"both done, accepted", With(Submission(), Kind::kAccepted, "", false), Verdict::kAccepted,
       ""},
      {"both done, rejected", With(Submission(), Kind::kWrongAnswer, "answered 3", false),
       Verdict::kWrongAnswer, "the interactor: answered 3"},
      {"rejected first, then SIGPIPE",
       With(Submission(SIGPIPE), Kind::kWrongAnswer, "too many queries", false),
       Verdict::kWrongAnswer, "the interactor: too many queries"},
      {"rejected first, then Python's BrokenPipeError",
       With(Submission(0, 1, false, "BrokenPipeError: [Errno 32] Broken pipe"), Kind::kWrongAnswer,
            "too many queries", false),
       Verdict::kWrongAnswer, "the interactor: too many queries"},
      {"rejected first, then waited past the wall clock",
       With(Submission(SIGKILL, -1, true), Kind::kWrongAnswer, "bad query", true),
       Verdict::kWrongAnswer, "the interactor: bad query"},
      {"crashed first, then rejected for the silence",
       With(Submission(SIGSEGV, -1), Kind::kWrongAnswer, "no answer", false),
       Verdict::kRuntimeError, "killed by SIGSEGV"},
      {"timed out first",
       With(Submission(SIGKILL, -1, true), Kind::kWrongAnswer, "no answer", false),
       Verdict::kTimeLimitExceeded, "wall-clock limit"},
      {"accepted, then the submission crashed", With(Submission(0, 3), Kind::kAccepted, "", true),
       Verdict::kRuntimeError, "exited with code 3"},
      {"the interactor failed, whatever the submission did",
       With(Submission(SIGKILL, -1, true), Kind::kFailed, "it exited with code 1", false),
       Verdict::kJudgeError,
       "the interactor failed (the problem's fault, not the submission's): "
       "it exited with code 1"},
  };
  TestCase test;
  test.name = "samples/one";
  test.group = "samples";
  test.input = "10 7\n";
  test.expected = "";
  for (const Case& c : cases) {
    const TestResult r = DecideTest(test, c.execution, NeverCalled(), ExecutionLimits());
    EXPECT_EQ(r.verdict, c.verdict) << c.what << ": " << r.reason;
    EXPECT_NE(r.reason.find(c.reason), std::string::npos) << c.what << ": " << r.reason;
    if (r.verdict != Verdict::kAccepted) {
      EXPECT_TRUE(r.received.is_null()) << c.what << ": the output went to the interactor";
      EXPECT_TRUE(r.expected.is_null()) << c.what << ": an empty answer file is not shown";
    }
  }
}

}  // namespace
}  // namespace judge
