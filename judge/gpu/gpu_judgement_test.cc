// The JSON form of a GPU judgement, which `judge gpu run --json` prints and scripts read: every
// key of a timed, an untimed and a not-run case, of a CE and of a scored submission.
#include "judge/gpu/gpu_judgement.h"

#include <gtest/gtest.h>

namespace judge::gpu {
namespace {

GpuJudgement TwoSubmissions() {
  GpuCaseResult timed;
  timed.name = "big";
  timed.group = "benchmark";
  timed.verdict = Verdict::kAccepted;
  timed.detail = "max error 0.001";
  timed.max_error = 0.001;
  timed.tolerance = 0.01;
  timed.timed = true;
  timed.timing = {0.002, 0.001, 0.003, 0.25, 20};
  timed.floor_seconds = 0.0005;
  timed.figures = {{"tflops", 300}, {"fraction_of_matmul", 0.5}};
  GpuCaseResult untimed;
  untimed.name = "small";
  untimed.group = "correctness";
  untimed.verdict = Verdict::kWrongAnswer;
  untimed.detail = "worst at 3";
  GpuCaseResult not_run;
  not_run.name = "never";
  not_run.group = "correctness";

  GpuSubmissionResult scored;
  scored.file = "fast.cu";
  scored.verdict = Verdict::kWrongAnswer;
  scored.cases = {timed, untimed, not_run};
  scored.score_figure = "tflops";
  scored.score = 300;
  GpuSubmissionResult broken;
  broken.file = "broken.cu";
  broken.verdict = Verdict::kCompileError;
  broken.build.first_error = "broken.cu(3): error: expected a \";\"";

  GpuJudgement judgement;
  judgement.problem = "attention";
  judgement.device_present = true;
  judgement.arch = "sm_90";
  judgement.device = {{"type", "device"}, {"name", "Fake GPU"}};
  judgement.runner_isolated = true;
  judgement.checked_apart = true;
  judgement.submissions = {scored, broken};
  return judgement;
}

TEST(GpuJudgementJson, NamesEveryPartAsTheCliPrintsIt) {
  const nlohmann::json expected = nlohmann::json::parse(R"({
    "problem": "attention", "arch": "sm_90", "device_present": true,
    "device": {"type": "device", "name": "Fake GPU"}, "runner_isolated": true,
    "checked_apart": true,
    "submissions": [
      {"file": "fast.cu", "verdict": "WA", "score": {"figure": "tflops", "geomean": 300.0},
       "cases": [
         {"name": "big", "group": "benchmark", "verdict": "AC", "detail": "max error 0.001",
          "max_error": 0.001, "tolerance": 0.01,
          "timing": {"median_s": 0.002, "min_s": 0.001, "max_s": 0.003, "spread": 0.25,
                     "repetitions": 20},
          "floor_s": 0.0005, "figures": {"tflops": 300.0, "fraction_of_matmul": 0.5}},
         {"name": "small", "group": "correctness", "verdict": "WA", "detail": "worst at 3",
          "max_error": 0.0, "tolerance": 0.0},
         {"name": "never", "group": "correctness", "verdict": "", "detail": "",
          "max_error": 0.0, "tolerance": 0.0}]},
      {"file": "broken.cu", "verdict": "CE", "cases": [],
       "compile_error": "broken.cu(3): error: expected a \";\""}]})");
  EXPECT_EQ(nlohmann::json(TwoSubmissions()).dump(2), expected.dump(2));
}

TEST(GpuJudgementJson, WithoutADeviceSaysWhyInsteadOfTheDevice) {
  GpuJudgement judgement;
  judgement.problem = "allreduce";
  judgement.arch = "sm_90";
  judgement.no_device_reason = "cudaErrorNoDevice: no CUDA-capable device is detected";
  const nlohmann::json j = judgement;
  EXPECT_FALSE(j.contains("device"));
  EXPECT_EQ(j["no_device_reason"], judgement.no_device_reason);
  EXPECT_EQ(j["device_present"], false);
  EXPECT_EQ(j["submissions"], nlohmann::json::array());
}

}  // namespace
}  // namespace judge::gpu
