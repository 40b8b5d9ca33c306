#include "judge/report/leaderboard_cells.h"

#include <cstdio>

#include "judge/timing/growth_fit.h"

namespace judge {
namespace {

std::string Format(const char* format, double value) {
  char text[48];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

}  // namespace

const std::array<std::string, kLeaderboardColumns>& LeaderboardHeaders() {
  static const std::array<std::string, kLeaderboardColumns> headers = {
      "rank", "user", "language", "ratio", "median", "memory", "faster than", "growth", "when"};
  return headers;
}

std::string GrowthCell(const RunRecord& run) {
  return run.growth && !run.growth->model.empty() ? BigO(run.growth->model) : "-";
}

std::array<std::string, kLeaderboardColumns> LeaderboardCells(const LeaderboardRow& row) {
  const RunRecord& run = row.run;
  const TimingFigures& timing = *run.timing;
  return {std::to_string(row.rank),
          run.user,
          run.language,
          Format("%.2f", timing.ratio),
          Format(timing.median_ms < 10 ? "%.2f ms" : "%.1f ms", timing.median_ms),
          Format("%.1f MB", static_cast<double>(run.max_memory_kb) / 1024),
          Format("%.0f%%", row.faster_than_percent),
          GrowthCell(run),
          run.created_at.substr(0, 10)};
}

}  // namespace judge
