#include "judge/store/store_schema.h"

namespace judge {

const std::vector<const char*>& SqliteStoreMigrations() {
  static const std::vector<const char*> migrations = {
      // 0 -> 1: runs, their tests, and the timing figures of timing runs.
      R"sql(
        CREATE TABLE runs (
          id INTEGER PRIMARY KEY,
          created_at TEXT NOT NULL,
          user TEXT NOT NULL,
          problem TEXT NOT NULL,
          language TEXT NOT NULL,
          source_name TEXT NOT NULL,
          source_sha256 TEXT NOT NULL,
          verdict TEXT NOT NULL,
          reason TEXT NOT NULL,
          failed_test TEXT NOT NULL,
          tests_passed INTEGER NOT NULL,
          tests_total INTEGER NOT NULL,
          max_time_ms REAL NOT NULL,
          max_memory_kb INTEGER NOT NULL,
          cpu_model TEXT NOT NULL,
          cores INTEGER NOT NULL,
          repetitions INTEGER,
          median_ms REAL,
          min_ms REAL,
          max_ms REAL,
          reference_median_ms REAL,
          ratio REAL,
          ratio_spread REAL,
          instructions INTEGER,
          counters_note TEXT
        );
        CREATE INDEX runs_by_problem ON runs (problem, verdict, ratio);
        CREATE INDEX runs_by_user ON runs (user, id);
        CREATE TABLE run_tests (
          run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          verdict TEXT NOT NULL,
          time_ms REAL NOT NULL,
          memory_kb INTEGER NOT NULL,
          PRIMARY KEY (run_id, ordinal)
        );
      )sql",
      // 1 -> 2: empirical complexity, the fitted model and the points it was fitted on.
      R"sql(
        ALTER TABLE runs ADD COLUMN growth_exponent REAL;
        ALTER TABLE runs ADD COLUMN growth_model TEXT;
        ALTER TABLE runs ADD COLUMN growth_confidence REAL;
        ALTER TABLE runs ADD COLUMN reference_growth_exponent REAL;
        ALTER TABLE runs ADD COLUMN reference_growth_model TEXT;
        CREATE TABLE growth_points (
          run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          of_reference INTEGER NOT NULL,
          size INTEGER NOT NULL,
          time_ms REAL NOT NULL
        );
        CREATE INDEX growth_points_by_run ON growth_points (run_id);
      )sql",
      // 2 -> 3: the queue of submissions that workers judge (judge/queue/job_queue.h). Only a
      // PostgreSQL store queues; the table is here too so that a version means one schema.
      R"sql(
        CREATE TABLE jobs (
          id INTEGER PRIMARY KEY,
          created_at TEXT NOT NULL,
          user TEXT NOT NULL,
          problem TEXT NOT NULL,
          language TEXT NOT NULL,
          source_name TEXT NOT NULL,
          source TEXT NOT NULL,
          problem_hash TEXT NOT NULL,
          state TEXT NOT NULL,
          reason TEXT NOT NULL DEFAULT '',
          attempts INTEGER NOT NULL DEFAULT 0,
          worker TEXT NOT NULL DEFAULT '',
          worker_cpu TEXT NOT NULL DEFAULT '',
          lease_token TEXT NOT NULL DEFAULT '',
          lease_until TEXT,
          run_id INTEGER REFERENCES runs (id),
          judgement TEXT,
          finished_at TEXT
        );
        CREATE INDEX jobs_by_state ON jobs (state, id);
      )sql",
  };
  return migrations;
}

}  // namespace judge
