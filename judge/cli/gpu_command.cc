// judge gpu run SLUG FILE... [--group G]... [--no-time] [--trials N] [--warmup N]
//                [--repetitions N] [--arch sm_XX] [--user U] [--no-store] [--json]
// Compiles each CUDA file against the problem's runner, validates all of them, then times those
// that passed with the problem's reference beside them (gpu/README.md), and records each file's
// judgement in the store, as `judge run` does. Without a CUDA device it still compiles them,
// records nothing, says so in one line and exits 3 (1 when one of them did not compile: CE is a
// verdict all the same).
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/cli/gpu_judgement_printer.h"
#include "judge/cli/terminal.h"
#include "judge/gpu/gpu_judge.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/store/record_gpu_run.h"
#include "judge/store/record_run.h"

namespace judge::cli {
namespace {

struct GpuRunOptions {
  std::string slug;
  gpu::GpuJudgeOptions judge;
  bool no_time = false;
  bool one_process = false;
  std::string user;
  bool no_store = false;
  bool json = false;
};

// Records each file asked for that ran on the device (or did not compile), not a reference the
// judge added; *run_ids gets one id per submission, 0 for one not recorded.
bool RecordGpuJudgement(const gpu::GpuJudgement& judgement, const std::string& user, Store& store,
                        std::vector<int64_t>* run_ids, std::string* err) {
  for (const gpu::GpuSubmissionResult& submission : judgement.submissions) {
    run_ids->push_back(0);
    if (!submission.submitted || !submission.verdict) continue;
    RunRecord record = MakeGpuRunRecord(judgement, submission, user);
    if (!store.Record(&record, err)) return false;
    run_ids->back() = record.id;
  }
  return true;
}

int RunGpuRun(const Context& context, GpuRunOptions options) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, options.slug, &workspace, &problem)) return kExitUsage;
  if (problem.style != Style::kGpu)
    return PrintError(options.slug + " is not a GPU problem: judge it with `judge run " +
                      options.slug + " FILE`");
  for (const std::string& file : options.judge.files)
    if (!std::filesystem::is_regular_file(file)) return PrintError(file + ": no such file");
  options.judge.time = !options.no_time;
  options.judge.checked_apart = !options.one_process;
  std::string err;
  if (!gpu::FindGpuReference(problem, workspace, &options.judge.reference, &err))
    return PrintError(err);
  // Opened first, so that a bad --store fails before minutes of judging, not after.
  std::unique_ptr<Store> store;
  if (!options.no_store && !(store = OpenStore(context))) return kExitUsage;
  LocalSandbox sandbox;
  // gpu_probe and the runners: isolated with the GPU's device files, or, where the isolated
  // probe finds no device and a plain child does, a plain child with a warning (gpu/README.md).
  LocalSandbox device_sandbox;
  LocalSandbox plain(/*isolate=*/false);
  options.judge.unisolated_sandbox = &plain;
  gpu::GpuJudgement judgement;
  if (!gpu::JudgeGpuSubmissions(problem, workspace, options.judge, sandbox, device_sandbox,
                                &judgement, &err))
    return PrintError(err);
  if (!judgement.isolation_note.empty())
    std::fprintf(stderr, "judge: warning: %s\n", judgement.isolation_note.c_str());
  if (!judgement.checked_apart_note.empty())
    std::fprintf(stderr, "judge: warning: %s\n", judgement.checked_apart_note.c_str());

  // Only a run on a device is recorded: without one nothing was judged but the compiles.
  std::vector<int64_t> run_ids;
  const std::string user = options.user.empty() ? DefaultUser() : options.user;
  if (store && judgement.device_present &&
      !RecordGpuJudgement(judgement, user, *store, &run_ids, &err))
    return PrintError(store->location() + ": " + err);

  bool all_accepted = true, any_compile_error = false;
  for (const auto& submission : judgement.submissions) {
    if (!submission.submitted) continue;
    all_accepted &= submission.verdict == Verdict::kAccepted;
    any_compile_error |= submission.verdict == Verdict::kCompileError;
  }
  if (options.json) {
    nlohmann::json j = judgement;
    for (size_t i = 0; i < run_ids.size(); ++i)
      if (run_ids[i] > 0) j["submissions"][i]["run_id"] = run_ids[i];
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    PrintGpuJudgement(judgement);
    size_t recorded = 0;
    for (int64_t id : run_ids) recorded += id > 0;
    if (recorded > 0)
      std::printf("%s\n", Terminal(stdout)
                              .Paint("Recorded " + std::to_string(recorded) + " run(s) of " + user +
                                         " in " + store->location(),
                                     Color::kDim)
                              .c_str());
  }
  if (judgement.device_present) return all_accepted ? kExitAccepted : kExitNotAccepted;
  std::fprintf(
      stderr,
      "judge: no CUDA device here (%s): compiled %zu file(s) for %s, ran nothing, recorded "
      "nothing\n",
      judgement.no_device_reason.c_str(), options.judge.files.size(), judgement.arch.c_str());
  return any_compile_error ? kExitNotAccepted : kExitNoGpu;  // a CE is a verdict all the same
}

}  // namespace

void SetupGpuCommand(CLI::App* command, Context* context) {
  command->require_subcommand(1);
  CLI::App* run = command->add_subcommand(
      "run", "Judge CUDA files: compile, validate on every case, then time");
  auto options = std::make_shared<GpuRunOptions>();
  run->add_option("slug", options->slug, "The GPU problem, as listed by judge list")->required();
  run->add_option("files", options->judge.files,
                  "One .cu file per submission; several are validated before any is timed, "
                  "and shown side by side")
      ->required();
  run->add_option("--group", options->judge.only_groups, "Only these case groups (repeatable)");
  run->add_flag("--no-time", options->no_time, "Check correctness only");
  run->add_option("--trials", options->judge.trials, "Fresh random inputs checked per case")
      ->check(CLI::Range(1, 100));
  run->add_option("--warmup", options->judge.warmup, "Untimed runs before timing a case")
      ->check(CLI::Range(1, 1000));
  run->add_option("--repetitions", options->judge.repetitions, "Timed runs per case")
      ->check(CLI::Range(1, 10000));
  run->add_option("--arch", options->judge.arch, "nvcc's -arch (default: the device's, else sm_90)")
      ->check(CLI::Validator(
          [](std::string& arch) {
            return arch.rfind("sm_", 0) == 0 && arch.size() <= 8 ? ""
                                                                 : "expected sm_NN, e.g. sm_90";
          },
          "sm_NN"));
  run->add_option("--user", options->user,
                  "Record the runs under this name (default: the login name)");
  run->add_flag("--one-process", options->one_process,
                "Each file's runner checks itself, in one process (the fallback where device "
                "memory cannot be lent; its runs are labelled 'checked in the runner')");
  run->add_flag("--no-store", options->no_store, "Do not record the runs in the store");
  run->add_flag("--json", options->json, "Print one JSON object");
  run->callback([context, options] { context->exit_code = RunGpuRun(*context, *options); });
}

}  // namespace judge::cli
