// judge history [--user U] [--problem SLUG] [--limit N] [--json]: a user's judged runs, newest
// first; a GPU run (`judge gpu run`) also shows its score and device.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "judge/cli/commands.h"
#include "judge/cli/terminal.h"
#include "judge/report/json_report.h"
#include "judge/report/leaderboard_cells.h"
#include "judge/store/record_run.h"

namespace judge::cli {
namespace {

struct HistoryOptions {
  std::string user;
  std::string problem;
  int limit = 20;
  bool json = false;
};

int RunHistory(const Context& context, const HistoryOptions& options) {
  auto store = OpenStore(context);
  if (!store) return kExitUsage;
  const std::string user = options.user.empty() ? DefaultUser() : options.user;
  std::vector<RunRecord> runs;
  std::string err;
  if (!store->History(user, options.problem, options.limit, &runs, &err))
    return PrintError(store->location() + ": " + err);

  if (options.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : runs) rows.push_back(HistoryRowJson(r));
    std::printf("%s\n", nlohmann::json{{"user", user}, {"runs", rows}}.dump(2).c_str());
    return kExitAccepted;
  }
  const Terminal term(stdout);
  std::printf("%s\n", term.Paint("Runs of " + user + ", newest first", Color::kBold).c_str());
  if (runs.empty()) {
    std::printf("None yet%s.\n", options.problem.empty() ? "" : (" on " + options.problem).c_str());
    return kExitAccepted;
  }
  std::printf("%5s  %-20s %-24s %-7s %-4s %7s %10s %7s  %s\n", "run", "when (UTC)", "problem",
              "lang", "", "tests", "max time", "ratio", "source");
  for (const auto& r : runs) {
    char tests[16], time[24], ratio[16] = "-";
    std::snprintf(tests, sizeof tests, "%d/%d", r.tests_passed, r.tests_total);
    std::snprintf(time, sizeof time, "%.0f ms", r.max_time_ms);
    if (r.timing) std::snprintf(ratio, sizeof ratio, "%.2f", r.timing->ratio);
    const Color color = r.verdict == "AC" ? Color::kGreen : Color::kRed;
    std::string source = r.source_name;
    if (r.gpu && r.gpu->score > 0)
      source +=
          "  " + GpuFigureText(r.gpu->score_figure, r.gpu->score) + " on " + GpuDeviceLabel(*r.gpu);
    else if (r.gpu)
      source += "  on " + GpuDeviceLabel(*r.gpu);
    std::printf(
        "%5lld  %-20s %-24s %-7s %s %7s %10s %7s  %s\n", static_cast<long long>(r.id),
        r.created_at.c_str(), r.problem.substr(0, 24).c_str(), r.language.c_str(),
        term.Paint(r.verdict + std::string(4 - std::min<size_t>(4, r.verdict.size()), ' '), color)
            .c_str(),
        tests, time, ratio, source.c_str());
  }
  return kExitAccepted;
}

}  // namespace

void SetupHistoryCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<HistoryOptions>();
  command->add_option("--user", options->user, "Whose runs (default: the login name)");
  command->add_option("--problem", options->problem, "Only this problem's runs");
  command->add_option("--limit", options->limit, "At most this many runs (0: all)")
      ->check(CLI::NonNegativeNumber);
  command->add_flag("--json", options->json, "Print one JSON object");
  command->callback([context, options] { context->exit_code = RunHistory(*context, *options); });
}

}  // namespace judge::cli
