// The human form of a `judge stress` run: the progress line while it searches, and at the end
// the smallest failing case with the brute force's answer and the file's (or its verdict), how
// it was shrunk, and a one-line summary.
#pragma once

#include <cstdio>
#include <string>

#include "judge/cli/terminal.h"
#include "judge/stress/stress_run.h"

namespace judge::cli {

// "1234 cases, 456 cases/s, 2.7 s" (and the shrink steps while shrinking).
std::string ProgressText(const StressProgress& progress);

// `file` and `brute` are the names shown for the two programs.
void PrintStressResult(const StressResult& result, const std::string& file,
                       const std::string& brute, const Terminal& term, FILE* out);

}  // namespace judge::cli
