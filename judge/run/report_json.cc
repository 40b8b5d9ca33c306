#include "judge/run/report_json.h"

#include <cmath>

namespace judge {
namespace {

constexpr size_t kShownValueChars = 400;

nlohmann::json TestToJson(const TestResult& test) {
  nlohmann::json j = {{"name", test.name},
                      {"group", test.group},
                      {"verdict", VerdictCode(test.verdict)},
                      {"time_ms", std::round(test.time_ms * 1000) / 1000},
                      {"memory_kb", test.memory_kb}};
  if (test.verdict != Verdict::kAccepted) {
    j["reason"] = test.reason;
    j["input"] = ShortJson(test.input, kShownValueChars);
    j["expected"] = ShortJson(test.expected, kShownValueChars);
    if (!test.received.is_null()) j["received"] = ShortJson(test.received, kShownValueChars);
  }
  if (!test.debug_output.empty()) j["stdout"] = test.debug_output;
  return j;
}

}  // namespace

std::string ShortJson(const nlohmann::json& value, size_t max_chars) {
  if (value.is_array() && value.size() > 8) {
    // Show the head and the tail of long arrays rather than a cut-off prefix.
    std::string head, tail;
    for (size_t i = 0; i < 3; ++i) head += (i ? "," : "") + ShortJson(value[i], max_chars / 8);
    for (size_t i = value.size() - 2; i < value.size(); ++i)
      tail += "," + ShortJson(value[i], max_chars / 8);
    return "[" + head + ", ... " + std::to_string(value.size() - 5) + " more ..." + tail + "]";
  }
  if (value.is_object()) {
    std::string text;
    for (const auto& [key, member] : value.items())
      text += (text.empty() ? "" : ", ") + ("\"" + key + "\": ") + ShortJson(member, max_chars / 2);
    text = "{" + text + "}";
    return text.size() <= max_chars ? text : text.substr(0, max_chars) + "...";
  }
  std::string text = value.dump();
  if (text.size() > max_chars) text = text.substr(0, max_chars) + "... (" + std::to_string(text.size()) + " chars)";
  return text;
}

nlohmann::json ReportToJson(const JudgeReport& report) {
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& test : report.tests) tests.push_back(TestToJson(test));
  double max_time = 0;
  long max_memory = 0;
  size_t passed = 0;
  for (const auto& test : report.tests) {
    max_time = std::max(max_time, test.time_ms);
    max_memory = std::max(max_memory, test.memory_kb);
    passed += test.verdict == Verdict::kAccepted;
  }
  nlohmann::json j = {
      {"problem", report.problem},
      {"language", report.language},
      {"source", report.source.string()},
      {"source_sha256", report.source_sha256},
      {"verdict", VerdictCode(report.verdict)},
      {"reason", report.reason},
      {"failed_test", report.failed_test},
      {"tests_total", report.total_tests},
      {"tests_passed", passed},
      {"max_time_ms", std::round(max_time * 1000) / 1000},
      {"max_memory_kb", max_memory},
      {"limits",
       {{"time_ms", report.limits.time_ms},
        {"memory_kb", report.limits.memory_kb},
        {"output_bytes", report.limits.output_bytes}}},
      {"compile",
       {{"cached", report.build.from_cache},
        {"seconds", report.build.seconds},
        {"first_error", report.build.first_error},
        {"log", report.build.log}}},
      {"tests", tests},
  };
  return j;
}

}  // namespace judge
