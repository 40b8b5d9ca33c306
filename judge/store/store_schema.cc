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
      // 3 -> 4: GPU runs (`judge gpu run`). A GPU judgement is a row of runs like any other (so
      // history, attempts and the leaderboard's ratio see it), plus the device it ran on and its
      // figures: one row of gpu_runs, and its cases in gpu_cases (a case has a median and a
      // figure, not a time and a memory as run_tests holds).
      R"sql(
        CREATE TABLE gpu_runs (
          run_id INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
          device_name TEXT NOT NULL,
          compute_capability TEXT NOT NULL,
          driver_version INTEGER NOT NULL,
          matmul_tflops REAL NOT NULL,
          copy_gbps REAL NOT NULL,
          score_figure TEXT NOT NULL,
          score REAL NOT NULL,
          ceiling_fraction REAL NOT NULL,
          size_axis TEXT NOT NULL,
          reference_name TEXT NOT NULL,
          reference_score REAL NOT NULL,
          runner_isolated INTEGER NOT NULL
        );
        CREATE TABLE gpu_cases (
          run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          case_group TEXT NOT NULL,
          verdict TEXT NOT NULL,
          detail TEXT NOT NULL,
          timed INTEGER NOT NULL,
          median_ms REAL NOT NULL,
          spread REAL NOT NULL,
          figure_value REAL NOT NULL,
          ceiling_fraction REAL NOT NULL,
          size REAL NOT NULL,
          PRIMARY KEY (run_id, ordinal)
        );
      )sql",
      // 4 -> 5: whether a GPU run was checked apart (the problem's checker, a process of its own)
      // or by the runner itself, in the submission's process. Runs recorded before were all
      // checked by their runner.
      R"sql(
        ALTER TABLE gpu_runs ADD COLUMN checked_apart INTEGER NOT NULL DEFAULT 0;
      )sql",
  };
  return migrations;
}

}  // namespace judge
