#include "judge/report/csv_report.h"

#include <cstdio>

#include "judge/report/leaderboard_cells.h"

namespace judge {
namespace {

std::string Number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

}  // namespace

std::string CsvField(std::string_view text) {
  std::string field(text);
  if (!field.empty() && std::string_view("=+-@").find(field[0]) != std::string_view::npos)
    field.insert(0, "'");
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string RenderCsvReport(const ReportModel& model) {
  std::string out =
      "problem,rank,user,language,ratio,median_ms,ratio_spread,memory_kb,faster_than_percent,"
      "growth,run_id,source,when,is_user,device,figure,figure_value,ceiling_fraction\r\n";
  for (const auto& problem : model.problems) {
    for (const auto& row : problem.leaderboard) {
      const RunRecord& run = row.run;
      const std::string fields[] = {
          problem.slug, std::to_string(row.rank), run.user, run.language, Number(run.timing->ratio),
          Number(run.timing->median_ms), Number(run.timing->ratio_spread),
          std::to_string(run.max_memory_kb), Number(row.faster_than_percent),
          run.growth ? run.growth->model : "", std::to_string(run.id), run.source_name,
          run.created_at, row.is_user ? "1" : "0",
          // GPU runs only: empty for the CPU track's.
          run.gpu ? run.gpu->device_name : "", run.gpu ? run.gpu->score_figure : "",
          run.gpu ? Number(run.gpu->score) : "", run.gpu ? Number(run.gpu->ceiling_fraction) : ""};
      for (size_t i = 0; i < std::size(fields); ++i) out += (i ? "," : "") + CsvField(fields[i]);
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace judge
