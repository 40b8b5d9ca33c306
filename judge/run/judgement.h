// What judging one submission found: its verdict, why, the build, the limits it ran under and
// each judged test's result; and its JSON form, as `judge run --json` prints it (at least
// "verdict", a code from verdict.h, and "tests", each with name, verdict, time_ms, memory_kb).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "judge/lang/language.h"
#include "judge/run/execution.h"
#include "judge/run/test_verdict.h"
#include "judge/run/verdict.h"

namespace judge {

struct Judgement {
  std::string problem;
  std::string language;
  std::filesystem::path source;
  std::string source_sha256;
  Verdict verdict = Verdict::kJudgeError;
  std::string reason;  // the first failing test's reason, or the compiler's first error
  std::string failed_test;
  BuildResult build;
  ExecutionLimits limits;
  size_t total_tests = 0;
  std::vector<std::string> sanitized_groups;  // the groups judged under the sanitizers
  std::vector<TestResult> tests;              // those judged, in order
};

void to_json(nlohmann::json& j, const Judgement& judgement);
// Reads back what to_json wrote (a queued job's judgement, printed by `judge status`): what the
// printer shows, with the tests' values as shortened there. Throws nlohmann::json's exceptions.
void from_json(const nlohmann::json& j, Judgement& judgement);

}  // namespace judge
