// judge verify [SLUG...]: the main job. Judges each problem's reference and every submission
// kept in solutions/<slug>/<verdict>/, checks each earns its folder's verdict, and records
// every run in the store (user "corpus" unless --user says otherwise; --no-store to skip).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "judge/cli/commands.h"
#include "judge/cli/judgement_printer.h"
#include "judge/run/judge.h"
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
  Terminal term(stdout);
  LocalSandbox sandbox;
  nlohmann::json results = nlohmann::json::array();
  std::string err;
  int mismatches = 0;
  for (const auto& problem : problems) {
    for (const auto& submission : ListExpectedSubmissions(workspace, problem)) {
      Judgement judgement;
      JudgeOptions judge_options;
      judge_options.skip_groups = submission.skip_groups;
      judge_options.sanitize = !options.no_sanitize;
      if (!JudgeSubmission(workspace, problem, submission.file, judge_options, sandbox, &judgement,
                           &err))
        return PrintError(err);
      RunRecord record = MakeRunRecord(judgement, nullptr, options.user);
      if (store && !store->Record(&record, &err))
        return PrintError(store->path().string() + ": " + err);
      const bool match = judgement.verdict == submission.expected;
      mismatches += !match;
      const auto shown = std::filesystem::relative(submission.file, workspace.root).string();
      results.push_back({{"file", shown},
                         {"expected", VerdictCode(submission.expected)},
                         {"verdict", VerdictCode(judgement.verdict)},
                         {"reason", judgement.reason}});
      if (!options.json)
        std::printf("%s  %-62s expected %-3s got %s  %s\n",
                    match ? term.Paint("ok  ", Color::kGreen).c_str()
                          : term.Paint("FAIL", Color::kRed).c_str(),
                    shown.c_str(), std::string(VerdictCode(submission.expected)).c_str(),
                    PaintVerdict(judgement.verdict, term).c_str(),
                    term.Paint(judgement.reason.substr(0, 70), Color::kDim).c_str());
      std::fflush(stdout);
    }
  }
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
  command->callback([context, options] { context->exit_code = RunVerify(*context, *options); });
}

}  // namespace judge::cli
