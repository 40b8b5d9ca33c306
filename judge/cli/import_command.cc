// judge import PATH [--slug S] [--force]: a Kattis / ICPC problem package (folder, .zip or
// .kpp) made into a competitive problem of the workspace (judge/package/package_import.h).
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/package/package_import.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::cli {
namespace {

std::string Counts(const std::vector<std::pair<std::string, size_t>>& counts) {
  std::string text;
  for (const auto& [name, count] : counts)
    text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
  return text;
}

int RunImport(const Context& context, const ImportOptions& options) {
  Workspace workspace;
  std::string err;
  if (!FindWorkspace(context.root, &workspace, &err)) return PrintError(err);
  LocalSandbox sandbox;
  ImportReport report;
  if (!ImportPackage(workspace, options, sandbox, &report, &err)) return PrintError(err);
  size_t tests = 0;
  for (const auto& group : report.groups) tests += group.second;
  std::printf("imported %s (\"%s\") from %s\n", report.slug.c_str(), report.title.c_str(),
              options.package.string().c_str());
  std::printf("  tests: %zu in %zu group%s (%s)\n", tests, report.groups.size(),
              report.groups.size() == 1 ? "" : "s", Counts(report.groups).c_str());
  std::printf("  checker: %s\n", report.checker.c_str());
  if (report.inputs_validated > 0)
    std::printf("  input validators: accepted all %d runs\n", report.inputs_validated);
  std::printf("  reference: %s\n", report.reference.empty() ? "none" : report.reference.c_str());
  std::printf("  submissions: %s\n",
              report.submissions.empty() ? "none" : Counts(report.submissions).c_str());
  for (const std::string& warning : report.warnings)
    std::fprintf(stderr, "judge: warning: %s\n", warning.c_str());
  std::printf("Judge them all with: judge verify %s\n", report.slug.c_str());
  return kExitAccepted;
}

}  // namespace

void SetupImportCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<ImportOptions>();
  auto package = std::make_shared<std::string>();
  command->add_option("package", *package, "A problem package: a folder, .zip or .kpp")->required();
  command->add_option("--slug", options->slug,
                      "The problem's slug (default: the package's folder or archive name)");
  command->add_flag("--force", options->force, "Replace a problem that has the same slug");
  command->callback([context, options, package] {
    options->package = *package;
    context->exit_code = RunImport(*context, *options);
  });
}

}  // namespace judge::cli
