// The queue's own ceiling: claims per second that 16 workers reach with a no-op judge, so that
// the database's share of a job is known apart from judging (judge/queue/WORKERS.md). A server of
// its own (TemporaryPgServer); each repetition queues kJobs jobs in a fresh database, then 16
// threads, each with its own connection as a worker process has, claim and finish them (the run
// recorded and the job finished in one transaction, as a worker does) until none is left.
// Run: build/judge_bench --benchmark_filter=QueueCeiling
#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>
#include <vector>

#include "judge/queue/job_queue.h"
#include "judge/store/temporary_pg_server.h"

namespace judge {
namespace {

constexpr int kJobs = 1000;
constexpr int kWorkers = 16;

// One worker's loop with the judging left out; the number of jobs it finished.
int ClaimAndFinishUntilEmpty(const std::string& url, int worker, std::atomic<bool>* failed) {
  std::string err;
  auto store = Store::Open(url, &err);
  if (!store) {
    failed->store(true);
    return 0;
  }
  JobQueue queue(store.get());
  const std::string name = "bench:" + std::to_string(worker);
  int finished = 0;
  for (;;) {
    QueuedJob job;
    bool claimed = false, lost = false;
    if (!queue.Claim(name, "bench cpu", 30, &job, &claimed, &err)) break;
    if (!claimed) return finished;
    RunRecord run;
    run.user = job.user;
    run.problem = job.problem;
    run.language = job.language;
    run.source_name = job.source_name;
    run.verdict = "AC";
    run.cpu_model = "bench cpu";
    if (!queue.Finish(job, &run, "{}", &lost, &err)) break;
    ++finished;
  }
  failed->store(true);
  return finished;
}

void BM_QueueCeiling(benchmark::State& state) {
  static TemporaryPgServer server;
  static bool started = false;
  std::string err;
  if (!started && !(started = server.Start(&err))) return state.SkipWithError(err.c_str());
  static int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string url;
    if (!server.CreateDatabase("ceiling" + std::to_string(round++), &url, &err))
      return state.SkipWithError(err.c_str());
    {
      auto store = Store::Open(url, &err);
      if (!store) return state.SkipWithError(err.c_str());
      JobQueue queue(store.get());
      for (int i = 0; i < kJobs; ++i) {
        QueuedJob job;
        job.user = "u";
        job.problem = "p";
        job.language = "cpp";
        job.source_name = "s.cpp";
        job.source = "int main() {}";
        job.problem_hash = "h";
        if (!queue.Submit(&job, &err)) return state.SkipWithError(err.c_str());
      }
    }
    state.ResumeTiming();
    std::atomic<bool> failed = false;
    std::atomic<int> finished = 0;
    std::vector<std::thread> workers;
    for (int w = 0; w < kWorkers; ++w)
      workers.emplace_back([&, w] { finished += ClaimAndFinishUntilEmpty(url, w, &failed); });
    for (auto& t : workers) t.join();
    if (failed || finished != kJobs) return state.SkipWithError("a worker failed");
  }
  state.counters["claims_per_s"] =
      benchmark::Counter(static_cast<double>(kJobs) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_QueueCeiling)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->UseRealTime();

}  // namespace
}  // namespace judge
