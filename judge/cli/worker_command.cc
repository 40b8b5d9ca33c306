// judge worker [--jobs N] [--lease S] [--exit-when-idle S]: judges the submissions queued in a
// PostgreSQL store (--store postgresql://...) until stopped; run one per machine, on as many
// machines as the queue needs. Prints one line per job on stderr.
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/queue/worker.h"

namespace judge::cli {
namespace {

int RunWorkerCommand(const Context& context, WorkerOptions options) {
  std::string err;
  if (!FindWorkspace(context.root, &options.workspace, &err)) return PrintError(err);
  options.store = StoreLocation(context);
  options.log = [](const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
  };
  if (!RunWorker(options, &err)) return PrintError("--store: " + err);
  return kExitAccepted;
}

}  // namespace

void SetupWorkerCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<WorkerOptions>();
  options->jobs = OnePerCore();
  command
      ->add_option("--jobs", options->jobs,
                   "Submissions judged at once, each in a process of its own (default: one per "
                   "core)")
      ->check(CLI::Range(1, 256));
  command
      ->add_option("--lease", options->lease_seconds,
                   "Seconds a claimed job is held without renewal before another worker may take "
                   "it (renewed every third of it)")
      ->check(CLI::Range(1.0, 3600.0));
  command->add_option("--exit-when-idle", options->exit_when_idle_seconds,
                      "Stop after this many seconds without a job (default: never)");
  command->callback(
      [context, options] { context->exit_code = RunWorkerCommand(*context, *options); });
}

}  // namespace judge::cli
