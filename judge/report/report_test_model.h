// A small report model for the renderers' tests, built by hand (no store): one problem, three
// entries, the report's user second, with growth points for the plots.
#pragma once

#include <string>

#include "judge/report/report_model.h"

namespace judge::testing {

inline LeaderboardRow TestRow(int rank, const std::string& user, double ratio, bool is_user) {
  LeaderboardRow row;
  row.rank = rank;
  row.is_user = is_user;
  row.faster_than_percent = 100.0 - 25.0 * rank;
  row.run.id = rank;
  row.run.user = user;
  row.run.problem = "maximum-gap";
  row.run.language = "cpp";
  row.run.source_name = user + ".cpp";
  row.run.verdict = "AC";
  row.run.max_memory_kb = 4096;
  row.run.created_at = "2026-11-23T10:00:00Z";
  TimingFigures timing;
  timing.ratio = ratio;
  timing.median_ms = 12.5 * ratio;
  timing.ratio_spread = 1.04;
  row.run.timing = timing;
  GrowthFigures growth;
  growth.model = "n";
  growth.reference_model = "n";
  row.run.growth = growth;
  return row;
}

inline ReportModel TestReportModel(const std::string& user) {
  ReportModel model;
  model.user = user;
  model.generated_at = "2026-11-23T10:00:00Z";
  model.store_path = "/tmp/s.db";
  ProblemReport problem;
  problem.slug = "maximum-gap";
  problem.title = "Maximum Gap";
  problem.leaderboard = {TestRow(1, "bob", 0.9, false), TestRow(2, user, 1.2, true),
                         TestRow(3, "cy", 3.0, false)};
  problem.accepted_ratios = {0.9, 1.2, 1.4, 3.0};
  problem.user_row = 1;
  RunRecord growth_run = problem.leaderboard[1].run;
  for (int64_t n = 1000; n <= 1000000; n *= 10) {
    growth_run.growth->points.push_back({n, 2e-4 * static_cast<double>(n)});
    growth_run.growth->reference_points.push_back({n, 1e-4 * static_cast<double>(n)});
  }
  problem.growth_run = growth_run;
  problem.attempts = {.problem = "maximum-gap",
                      .runs = 4,
                      .accepted = 2,
                      .verdicts = {{"AC", 2}, {"WA", 1}, {"TLE", 1}},
                      .last_verdict = "AC",
                      .last_run_at = "2026-11-23T10:00:00Z"};
  model.problems.push_back(problem);
  return model;
}

}  // namespace judge::testing
