#include "judge/queue/job_queue.h"

#include "judge/error.h"
#include "judge/store/pg_backend.h"

namespace judge {
namespace {

constexpr char kJobColumns[] =
    "id, created_at, \"user\", problem, language, source_name, source, problem_hash, state, "
    "reason, attempts, worker, worker_cpu, lease_token, run_id, judgement, finished_at";

QueuedJob ReadJob(const SqlRow& row) {
  QueuedJob job;
  job.id = row.Int(0);
  job.created_at = row.Text(1);
  job.user = row.Text(2);
  job.problem = row.Text(3);
  job.language = row.Text(4);
  job.source_name = row.Text(5);
  job.source = row.Text(6);
  job.problem_hash = row.Text(7);
  job.state = row.Text(8);
  job.reason = row.Text(9);
  job.attempts = static_cast<int>(row.Int(10));
  job.worker = row.Text(11);
  job.worker_cpu = row.Text(12);
  job.lease_token = row.Text(13);
  job.run_id = row.IsNull(14) ? 0 : row.Int(14);
  job.judgement = row.IsNull(15) ? "" : row.Text(15);
  job.finished_at = row.IsNull(16) ? "" : row.Text(16);
  return job;
}

// A token no other claim has: the worker, the job's claim count and the clock.
std::string LeaseToken(const std::string& worker, const QueuedJob& job) {
  return worker + "/" + std::to_string(job.id) + "/" + std::to_string(job.attempts) + "/" +
         NowUtc();
}

}  // namespace

bool JobQueue::CheckLocation(const std::string& location, std::string* err) {
  if (IsPostgresLocation(location)) return true;
  return Fail(location +
                  ": the queue needs a PostgreSQL store (--store postgresql://...); an SQLite "
                  "store cannot be shared by workers",
              err);
}

bool JobQueue::Submit(QueuedJob* job, std::string* err) {
  if (job->source.find('\0') != std::string::npos)
    return Fail(job->source_name + ": not a text file (it holds NUL bytes)", err);
  job->created_at = NowUtc();
  job->state = "queued";
  if (!store_->backend().Query(
          "INSERT INTO jobs (created_at, \"user\", problem, language, source_name, source, "
          "problem_hash, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued') RETURNING id",
          {job->created_at, job->user, job->problem, job->language, job->source_name, job->source,
           job->problem_hash},
          [&](const SqlRow& row) { job->id = row.Int(0); }, err))
    return false;
  return store_->backend().Query("SELECT pg_notify('judge_jobs', ?1)", {std::to_string(job->id)},
                                 nullptr, err);
}

bool JobQueue::Get(int64_t id, QueuedJob* out, std::string* err) {
  bool found = false;
  if (!store_->backend().Query(
          std::string("SELECT ") + kJobColumns + " FROM jobs WHERE id = ?1", {id},
          [&](const SqlRow& row) {
            *out = ReadJob(row);
            found = true;
          },
          err))
    return false;
  return found || Fail("no job " + std::to_string(id) + " in " + store_->location(), err);
}

bool JobQueue::Claim(const std::string& worker, const std::string& cpu, double lease_seconds,
                     QueuedJob* job, bool* claimed, std::string* err) {
  *claimed = false;
  StoreTransaction transaction(&store_->backend());
  // SKIP LOCKED: workers claiming at once each take a different job instead of queueing on one.
  if (!transaction.Begin(err) ||
      !store_->backend().Query(
          std::string("SELECT ") + kJobColumns +
              " FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < now()) "
              "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
          {},
          [&](const SqlRow& row) {
            *job = ReadJob(row);
            *claimed = true;
          },
          err))
    return false;
  if (!*claimed) return transaction.Commit(err);
  job->attempts += 1;
  job->state = "running";
  job->worker = worker;
  job->worker_cpu = cpu;
  job->lease_token = LeaseToken(worker, *job);
  if (!store_->backend().Query(
          "UPDATE jobs SET state = 'running', attempts = ?2, worker = ?3, worker_cpu = ?4, "
          "lease_token = ?5, lease_until = now() + make_interval(secs => ?6) WHERE id = ?1",
          {job->id, int64_t{job->attempts}, worker, cpu, job->lease_token, lease_seconds}, nullptr,
          err) ||
      !transaction.Commit(err)) {
    *claimed = false;
    return false;
  }
  return true;
}

bool JobQueue::Renew(const QueuedJob& job, double lease_seconds, bool* held, std::string* err) {
  *held = false;
  return store_->backend().Query(
      "UPDATE jobs SET lease_until = now() + make_interval(secs => ?3) WHERE id = ?1 AND "
      "lease_token = ?2 AND state = 'running' RETURNING id",
      {job.id, job.lease_token, lease_seconds}, [&](const SqlRow&) { *held = true; }, err);
}

bool JobQueue::Finish(const QueuedJob& job, RunRecord* run, const std::string& judgement_json,
                      bool* lost, std::string* err) {
  *lost = false;
  // The job's row is updated only under this claim's token: a worker whose lease another took,
  // or one retrying after a commit it did not hear back from, finds no row and keeps nothing.
  const bool ok =
      store_->Record(run, err, [&](StoreBackend& backend, int64_t run_id, std::string* e) {
        bool updated = false;
        if (!backend.Query(
                "UPDATE jobs SET state = 'judged', run_id = ?3, judgement = ?4, "
                "finished_at = ?5, reason = '' WHERE id = ?1 AND lease_token = ?2 AND "
                "state = 'running' RETURNING id",
                {job.id, job.lease_token, run_id, judgement_json, NowUtc()},
                [&](const SqlRow&) { updated = true; }, e) ||
            !backend.Query("SELECT pg_notify('judge_done', ?1)", {std::to_string(job.id)}, nullptr,
                           e))
          return false;
        if (!updated) {
          *lost = true;
          return Fail("job " + std::to_string(job.id) + ": the lease was lost", e);
        }
        return true;
      });
  return ok;
}

bool JobQueue::Close(const QueuedJob& job, const std::string& state, const std::string& reason,
                     bool* lost, std::string* err) {
  bool updated = false;
  if (!store_->backend().Query(
          "UPDATE jobs SET state = ?3, reason = ?4, finished_at = ?5 WHERE id = ?1 AND "
          "lease_token = ?2 AND state = 'running' RETURNING id",
          {job.id, job.lease_token, state, reason, NowUtc()},
          [&](const SqlRow&) { updated = true; }, err) ||
      !store_->backend().Query("SELECT pg_notify('judge_done', ?1)", {std::to_string(job.id)},
                               nullptr, err))
    return false;
  *lost = !updated;
  return true;
}

bool JobQueue::Listen(std::string* err) {
  auto* pg = dynamic_cast<PgBackend*>(&store_->backend());
  if (!pg) return Fail("not a PostgreSQL store", err);
  return pg->connection().Exec("LISTEN judge_jobs; LISTEN judge_done", err);
}

bool JobQueue::Wait(int timeout_ms, std::string* err) {
  auto* pg = dynamic_cast<PgBackend*>(&store_->backend());
  if (!pg) return Fail("not a PostgreSQL store", err);
  bool notified = false;
  return pg->connection().WaitForNotification(timeout_ms, &notified, err);
}

}  // namespace judge
