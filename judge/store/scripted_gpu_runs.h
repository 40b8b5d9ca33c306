// For tests without a GPU: real GPU judgements of the attention problem on a scripted device.
// Each submission's timed pass is a runner's protocol lines (scripted_runner_sandbox.h) read back
// by RunRunner and scored by MergeTimedPass, as `judge gpu run` reads and scores a real runner;
// only the nvcc build and the device are stood in for. A submission `slowdown` times slower
// than a kernel that runs every case at `device_tflops` takes that much longer on each case.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gpu/attention/attention_shape.h"
#include "judge/files/files.h"
#include "judge/gpu/gpu_cases.h"
#include "judge/gpu/gpu_figures.h"
#include "judge/gpu/gpu_judge.h"
#include "judge/gpu/runner_process.h"
#include "judge/gpu/scripted_runner_sandbox.h"

namespace judge::gpu::testing {

struct ScriptedSubmission {
  std::string file;  // an existing file: the store keeps its hash
  double slowdown = 1;
  bool is_reference = false;
  bool submitted = true;
};

// Three timed attention cases of sequence lengths 512, 1024 and 2048.
inline std::vector<GpuTestCase> ScriptedAttentionCases() {
  std::vector<GpuTestCase> cases;
  for (int seq_len : {512, 1024, 2048}) {
    GpuTestCase test;
    test.name = "b8-h16-s" + std::to_string(seq_len) + "-d128-bf16";
    test.group = "benchmark";
    test.timed = true;
    test.spec = {{"batch", 8},      {"heads", 16},     {"seq_len", seq_len},
                 {"head_dim", 128}, {"dtype", "bf16"}, {"causal", false}};
    cases.push_back(test);
  }
  return cases;
}

// `device_tflops`: the rate of a kernel of slowdown 1 (the device's matmul rate is twice it).
inline GpuJudgement ScriptedAttentionJudgement(const std::string& device_name, double device_tflops,
                                               const std::vector<ScriptedSubmission>& submissions) {
  GpuJudgement judgement;
  judgement.problem = "attention";
  judgement.device_present = true;
  judgement.runner_isolated = true;
  judgement.checked_apart = true;
  judgement.arch = "sm_90";
  const std::vector<GpuTestCase> cases = ScriptedAttentionCases();
  TempDir scratch;
  for (const ScriptedSubmission& scripted : submissions) {
    std::string results = DeviceLine(device_name, 2 * device_tflops, 3000);
    for (const GpuTestCase& test : cases) {
      AttentionShape shape;
      std::string err;
      EXPECT_TRUE(ParseAttentionShape(test.spec, &shape, &err)) << err;
      const double flops = AttentionFlops(shape);
      results += TimedAttentionCaseLine(
          test.name, flops, scripted.slowdown * flops / (device_tflops * 1e12), 2 * device_tflops);
    }
    ScriptedRunnerSandbox device;
    device.Script({.results = results});
    RunnerRequest request;
    request.argv = {"runner"};
    request.case_list = RunnerCaseList(cases, /*timed=*/true);
    request.scratch_dir = scratch.path();
    RunnerOutcome outcome;
    std::string err;
    EXPECT_TRUE(RunRunner(request, device, &outcome, &err)) << err;
    GpuSubmissionResult submission;
    submission.file = scripted.file;
    submission.is_reference = scripted.is_reference;
    submission.submitted = scripted.submitted;
    submission.cases = outcome.cases;
    MergeTimedPass(outcome.cases, GpuMainFigure("attention"), &submission);
    for (GpuCaseResult& result : submission.cases)
      for (const GpuTestCase& test : cases)
        if (test.name == result.name) result.size = GpuCaseSize("attention", test.spec);
    judgement.device = outcome.device;
    judgement.submissions.push_back(std::move(submission));
  }
  return judgement;
}

}  // namespace judge::gpu::testing
