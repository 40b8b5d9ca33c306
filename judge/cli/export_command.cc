// judge export SLUG [--out DIR] [--zip]: one competitive problem written as a Kattis / ICPC
// problem package (judge/package/package_export.h).
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/package/package_export.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::cli {
namespace {

struct ExportArguments {
  std::string slug;
  std::string out = ".";
  bool zip = false;
};

int RunExport(const Context& context, const ExportArguments& args) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, args.slug, &workspace, &problem)) return kExitUsage;
  LocalSandbox sandbox;
  ExportReport report;
  std::string err;
  if (!ExportPackage(workspace, problem, {args.out, args.zip}, sandbox, &report, &err))
    return PrintError(err);
  std::printf("exported %s to %s: %zu tests, %zu submissions\n", args.slug.c_str(),
              report.written.string().c_str(), report.tests, report.submissions);
  return kExitAccepted;
}

}  // namespace

void SetupExportCommand(CLI::App* command, Context* context) {
  auto args = std::make_shared<ExportArguments>();
  command->add_option("slug", args->slug, "A competitive problem, as listed by judge list")
      ->required();
  command->add_option("--out", args->out, "The folder to write the package in (default: .)");
  command->add_flag("--zip", args->zip, "Write <slug>.zip instead of the folder <slug>");
  command->callback([context, args] { context->exit_code = RunExport(*context, *args); });
}

}  // namespace judge::cli
