// The report as JSON: the same data as the HTML page, plot data included (every accepted ratio,
// the growth points of both series), with raw numbers, for scripts.
#pragma once

#include <nlohmann/json.hpp>

#include "judge/report/report_model.h"

namespace judge {

nlohmann::json RenderJsonReport(const ReportModel& model);

// One leaderboard entry (an accepted, timed run) as the report and `judge leaderboard --json`
// show it.
nlohmann::json LeaderboardEntryJson(int rank, const RunRecord& run, double faster_than_percent);
// One run as `judge history --json` and `judge serve`'s history list show it; a GPU run has
// "gpu" (GpuFiguresJson) in both.
nlohmann::json HistoryRowJson(const RunRecord& run);
// A GPU run's device, its measured rates, score, reference and (when loaded) cases.
nlohmann::json GpuFiguresJson(const GpuRunFigures& gpu);

}  // namespace judge
