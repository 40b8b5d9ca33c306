// The closed set of verdicts a judged test or submission can earn.
//
// Each verdict's code ("AC", "WA", ...) is what the store and JSON reports keep, and its folder
// name is where kept submissions live: never change a code or a folder name, only add verdicts.
#pragma once

#include <optional>
#include <string_view>

namespace judge {

enum class Verdict {
  kAccepted,
  kWrongAnswer,
  kTimeLimitExceeded,
  kMemoryLimitExceeded,
  kOutputLimitExceeded,
  kRuntimeError,
  kCompileError,
  kJudgeError,  // the judge itself failed (bad problem files, missing toolchain)
};

// "AC", "WA", "TLE", "MLE", "OLE", "RE", "CE", "JE".
std::string_view VerdictCode(Verdict verdict);
// "Accepted", "Wrong Answer", ...
std::string_view VerdictName(Verdict verdict);
// Parses a code ("AC") or a folder name ("accepted", "wrong_answer", ...).
std::optional<Verdict> ParseVerdict(std::string_view text);

}  // namespace judge
