// The queue of submissions that workers on many machines judge, kept in a PostgreSQL store's jobs
// table (store_schema.h, schema 3). A job goes queued -> running (claimed by a worker, under a
// lease the worker renews) -> judged (its run recorded in the same transaction), refused (the
// worker's problem differs from the one it was queued against) or failed (the judge itself could
// not judge it). A worker that dies loses its lease when it runs out, and the next claim takes
// the job again; each claim has its own lease token, and only the holder of the current token
// can finish the job, so a run is recorded exactly once even when two workers judged it.
// Workers sleep on LISTEN judge_jobs; Submit wakes them with NOTIFY. An SQLite store refuses.
// A JobQueue uses its Store's one connection: one thread at a time.
#pragma once

#include <cstdint>
#include <string>

#include "judge/store/run_record.h"
#include "judge/store/store.h"

namespace judge {

struct QueuedJob {
  int64_t id = 0;
  std::string created_at;
  std::string user;
  std::string problem;
  std::string language;
  std::string source_name;  // the file's name as submitted ("sol.cpp")
  std::string source;
  std::string problem_hash;  // problem_hash.h, on the submitting machine
  std::string state;         // queued, running, judged, refused, failed
  std::string reason;        // why refused or failed
  int attempts = 0;          // claims so far
  std::string worker;        // host:pid of the last worker to claim it
  std::string worker_cpu;
  std::string lease_token;  // the current claim's
  int64_t run_id = 0;       // once judged
  std::string judgement;    // once judged: the Judgement's JSON (judgement.h)
  std::string finished_at;
};

class JobQueue {
 public:
  // Fails (one line saying a PostgreSQL store is needed) for an SQLite store's location, before
  // anything is opened or created.
  static bool CheckLocation(const std::string& location, std::string* err);
  explicit JobQueue(Store* store) : store_(store) {}

  // Queues the job (its user, problem, language, source_name, source, problem_hash) and wakes a
  // worker; fills id, created_at and state.
  bool Submit(QueuedJob* job, std::string* err);
  bool Get(int64_t id, QueuedJob* out, std::string* err);
  // Takes the oldest queued job, or a running one whose lease ran out, under a fresh lease of
  // lease_seconds; *claimed is false when there is none.
  bool Claim(const std::string& worker, const std::string& cpu, double lease_seconds,
             QueuedJob* job, bool* claimed, std::string* err);
  // Extends the lease; *held is false when it was lost (another worker claimed the job).
  bool Renew(const QueuedJob& job, double lease_seconds, bool* held, std::string* err);
  // Records the run and marks the job judged with it, in one transaction; *lost (and nothing
  // kept) when the lease was lost, or the job was already finished.
  bool Finish(const QueuedJob& job, RunRecord* run, const std::string& judgement_json, bool* lost,
              std::string* err);
  // state is "refused" or "failed"; *lost as for Finish.
  bool Close(const QueuedJob& job, const std::string& state, const std::string& reason, bool* lost,
             std::string* err);
  // LISTEN to the channels that say a job was queued or finished.
  bool Listen(std::string* err);
  // Waits up to timeout_ms for a notification; fails when the connection is lost.
  bool Wait(int timeout_ms, std::string* err);

 private:
  Store* store_;
};

}  // namespace judge
