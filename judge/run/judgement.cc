#include "judge/run/judgement.h"

#include <algorithm>
#include <cmath>

namespace judge {

void to_json(nlohmann::json& j, const Judgement& judgement) {
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& test : judgement.tests) tests.push_back(test);
  double max_time = 0;
  long max_memory = 0;
  size_t passed = 0;
  for (const auto& test : judgement.tests) {
    max_time = std::max(max_time, test.time_ms);
    max_memory = std::max(max_memory, test.memory_kb);
    passed += test.verdict == Verdict::kAccepted;
  }
  j = {
      {"problem", judgement.problem},
      {"language", judgement.language},
      {"source", judgement.source.string()},
      {"source_sha256", judgement.source_sha256},
      {"verdict", VerdictCode(judgement.verdict)},
      {"reason", judgement.reason},
      {"failed_test", judgement.failed_test},
      {"tests_total", judgement.total_tests},
      {"tests_passed", passed},
      {"max_time_ms", std::round(max_time * 1000) / 1000},
      {"max_memory_kb", max_memory},
      {"limits",
       {{"time_ms", judgement.limits.time_ms},
        {"memory_kb", judgement.limits.memory_kb},
        {"output_bytes", judgement.limits.output_bytes}}},
      {"compile",
       {{"cached", judgement.build.from_cache},
        {"seconds", judgement.build.seconds},
        {"first_error", judgement.build.first_error},
        {"log", judgement.build.log}}},
      {"sanitized_groups", judgement.sanitized_groups},
      {"tests", tests},
  };
}

void from_json(const nlohmann::json& j, Judgement& judgement) {
  judgement.problem = j.at("problem").get<std::string>();
  judgement.language = j.value("language", "");
  judgement.source = j.value("source", "");
  judgement.source_sha256 = j.value("source_sha256", "");
  judgement.verdict =
      ParseVerdict(j.at("verdict").get<std::string>()).value_or(Verdict::kJudgeError);
  judgement.reason = j.value("reason", "");
  judgement.failed_test = j.value("failed_test", "");
  judgement.total_tests = j.value("tests_total", size_t{0});
  const auto limits = j.value("limits", nlohmann::json::object());
  judgement.limits.time_ms = limits.value("time_ms", judgement.limits.time_ms);
  judgement.limits.memory_kb = limits.value("memory_kb", judgement.limits.memory_kb);
  judgement.limits.output_bytes = limits.value("output_bytes", judgement.limits.output_bytes);
  const auto compile = j.value("compile", nlohmann::json::object());
  judgement.build.compiled = judgement.verdict != Verdict::kCompileError;
  judgement.build.from_cache = compile.value("cached", false);
  judgement.build.seconds = compile.value("seconds", 0.0);
  judgement.build.first_error = compile.value("first_error", "");
  judgement.build.log = compile.value("log", "");
  judgement.sanitized_groups = j.value("sanitized_groups", std::vector<std::string>());
  judgement.tests = j.value("tests", std::vector<TestResult>());
}

}  // namespace judge
