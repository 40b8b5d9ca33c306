// What a job of `judge serve` does: the same judging as `judge run`, through the same library
// call and sandbox. Run judges the samples (every one, not stopping at the first failure) and
// records nothing; Submit judges every test, stopping at the first failure as `judge run` does,
// and records the run in the store as `judge run` records it.
#pragma once

#include <string>

#include "judge/problem/workspace.h"
#include "judge/serve/judging_queue.h"

namespace judge {

struct ServeJudging {
  Workspace workspace;
  std::string store;  // where Submit records; empty: nothing is recorded
};

// The "done" event ({"type": "done", "judgement": ..., "run_id": ...}) or an "error" event with
// a one-line message (an unknown problem or language, a GPU problem, a judge failure).
nlohmann::json JudgeServeJob(const ServeJudging& setup, const JobRequest& request,
                             const JudgingQueue::Emit& emit,
                             const JudgingQueue::Cancelled& cancelled);

}  // namespace judge
