// A judge worker: takes jobs from a PostgreSQL store's queue (job_queue.h) and judges each as
// `judge run` does (JudgeSubmission in the LocalSandbox, every group, sanitizers on, stopping at
// the first failure), renewing its lease while it judges, and records the run and finishes the
// job in one transaction. It refuses a job whose problem differs here from the one it was queued
// against (problem_hash.h). When the server goes away (a restart) it reconnects and goes on: a
// judgement done meanwhile is recorded once the server is back, if its lease is still held.
#pragma once

#include <functional>
#include <string>

#include "judge/problem/workspace.h"

namespace judge {

struct WorkerOptions {
  std::string store;  // a postgresql:// URL
  Workspace workspace;
  int jobs = 1;  // judged at once, each by a process of its own
  double lease_seconds = 30;
  double exit_when_idle_seconds = 0;  // > 0: stop after this long without a job
  // One line per event ("job 12: AC as run 40"); called from each job's process.
  std::function<void(const std::string&)> log;
};

// Runs until stopped (a signal), or idle for exit_when_idle_seconds. False with *err when it
// cannot start: the store is not a PostgreSQL one, or cannot be opened at all.
bool RunWorker(const WorkerOptions& options, std::string* err);

}  // namespace judge
