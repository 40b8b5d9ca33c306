// What a job of `judge serve` does: the same judging as `judge run`, through the same library
// call and sandbox. Run judges the samples (every one, not stopping at the first failure) and
// records nothing; Submit judges every test, stopping at the first failure as `judge run` does,
// and records the run in the store as `judge run` records it; with `bench`, an accepted Submit is
// also timed against the reference (`judge run --bench`), for the leaderboard.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"
#include "judge/serve/judging_queue.h"

namespace judge {

struct ServeJudging {
  Workspace workspace;
  std::string store;  // where Submit records; empty: nothing is recorded
  // A sandbox for each job (jobs run at once); the CLI passes LocalSandbox's.
  std::function<std::unique_ptr<Sandbox>()> make_sandbox;
};

// The "done" event ({"type": "done", "judgement": ..., "bench": ..., "run_id": ...}), after a
// "timing" event when it times, or an "error" event with
// a one-line message (an unknown problem or language, a GPU problem, a judge failure).
nlohmann::json JudgeServeJob(const ServeJudging& setup, const JobRequest& request,
                             const JudgingQueue::Emit& emit,
                             const JudgingQueue::Cancelled& cancelled);

}  // namespace judge
