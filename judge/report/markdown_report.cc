#include "judge/report/markdown_report.h"

#include <cstdio>
#include <cstring>

#include "judge/report/leaderboard_cells.h"

namespace judge {
namespace {

std::string Table(const ProblemReport& problem) {
  std::string out = "|";
  for (const auto& h : LeaderboardHeaders(problem.gpu)) out += " " + h + " |";
  out += "\n|";
  for (size_t i = 0; i < kLeaderboardColumns; ++i)
    out += i == 0 || (i >= 3 && i <= 6) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : problem.leaderboard) {
    const auto cells = LeaderboardCells(row);
    out += "|";
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string cell = EscapeMarkdown(cells[i]);
      if (row.is_user) cell = "**" + cell + (i == 1 ? " (you)" : "") + "**";
      out += " " + cell + " |";
    }
    out += "\n";
  }
  return out;
}

std::string Section(const ReportModel& model, const ProblemReport& problem) {
  std::string out = "## " + EscapeMarkdown(problem.title) + " (`" + problem.slug + "`)\n\n";
  out += "**" + EscapeMarkdown(model.user) + "**, " +
         EscapeMarkdown(AttemptsText(problem.attempts)) + ".\n\n";
  if (problem.leaderboard.empty()) {
    return out + "No accepted, timed runs yet: judge one with `judge run " + problem.slug +
           " FILE --bench`.\n\n";
  }
  if (problem.user_row) {
    const auto& row = problem.leaderboard[*problem.user_row];
    char text[160];
    std::snprintf(text, sizeof text,
                  ": rank %d of %zu, ratio %.2f, faster than %.0f%% of %zu accepted runs.\n\n",
                  row.rank, problem.leaderboard.size(), row.run.timing->ratio,
                  row.faster_than_percent, problem.accepted_ratios.size());
    out += "**" + EscapeMarkdown(model.user) + "**" + text;
  } else {
    out += "**" + EscapeMarkdown(model.user) + "** has no accepted, timed run here.\n\n";
  }
  out += Table(problem) +
         "\nPlots (time against input size, distribution of ratios): [report.html]" +
         "(report.html#problem-" + problem.slug + ").\n\n";
  return out;
}

}  // namespace

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::strchr("\\`*_[]<>|~&", c) && c != '\0') out += '\\';
    out += c;
  }
  return out;
}

std::string RenderMarkdownReport(const ReportModel& model) {
  std::string out = "# Judge report for " + EscapeMarkdown(model.user) + "\n\nGenerated " +
                    model.generated_at + " from `" + model.store_path + "`; " +
                    std::to_string(model.problems.size()) + " problem" +
                    (model.problems.size() == 1 ? "" : "s") + " with runs.\n\n";
  if (!model.problems.empty()) {
    out += "| problem | status | runs | verdicts |\n| --- | --- | ---: | --- |\n";
    for (const auto& p : model.problems)
      out += "| " + EscapeMarkdown(p.title) + " | " + p.attempts.status() + " | " +
             std::to_string(p.attempts.runs) + " | " + VerdictCounts(p.attempts) + " |\n";
    out += "\n";
  }
  for (const auto& p : model.problems) out += Section(model, p);
  out +=
      "ratio: median time over the performance group / the reference's, measured in the same "
      "run (lower is faster); faster than: share of all accepted runs with a higher ratio.\n";
  return out;
}

}  // namespace judge
