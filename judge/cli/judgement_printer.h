// The human form of a judge judgement: a header line, a table of tests, the failure in detail
// (input, expected, received, the solution's own prints) and a one-line summary.
#pragma once

#include <cstdio>

#include "judge/cli/terminal.h"
#include "judge/run/judge.h"

namespace judge::cli {

void PrintJudgement(const Judgement& judgement, const Terminal& terminal, FILE* out);
// "AC" in green, "WA" in red, ...
std::string PaintVerdict(Verdict verdict, const Terminal& terminal);

}  // namespace judge::cli
