#include "judge/run/verdict.h"

#include <array>

namespace judge {
namespace {

struct VerdictRow {
  Verdict verdict;
  std::string_view code;
  std::string_view name;
  std::string_view folder;  // submissions that must earn it live in solutions/<slug>/<folder>/
};

constexpr std::array<VerdictRow, 8> kVerdicts = {{
    {Verdict::kAccepted, "AC", "Accepted", "accepted"},
    {Verdict::kWrongAnswer, "WA", "Wrong Answer", "wrong_answer"},
    {Verdict::kTimeLimitExceeded, "TLE", "Time Limit Exceeded", "time_limit_exceeded"},
    {Verdict::kMemoryLimitExceeded, "MLE", "Memory Limit Exceeded", "memory_limit_exceeded"},
    {Verdict::kOutputLimitExceeded, "OLE", "Output Limit Exceeded", "output_limit_exceeded"},
    {Verdict::kRuntimeError, "RE", "Runtime Error", "runtime_error"},
    {Verdict::kCompileError, "CE", "Compile Error", "compile_error"},
    {Verdict::kJudgeError, "JE", "Judge Error", "judge_error"},
}};

const VerdictRow& Row(Verdict verdict) {
  for (const VerdictRow& row : kVerdicts)
    if (row.verdict == verdict) return row;
  return kVerdicts.back();
}

}  // namespace

std::string_view VerdictCode(Verdict verdict) { return Row(verdict).code; }
std::string_view VerdictName(Verdict verdict) { return Row(verdict).name; }

std::optional<Verdict> ParseVerdict(std::string_view text) {
  for (const VerdictRow& row : kVerdicts)
    if (text == row.code || text == row.folder) return row.verdict;
  return std::nullopt;
}

}  // namespace judge
