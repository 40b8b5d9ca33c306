#include "judge/gpu/gpu_judge.h"

#include <algorithm>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/gpu/gpu_cases.h"
#include "judge/gpu/gpu_figures.h"
#include "judge/gpu/runner_build.h"
#include "judge/gpu/runner_process.h"

namespace judge::gpu {
namespace {

struct ProbeResult {
  bool present = false;
  std::string reason;
  std::string arch;  // "sm_90"
  // Whether device memory can be lent between processes here (gpu/PROTOCOL.md, "Two processes"):
  // the probe tries it before any submission runs, so no submission sways the answer.
  bool lending = false;
  std::string lending_reason;
};

// Asks gpu_probe (a separate process: the judge itself never loads CUDA) which device is here.
bool ProbeGpu(const GpuToolchain& toolchain, const std::filesystem::path& scratch,
              Sandbox& device_sandbox, ProbeResult* out, std::string* err) {
  ProcessSpec spec = GpuDeviceSpec({(toolchain.build_dir / "gpu_probe").string()}, scratch);
  spec.stdout_path = scratch / "probe.json";
  spec.limits.wall_seconds = 120;
  const ProcessResult run = device_sandbox.Run(spec);
  bool truncated = false;
  const nlohmann::json probe = nlohmann::json::parse(
      ReadFilePrefix(scratch / "probe.json", 4096, &truncated), nullptr, false);
  if (!run.started || probe.is_discarded() || !probe.is_object())
    return Fail("gpu_probe failed" + (run.started ? std::string() : ": " + run.start_error), err);
  out->present = probe.value("present", false);
  out->reason = probe.value("reason", "");
  if (out->present)
    out->arch =
        "sm_" + std::to_string(probe.value("major", 9)) + std::to_string(probe.value("minor", 0));
  out->lending = probe.value("lending", false);
  out->lending_reason = probe.value("lending_reason", "gpu_probe did not say");
  return true;
}

// A case's figure named `main`; its first when the problem names none.
const Figure* MainFigure(const GpuCaseResult& result, const std::string& main) {
  for (const Figure& figure : result.figures)
    if (figure.first == main) return &figure;
  return main.empty() && !result.figures.empty() ? &result.figures[0] : nullptr;
}

bool InGroups(const GpuTestCase& test, const std::vector<std::string>& groups) {
  return groups.empty() || std::find(groups.begin(), groups.end(), test.group) != groups.end();
}

Verdict SubmissionVerdict(const std::vector<GpuCaseResult>& cases) {
  for (const GpuCaseResult& result : cases)
    if (result.verdict != Verdict::kAccepted)
      return result.verdict.value_or(Verdict::kRuntimeError);
  return Verdict::kAccepted;
}

}  // namespace

void MergeTimedPass(const std::vector<GpuCaseResult>& timed, const std::string& main,
                    GpuSubmissionResult* submission) {
  std::vector<double> main_figures;
  for (const GpuCaseResult& result : timed) {
    for (GpuCaseResult& validated : submission->cases) {
      if (validated.name != result.name) continue;
      validated.verdict = result.verdict;
      validated.detail = result.detail;
      validated.timed = result.timed;
      validated.timing = result.timing;
      validated.floor_seconds = result.floor_seconds;
      validated.figures = result.figures;
    }
    const Figure* figure = MainFigure(result, main);
    if (result.verdict == Verdict::kAccepted && figure && figure->second > 0) {
      submission->score_figure = figure->first;
      main_figures.push_back(figure->second);
    }
  }
  submission->score = GeometricMean(main_figures);
  submission->verdict = SubmissionVerdict(submission->cases);
}

// The same file, whatever the spelling of its path.
static bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

bool FindGpuReference(const Problem& problem, const Workspace& workspace, std::string* out,
                      std::string* err) {
  out->clear();
  if (!problem.reference.ends_with(".cu")) return true;
  const std::filesystem::path path = workspace.solutions() / problem.slug / problem.reference;
  if (!std::filesystem::is_regular_file(path))
    return Fail((problem.dir / "problem.json").string() + ": reference: no file " + path.string(),
                err);
  *out = path.string();
  return true;
}

bool JudgeGpuSubmissions(const Problem& problem, const Workspace& workspace,
                         const GpuJudgeOptions& options, Sandbox& build_sandbox,
                         Sandbox& device_sandbox, GpuJudgement* out, std::string* err) {
  const GpuProblemKind* kind = FindGpuProblemKind(problem.slug);
  if (!kind) return Fail(problem.slug + " is not a GPU problem", err);
  GpuToolchain toolchain;
  if (!FindGpuToolchain(&toolchain, err)) return false;
  std::vector<GpuTestCase> all_cases, cases;
  if (!LoadGpuCases(workspace.testcases() / problem.slug, *kind, &all_cases, err)) return false;
  for (const GpuTestCase& test : all_cases)
    if (InGroups(test, options.only_groups)) cases.push_back(test);
  if (cases.empty()) return Fail("no case is in the groups asked for", err);

  std::filesystem::create_directories(workspace.cache / "gpu-runs");
  TempDir scratch(workspace.cache / "gpu-runs");
  if (!scratch.ok())
    return Fail((workspace.cache / "gpu-runs").string() + ": cannot create a folder", err);
  ProbeResult probe;
  if (!ProbeGpu(toolchain, scratch.path(), device_sandbox, &probe, err)) return false;
  // A device the sandbox hides (a driver call off the kGpu list, a device file it does not
  // show) but a plain child reaches: judge there, and say so (gpu/README.md).
  Sandbox* runner_sandbox = &device_sandbox;
  out->runner_isolated = probe.present;
  if (!probe.present && options.unisolated_sandbox) {
    ProbeResult plain;
    if (!ProbeGpu(toolchain, scratch.path(), *options.unisolated_sandbox, &plain, err))
      return false;
    if (plain.present) {
      out->isolation_note =
          "the runners were not isolated: inside the sandbox the probe found no "
          "device (" +
          probe.reason + "), outside it found one";
      probe = plain;
      runner_sandbox = options.unisolated_sandbox;
    }
  }
  out->problem = problem.slug;
  out->device_present = probe.present;
  out->no_device_reason = probe.reason;
  out->arch = !options.arch.empty() ? options.arch : probe.present ? probe.arch : "sm_90";
  // Checked apart unless the probe found that device memory cannot be lent here; then every
  // runner checks itself, and the run says so. Decided once, before any submission runs.
  out->checked_apart = options.checked_apart && (!probe.present || probe.lending);
  if (options.checked_apart && !out->checked_apart)
    out->checked_apart_note =
        "the runners checked themselves: device memory cannot be lent to another process here (" +
        probe.lending_reason + ")";
  // Looked for before minutes of builds: a judge without its checker cannot judge checked apart.
  const std::filesystem::path checker = CheckerPath(toolchain, *kind);
  if (probe.present && out->checked_apart && !std::filesystem::exists(checker))
    return Fail(checker.string() + ": the problem's GPU checker is not built (cmake --build)", err);

  std::vector<GpuTestCase> timed_cases;
  for (const GpuTestCase& test : cases)
    if (test.timed) timed_cases.push_back(test);
  // The reference runs only to be compared with: when something is timed on a device.
  std::vector<std::string> files = options.files;
  bool reference_submitted = false;
  const bool with_reference =
      probe.present && !options.reference.empty() && options.time && !timed_cases.empty();
  for (const std::string& file : files) reference_submitted |= SameFile(file, options.reference);
  if (with_reference && !reference_submitted) files.push_back(options.reference);

  for (const std::string& file : files) {
    GpuSubmissionResult submission;
    submission.file = file;
    submission.is_reference = with_reference && SameFile(file, options.reference);
    submission.submitted = out->submissions.size() < options.files.size();
    std::string source;
    if (!ReadFile(file, &source, err)) return false;
    if (!BuildGpuRunner(
            toolchain, *kind, source, std::filesystem::path(file).filename().string(), out->arch,
            workspace.cache, build_sandbox, &submission.build, err,
            out->checked_apart ? RunnerKind::kCalledByChecker : RunnerKind::kSelfChecking))
      return false;
    if (!submission.build.compiled) submission.verdict = Verdict::kCompileError;
    out->submissions.push_back(std::move(submission));
  }
  if (!probe.present) return true;

  RunnerRequest request;
  if (out->checked_apart) request.checker_argv = {checker.string()};
  request.trials = options.trials;
  request.warmup = options.warmup;
  request.repetitions = options.repetitions;
  request.wall_seconds = problem.limits.time_ms / 1000.0;
  request.scratch_dir = scratch.path();
  // False only for what ends every submission's judging (the device went away); a harness
  // failure during one submission's run (it wrote where the harness keeps its state, say) is that
  // submission's JE, and the others are still judged.
  auto run_pass = [&](GpuSubmissionResult& submission, const nlohmann::json& case_list,
                      RunnerOutcome* outcome) {
    request.argv = submission.build.program.argv;
    request.case_list = case_list;
    std::string harness_error;
    if (!RunRunner(request, *runner_sandbox, outcome, &harness_error)) {
      submission.verdict = Verdict::kJudgeError;
      submission.judge_error = harness_error;
      return true;
    }
    // The probe found lending working; the checker's own trial failed during this submission's
    // run (its process holding the device's memory, say). Never the single-process fallback,
    // which a submission must not be able to choose: that submission's JE.
    if (outcome->cannot_share_memory) {
      submission.verdict = Verdict::kJudgeError;
      submission.judge_error = "lending device memory failed during this submission's run (" +
                               outcome->cannot_share_memory_reason + ")";
      return true;
    }
    if (outcome->no_device)
      return Fail("the runner found no CUDA device: " + outcome->no_device_reason, err);
    if (outcome->device.is_object()) out->device = outcome->device;
    return true;
  };
  // Validate everything first; time only what passed.
  for (GpuSubmissionResult& submission : out->submissions) {
    if (submission.verdict == Verdict::kCompileError) continue;
    RunnerOutcome outcome;
    if (!run_pass(submission, RunnerCaseList(cases, /*timed=*/false), &outcome)) return false;
    if (submission.verdict == Verdict::kJudgeError) continue;
    submission.cases = outcome.cases;
    submission.verdict = SubmissionVerdict(submission.cases);
  }
  // Each case's place on the plot's axis, from its spec.
  auto set_sizes = [&](GpuSubmissionResult& submission) {
    for (GpuCaseResult& result : submission.cases)
      for (const GpuTestCase& test : cases)
        if (test.name == result.name) result.size = GpuCaseSize(problem.slug, test.spec);
  };
  for (GpuSubmissionResult& submission : out->submissions) set_sizes(submission);
  if (!options.time || timed_cases.empty()) return true;
  request.trials = 1;  // each timed case was validated already; the timed pass re-checks too
  for (GpuSubmissionResult& submission : out->submissions) {
    if (submission.verdict != Verdict::kAccepted) continue;
    RunnerOutcome outcome;
    if (!run_pass(submission, RunnerCaseList(timed_cases, /*timed=*/true), &outcome)) return false;
    if (submission.verdict == Verdict::kJudgeError) continue;
    MergeTimedPass(outcome.cases, GpuMainFigure(problem.slug), &submission);
    set_sizes(submission);
  }
  return true;
}

}  // namespace judge::gpu
