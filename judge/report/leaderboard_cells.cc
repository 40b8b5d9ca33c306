#include "judge/report/leaderboard_cells.h"

#include "judge/format_number.h"
#include "judge/timing/growth_fit.h"

namespace judge {

const std::array<std::string, kLeaderboardColumns>& LeaderboardHeaders(bool gpu) {
  static const std::array<std::string, kLeaderboardColumns> headers = {
      "rank", "user", "language", "ratio", "median", "memory", "faster than", "growth", "when"};
  static const std::array<std::string, kLeaderboardColumns> gpu_headers = {
      "rank", "user", "device", "ratio", "figure", "of ceiling", "faster than", "source", "when"};
  return gpu ? gpu_headers : headers;
}

std::string GpuFigureUnit(const std::string& figure) {
  if (figure == "tflops") return "TFLOP/s";
  if (figure == "busbw_gbps") return "GB/s busbw";
  return figure;
}

std::string GpuFigureText(const std::string& figure, double value) {
  return FormatNumber(value < 10 ? "%.2f " : "%.0f ", value) + GpuFigureUnit(figure);
}

std::string VerdictCounts(const ProblemAttempts& attempts) {
  std::string out;
  for (const auto& [verdict, count] : attempts.verdicts)
    out += (out.empty() ? "" : ", ") + verdict + " " + std::to_string(count);
  return out.empty() ? "-" : out;
}

std::string AttemptsText(const ProblemAttempts& attempts) {
  if (attempts.runs == 0) return attempts.status();
  const std::string runs = std::to_string(attempts.runs) + " run" + (attempts.runs == 1 ? "" : "s");
  const std::string counts = " (" + VerdictCounts(attempts) + "), last " + attempts.last_verdict;
  if (!attempts.solved())
    return std::string(attempts.status()) + ": " + runs + ", none accepted" + counts;
  return std::string(attempts.status()) + ": " + std::to_string(attempts.accepted) + " of " + runs +
         " accepted" + counts;
}

std::string GrowthCell(const RunRecord& run) {
  return run.growth && !run.growth->model.empty() ? BigO(run.growth->model) : "-";
}

std::array<std::string, kLeaderboardColumns> LeaderboardCells(const LeaderboardRow& row) {
  const RunRecord& run = row.run;
  const TimingFigures& timing = *run.timing;
  if (run.gpu) {
    const GpuRunFigures& g = *run.gpu;
    return {std::to_string(row.rank),
            run.user,
            GpuDeviceLabel(g),
            FormatNumber("%.2f", timing.ratio),
            GpuFigureText(g.score_figure, g.score),
            g.ceiling_fraction > 0 ? FormatNumber("%.0f%%", 100 * g.ceiling_fraction) : "-",
            FormatNumber("%.0f%%", row.faster_than_percent),
            run.source_name,
            run.created_at.substr(0, 10)};
  }
  return {std::to_string(row.rank),
          run.user,
          run.language,
          FormatNumber("%.2f", timing.ratio),
          FormatNumber(timing.median_ms < 10 ? "%.2f ms" : "%.1f ms", timing.median_ms),
          FormatNumber("%.1f MB", static_cast<double>(run.max_memory_kb) / 1024),
          FormatNumber("%.0f%%", row.faster_than_percent),
          GrowthCell(run),
          run.created_at.substr(0, 10)};
}

}  // namespace judge
