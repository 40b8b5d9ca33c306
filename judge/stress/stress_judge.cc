#include "judge/stress/stress_judge.h"

#include <algorithm>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/run/judge.h"
#include "judge/run/reference_build.h"
#include "judge/run/sanitizers.h"

namespace judge {
namespace {

bool BuildSource(const Workspace& workspace, const Problem& problem,
                 const std::filesystem::path& source, const LanguageInfo& language, bool sanitize,
                 Sandbox& sandbox, BuildResult* build, std::string* err) {
  BuildRequest request{&problem, "", source.filename().string(), workspace.cache, sanitize};
  if (!ReadFile(source, &request.source_text, err)) return false;
  return language.make()->Build(request, sandbox, build, err);
}

// Why the brute force gave no answer: its verdict's reason ("killed by SIGSEGV ...").
std::string NoAnswerReason(const TestCase& test, const Execution& run, const Checker& checker,
                           const ExecutionLimits& limits) {
  return DecideTest(test, run, checker, limits).reason;
}

// ".cpp, .py, .c": what the language table knows.
std::string KnownExtensions() {
  std::string list;
  for (const LanguageInfo& language : Languages())
    for (const std::string& extension : language.extensions)
      list += (list.empty() ? "" : ", ") + extension;
  return list;
}

}  // namespace

std::filesystem::path BruteForceFile(const Workspace& workspace, const Problem& problem) {
  const auto dir = workspace.solutions() / problem.slug;
  std::vector<std::filesystem::path> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().stem() == "brute_force" &&
        LanguageForFile(entry.path()))
      found.push_back(entry.path());
  if (found.empty()) return dir / problem.reference;
  return *std::min_element(found.begin(), found.end());
}

StressJudge::StressJudge(const Problem& problem, StressSandboxes sandboxes)
    : problem_(problem), sandboxes_(sandboxes), brute_thread_([this] { BruteLoop(); }) {}

StressJudge::~StressJudge() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  brute_thread_.join();
}

void StressJudge::BruteLoop() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || brute_job_; });
    if (!brute_job_) return;  // stopping, nothing left to run
    auto job = std::move(brute_job_);
    brute_job_ = nullptr;
    lock.unlock();
    job();
    lock.lock();
    brute_busy_ = false;
    wake_.notify_all();
  }
}

std::unique_ptr<StressJudge> StressJudge::Make(const Workspace& workspace, const Problem& problem,
                                               const StressSetup& setup, StressSandboxes sandboxes,
                                               std::string* compile_error, std::string* err) {
  compile_error->clear();
  std::unique_ptr<StressJudge> judge(new StressJudge(problem, sandboxes));
  judge->checker_ = MakeChecker(problem.checker, problem.dir, sandboxes.tools, err);
  if (!judge->checker_) {
    *err = (problem.dir / "problem.json").string() + ": " + *err;
    return nullptr;
  }

  judge->brute_file_ = setup.brute.empty() ? BruteForceFile(workspace, problem) : setup.brute;
  const LanguageInfo* brute_language = ChooseLanguage(judge->brute_file_, "", err);
  if (!brute_language) {
    *err = judge->brute_file_.string() + ": cannot tell the brute force's language from \"" +
           judge->brute_file_.extension().string() + "\" (" + KnownExtensions() + ")";
    return nullptr;
  }
  if (!CanJudge(*brute_language, problem, err)) {
    *err = judge->brute_file_.string() + ": " + *err;
    return nullptr;
  }
  BuildResult brute;
  if (!BuildSource(workspace, problem, judge->brute_file_, *brute_language, false, sandboxes.tools,
                   &brute, err))
    return nullptr;
  if (!brute.compiled) {
    *err = judge->brute_file_.string() + ": the brute force does not compile: " + brute.first_error;
    return nullptr;
  }
  judge->brute_program_ = brute.program;
  judge->brute_limits_ = ReferenceLimits(problem, *brute_language);

  const LanguageInfo* language = ChooseLanguage(setup.file, setup.language, err);
  if (!language || !CanJudge(*language, problem, err)) return nullptr;
  judge->file_language_ = language->name;
  judge->file_limits_ = SubmissionLimits(problem, *language);
  judge->file_builder_ = language->make();
  judge->file_request_ = {&problem, "", setup.file.filename().string(), workspace.cache,
                          setup.sanitize && language->sanitizers};
  if (!ReadFile(setup.file, &judge->file_request_.source_text, err)) return nullptr;
  BuildResult file;
  if (!judge->file_builder_->Build(judge->file_request_, sandboxes.tools, &file, err))
    return nullptr;
  if (!file.compiled) {
    *compile_error = file.first_error;
    return nullptr;
  }
  judge->file_program_ = file.program;
  if (file.program.sanitized) judge->file_limits_ = SanitizedLimits(judge->file_limits_);
  return judge;
}

bool StressJudge::ConfirmPlain(const TestCase& test, TestResult* result, std::string* err) {
  if (!plain_program_) {
    BuildRequest request = file_request_;
    request.sanitize = false;
    BuildResult plain;
    if (!file_builder_->Build(request, sandboxes_.tools, &plain, err)) return false;
    if (!plain.compiled)
      return Fail("the file compiles sanitized but not plain: " + plain.first_error, err);
    plain_program_ = plain.program;
  }
  ExecutionLimits limits = file_limits_;
  limits.time_ms /= kSanitizedTimeFactor;
  std::vector<Execution> runs;
  if (!Execute(problem_, *plain_program_, {&test}, limits, sandboxes_.file, &runs, err))
    return false;
  if (runs.empty()) return Fail("the file's process ran no case", err);
  *result = DecideTest(test, runs[0], *checker_, limits);
  return true;
}

bool StressJudge::Judge(std::vector<SmallCase>& batch, bool first_failure_only, BatchOutcome* out,
                        std::string* err) {
  *out = BatchOutcome();
  if (batch.empty()) return true;
  std::vector<const TestCase*> tests;
  for (const SmallCase& c : batch) tests.push_back(&c.test);

  std::vector<Execution> brute_runs;
  std::string brute_err;
  bool brute_ok = false;
  {
    std::lock_guard lock(mutex_);
    brute_busy_ = true;
    brute_job_ = [&] {
      brute_ok = Execute(problem_, brute_program_, tests, brute_limits_, sandboxes_.brute,
                         &brute_runs, &brute_err);
    };
  }
  wake_.notify_all();
  std::vector<Execution> file_runs;
  const bool file_ok =
      Execute(problem_, file_program_, tests, file_limits_, sandboxes_.file, &file_runs, err);
  {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !brute_busy_; });
  }
  if (!file_ok) return false;
  if (!brute_ok) return Fail(brute_file_.string() + ": " + brute_err, err);

  for (size_t i = 0; i < file_runs.size() && i < brute_runs.size(); ++i) {
    TestCase& test = batch[i].test;
    if (brute_runs[i].outcome != Execution::Outcome::kReturned) {
      if (out->skipped++ == 0)
        out->skip_reason = NoAnswerReason(test, brute_runs[i], *checker_, brute_limits_);
      continue;
    }
    test.expected = brute_runs[i].output;
    TestResult result = DecideTest(test, file_runs[i], *checker_, file_limits_);
    if (file_program_.sanitized && result.verdict == Verdict::kTimeLimitExceeded &&
        !ConfirmPlain(test, &result, err))
      return false;
    ++out->judged;
    if (result.verdict == Verdict::kAccepted) continue;
    out->failures.push_back({i, std::move(result)});
    if (first_failure_only) break;
  }
  return true;
}

}  // namespace judge
