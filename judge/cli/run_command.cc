// judge run SLUG FILE [--lang L] [--all] [--group G]... [--skip-group G]... [--no-sanitize]
//           [--user U] [--bench] [--repeat N] [--no-store] [--no-local] [--json]
// Judges, optionally times (--bench), and records the run in the store. Cases saved by
// `judge stress --save` (local tests) are judged first, unless --no-local.
#include <algorithm>
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/cli/judgement_printer.h"
#include "judge/cli/timing_printer.h"
#include "judge/run/judge.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/store/record_run.h"
#include "judge/stress/local_tests.h"

namespace judge::cli {
namespace {

struct RunOptions {
  std::string slug;
  std::string file;
  std::string language;
  bool all = false;
  std::vector<std::string> groups;
  std::vector<std::string> skip_groups;
  bool no_sanitize = false;
  std::string user;
  bool bench = false;
  int repeat = 5;
  bool no_store = false;
  bool no_local = false;
  bool json = false;
};

// The local tests `judge stress --save` kept for this problem, beside the store; false when
// they do not load (the message is printed).
bool LoadLocal(const Context& context, const Problem& problem, std::vector<TestCase>* tests,
               std::filesystem::path* file) {
  const auto store = LocalFilesAnchor(StoreLocation(context));
  const auto dir = LocalTestsDir(store, problem.slug);
  *file = LocalTestsFile(dir);
  std::string err;
  if (LoadLocalTests(problem, dir, tests, &err)) return true;
  PrintError(err + " (the local tests of judge stress --save; --no-local leaves them out)");
  return false;
}

int RunRun(const Context& context, const RunOptions& options) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, options.slug, &workspace, &problem)) return kExitUsage;
  if (problem.style == Style::kGpu) return RefuseGpuProblem(options.slug);
  if (!std::filesystem::is_regular_file(options.file))
    return PrintError(options.file + ": no such file");

  JudgeOptions judge_options;
  judge_options.language = options.language;
  judge_options.all_tests = options.all;
  judge_options.only_groups = options.groups;
  judge_options.skip_groups = options.skip_groups;
  judge_options.sanitize = !options.no_sanitize;
  std::filesystem::path local_file;
  // Local tests are a group like the others: --group local picks them, --skip-group local not.
  auto names = [](const std::vector<std::string>& groups) {
    return std::find(groups.begin(), groups.end(), kLocalTestGroup) != groups.end();
  };
  const bool with_local = !options.no_local && !names(options.skip_groups) &&
                          (options.groups.empty() || names(options.groups));
  if (with_local && !LoadLocal(context, problem, &judge_options.extra_tests, &local_file))
    return kExitUsage;
  const size_t local_tests = judge_options.extra_tests.size();
  Terminal progress_term(stderr);
  if (progress_term.is_tty())
    judge_options.progress = [](size_t done, size_t total) {
      std::fprintf(stderr, "\r  judging... %zu/%zu tests", done, total);
      std::fflush(stderr);
    };
  if (progress_term.is_tty()) std::fprintf(stderr, "  building and judging...");

  // Opened first, so that a bad --store fails before minutes of judging, not after.
  std::unique_ptr<Store> store;
  if (!options.no_store && !(store = OpenStore(context))) return kExitUsage;

  LocalSandbox sandbox;
  Judgement judgement;
  std::string err;
  bool ok =
      JudgeSubmission(workspace, problem, options.file, judge_options, sandbox, &judgement, &err);
  SubmissionTiming timing;
  if (ok && options.bench) {
    if (progress_term.is_tty()) std::fprintf(stderr, "\r\033[K  timing against the reference...");
    ok = TimeSubmission(workspace, problem, judgement, {options.repeat, true}, sandbox, &timing,
                        &err);
  }
  if (progress_term.is_tty()) std::fprintf(stderr, "\r\033[K");
  if (!ok) return PrintError(err);

  RunRecord record = MakeRunRecord(judgement, options.bench ? &timing : nullptr,
                                   options.user.empty() ? DefaultUser() : options.user);
  std::optional<double> faster_than;
  if (store) {
    std::vector<double> ratios;
    if (!store->Record(&record, &err) || !store->AcceptedRatios(problem.slug, &ratios, &err))
      return PrintError(store->location() + ": " + err);
    if (record.timing) faster_than = FasterThanPercent(record.timing->ratio, ratios);
  }
  if (options.json) {
    nlohmann::json j = judgement;
    if (options.bench) {
      j["bench"] = timing;
      if (faster_than) j["bench"]["timing"]["faster_than_percent"] = *faster_than;
    }
    if (store) j["run_id"] = record.id;
    if (local_tests > 0) j["local_tests"] = {{"count", local_tests}, {"file", local_file}};
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    const Terminal term(stdout);
    if (local_tests > 0)
      std::printf(
          "Included %zu local test%s from %s (judge stress --save; --no-local leaves "
          "them out)\n\n",
          local_tests, local_tests == 1 ? "" : "s", local_file.c_str());
    PrintJudgement(judgement, term, stdout);
    if (options.bench) PrintTiming(problem, timing, faster_than, term, stdout);
    if (store)
      std::printf("%s\n", term.Paint("Recorded as run " + std::to_string(record.id) + " of " +
                                         record.user + " in " + store->location(),
                                     Color::kDim)
                              .c_str());
  }
  return judgement.verdict == Verdict::kAccepted ? kExitAccepted : kExitNotAccepted;
}

}  // namespace

void SetupRunCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<RunOptions>();
  command->add_option("slug", options->slug, "The problem")->required();
  command->add_option("file", options->file, "The solution (.cpp, .py)")->required();
  command
      ->add_option("--lang", options->language, "Language, instead of guessing from the extension")
      ->check(CLI::IsMember(LanguageNames()));
  command->add_flag("--all", options->all,
                    "Judge every test instead of stopping at the first failure");
  command->add_option("--group", options->groups,
                      "Judge only this test group (repeatable: --group samples --group edge)");
  command->add_option("--skip-group", options->skip_groups,
                      "Do not judge this test group (repeatable)");
  command->add_flag("--no-sanitize", options->no_sanitize,
                    "Judge every group plain (-O2), none under AddressSanitizer and UBSan");
  command->add_option("--user", options->user,
                      "Whose run this is, in the store (default: the login name)");
  command->add_flag(
      "--bench", options->bench,
      "Time it against the reference (median ratio over repetitions) and fit its growth");
  command
      ->add_option("--repeat", options->repeat,
                   "Least passes over the performance group for --bench (more, up to 4x, until the "
                   "fastest agree)")
      ->check(CLI::Range(1, 100));
  command->add_flag("--no-store", options->no_store, "Do not record the run in the store");
  command->add_flag("--no-local", options->no_local,
                    "Leave out the local tests saved by `judge stress --save`");
  command->add_flag("--json", options->json, "Print one JSON object");
  command->callback([context, options] { context->exit_code = RunRun(*context, *options); });
}

}  // namespace judge::cli
