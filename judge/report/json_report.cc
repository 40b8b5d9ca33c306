#include "judge/report/json_report.h"

namespace judge {
namespace {

using nlohmann::json;

json Points(const std::vector<GrowthPoint>& points) {
  json out = json::array();
  for (const auto& p : points) out.push_back({{"size", p.size}, {"time_ms", p.time_ms}});
  return out;
}

json Entry(const LeaderboardRow& row) {
  json entry = LeaderboardEntryJson(row.rank, row.run, row.faster_than_percent);
  entry["is_user"] = row.is_user;
  return entry;
}

json GrowthPlot(const ProblemReport& problem) {
  if (!problem.growth_run) return nullptr;
  const RunRecord& run = *problem.growth_run;
  const GrowthFigures& g = *run.growth;
  return {{"run_id", run.id},
          {"source", run.source_name},
          {"language", run.language},
          {"model", g.model},
          {"exponent", g.exponent},
          {"confidence", g.confidence},
          {"reference_model", g.reference_model},
          {"reference_exponent", g.reference_exponent},
          {"points", Points(g.points)},
          {"reference_points", Points(g.reference_points)}};
}

json Problem(const ProblemReport& problem) {
  json entries = json::array();
  for (const auto& row : problem.leaderboard) entries.push_back(Entry(row));
  const auto user_ratio = problem.user_ratio();
  return {
      {"problem", problem.slug},
      {"title", problem.title},
      {"attempts",
       {{"status", problem.attempts.status()},
        {"runs", problem.attempts.runs},
        {"accepted", problem.attempts.accepted},
        {"verdicts", problem.attempts.verdicts},
        {"last_verdict", problem.attempts.last_verdict},
        {"last_run_at", problem.attempts.last_run_at}}},
      {"accepted_entries", problem.accepted_ratios.size()},
      {"entries", entries},
      {"user_rank", problem.user_row ? json(problem.leaderboard[*problem.user_row].rank) : json()},
      {"distribution",
       {{"accepted_ratios", problem.accepted_ratios},
        {"user_ratio", user_ratio ? json(*user_ratio) : json()}}},
      {"growth_plot", GrowthPlot(problem)}};
}

}  // namespace

nlohmann::json GpuFiguresJson(const GpuRunFigures& g) {
  json cases = json::array();
  for (const GpuCaseFigures& c : g.cases)
    cases.push_back({{"name", c.name},
                     {"group", c.group},
                     {"verdict", c.verdict},
                     {"timed", c.timed},
                     {"median_ms", c.median_ms},
                     {"spread", c.spread},
                     {"figure", c.figure_value},
                     {"ceiling_fraction", c.ceiling_fraction},
                     {"size", c.size}});
  json out = {{"device", g.device_name},
              {"compute_capability", g.compute_capability},
              {"driver_version", g.driver_version},
              {"matmul_tflops", g.matmul_tflops},
              {"copy_gbps", g.copy_gbps},
              {"score_figure", g.score_figure},
              {"score", g.score},
              {"ceiling_fraction", g.ceiling_fraction},
              {"reference", g.reference_name},
              {"reference_score", g.reference_score},
              {"runner_isolated", g.runner_isolated},
              {"checked_apart", g.checked_apart},
              {"size_axis", g.size_axis}};
  if (!g.cases.empty()) out["cases"] = cases;
  return out;
}

nlohmann::json LeaderboardEntryJson(int rank, const RunRecord& run, double faster_than_percent) {
  json entry = {{"rank", rank},
                {"user", run.user},
                {"language", run.language},
                {"ratio", run.timing->ratio},
                {"median_ms", run.timing->median_ms},
                {"ratio_spread", run.timing->ratio_spread},
                {"memory_kb", run.max_memory_kb},
                {"faster_than_percent", faster_than_percent},
                {"growth", run.growth ? json(run.growth->model) : json()},
                {"run_id", run.id},
                {"source", run.source_name},
                {"when", run.created_at}};
  if (run.gpu) entry["gpu"] = GpuFiguresJson(*run.gpu);
  return entry;
}

nlohmann::json HistoryRowJson(const RunRecord& r) {
  json row = {{"run_id", r.id},
              {"when", r.created_at},
              {"problem", r.problem},
              {"language", r.language},
              {"source", r.source_name},
              {"verdict", r.verdict},
              {"failed_test", r.failed_test},
              {"tests_passed", r.tests_passed},
              {"tests_total", r.tests_total},
              {"max_time_ms", r.max_time_ms},
              {"max_memory_kb", r.max_memory_kb},
              {"ratio", r.timing ? json(r.timing->ratio) : json()}};
  if (r.gpu) row["gpu"] = GpuFiguresJson(*r.gpu);
  return row;
}

nlohmann::json RenderJsonReport(const ReportModel& model) {
  json problems = json::array();
  for (const auto& p : model.problems) problems.push_back(Problem(p));
  return {{"user", model.user},
          {"generated_at", model.generated_at},
          {"store", model.store_path},
          {"problems", problems}};
}

}  // namespace judge
