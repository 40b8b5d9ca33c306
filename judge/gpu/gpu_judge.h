// `judge gpu run`'s logic: compile each submission into a runner, validate every one of them on
// every case, then time the ones that passed (llm.c's rule: nothing is timed before everything is
// validated), and score each by the geometric mean of its main figure over the timed cases.
#pragma once

#include <string>
#include <vector>

#include "judge/gpu/gpu_judgement.h"
#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"

namespace judge::gpu {

struct GpuJudgeOptions {
  std::vector<std::string> files;
  std::vector<std::string> only_groups;  // empty: all
  bool time = true;                      // false: correctness only
  int trials = 3;
  int warmup = 3;
  int repetitions = 20;
  std::string arch;  // "sm_90"; empty: the device's, or sm_90 without one
  // Where the runners go when the device sandbox hides the GPU but this one reaches it (a plain
  // LocalSandbox(/*isolate=*/false)); null: nowhere, the device counts as absent.
  Sandbox* unisolated_sandbox = nullptr;
  // The problem's reference (FindGpuReference), validated and timed with the files whenever
  // something is timed, so that each is scored against it on the same device in the same run; a
  // file among `files` that is the reference is not judged twice. Empty: none.
  std::string reference;
  // Each runner is checked apart by the problem's checker (gpu/PROTOCOL.md, "Two processes");
  // false: each runner checks itself (runner_main.o), as where device memory cannot be lent.
  bool checked_apart = true;
};

// Folds a timed pass's case results into the validation pass's (submission->cases), scores the
// submission by the geometric mean of the problem's main figure (`main`: GpuMainFigure) over its
// accepted timed cases, and sets its verdict from every case.
void MergeTimedPass(const std::vector<GpuCaseResult>& timed, const std::string& main,
                    GpuSubmissionResult* submission);

// The file problem.json's "reference" names under solutions/<slug>/ (FORMAT.md), when it names
// a .cu file; empty when it names none (the default "reference.cpp" is the CPU track's). False +
// err naming problem.json's field when the file it names is missing.
bool FindGpuReference(const Problem& problem, const Workspace& workspace, std::string* out,
                      std::string* err);

// False + err when the judge cannot do its part (bad case files, no GPU toolchain, the device
// gone mid-run). A runner that failed the harness or broke the protocol is that submission's JE
// (GpuSubmissionResult::judge_error), and the others are judged on. Without a device, submissions
// are still compiled (CE is reported) and out->device_present is false.
//
// nvcc runs in `build_sandbox` (isolated like any compiler); gpu_probe and the runners run in
// `device_sandbox` with GpuDeviceSpec's isolation (the GPU's device files in their private root,
// the kGpu system-call list), or, when the probe finds no device there, in
// options.unisolated_sandbox, with out->runner_isolated false (gpu/README.md).
//
// Runners are built with call_main.o and checked apart by <build_dir>/<slug>_checker (a missing
// checker is the judge's error), unless gpu_probe found that device memory cannot be lent between
// processes here: then every runner is built with runner_main.o and checks itself,
// out->checked_apart is false and checked_apart_note says why. Decided once, before any
// submission runs; a checker whose own trial fails later (exit 8) makes that submission's JE.
bool JudgeGpuSubmissions(const Problem& problem, const Workspace& workspace,
                         const GpuJudgeOptions& options, Sandbox& build_sandbox,
                         Sandbox& device_sandbox, GpuJudgement* out, std::string* err);

}  // namespace judge::gpu
