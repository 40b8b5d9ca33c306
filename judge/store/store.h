// The store of judged runs, over one of two engines (store_backend.h): an embedded SQLite file
// (the default, no set-up; sqlite_backend.h) or a PostgreSQL server that judges on many machines
// share (pg_backend.h), chosen by the location's form (store_location.h). Either way one
// transaction per run, so several judges may write at once and a judge killed mid-write loses
// nothing committed; the schema is versioned and migrated forward on open, and a store that is
// not a judge store, is corrupted, or comes from a newer judge is refused and left untouched.
// A Store is one connection: use it from one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "judge/store/attempts.h"
#include "judge/store/run_record.h"
#include "judge/store/store_backend.h"
#include "judge/store/store_location.h"
#include "judge/store/store_schema.h"

namespace judge {

class Store {
 public:
  static constexpr int kSchemaVersion = kStoreSchemaVersion;

  // `location`: a file path (created with its folder if absent) or a postgresql:// URL (see
  // store_location.h). Opens and migrates; `up_to_version` is for tests that need an old schema.
  static std::unique_ptr<Store> Open(const std::string& location, std::string* err,
                                     int up_to_version = kSchemaVersion);

  // Fills run->id and run->created_at (when empty). `in_same_transaction`, when set, runs after
  // the run is written and before the commit, with the run's id: when it fails, nothing is kept
  // (the queue finishes a job with the run it recorded this way, exactly once).
  using InTransaction =
      std::function<bool(StoreBackend& backend, int64_t run_id, std::string* err)>;
  bool Record(RunRecord* run, std::string* err, const InTransaction& in_same_transaction = {});

  // Accepted runs with timing figures, best (lowest ratio) per user, best first.
  bool Leaderboard(const std::string& problem, std::vector<RunRecord>* out, std::string* err);
  // Every accepted ratio of a problem (all runs, not only the best per user), for percentiles.
  bool AcceptedRatios(const std::string& problem, std::vector<double>* out, std::string* err);
  // A user's runs, newest first; empty `problem` means all problems; limit <= 0: no limit.
  bool History(const std::string& user, const std::string& problem, int limit,
               std::vector<RunRecord>* out, std::string* err);
  // One run with its tests and growth points.
  bool Load(int64_t id, RunRecord* out, std::string* err);
  bool Problems(std::vector<std::string>* out, std::string* err);
  // The user's attempts at each problem they have runs of, by problem.
  bool Attempts(const std::string& user, std::vector<ProblemAttempts>* out, std::string* err);
  // The user's best (lowest ratio, then earliest) accepted run that has growth points, loaded
  // with its tests and points as Load does; *found is false when there is none.
  bool BestGrowthRun(const std::string& user, const std::string& problem, RunRecord* out,
                     bool* found, std::string* err);

  int schema_version() const { return backend_->schema_version(); }
  // The path, or the URL with its password masked: for messages.
  const std::string& location() const { return location_; }
  // For the layers above that keep their own tables in the store (the queue).
  StoreBackend& backend() { return *backend_; }

 private:
  bool SelectRuns(const std::string& where_and_order, const std::vector<SqlValue>& params,
                  std::vector<RunRecord>* out, std::string* err);

  std::unique_ptr<StoreBackend> backend_;
  std::string location_;
};

// Now, as the store writes times: UTC, ISO 8601 ("2026-11-23T12:00:00Z").
std::string NowUtc();

// Percentage of `ratios` strictly worse (higher) than `ratio`: "faster than X% of entries".
double FasterThanPercent(double ratio, const std::vector<double>& ratios);

}  // namespace judge
