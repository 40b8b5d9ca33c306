#include "judge/run/judge.h"

#include <algorithm>
#include <optional>

#include "judge/check/checker.h"
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/files/sha256.h"
#include "judge/run/expected_answers.h"
#include "judge/run/problem_checker.h"
#include "judge/run/problem_program.h"
#include "judge/run/sanitizers.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

std::string KnownLanguages() {
  std::string names;
  for (const auto& name : LanguageNames()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

// Builds the program a batch of tests needs, plain or sanitized, the first time it is needed:
// a submission that fails its sanitized samples never pays for its plain build. The first build
// is the judgement's, with the plain program once there is one; a compile error in either ends
// judging with CE.
class ProgramBuilds {
 public:
  ProgramBuilds(const LanguageInfo& language, BuildRequest request, Sandbox& sandbox)
      : language_(language.make()), request_(std::move(request)), sandbox_(sandbox) {}

  // False only when the judge failed; *program is null after a compile error.
  bool Get(bool sanitized, Judgement* judgement, const Program** program, std::string* err) {
    std::optional<BuildResult>& slot = sanitized ? sanitized_ : plain_;
    if (!slot) {
      BuildRequest request = request_;
      request.sanitize = sanitized;
      BuildResult build;
      if (!language_->Build(request, sandbox_, &build, err)) return false;
      if (!plain_ && !sanitized_) {
        judgement->build = build;
      } else {
        judgement->build.seconds += build.seconds;
        judgement->build.from_cache = judgement->build.from_cache && build.from_cache;
        // Timing runs the judgement's program: the plain one, whenever it was built.
        if (!sanitized && build.compiled) judgement->build.program = build.program;
      }
      if (!build.compiled) {
        judgement->build = build;
        judgement->verdict = Verdict::kCompileError;
        judgement->reason = build.first_error;
      }
      slot = std::move(build);
    }
    *program = slot->compiled ? &slot->program : nullptr;
    return true;
  }

 private:
  std::unique_ptr<Language> language_;
  BuildRequest request_;
  Sandbox& sandbox_;
  std::optional<BuildResult> plain_, sanitized_;
};

// A sanitized run past its time limit may be the sanitizers' overhead rather than the
// solution's (allocation-heavy code slows more than kSanitizedTimeFactor): the test runs again
// plain, and that run decides it.
bool ConfirmPlain(const Problem& problem, const TestCase& test, const Checker& checker,
                  ProgramBuilds& builds, const Program* interactor, Sandbox& sandbox,
                  Judgement* judgement, TestResult* result, std::string* err) {
  const Program* program = nullptr;
  if (!builds.Get(false, judgement, &program, err)) return false;
  if (!program) return true;  // a compile error: judgement says so
  std::vector<Execution> runs;
  if (!Execute(problem, *program, {&test}, judgement->limits, sandbox, &runs, err, interactor))
    return false;
  if (runs.empty()) return Fail("the solution's process ran no test", err);
  *result = DecideTest(test, runs[0], checker, judgement->limits);
  return true;
}

// Runs the tests from `next` on, batch after batch: an interview harness runs all remaining
// cases in one process and may stop early (a crash, a timeout); the next batch starts after it.
// Competitive cases run one at a time so that judging stops at the first failure. A batch never
// mixes sanitized and plain tests.
bool RunTests(const Problem& problem, const std::vector<TestCase>& tests, const Checker& checker,
              ProgramBuilds& builds, const Program* interactor, const JudgeOptions& options,
              Sandbox& sandbox, Judgement* judgement, std::string* err) {
  size_t next = 0;
  while (next < tests.size()) {
    if (options.cancelled && options.cancelled()) return Fail("cancelled", err);
    const bool sanitized = tests[next].sanitize;
    size_t batch_end = problem.style == Style::kInterview ? tests.size() : next + 1;
    for (size_t i = next; i < batch_end; ++i)
      if (tests[i].sanitize != sanitized) batch_end = i;
    const Program* program = nullptr;
    if (!builds.Get(sanitized, judgement, &program, err)) return false;
    if (!program) return true;  // a compile error
    std::vector<const TestCase*> batch;
    for (size_t i = next; i < batch_end; ++i) batch.push_back(&tests[i]);
    const ExecutionLimits limits =
        sanitized ? SanitizedLimits(judgement->limits) : judgement->limits;
    std::vector<Execution> runs;
    if (!Execute(problem, *program, batch, limits, sandbox, &runs, err, interactor)) return false;
    if (runs.empty()) return Fail("the solution's process ran no test", err);
    for (size_t i = 0; i < runs.size(); ++i) {
      TestResult result = DecideTest(tests[next + i], runs[i], checker, limits);
      if (sanitized && result.verdict == Verdict::kTimeLimitExceeded &&
          !ConfirmPlain(problem, tests[next + i], checker, builds, interactor, sandbox, judgement,
                        &result, err))
        return false;
      const bool failed = result.verdict != Verdict::kAccepted;
      if (failed && judgement->verdict == Verdict::kAccepted) {
        judgement->verdict = result.verdict;
        judgement->reason = result.reason;
        judgement->failed_test = result.name;
      }
      if (options.on_test) options.on_test(result);
      judgement->tests.push_back(std::move(result));
      if (failed && !options.all_tests) return true;
    }
    next += runs.size();
    if (options.progress) options.progress(next, tests.size());
  }
  return true;
}

// Which tests run sanitized: those whose group asks, when the language has sanitizers and the
// person did not turn them off. Returns those groups' names.
std::vector<std::string> ChooseSanitizedTests(const LanguageInfo& language,
                                              const JudgeOptions& options,
                                              std::vector<TestCase>* tests) {
  std::vector<std::string> groups;
  for (TestCase& test : *tests) {
    test.sanitize = test.sanitize && options.sanitize && language.sanitizers;
    if (test.sanitize && std::find(groups.begin(), groups.end(), test.group) == groups.end())
      groups.push_back(test.group);
  }
  return groups;
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

// The extra tests go first: cases that failed before (local tests) fail fastest. A name the
// problem's tests already use is refused, not judged twice.
bool AddExtraTests(const std::vector<TestCase>& extra, std::vector<TestCase>* tests,
                   std::string* err) {
  for (const TestCase& test : extra) {
    if (std::any_of(tests->begin(), tests->end(),
                    [&](const TestCase& t) { return t.name == test.name; }))
      return Fail("two tests are named \"" + test.name + "\" (a local test and the problem's)",
                  err);
  }
  tests->insert(tests->begin(), extra.begin(), extra.end());
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
      !AddExtraTests(options.extra_tests, &tests, err) || !SelectGroups(options, &tests, err) ||
      !FillExpectedAnswers(workspace, problem, &tests, sandbox, err))
    return false;
  judgement->total_tests = tests.size();
  const auto checker = MakeProblemChecker(problem, workspace.cache, sandbox, err);
  if (!checker) return Fail((problem.dir / "problem.json").string() + ": " + *err, err);

  judgement->sanitized_groups = ChooseSanitizedTests(*language, options, &tests);
  // An interactive problem's interactor, built once for all its tests (through the build cache).
  std::optional<Program> interactor;
  if (IsInteractive(problem) &&
      !BuildProblemProgram(problem.dir / problem.interactor, workspace.cache, sandbox,
                           &interactor.emplace(), err))
    return Fail((problem.dir / "problem.json").string() + ": interactor: " + *err, err);

  BuildRequest request{&problem, source_text, source.filename().string(), workspace.cache};
  ProgramBuilds builds(*language, request, sandbox);
  judgement->verdict = Verdict::kAccepted;
  if (tests.empty()) {  // still a compile: a file that does not build is CE
    const Program* program = nullptr;
    return builds.Get(false, judgement, &program, err);
  }
  return RunTests(problem, tests, *checker, builds, interactor ? &*interactor : nullptr, options,
                  sandbox, judgement, err);
}

}  // namespace judge
