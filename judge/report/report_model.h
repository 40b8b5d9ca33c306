// What `judge report` shows, gathered from the store once so that every format (HTML, Markdown,
// JSON, CSV) renders the same figures: per problem, its leaderboard with the user's entry
// marked, every accepted ratio (for the distribution plot), the user's best run with growth
// points (for the time-against-size plot), on a GPU problem the user's versions (for the
// figure-against-size plot), and the user's attempts, timed or not (solved or not).
// Plain data; no I/O after BuildReportModel.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "judge/store/store.h"

namespace judge {

struct LeaderboardRow {
  int rank = 0;                    // 1 = fastest
  RunRecord run;                   // the user's best accepted, timed run (has timing)
  double faster_than_percent = 0;  // share of all accepted entries it beats
  bool is_user = false;            // the report's user
};

constexpr size_t kGpuVersionsPlotted = 4;

struct ProblemReport {
  std::string slug;
  std::string title;  // from problem.json; the slug when unknown
  std::vector<LeaderboardRow> leaderboard;
  std::vector<double> accepted_ratios;  // every accepted, timed run, not only the best per user
  std::optional<size_t> user_row;       // index into leaderboard of the user's entry
  std::optional<RunRecord> growth_run;  // the user's best run with growth points, loaded
  ProblemAttempts attempts;             // the user's, over every run (runs 0: not tried)
  // A GPU problem (its runs have device figures): its leaderboard shows figures and devices, and
  // gpu_versions holds the user's versions for the figure-against-size plot: the newest scored
  // run of each distinct source, newest first, at most kGpuVersionsPlotted, loaded with cases.
  bool gpu = false;
  std::vector<RunRecord> gpu_versions;

  std::optional<double> user_ratio() const;
};

struct ReportModel {
  std::string user;
  std::string generated_at;  // UTC, ISO 8601
  std::string store_path;
  std::vector<ProblemReport> problems;  // every problem with runs, by slug
};

// `titles` maps slugs to problem titles (problems no longer in the workspace keep their slug).
bool BuildReportModel(Store& store, const std::string& user,
                      const std::map<std::string, std::string>& titles, ReportModel* out,
                      std::string* err);

}  // namespace judge
