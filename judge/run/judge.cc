#include "judge/run/judge.h"

#include <algorithm>

#include "judge/check/checker.h"
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/files/sha256.h"
#include "judge/run/expected_answers.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

std::string KnownLanguages() {
  std::string names;
  for (const auto& name : LanguageNames()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

// Runs the tests from `next` on, batch after batch: an interview harness runs all remaining
// cases in one process and may stop early (a crash, a timeout); the next batch starts after it.
// Competitive cases run one at a time so that judging stops at the first failure.
bool RunTests(const Problem& problem, const std::vector<TestCase>& tests, const Checker& checker,
              const Program& program, const JudgeOptions& options, Sandbox& sandbox,
              Judgement* judgement, std::string* err) {
  size_t next = 0;
  while (next < tests.size()) {
    const size_t batch_end = problem.style == Style::kInterview ? tests.size() : next + 1;
    std::vector<const TestCase*> batch;
    for (size_t i = next; i < batch_end; ++i) batch.push_back(&tests[i]);
    std::vector<Execution> runs;
    if (!Execute(problem, program, batch, judgement->limits, sandbox, &runs, err)) return false;
    if (runs.empty()) return Fail("the solution's process ran no test", err);
    for (size_t i = 0; i < runs.size(); ++i) {
      TestResult result = DecideTest(tests[next + i], runs[i], checker, judgement->limits);
      const bool failed = result.verdict != Verdict::kAccepted;
      if (failed && judgement->verdict == Verdict::kAccepted) {
        judgement->verdict = result.verdict;
        judgement->reason = result.reason;
        judgement->failed_test = result.name;
      }
      judgement->tests.push_back(std::move(result));
      if (failed && !options.all_tests) return true;
    }
    next += runs.size();
    if (options.progress) options.progress(next, tests.size());
  }
  return true;
}

// Keeps the tests of the chosen groups. A group asked for but absent is an error rather than an
// empty run; skipping an absent group skips nothing (a brute force skips "performance" wherever
// the problem has one).
bool SelectGroups(const JudgeOptions& options, std::vector<TestCase>* tests, std::string* err) {
  std::vector<std::string> present;
  for (const auto& test : *tests)
    if (std::find(present.begin(), present.end(), test.group) == present.end())
      present.push_back(test.group);
  for (const auto& name : options.only_groups)
    if (std::find(present.begin(), present.end(), name) == present.end()) {
      std::string list;
      for (const auto& g : present) list += (list.empty() ? "" : ", ") + g;
      return Fail("--group: no test group \"" + name + "\" (the groups are " + list + ")", err);
    }
  auto contains = [](const std::vector<std::string>& names, const std::string& group) {
    return std::find(names.begin(), names.end(), group) != names.end();
  };
  std::erase_if(*tests, [&](const TestCase& test) {
    return (!options.only_groups.empty() && !contains(options.only_groups, test.group)) ||
           contains(options.skip_groups, test.group);
  });
  return true;
}

}  // namespace

ExecutionLimits SubmissionLimits(const Problem& problem, const LanguageInfo& language) {
  ExecutionLimits limits;
  limits.time_ms = problem.limits.time_ms * language.time_multiplier;
  limits.memory_kb = problem.limits.memory_mb * 1024L;
  limits.output_bytes = problem.limits.output_kb * 1024L;
  return limits;
}

const LanguageInfo* ChooseLanguage(const std::filesystem::path& source,
                                   const std::string& override_name, std::string* err) {
  if (!override_name.empty()) {
    const LanguageInfo* info = FindLanguage(override_name);
    if (!info)
      *err = "--lang: unknown language \"" + override_name + "\" (expected one of " +
             KnownLanguages() + ")";
    return info;
  }
  const LanguageInfo* info = LanguageForFile(source);
  if (!info)
    *err = source.string() + ": cannot tell the language from the extension \"" +
           source.extension().string() + "\" (use --lang " + KnownLanguages() + ")";
  return info;
}

bool JudgeSubmission(const Workspace& workspace, const Problem& problem,
                     const std::filesystem::path& source, const JudgeOptions& options,
                     Sandbox& sandbox, Judgement* judgement, std::string* err) {
  *judgement = Judgement();
  judgement->problem = problem.slug;
  judgement->source = source;
  const LanguageInfo* language = ChooseLanguage(source, options.language, err);
  if (!language || !CanJudge(*language, problem, err)) return false;
  judgement->language = language->name;
  judgement->limits = SubmissionLimits(problem, *language);

  std::string source_text;
  if (!ReadFile(source, &source_text, err)) return false;
  judgement->source_sha256 = Sha256Hex(source_text);

  std::vector<TestCase> tests;
  if (!LoadTestCases(problem, workspace.testcases() / problem.slug, &tests, err) ||
      !SelectGroups(options, &tests, err) ||
      !FillExpectedAnswers(workspace, problem, &tests, sandbox, err))
    return false;
  judgement->total_tests = tests.size();
  const auto checker = MakeChecker(problem.checker, problem.dir, sandbox, err);
  if (!checker) return Fail((problem.dir / "problem.json").string() + ": " + *err, err);

  BuildRequest request{&problem, source_text, source.filename().string(), workspace.cache};
  if (!language->make()->Build(request, sandbox, &judgement->build, err)) return false;
  if (!judgement->build.compiled) {
    judgement->verdict = Verdict::kCompileError;
    judgement->reason = judgement->build.first_error;
    return true;
  }
  judgement->verdict = Verdict::kAccepted;
  return RunTests(problem, tests, *checker, judgement->build.program, options, sandbox, judgement,
                  err);
}

}  // namespace judge
