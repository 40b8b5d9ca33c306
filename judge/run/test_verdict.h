// Turns what a test did (an Execution) into its verdict with a short reason. Pure logic: the
// same Execution always gets the same verdict, so it is tested without running anything.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "judge/check/checker.h"
#include "judge/run/execution.h"
#include "judge/run/verdict.h"
#include "judge/testset/test_case.h"

namespace judge {

struct TestResult {
  std::string name;
  std::string group;
  Verdict verdict = Verdict::kJudgeError;
  std::string reason;  // empty when accepted
  double time_ms = 0;
  long memory_kb = 0;
  // For a person reading a failure: the case and what came back, in full (shortened on display).
  nlohmann::json input;
  nlohmann::json expected;
  nlohmann::json received;
  std::string debug_output;  // what the solution printed during the test
};

// The test's JSON form in `judge run --json`: name, group, verdict, time_ms, memory_kb, and for a
// failure the reason and the shortened input, expected and received values.
void to_json(nlohmann::json& j, const TestResult& test);
// Reads back what to_json wrote; values absent there (an accepted test's) are null.
void from_json(const nlohmann::json& j, TestResult& test);

TestResult DecideTest(const TestCase& test, const Execution& execution, const Checker& checker,
                      const ExecutionLimits& limits);

// "SIGSEGV (segmentation fault)".
std::string DescribeSignal(int signal);

}  // namespace judge
