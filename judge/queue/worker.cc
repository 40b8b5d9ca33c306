#include "judge/queue/worker.h"

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <future>
#include <thread>
#include <vector>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/problem/problem.h"
#include "judge/queue/job_queue.h"
#include "judge/queue/problem_hash.h"
#include "judge/run/judge.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/store/pg_backend.h"
#include "judge/store/record_run.h"

namespace judge {
namespace {

using Clock = std::chrono::steady_clock;

std::string WorkerName() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid());
}

// One process judging one job at a time, over its own connection.
class WorkerSlot {
 public:
  explicit WorkerSlot(const WorkerOptions& options)
      : options_(options), name_(WorkerName()), cpu_(CpuModel()) {}

  void Run() {
    auto idle_since = Clock::now();
    for (;;) {
      if (!Connected() && !Connect()) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        continue;
      }
      QueuedJob job;
      bool claimed = false;
      std::string err;
      if (!queue_->Claim(name_, cpu_, options_.lease_seconds, &job, &claimed, &err)) {
        Drop(err);
        continue;
      }
      if (claimed) {
        Judge(job);
        idle_since = Clock::now();
        continue;
      }
      const double idle = std::chrono::duration<double>(Clock::now() - idle_since).count();
      if (options_.exit_when_idle_seconds > 0 && idle >= options_.exit_when_idle_seconds) return;
      // Woken by a NOTIFY; the timeout also finds leases that ran out, which notify no one.
      if (!queue_->Wait(1000, &err)) Drop(err);
    }
  }

 private:
  void Log(const std::string& line) const {
    if (options_.log) options_.log(name_ + ": " + line);
  }

  bool Connected() const {
    auto* pg = store_ ? dynamic_cast<PgBackend*>(&store_->backend()) : nullptr;
    return pg && pg->connection().connected();
  }

  // One attempt; says once that the store is away, and once that it is back.
  bool Connect() {
    std::string err;
    store_ = Store::Open(options_.store, &err);
    if (store_) {
      queue_ = std::make_unique<JobQueue>(store_.get());
      if (queue_->Listen(&err)) {
        if (away_) Log("connected again to " + store_->location());
        away_ = false;
        return true;
      }
    }
    queue_.reset();
    store_.reset();
    if (!away_) Log("the store is away (" + err + "); retrying every second");
    away_ = true;
    return false;
  }

  void Drop(const std::string& err) {
    if (Connected()) {
      Log("store error: " + err);  // a query failed on a live connection: not a restart
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    queue_.reset();
    store_.reset();
  }

  // Runs `step` until it succeeds, reconnecting whenever the connection was lost; gives up on an
  // error on a live connection (logged).
  template <typename Step>
  bool UntilDone(const char* what, Step step) {
    for (;;) {
      std::string err;
      if ((Connected() || Connect()) && step(&err)) return true;
      if (Connected()) {
        Log(std::string(what) + ": " + err);
        return false;
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }

  void Close(const QueuedJob& job, const std::string& state, const std::string& reason) {
    bool lost = false;
    UntilDone("closing the job",
              [&](std::string* err) { return queue_->Close(job, state, reason, &lost, err); });
    Log("job " + std::to_string(job.id) + ": " + (lost ? "lease lost; not " : "") + state + ": " +
        reason);
  }

  // Whether this worker's copy of the problem is the one the job was queued against; if not,
  // *why says how it differs.
  bool SameProblem(const QueuedJob& job, Problem* problem, std::string* why) {
    const auto dir = options_.workspace.problems() / job.problem;
    std::string hash;
    if (!std::filesystem::exists(dir / "problem.json"))
      return Fail("no problem " + job.problem + " on this worker (" + name_ + ")", why);
    if (!LoadProblem(dir, problem, why) ||
        !ProblemContentHash(options_.workspace, job.problem, &hash, why))
      return false;
    if (hash == job.problem_hash) return true;
    return Fail("the problem differs on this worker (" + name_ + "): queued against content hash " +
                    job.problem_hash.substr(0, 12) + ", this worker has " + hash.substr(0, 12),
                why);
  }

  void Judge(const QueuedJob& job) {
    Log("job " + std::to_string(job.id) + ": judging " + job.problem + " " + job.source_name +
        " (claim " + std::to_string(job.attempts) + ")");
    Problem problem;
    std::string why;
    if (!SameProblem(job, &problem, &why)) return Close(job, "refused", why);
    TempDir folder;
    const auto source = folder.path() / std::filesystem::path(job.source_name).filename();
    if (!folder.ok() || !WriteFileAtomic(source, job.source, &why))
      return Close(job, "failed", "writing the source: " + why);

    JudgeOptions judge_options;
    judge_options.language = job.language;
    judge_options.sanitize = true;
    Judgement judgement;
    auto judged = std::async(std::launch::async, [&] {
      LocalSandbox sandbox;
      std::string err;
      const bool ok = JudgeSubmission(options_.workspace, problem, source, judge_options, sandbox,
                                      &judgement, &err);
      return ok ? std::string() : (err.empty() ? "the judge failed" : err);
    });
    KeepLease(job, judged);
    const std::string judge_error = judged.get();
    if (!judge_error.empty()) return Close(job, "failed", judge_error);

    judgement.source = job.source_name;
    RunRecord run = MakeRunRecord(judgement, nullptr, job.user);
    const std::string json = nlohmann::json(judgement).dump();
    bool lost = false;
    const bool finished = UntilDone("recording the run", [&](std::string* err) {
      RunRecord attempt = run;
      if (queue_->Finish(job, &attempt, json, &lost, err)) {
        run = attempt;
        return true;
      }
      return lost;  // a lost lease is an answer, not an error to retry
    });
    if (lost)
      Log("job " + std::to_string(job.id) + ": already finished (its lease went to another " +
          "worker, or a commit of this one went unanswered); this judgement (" + run.verdict +
          ") is not recorded again");
    else if (finished)
      Log("job " + std::to_string(job.id) + ": " + run.verdict + " as run " +
          std::to_string(run.id));
  }

  // Renews the lease every third of it until the judgement is done; a lost connection is
  // reconnected at the next renewal, a lost lease only logged (Finish will keep nothing).
  void KeepLease(const QueuedJob& job, std::future<std::string>& judged) {
    const auto every = std::chrono::duration<double>(options_.lease_seconds / 3);
    bool said_lost = false;
    while (judged.wait_for(every) != std::future_status::ready) {
      std::string err;
      bool held = true;
      if (!Connected() && !Connect()) continue;
      if (!queue_->Renew(job, options_.lease_seconds, &held, &err)) {
        Drop(err);
        continue;
      }
      if (!held && !said_lost) {
        Log("job " + std::to_string(job.id) + ": lease lost while judging");
        said_lost = true;
      }
    }
  }

  const WorkerOptions& options_;
  const std::string name_;
  const std::string cpu_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<JobQueue> queue_;
  bool away_ = false;
};

}  // namespace

bool RunWorker(const WorkerOptions& options, std::string* err) {
  // Checked once up front, so that a wrong --store fails at once instead of retrying forever.
  if (!JobQueue::CheckLocation(options.store, err) || !Store::Open(options.store, err))
    return false;
  if (options.jobs <= 1) {
    WorkerSlot(options).Run();
    return true;
  }
  std::vector<pid_t> children;
  for (int i = 0; i < options.jobs; ++i) {
    const pid_t pid = fork();
    if (pid == 0) {
      // A worker stopped by a signal takes its job processes with it (their jobs' leases run out
      // and other workers take them).
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (getppid() == 1) _exit(0);  // the parent died before prctl
      WorkerSlot(options).Run();
      _exit(0);
    }
    if (pid > 0) children.push_back(pid);
  }
  for (pid_t pid : children) waitpid(pid, nullptr, 0);
  return true;
}

}  // namespace judge
