// Judging many submissions at once, as `judge verify -j N` does: N workers, each with its own
// sandbox (a Sandbox is used from one thread at a time), limits still per submission. Results
// come back in the order the jobs were given, on the calling thread, as soon as a job and every
// job before it are done, so output and store records are the same as one at a time.
//
// Before any submission, the expected answers of each problem's generated cases are computed
// once (in parallel across problems): otherwise the first jobs of a problem would all run its
// reference on the same cases.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/run/judge.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct JudgingJob {
  const Problem* problem = nullptr;
  std::filesystem::path source;
  JudgeOptions options;  // `progress` is not called: jobs run on other threads
};

struct JudgingOutcome {
  bool judged = false;  // false: the judge failed on it, and `err` says why
  Judgement judgement;
  std::string err;
};

// Called in job order on the calling thread; returning false stops judging (jobs in flight
// finish, no new one starts).
using OnJudged = std::function<bool(size_t index, const JudgingOutcome& outcome)>;

// workers >= 1. False, and *err, when filling a problem's expected answers failed.
bool JudgeInParallel(const Workspace& workspace, const std::vector<JudgingJob>& jobs, int workers,
                     const std::function<std::unique_ptr<Sandbox>()>& make_sandbox,
                     const OnJudged& on_judged, std::string* err);

}  // namespace judge
