// `judge gpu run`'s logic: compile each submission into a runner, validate every one of them on
// every case, then time the ones that passed (llm.c's rule: nothing is timed before everything is
// validated), and score each by the geometric mean of its main figure over the timed cases.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/harness/gpu_problem.h"
#include "gpu/harness/stats.h"
#include "judge/lang/language.h"
#include "judge/problem/problem.h"
#include "judge/run/verdict.h"
#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"

namespace judge::gpu {

struct GpuCaseResult {
  std::string name;
  std::string group;
  std::optional<Verdict> verdict;  // AC, WA, RE, TLE; none: not run (an earlier case ended the runner)
  std::string detail;
  double max_error = 0;
  double tolerance = 0;
  bool timed = false;
  TimingSummary timing;
  double floor_seconds = 0;
  std::vector<Figure> figures;  // the first is the main one: "tflops", "busbw_gbps"
};

struct GpuSubmissionResult {
  std::string file;
  std::optional<Verdict> verdict;  // CE, AC, WA, RE, TLE; none: compiled, not run (no device)
  BuildResult build;
  std::vector<GpuCaseResult> cases;
  std::string score_figure;  // the main figure's name; empty when nothing was timed
  double score = 0;          // its geometric mean over the timed cases
};

struct GpuJudgeOptions {
  std::vector<std::string> files;
  std::vector<std::string> only_groups;  // empty: all
  bool time = true;                      // false: correctness only
  int trials = 3;
  int warmup = 3;
  int repetitions = 20;
  std::string arch;  // "sm_90"; empty: the device's, or sm_90 without one
};

struct GpuJudgeReport {
  bool device_present = false;
  std::string no_device_reason;
  std::string arch;        // what the submissions were compiled for
  nlohmann::json device;   // the runner's device line: name, compute capability, rates
  std::vector<GpuSubmissionResult> submissions;
};

// False + err when the judge cannot do its part (bad case files, no GPU toolchain, a runner
// that broke the protocol). Without a device, submissions are still compiled (CE is reported)
// and report->device_present is false.
bool JudgeGpuSubmissions(const Problem& problem, const Workspace& workspace,
                         const GpuJudgeOptions& options, Sandbox& build_sandbox,
                         GpuJudgeReport* report, std::string* err);

}  // namespace judge::gpu
