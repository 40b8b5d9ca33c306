// Judging one submission end to end: tests -> build -> run -> check -> verdict.
//
// The caller owns presentation: JudgeSubmission returns a Judgement, and the CLI prints it as
// a table or JSON. Errors that are not the submission's fault (malformed problem or test files,
// an unknown language, a missing compiler) return false with a one-line message.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "judge/lang/language.h"
#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/run/judgement.h"
#include "judge/sandbox/sandbox.h"
#include "judge/testset/test_case.h"

namespace judge {

struct JudgeOptions {
  std::string language;    // "cpp", "python"; empty: from the file's extension
  bool all_tests = false;  // judge every test instead of stopping at the first failure
  std::vector<std::string> only_groups;  // judge only these test groups; empty: all
  std::vector<std::string> skip_groups;  // and never these
  // Judge the groups that ask for it (TestCase::sanitize) under the language's sanitizers, if
  // it has them (judge/run/sanitizers.h); `--no-sanitize` clears it.
  bool sanitize = true;
  // Judged before the problem's own tests: `judge run`'s local tests (judge/stress/local_tests.h).
  std::vector<TestCase> extra_tests;
  // Called as tests finish ("12/17 tests"), for a progress line; may be empty.
  std::function<void(size_t done, size_t total)> progress;
  // Called with each test's result as it is decided (`judge serve` streams them); may be empty.
  std::function<void(const TestResult& result)> on_test;
  // Asked before each batch of tests: true stops judging with "cancelled" as the error (a
  // browser tab closed mid-judgement); may be empty.
  std::function<bool()> cancelled;
};

bool JudgeSubmission(const Workspace& workspace, const Problem& problem,
                     const std::filesystem::path& source, const JudgeOptions& options,
                     Sandbox& sandbox, Judgement* judgement, std::string* err);

// The problem's limits for a language, its time multiplier applied.
ExecutionLimits SubmissionLimits(const Problem& problem, const LanguageInfo& language);

// The language a file is judged in: `override_name` if given, else by extension.
const LanguageInfo* ChooseLanguage(const std::filesystem::path& source,
                                   const std::string& override_name, std::string* err);

}  // namespace judge
