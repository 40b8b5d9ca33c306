// judge leaderboard SLUG [--json]: accepted, timed runs, the best per user, ranked by their ratio
// to the reference (lower is faster), with "faster than X% of accepted entries". On a GPU problem
// the ratio is to the reference timed in the same run on the same device, so entries from
// different GPUs compare; the table shows the figure, its share of the device's measured ceiling
// and the device instead of time and memory.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "judge/cli/commands.h"
#include "judge/cli/terminal.h"
#include "judge/report/json_report.h"
#include "judge/report/leaderboard_cells.h"
#include "judge/timing/growth_fit.h"

namespace judge::cli {
namespace {

struct LeaderboardOptions {
  std::string slug;
  bool json = false;
};

void PrintGpuLeaderboard(const std::vector<RunRecord>& entries, const std::vector<double>& ratios,
                         const Terminal& term) {
  std::printf("%4s  %-16s %7s %18s %10s %8s  %-28s %-22s %s\n", "rank", "user", "ratio", "figure",
              "of ceiling", "faster", "device", "source", "when");
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const bool gpu = e.gpu.has_value();
    char ceiling[16] = "-", faster[16];
    if (gpu && e.gpu->ceiling_fraction > 0)
      std::snprintf(ceiling, sizeof ceiling, "%.0f%%", 100 * e.gpu->ceiling_fraction);
    std::snprintf(faster, sizeof faster, "%.0f%%", FasterThanPercent(e.timing->ratio, ratios));
    std::printf("%4zu  %-16s %7.2f %18s %10s %8s  %-28s %-22s %s\n", i + 1,
                e.user.substr(0, 16).c_str(), e.timing->ratio,
                gpu ? GpuFigureText(e.gpu->score_figure, e.gpu->score).c_str() : "-", ceiling,
                faster, gpu ? GpuDeviceLabel(*e.gpu, 28).c_str() : "-",
                e.source_name.substr(0, 22).c_str(), e.created_at.substr(0, 10).c_str());
  }
  std::printf("%s\n",
              term.Paint("ratio: the reference's score over the entry's, both timed in the same "
                         "run on the same device (lower is faster), so entries from different "
                         "GPUs compare; of ceiling: share of that device's measured rate",
                         Color::kDim)
                  .c_str());
}

int RunLeaderboard(const Context& context, const LeaderboardOptions& options) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, options.slug, &workspace, &problem)) return kExitUsage;
  auto store = OpenStore(context);
  if (!store) return kExitUsage;
  std::vector<RunRecord> entries;
  std::vector<double> ratios;
  std::string err;
  if (!store->Leaderboard(problem.slug, &entries, &err) ||
      !store->AcceptedRatios(problem.slug, &ratios, &err))
    return PrintError(store->location() + ": " + err);

  if (options.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < entries.size(); ++i)
      rows.push_back(LeaderboardEntryJson(static_cast<int>(i + 1), entries[i],
                                          FasterThanPercent(entries[i].timing->ratio, ratios)));
    std::printf("%s\n", nlohmann::json{{"problem", problem.slug},
                                       {"accepted_entries", ratios.size()},
                                       {"entries", rows}}
                            .dump(2)
                            .c_str());
    return kExitAccepted;
  }
  const Terminal term(stdout);
  std::printf(
      "%s\n",
      term.Paint(problem.title + " (" + problem.slug + "): leaderboard", Color::kBold).c_str());
  if (entries.empty()) {
    std::printf(problem.style == Style::kGpu
                    ? "No timed, accepted runs yet: judge one with `judge gpu run %s FILE.cu`.\n"
                    : "No timed, accepted runs yet: judge one with `judge run %s FILE --bench`.\n",
                problem.slug.c_str());
    return kExitAccepted;
  }
  if (problem.style == Style::kGpu) {
    PrintGpuLeaderboard(entries, ratios, term);
    return kExitAccepted;
  }
  std::printf("%4s  %-16s %-7s %7s %10s %10s %8s  %-12s %s\n", "rank", "user", "lang", "ratio",
              "median", "memory", "faster", "growth", "when");
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    char median[32], memory[32], faster[16];
    std::snprintf(median, sizeof median, "%.1f ms", e.timing->median_ms);
    std::snprintf(memory, sizeof memory, "%.1f MB", static_cast<double>(e.max_memory_kb) / 1024);
    std::snprintf(faster, sizeof faster, "%.0f%%", FasterThanPercent(e.timing->ratio, ratios));
    std::printf("%4zu  %-16s %-7s %7.2f %10s %10s %8s  %-12s %s\n", i + 1,
                e.user.substr(0, 16).c_str(), e.language.c_str(), e.timing->ratio, median, memory,
                faster, e.growth ? BigO(e.growth->model).c_str() : "-",
                e.created_at.substr(0, 10).c_str());
  }
  std::printf(
      "%s\n",
      term.Paint("ratio: median time over the performance group / the reference's, measured in "
                 "the same run (lower is faster); faster: share of all accepted entries beaten",
                 Color::kDim)
          .c_str());
  return kExitAccepted;
}

}  // namespace

void SetupLeaderboardCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<LeaderboardOptions>();
  command->add_option("slug", options->slug, "The problem")->required();
  command->add_flag("--json", options->json, "Print one JSON object");
  command->callback(
      [context, options] { context->exit_code = RunLeaderboard(*context, *options); });
}

}  // namespace judge::cli
