// judge verify [SLUG...] [-j N]: the main job. Judges each problem's reference and every
// submission kept in solutions/<slug>/<verdict>/, N at a time (default: the number of cores),
// checks each earns its folder's verdict, and records every run in the store (user "corpus"
// unless --user says otherwise; --no-store to skip). Output is in the same order at any N.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "judge/cli/commands.h"
#include "judge/cli/judgement_printer.h"
#include "judge/run/judge.h"
#include "judge/run/parallel_judging.h"
#include "judge/run/submission_corpus.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/store/record_run.h"

namespace judge::cli {
namespace {

struct VerifyOptions {
  std::vector<std::string> slugs;
  std::string user = "corpus";
  bool no_sanitize = false;
  bool no_store = false;
  bool json = false;
  int jobs = OnePerCore();
};

// "judged 12/168, about 3m 10s left" on stderr, rewritten in place, when stderr is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(size_t total) : total_(total), shown_(Terminal(stderr).is_tty()) {}

  void Done(size_t done) {
    if (!shown_ || done >= total_) return;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const long left = std::lround(elapsed / double(done) * double(total_ - done));
    std::fprintf(stderr, "\r  judged %zu/%zu, about %ldm %02lds left ", done, total_, left / 60,
                 left % 60);
    std::fflush(stderr);
  }

  void Clear() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  size_t total_;
  bool shown_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

int RunVerify(const Context& context, const VerifyOptions& options) {
  Workspace workspace;
  std::vector<Problem> problems;
  if (!OpenAllProblems(context, &workspace, &problems)) return kExitUsage;
  if (!options.slugs.empty()) {
    std::erase_if(problems, [&](const Problem& p) {
      return std::find(options.slugs.begin(), options.slugs.end(), p.slug) == options.slugs.end();
    });
    if (problems.size() != options.slugs.size())
      return PrintError("unknown problem among the slugs given");
  }
  // GPU problems' submissions are CUDA files, judged on a GPU by `judge gpu run`.
  std::string gpu_slugs;
  for (const Problem& p : problems)
    if (p.style == Style::kGpu) gpu_slugs += (gpu_slugs.empty() ? "" : ", ") + p.slug;
  std::erase_if(problems, [](const Problem& p) { return p.style == Style::kGpu; });
  if (!gpu_slugs.empty() && !options.json)
    std::printf("skipping GPU problems (judge them with `judge gpu run`): %s\n\n",
                gpu_slugs.c_str());
  std::unique_ptr<Store> store;
  if (!options.no_store && !(store = OpenStore(context))) return kExitUsage;
  std::vector<JudgingJob> jobs;
  std::vector<Verdict> expected;
  for (const auto& problem : problems)
    for (const auto& submission : ListExpectedSubmissions(workspace, problem)) {
      JudgingJob job{&problem, submission.file, {}};
      job.options.skip_groups = submission.skip_groups;
      job.options.sanitize = !options.no_sanitize;
      jobs.push_back(std::move(job));
      expected.push_back(submission.expected);
    }

  Terminal term(stdout);
  ProgressLine progress(jobs.size());
  nlohmann::json results = nlohmann::json::array();
  std::string err;
  int mismatches = 0;
  const auto on_judged = [&](size_t i, const JudgingOutcome& outcome) {
    if (!outcome.judged) {
      err = outcome.err;
      return false;
    }
    const Judgement& judgement = outcome.judgement;
    RunRecord record = MakeRunRecord(judgement, nullptr, options.user);
    if (store && !store->Record(&record, &err)) {
      err = store->location() + ": " + err;
      return false;
    }
    const bool match = judgement.verdict == expected[i];
    mismatches += !match;
    const auto shown = std::filesystem::relative(jobs[i].source, workspace.root).string();
    results.push_back({{"file", shown},
                       {"expected", VerdictCode(expected[i])},
                       {"verdict", VerdictCode(judgement.verdict)},
                       {"reason", judgement.reason}});
    progress.Clear();
    if (!options.json)
      std::printf("%s  %-62s expected %-3s got %s  %s\n",
                  match ? term.Paint("ok  ", Color::kGreen).c_str()
                        : term.Paint("FAIL", Color::kRed).c_str(),
                  shown.c_str(), std::string(VerdictCode(expected[i])).c_str(),
                  PaintVerdict(judgement.verdict, term).c_str(),
                  term.Paint(judgement.reason.substr(0, 70), Color::kDim).c_str());
    std::fflush(stdout);
    progress.Done(i + 1);
    return true;
  };
  const auto make_sandbox = [] { return std::make_unique<LocalSandbox>(); };
  if (!JudgeInParallel(workspace, jobs, options.jobs, make_sandbox, on_judged, &err) ||
      !err.empty()) {
    progress.Clear();
    return PrintError(err);
  }
  progress.Clear();
  if (options.json)
    std::printf(
        "%s\n",
        nlohmann::json{{"mismatches", mismatches}, {"submissions", results}}.dump(2).c_str());
  else
    std::printf("\n%zu submissions judged, %d not earning their folder's verdict\n", results.size(),
                mismatches);
  return mismatches == 0 ? kExitAccepted : kExitNotAccepted;
}

}  // namespace

void SetupVerifyCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<VerifyOptions>();
  command->add_option("slugs", options->slugs, "Problems to verify (default: all)");
  command->add_option("--user", options->user, "Whose runs these are, in the store");
  command->add_flag("--no-sanitize", options->no_sanitize,
                    "Judge every group plain (-O2), none under AddressSanitizer and UBSan");
  command->add_flag("--no-store", options->no_store, "Do not record the runs in the store");
  command->add_flag("--json", options->json, "Print one JSON object");
  command
      ->add_option("-j,--jobs", options->jobs,
                   "Submissions judged at once (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  command->callback([context, options] { context->exit_code = RunVerify(*context, *options); });
}

}  // namespace judge::cli
