#include "judge/run/test_verdict.h"

#include <gtest/gtest.h>

#include <csignal>

namespace judge {
namespace {

class ExactForTest : public Checker {
 public:
  CheckOutcome Check(const nlohmann::json&, const nlohmann::json& expected,
                     const nlohmann::json& received) const override {
    if (expected == received) return {true, ""};
    return {false, "expected " + expected.dump() + ", received " + received.dump()};
  }
};

Execution Returned(nlohmann::json output, double ms = 5, long kb = 100) {
  Execution e;
  e.outcome = Execution::Outcome::kReturned;
  e.output = std::move(output);
  e.time_ms = ms;
  e.memory_kb = kb;
  return e;
}

Execution Crashed(int signal, int exit_code = -1, std::string stderr_tail = "") {
  Execution e;
  e.outcome = Execution::Outcome::kCrashed;
  e.signal = signal;
  e.exit_code = exit_code;
  e.stderr_tail = std::move(stderr_tail);
  return e;
}

Execution WithOutcome(Execution::Outcome outcome, std::string message) {
  Execution e;
  e.outcome = outcome;
  e.message = std::move(message);
  return e;
}

TEST(DecideTest, MapsEveryOutcomeToItsVerdict) {
  ExecutionLimits limits;  // 1000 ms, 256 MB, 64 MB of output
  Execution timed_out = Crashed(SIGKILL);
  timed_out.wall_timeout = true;
  Execution printed_too_much = Returned(3);
  printed_too_much.output_bytes = 65 << 20;
  struct Case {
    const char* what;
    Execution execution;
    Verdict verdict;
    const char* reason_part;
  };
  const Case cases[] = {
      {"right answer", Returned(3), Verdict::kAccepted, ""},
      {"wrong answer", Returned(4), Verdict::kWrongAnswer, "expected 3, received 4"},
      {"slow but finished", Returned(3, 1500), Verdict::kTimeLimitExceeded, "took 1500 ms"},
      {"too much memory", Returned(3, 5, 300 * 1024), Verdict::kMemoryLimitExceeded, "used 300 MB"},
      {"printed too much", printed_too_much, Verdict::kOutputLimitExceeded,
       "more than the 65536 KB"},
      {"python EFBIG",
       WithOutcome(Execution::Outcome::kThrew, "OSError: [Errno 27] File too large"),
       Verdict::kOutputLimitExceeded, "printed more than"},
      {"CPU timer", Crashed(SIGPROF), Verdict::kTimeLimitExceeded, "CPU time"},
      {"CPU rlimit", Crashed(SIGXCPU), Verdict::kTimeLimitExceeded, "CPU time"},
      {"sleeping", timed_out, Verdict::kTimeLimitExceeded, "wall-clock"},
      {"alarm", Crashed(SIGALRM), Verdict::kTimeLimitExceeded, "wall-clock"},
      {"file size", Crashed(SIGXFSZ), Verdict::kOutputLimitExceeded, "printed more than"},
      {"segfault", Crashed(SIGSEGV), Verdict::kRuntimeError, "SIGSEGV"},
      {"abort on bad_alloc",
       Crashed(SIGABRT, -1, "terminate called after throwing an instance of 'std::bad_alloc'"),
       Verdict::kMemoryLimitExceeded, "needed more than 256 MB"},
      {"python MemoryError exit", Crashed(0, 1, "Traceback...\nMemoryError\n"),
       Verdict::kMemoryLimitExceeded, ""},
      {"non-zero exit", Crashed(0, 3, "oops\n"), Verdict::kRuntimeError,
       "exited with code 3: oops"},
      {"exception", WithOutcome(Execution::Outcome::kThrew, "std::out_of_range: vector"),
       Verdict::kRuntimeError, "uncaught exception: std::out_of_range"},
      {"bad_alloc in harness", WithOutcome(Execution::Outcome::kOutOfMemory, "std::bad_alloc"),
       Verdict::kMemoryLimitExceeded, "allocation failed"},
      {"harness input error", WithOutcome(Execution::Outcome::kBadInput, "line 1"),
       Verdict::kJudgeError, "could not read"},
  };
  TestCase test;
  test.name = "samples/one";
  test.input = {{"nums", {1, 4}}};
  test.expected = 3;
  ExactForTest checker;
  for (const auto& c : cases) {
    const TestResult r = DecideTest(test, c.execution, checker, limits);
    EXPECT_EQ(r.verdict, c.verdict) << c.what << ": " << r.reason;
    EXPECT_NE(r.reason.find(c.reason_part), std::string::npos) << c.what << ": " << r.reason;
    EXPECT_EQ(r.name, "samples/one");
  }
}

TEST(DecideTest, ATimedOutTestReportsAtLeastTheLimit) {
  TestCase test;
  ExactForTest checker;
  ExecutionLimits limits;
  limits.time_ms = 2500;
  EXPECT_EQ(DecideTest(test, Crashed(SIGPROF), checker, limits).time_ms, 2500);
}

TEST(DescribeSignal, NamesTheSignal) {
  EXPECT_NE(DescribeSignal(SIGSEGV).find("SIGSEGV"), std::string::npos);
  EXPECT_NE(DescribeSignal(SIGSEGV).find("Segmentation fault"), std::string::npos);
}

}  // namespace
}  // namespace judge
