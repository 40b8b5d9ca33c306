// The closed set of verdicts a judged test or submission can earn.
//
// The numeric values are stored (leaderboard store, JSON reports): never change the value of an
// existing entry, only append new ones.
#pragma once

#include <optional>
#include <string_view>

namespace judge {

enum class Verdict {
  kAccepted = 0,
  kWrongAnswer = 1,
  kTimeLimitExceeded = 2,
  kMemoryLimitExceeded = 3,
  kOutputLimitExceeded = 4,
  kRuntimeError = 5,
  kCompileError = 6,
  kJudgeError = 7,  // the judge itself failed (bad problem files, missing toolchain)
};

// "AC", "WA", "TLE", "MLE", "OLE", "RE", "CE", "JE".
std::string_view VerdictCode(Verdict verdict);
// "Accepted", "Wrong Answer", ...
std::string_view VerdictName(Verdict verdict);
// Parses a code ("AC") or a folder name ("accepted", "wrong_answer", ...).
std::optional<Verdict> ParseVerdict(std::string_view text);

}  // namespace judge
