// judge report [--out DIR] [--user U] [--json]: writes DIR/report.html (leaderboards and plots,
// self-contained), report.md, report.json and report.csv for every problem with runs in the
// store, the user's entries marked, and prints the files' paths.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "judge/cli/commands.h"
#include "judge/report/report_model.h"
#include "judge/report/write_report.h"
#include "judge/store/record_run.h"

namespace judge::cli {
namespace {

struct ReportOptions {
  std::string out = "judge-report";
  std::string user;
  bool json = false;
};

// Problem titles from the workspace when there is one; a report works from the store alone.
std::map<std::string, std::string> ProblemTitles(const Context& context) {
  std::map<std::string, std::string> titles;
  Workspace workspace;
  std::string err;
  if (!FindWorkspace(context.root, &workspace, &err)) return titles;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(workspace.problems(), ec)) {
    Problem problem;
    if (LoadProblem(entry.path(), &problem, &err)) titles[problem.slug] = problem.title;
  }
  return titles;
}

int RunReport(const Context& context, const ReportOptions& options) {
  auto store = OpenStore(context);
  if (!store) return kExitUsage;
  ReportModel model;
  std::vector<std::filesystem::path> written;
  std::string err;
  const std::string user = options.user.empty() ? DefaultUser() : options.user;
  if (!BuildReportModel(*store, user, ProblemTitles(context), &model, &err))
    return PrintError(store->location() + ": " + err);
  if (!WriteReport(model, options.out, &written, &err)) return PrintError("--out: " + err);
  if (options.json) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& path : written) files.push_back(path.string());
    std::printf(
        "%s\n",
        nlohmann::json{{"user", user}, {"problems", model.problems.size()}, {"files", files}}
            .dump(2)
            .c_str());
    return kExitAccepted;
  }
  for (const auto& path : written) std::printf("%s\n", path.c_str());
  return kExitAccepted;
}

}  // namespace

void SetupReportCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<ReportOptions>();
  command
      ->add_option("--out", options->out,
                   "Folder for report.html, .md, .json, .csv (created; nothing else in it is "
                   "touched)")
      ->capture_default_str();
  command->add_option("--user", options->user, "Whose entries to mark (default: the login name)");
  command->add_flag("--json", options->json, "Print the written files as one JSON object");
  command->callback([context, options] { context->exit_code = RunReport(*context, *options); });
}

}  // namespace judge::cli
