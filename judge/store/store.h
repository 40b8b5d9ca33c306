// The store of judged runs: an embedded SQLite file (WAL mode, one transaction per run, so
// several judges may write at once and a judge killed mid-write loses nothing committed).
// Its schema is versioned (PRAGMA user_version) and migrated forward on open; a file that is
// not a judge store, is corrupted, or comes from a newer judge is refused and left untouched.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "judge/store/attempts.h"
#include "judge/store/run_record.h"
#include "judge/store/sqlite_db.h"

namespace judge {

// $JUDGE_STORE, else $XDG_DATA_HOME/judge/judge.db, else ~/.local/share/judge/judge.db.
std::filesystem::path DefaultStorePath();

class Store {
 public:
  static constexpr int kSchemaVersion = 2;

  // Opens (creating it and its folder if absent) and migrates. `up_to_version` is for tests
  // that need an old schema.
  static std::unique_ptr<Store> Open(const std::filesystem::path& path, std::string* err,
                                     int up_to_version = kSchemaVersion);

  // Fills run->id and run->created_at (when empty).
  bool Record(RunRecord* run, std::string* err);

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

  int schema_version() const { return schema_version_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  bool SelectRuns(const std::string& where_and_order, const std::vector<SqlValue>& params,
                  std::vector<RunRecord>* out, std::string* err);
  SqliteDb db_;
  std::filesystem::path path_;
  int schema_version_ = 0;
};

// Now, as the store writes times: UTC, ISO 8601 ("2026-11-23T12:00:00Z").
std::string NowUtc();

// Percentage of `ratios` strictly worse (higher) than `ratio`: "faster than X% of entries".
double FasterThanPercent(double ratio, const std::vector<double>& ratios);

}  // namespace judge
