#include "judge/run/parallel_judging.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "judge/run/expected_answers.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

// Runs work(i) for i in [0, count) on `workers` threads, each with its own sandbox; work returns
// false to stop the others from taking more.
void ForEachOnWorkers(size_t count, int workers,
                      const std::function<std::unique_ptr<Sandbox>()>& make_sandbox,
                      const std::function<bool(size_t, Sandbox&)>& work) {
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  const int used = static_cast<int>(std::min<size_t>(count, std::max(1, workers)));
  for (int w = 0; w < used; ++w)
    threads.emplace_back([&] {
      const std::unique_ptr<Sandbox> sandbox = make_sandbox();
      for (size_t i; !stop && (i = next++) < count;)
        if (!work(i, *sandbox)) stop = true;
    });
  for (auto& thread : threads) thread.join();
}

// The expected answers of every problem that has jobs, once each, so that the submissions'
// own judging finds them cached.
bool FillAnswersOnce(const Workspace& workspace, const std::vector<JudgingJob>& jobs, int workers,
                     const std::function<std::unique_ptr<Sandbox>()>& make_sandbox,
                     std::string* err) {
  std::vector<const Problem*> problems;
  for (const JudgingJob& job : jobs)
    if (std::find(problems.begin(), problems.end(), job.problem) == problems.end())
      problems.push_back(job.problem);
  std::mutex mutex;
  std::string first_error;
  ForEachOnWorkers(problems.size(), workers, make_sandbox, [&](size_t i, Sandbox& sandbox) {
    const Problem& problem = *problems[i];
    std::vector<TestCase> tests;
    std::string problem_err;
    if (LoadTestCases(problem, workspace.testcases() / problem.slug, &tests, &problem_err) &&
        FillExpectedAnswers(workspace, problem, &tests, sandbox, &problem_err))
      return true;
    std::lock_guard<std::mutex> lock(mutex);
    if (first_error.empty()) first_error = problem_err;
    return false;
  });
  if (first_error.empty()) return true;
  *err = first_error;
  return false;
}

}  // namespace

bool JudgeInParallel(const Workspace& workspace, const std::vector<JudgingJob>& jobs, int workers,
                     const std::function<std::unique_ptr<Sandbox>()>& make_sandbox,
                     const OnJudged& on_judged, std::string* err) {
  if (!FillAnswersOnce(workspace, jobs, workers, make_sandbox, err)) return false;
  std::mutex mutex;
  std::condition_variable done;
  std::vector<std::optional<JudgingOutcome>> outcomes(jobs.size());
  std::atomic<bool> stopped{false};
  // Workers judge; this thread hands each outcome over in order as it becomes available.
  std::thread judging([&] {
    ForEachOnWorkers(jobs.size(), workers, make_sandbox, [&](size_t i, Sandbox& sandbox) {
      JudgingOutcome outcome;
      outcome.judged = JudgeSubmission(workspace, *jobs[i].problem, jobs[i].source, jobs[i].options,
                                       sandbox, &outcome.judgement, &outcome.err);
      {
        std::lock_guard<std::mutex> lock(mutex);
        outcomes[i] = std::move(outcome);
      }
      done.notify_one();
      return !stopped;
    });
    std::lock_guard<std::mutex> lock(mutex);
    stopped = true;  // wakes the loop below if jobs were left undone
    done.notify_one();
  });
  for (size_t i = 0; i < jobs.size(); ++i) {
    std::unique_lock<std::mutex> lock(mutex);
    done.wait(lock, [&] { return outcomes[i].has_value() || stopped; });
    if (!outcomes[i]) break;  // judging stopped before this job
    const JudgingOutcome outcome = std::move(*outcomes[i]);
    lock.unlock();
    if (!on_judged(i, outcome)) {
      stopped = true;
      break;
    }
  }
  judging.join();
  return true;
}

}  // namespace judge
