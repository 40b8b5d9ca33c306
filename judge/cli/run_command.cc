// judge run SLUG FILE [--lang L] [--all] [--json]
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/cli/report_printer.h"
#include "judge/run/judge.h"
#include "judge/run/report_json.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::cli {
namespace {

struct RunOptions {
  std::string slug;
  std::string file;
  std::string language;
  bool all = false;
  bool json = false;
};

int RunRun(const Context& context, const RunOptions& options) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, options.slug, &workspace, &problem)) return kExitUsage;
  if (!std::filesystem::is_regular_file(options.file)) return Fail(options.file + ": no such file");

  JudgeOptions judge_options;
  judge_options.language = options.language;
  judge_options.all_tests = options.all;
  Terminal progress_term(stderr);
  if (progress_term.is_tty())
    judge_options.progress = [](size_t done, size_t total) {
      std::fprintf(stderr, "\r  judging... %zu/%zu tests", done, total);
      std::fflush(stderr);
    };
  if (progress_term.is_tty()) std::fprintf(stderr, "  building and judging...");

  LocalSandbox sandbox;
  JudgeReport report;
  std::string err;
  const bool ok = JudgeSubmission(workspace, problem, options.file, judge_options, sandbox, &report, &err);
  if (progress_term.is_tty()) std::fprintf(stderr, "\r\033[K");
  if (!ok) return Fail(err);
  if (options.json)
    std::printf("%s\n", ReportToJson(report).dump(2).c_str());
  else
    PrintReport(report, Terminal(stdout), stdout);
  return report.verdict == Verdict::kAccepted ? kExitAccepted : kExitNotAccepted;
}

}  // namespace

void SetupRunCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<RunOptions>();
  command->add_option("slug", options->slug, "The problem")->required();
  command->add_option("file", options->file, "The solution (.cpp, .py)")->required();
  command->add_option("--lang", options->language, "Language, instead of guessing from the extension")
      ->check(CLI::IsMember(LanguageNames()));
  command->add_flag("--all", options->all, "Judge every test instead of stopping at the first failure");
  command->add_flag("--json", options->json, "Print one JSON object");
  command->callback([context, options] { context->exit_code = RunRun(*context, *options); });
}

}  // namespace judge::cli
