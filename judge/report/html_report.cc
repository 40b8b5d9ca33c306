#include "judge/report/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "judge/format_number.h"
#include "judge/report/html_escape.h"
#include "judge/report/leaderboard_cells.h"
#include "judge/report/svg_plot.h"
#include "judge/timing/growth_fit.h"

namespace judge {
namespace {

constexpr char kStyle[] = R"css(
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330;
       background: #f4f5f7; margin: 0; }
main { max-width: 1160px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { margin: 0 0 4px; font-size: 26px; }
.meta { color: #5a6170; margin: 0 0 16px; }
nav a { margin-right: 14px; color: #1f6fb4; }
section.problem { background: #fff; border: 1px solid #dde0e5; border-radius: 8px;
                  padding: 16px 20px; margin: 20px 0; }
h2 { margin: 0 0 6px; font-size: 20px; }
h2 .slug { color: #7a8190; font-weight: normal; font-size: 15px; margin-left: 8px; }
.summary { margin: 0 0 12px; }
table.leaderboard { border-collapse: collapse; width: 100%; font-size: 14px; }
table.leaderboard th, table.leaderboard td { padding: 5px 10px; border-bottom: 1px solid #eceef1;
                                             text-align: left; }
table.leaderboard th { background: #f0f2f5; font-weight: 600; }
table.leaderboard td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.leaderboard tr.you td { background: #fbe6f0; font-weight: 600; }
.you-badge { background: #c2185b; color: #fff; border-radius: 4px; padding: 0 6px; margin-left: 6px;
             font-size: 11px; font-weight: 600; }
.plots { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 16px; }
figure { margin: 0; background: #fff; border: 1px solid #eceef1; border-radius: 6px; padding: 8px;
         flex: 1 1 440px; max-width: 580px; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: #3a4150; margin: 0 0 4px 4px; }
.note { color: #6a7180; font-style: italic; }
.attempts { margin: 0 0 4px; }
table.overview { margin: 12px 0 4px; background: #fff; }
tr.solved td:nth-child(2), .attempts.solved { color: #1b7a3a; }
tr.attempted td:nth-child(2), .attempts.attempted { color: #a35a00; }
footer { color: #6a7180; font-size: 13px; }
code { background: #eef0f3; padding: 1px 4px; border-radius: 3px; }
)css";

std::string Cell(const std::string& text, bool numeric) {
  return std::string(numeric ? "<td class=\"num\">" : "<td>") + EscapeHtml(text) + "</td>";
}

std::string LeaderboardTable(const ProblemReport& problem) {
  if (problem.leaderboard.empty())
    return "<p class=\"note\">No accepted, timed runs yet: judge one with <code>judge " +
           std::string(problem.gpu ? "gpu run " : "run ") + EscapeHtml(problem.slug) +
           (problem.gpu ? " FILE.cu" : " FILE --bench") + "</code>.</p>";
  std::string out =
      std::string("<table class=\"leaderboard") + (problem.gpu ? " gpu" : "") + "\"><thead><tr>";
  for (const auto& h : LeaderboardHeaders(problem.gpu)) out += "<th>" + EscapeHtml(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : problem.leaderboard) {
    const auto cells = LeaderboardCells(row);
    out += row.is_user ? "<tr class=\"you\" data-user-entry=\"true\">" : "<tr>";
    out += Cell(cells[0], true);
    out += "<td>" + EscapeHtml(cells[1]) +
           (row.is_user ? "<span class=\"you-badge\">you</span>" : "") + "</td>";
    out += Cell(cells[2], false);
    for (size_t i = 3; i <= 6; ++i) out += Cell(cells[i], true);
    out += Cell(cells[7], false) + Cell(cells[8], false) + "</tr>";
  }
  return out + "</tbody></table>";
}

// "solved", "attempted", "not-tried": the status as a CSS class.
std::string StatusClass(const ProblemAttempts& attempts) {
  std::string status = attempts.status();
  std::replace(status.begin(), status.end(), ' ', '-');
  return status;
}

std::string Summary(const ReportModel& model, const ProblemReport& problem) {
  const std::string user = "<strong>" + EscapeHtml(model.user) + "</strong>";
  const std::string attempts = "<p class=\"attempts " + StatusClass(problem.attempts) + "\">" +
                               user + ", " + EscapeHtml(AttemptsText(problem.attempts)) + ".</p>";
  if (!problem.user_row) {
    const char* why = problem.attempts.solved()
                          ? " none of them timed (<code>--bench</code> ranks a run)"
                          : " no accepted, timed run";
    return attempts + "<p class=\"summary\">Leaderboard: " + why + ".</p>";
  }
  const LeaderboardRow& row = problem.leaderboard[*problem.user_row];
  char text[160];
  std::snprintf(text, sizeof text,
                ": rank %d of %zu, ratio %.2f to the reference, faster than %.0f%% of %zu accepted "
                "runs.",
                row.rank, problem.leaderboard.size(), row.run.timing->ratio,
                row.faster_than_percent, problem.accepted_ratios.size());
  return attempts + "<p class=\"summary\">" + user + text + "</p>";
}

// Every problem at a glance: the user's status, attempts and best ratio.
std::string OverviewTable(const ReportModel& model) {
  std::string out =
      "<table class=\"leaderboard overview\"><thead><tr><th>problem</th><th>status</th>"
      "<th>runs</th><th>verdicts</th><th>your best ratio</th></tr></thead><tbody>";
  for (const auto& p : model.problems) {
    const auto ratio = p.user_ratio();
    out += "<tr class=\"" + StatusClass(p.attempts) + "\"><td><a href=\"#problem-" +
           EscapeHtml(p.slug) + "\">" + EscapeHtml(p.title) + "</a></td>" +
           Cell(p.attempts.status(), false) + Cell(std::to_string(p.attempts.runs), true) +
           Cell(VerdictCounts(p.attempts), false) +
           Cell(ratio ? FormatNumber("%.2f", *ratio) : "-", true) + "</tr>";
  }
  return out + "</tbody></table>\n";
}

std::string GrowthFigure(const ReportModel& model, const ProblemReport& problem) {
  std::string out = "<figure class=\"plot-figure growth\"><figcaption>";
  if (!problem.growth_run) {
    return out + "Time against input size</figcaption><p class=\"note\">No growth points for " +
           EscapeHtml(model.user) + " on this problem: <code>judge run " +
           EscapeHtml(problem.slug) + " FILE --bench</code> measures them.</p></figure>";
  }
  const RunRecord& run = *problem.growth_run;
  const GrowthFigures& growth = *run.growth;
  PlotSeries submission{"submission " + GrowthCell(run), "submission", {}};
  PlotSeries reference{
      "reference" +
          (growth.reference_model.empty() ? std::string() : " " + BigO(growth.reference_model)),
      "reference",
      {}};
  for (const auto& p : growth.points)
    submission.points.push_back({static_cast<double>(p.size), p.time_ms});
  for (const auto& p : growth.reference_points)
    reference.points.push_back({static_cast<double>(p.size), p.time_ms});
  out += "Time against input size (log-log) for " + EscapeHtml(model.user) + "&#39;s best run " +
         "with growth points: run " + std::to_string(run.id) + ", " + EscapeHtml(run.source_name) +
         " (" + EscapeHtml(run.language) + ")</figcaption>";
  return out +
         TimeAgainstSizeSvg("Time against input size: " + problem.slug, {submission, reference}) +
         "</figure>";
}

// Each of the user's versions: its main figure against the case's size. Cases of one size (other
// batch, heads, dtype) are folded into their geometric mean, so each version is one line.
std::string GpuFigure(const ReportModel& model, const ProblemReport& problem) {
  std::string out = "<figure class=\"plot-figure gpu-figure\"><figcaption>";
  if (problem.gpu_versions.empty())
    return out + "Figure against size</figcaption><p class=\"note\">No timed GPU run of " +
           EscapeHtml(model.user) + " on this problem: <code>judge gpu run " +
           EscapeHtml(problem.slug) + " FILE.cu</code> times one.</p></figure>";
  const GpuRunFigures& newest = *problem.gpu_versions.front().gpu;
  std::vector<PlotSeries> series;
  for (const RunRecord& run : problem.gpu_versions) {
    std::map<double, std::pair<double, int>> by_size;  // size -> sum of logs, count
    for (const GpuCaseFigures& c : run.gpu->cases)
      if (c.timed && c.size > 0 && c.figure_value > 0) {
        by_size[c.size].first += std::log(c.figure_value);
        ++by_size[c.size].second;
      }
    PlotSeries s{"run " + std::to_string(run.id) + " " + run.source_name.substr(0, 24),
                 "version-" + std::to_string(series.size()),
                 {}};
    for (const auto& [size, logs] : by_size)
      s.points.push_back({size, std::exp(logs.first / logs.second)});
    series.push_back(std::move(s));
  }
  const std::string unit = GpuFigureUnit(newest.score_figure);
  out += EscapeHtml(unit) + " against " + EscapeHtml(newest.size_axis) + " (log-log) for " +
         EscapeHtml(model.user) + "&#39;s versions, newest first, each on the device it ran on " +
         "(cases of one size: their geometric mean)</figcaption>";
  return out +
         FigureAgainstSizeSvg(unit + " against " + newest.size_axis + ": " + problem.slug,
                              newest.size_axis, unit, unit, series) +
         "</figure>";
}

std::string DistributionFigure(const ReportModel& model, const ProblemReport& problem) {
  std::string out =
      "<figure class=\"plot-figure distribution\"><figcaption>Accepted runs by ratio "
      "to the reference (all runs, not only each user&#39;s best)";
  if (problem.accepted_ratios.empty())
    return out + "</figcaption><p class=\"note\">No accepted, timed runs yet.</p></figure>";
  out += problem.user_row ? ", " + EscapeHtml(model.user) + "&#39;s best marked" : "";
  char label[64] = "";
  if (const auto ratio = problem.user_ratio()) std::snprintf(label, sizeof label, ": %.2f", *ratio);
  return out + "</figcaption>" +
         RatioDistributionSvg("Accepted ratios: " + problem.slug, problem.accepted_ratios,
                              problem.user_ratio(), model.user + label) +
         "</figure>";
}

std::string ProblemSection(const ReportModel& model, const ProblemReport& problem) {
  return "<section class=\"problem\" id=\"problem-" + EscapeHtml(problem.slug) + "\"><h2>" +
         EscapeHtml(problem.title) + "<span class=\"slug\">" + EscapeHtml(problem.slug) +
         "</span></h2>" + Summary(model, problem) + LeaderboardTable(problem) +
         "<div class=\"plots\">" +
         (problem.gpu ? GpuFigure(model, problem) : GrowthFigure(model, problem)) +
         DistributionFigure(model, problem) + "</div></section>\n";
}

}  // namespace

std::string RenderHtmlReport(const ReportModel& model) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>judge report: " +
      EscapeHtml(model.user) + "</title><style>" + kStyle + "</style></head><body><main>\n";
  out += "<h1>Judge report</h1><p class=\"meta\">For <strong>" + EscapeHtml(model.user) +
         "</strong> &middot; generated " + EscapeHtml(model.generated_at) + " &middot; store " +
         EscapeHtml(model.store_path) + " &middot; " + std::to_string(model.problems.size()) +
         " problem" + (model.problems.size() == 1 ? "" : "s") + "</p>\n<nav>";
  for (const auto& p : model.problems)
    out += "<a href=\"#problem-" + EscapeHtml(p.slug) + "\">" + EscapeHtml(p.title) + "</a>";
  out += "</nav>\n";
  if (model.problems.empty())
    out +=
        "<p class=\"note\">The store holds no runs yet: judge one with <code>judge run SLUG "
        "FILE --bench</code>.</p>";
  if (!model.problems.empty()) out += OverviewTable(model);
  for (const auto& p : model.problems) out += ProblemSection(model, p);
  out +=
      "<footer><p>ratio: the median time over the performance group divided by the "
      "reference&#39;s, both measured in the same run (lower is faster). faster than: the share "
      "of all accepted runs with a higher ratio. growth: the model that best fits time against "
      "input size. GPU problems: the ratio is the reference&#39;s score over the run&#39;s, both "
      "timed in "
      "the same run on the same device, so runs on different GPUs compare; of ceiling: the share "
      "of "
      "the device&#39;s own measured rate (matmul for attention, the copy floor for "
      "allreduce).</p></footer>\n</main></body></html>\n";
  return out;
}

}  // namespace judge
