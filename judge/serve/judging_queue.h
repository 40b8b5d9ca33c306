// The judgements `judge serve` runs for the page: a queue and a fixed number of worker threads
// (one per core by default), so that a flood of submissions is judged at most `workers` at a
// time, none lost, each answered. Each job keeps the events it produced ("queued", "started",
// one "test" per test, then "done", "error" or "cancelled"), which the page reads as they come.
// A job nobody has asked about for `abandon_after` (its browser tab closed) is cancelled: before
// it starts if it is still queued, or between its tests if it runs.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace judge {

struct JobRequest {
  std::string slug;
  std::string language;  // "cpp", "python", ...
  std::string source;
  std::string user;
  bool submit = false;  // false: Run (the samples, not recorded); true: Submit (recorded)
  bool bench = false;   // Submit only: an accepted run is also timed, as `judge run --bench`
  // Run only: judge this input instead of the samples, its answer computed by the problem's
  // reference (an object of arguments, or stdin text); null: the samples.
  nlohmann::json custom_input;
};

struct QueueStats {
  int workers = 0;
  int queued = 0;
  int running = 0;
  int peak_running = 0;  // the most jobs ever judged at once
  int64_t finished = 0;  // done, error or cancelled
  int64_t cancelled = 0;
};

class JudgingQueue {
 public:
  using Emit = std::function<void(const nlohmann::json& event)>;
  using Cancelled = std::function<bool()>;
  // Judges one job: emits its "test" events and returns its last event ("done" or "error").
  // Called on the worker threads, several at once.
  using Judge = std::function<nlohmann::json(const JobRequest& request, const Emit& emit,
                                             const Cancelled& cancelled)>;

  JudgingQueue(int workers, std::chrono::milliseconds abandon_after, Judge judge);
  // Cancels what runs, waits for the workers, and drops what is queued.
  ~JudgingQueue();
  JudgingQueue(const JudgingQueue&) = delete;
  JudgingQueue& operator=(const JudgingQueue&) = delete;

  // Queues a job; returns its id.
  int64_t Add(JobRequest request);
  // The job's events from index `from` on, waiting up to `wait` when there is none yet; counts
  // as someone watching the job. False when there is no such job (or it was long finished).
  bool Events(int64_t id, size_t from, std::chrono::milliseconds wait,
              std::vector<nlohmann::json>* out, bool* finished);
  QueueStats Stats() const;

 private:
  struct Job {
    JobRequest request;
    std::vector<nlohmann::json> events;
    bool finished = false;
    std::chrono::steady_clock::time_point last_watched;
  };
  void Work();
  bool Abandoned(const Job& job) const;  // with mutex_ held
  void Finish(int64_t id, nlohmann::json last);
  void Push(int64_t id, nlohmann::json event);

  const std::chrono::milliseconds abandon_after_;
  const Judge judge_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable event_ready_;
  std::map<int64_t, Job> jobs_;
  std::deque<int64_t> pending_;
  int64_t next_id_ = 1;
  bool stopping_ = false;
  QueueStats stats_;
  std::vector<std::thread> workers_;
};

}  // namespace judge
