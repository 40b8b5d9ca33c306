// judge submit SLUG FILE [--lang L] [--user U]: queues a submission in a PostgreSQL store for
// `judge worker`s to judge, and prints its job id alone on a line (for scripts; `judge status ID`
// follows it). The job carries the content hash of the problem as this machine has it, so that
// a worker whose copy differs refuses it rather than judging it against other tests.
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"
#include "judge/queue/job_queue.h"
#include "judge/queue/problem_hash.h"
#include "judge/store/record_run.h"

namespace judge::cli {
namespace {

struct SubmitOptions {
  std::string slug;
  std::string file;
  std::string language;
  std::string user;
};

int RunSubmit(const Context& context, const SubmitOptions& options) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, options.slug, &workspace, &problem)) return kExitUsage;
  if (problem.style == Style::kGpu) return RefuseGpuProblem(options.slug);
  QueuedJob job;
  job.problem = problem.slug;
  job.user = options.user.empty() ? DefaultUser() : options.user;
  job.source_name = std::filesystem::path(options.file).filename().string();
  std::string err;
  if (!ReadFile(options.file, &job.source, &err)) return PrintError(err);
  const LanguageInfo* language =
      options.language.empty() ? LanguageForFile(options.file) : FindLanguage(options.language);
  if (!language)
    return PrintError(options.file + ": no language for this extension; give --lang (" +
                      LanguagesFor(problem) + ")");
  if (!Supports(*language, problem))
    return PrintError(options.file + ": " + problem.slug + " cannot be judged in " +
                      language->name + " (it takes " + LanguagesFor(problem) + ")");
  job.language = language->name;
  if (!ProblemContentHash(workspace, problem.slug, &job.problem_hash, &err)) return PrintError(err);

  if (!JobQueue::CheckLocation(StoreLocation(context), &err)) return PrintError("--store: " + err);
  auto store = OpenStore(context);
  if (!store) return kExitUsage;
  if (!JobQueue(store.get()).Submit(&job, &err)) return PrintError(store->location() + ": " + err);
  std::printf("%lld\n", static_cast<long long>(job.id));
  return kExitAccepted;
}

}  // namespace

void SetupSubmitCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<SubmitOptions>();
  command->add_option("slug", options->slug, "The problem")->required();
  command->add_option("file", options->file, "The solution (.cpp, .py)")->required();
  command
      ->add_option("--lang", options->language, "Language, instead of guessing from the extension")
      ->check(CLI::IsMember(LanguageNames()));
  command->add_option("--user", options->user,
                      "Whose submission this is, in the store (default: the login name)");
  command->callback([context, options] { context->exit_code = RunSubmit(*context, *options); });
}

}  // namespace judge::cli
