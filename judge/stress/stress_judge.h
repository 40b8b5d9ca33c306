// The two programs `judge stress` compares on every case: the file under test and the brute
// force (a person's --brute, else solutions/<slug>/brute_force.*, else the reference), each
// built once, then run on batch after batch of cases. The brute force's answer is the expected
// one, and the problem's checker decides the file's verdict on it, as `judge run` would: a wrong
// answer, a crash or a timeout of the file is a failure; a case the brute force cannot answer is
// skipped, not blamed on the file.
//
// A batch is one process per side for an interview problem (the harness runs a list of cases)
// and one process per case for a competitive one. The brute force runs on a thread of its own,
// at the same time as the file: each side keeps its own sandbox, so each keeps its box
// (judge/sandbox/local_sandbox.h) from batch to batch. A StressJudge is used from one thread.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "judge/check/checker.h"
#include "judge/lang/language.h"
#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/run/execution.h"
#include "judge/run/test_verdict.h"
#include "judge/sandbox/sandbox.h"
#include "judge/stress/case_source.h"

namespace judge {

// The sandboxes a stress run uses, one per program so that each keeps its box; `tools` builds
// the programs and runs a custom checker and a person's generator.
struct StressSandboxes {
  Sandbox& file;
  Sandbox& brute;
  Sandbox& tools;
};

struct StressSetup {
  std::filesystem::path file;
  std::string language;         // --lang; empty: by the file's extension
  std::filesystem::path brute;  // empty: BruteForceFile()
  bool sanitize = true;  // run the file under the sanitizers, as `judge run` runs the edge group
};

// solutions/<slug>/brute_force.* (the first in name order), else the problem's reference.
std::filesystem::path BruteForceFile(const Workspace& workspace, const Problem& problem);

struct FailedCase {
  size_t index = 0;   // in the batch
  TestResult result;  // the file's verdict, with the brute force's answer as expected
};

struct BatchOutcome {
  size_t judged = 0;                 // cases the brute force answered and the file was judged on
  size_t skipped = 0;                // cases the brute force could not answer
  std::string skip_reason;           // why the first of those was skipped
  std::vector<FailedCase> failures;  // in batch order
};

class StressJudge {
 public:
  // Builds both programs. A file that does not compile is not an error: *compile_error is set
  // to the compiler's first line and null returned with *err empty. A brute force that does not
  // compile, or any judge failure, returns null with *err.
  static std::unique_ptr<StressJudge> Make(const Workspace& workspace, const Problem& problem,
                                           const StressSetup& setup, StressSandboxes sandboxes,
                                           std::string* compile_error, std::string* err);
  ~StressJudge();

  // Judges `batch` in order, filling each answered case's `expected`. With `first_failure_only`
  // it stops at the first failure (and `judged` counts up to it).
  bool Judge(std::vector<SmallCase>& batch, bool first_failure_only, BatchOutcome* out,
             std::string* err);

  const std::string& file_language() const { return file_language_; }
  const std::filesystem::path& brute_file() const { return brute_file_; }
  bool sanitized() const { return file_program_.sanitized; }

 private:
  StressJudge(const Problem& problem, StressSandboxes sandboxes);
  // A sanitized timeout runs again plain, as in `judge run`: the sanitizers may be what was slow.
  bool ConfirmPlain(const TestCase& test, TestResult* result, std::string* err);
  void BruteLoop();

  const Problem& problem_;
  StressSandboxes sandboxes_;
  std::unique_ptr<Checker> checker_;
  std::unique_ptr<Language> file_builder_;
  BuildRequest file_request_;
  Program file_program_;
  std::optional<Program> plain_program_;
  ExecutionLimits file_limits_, brute_limits_;
  std::string file_language_;
  std::filesystem::path brute_file_;
  Program brute_program_;

  // The brute force's thread: it runs `brute_job_` when one is posted.
  std::mutex mutex_;
  std::condition_variable wake_;
  std::function<void()> brute_job_;
  bool brute_busy_ = false;
  bool stopping_ = false;
  std::thread brute_thread_;
};

}  // namespace judge
