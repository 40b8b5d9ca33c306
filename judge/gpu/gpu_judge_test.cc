// JudgeGpuSubmissions with a FakeSandbox standing in for the device: what happens to the other
// submissions when the harness fails on one. The builds are real (nvcc, as `judge gpu run`
// compiles), so this needs the GPU track built, not a GPU.
#include "judge/gpu/gpu_judge.h"

#include <gtest/gtest.h>

#include "gpu/harness/runner_main.h"
#include "judge/sandbox/fake_sandbox.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::gpu {
namespace {

TEST(GpuJudgeTest, AHarnessFailureIsThatSubmissionsJudgeErrorAndTheOthersAreJudged) {
#if !JUDGE_GPU_BUILT
  GTEST_SKIP() << "the GPU track was not built (CMake found no nvcc)";
#endif
  Workspace workspace;
  Problem problem;
  std::string err;
  ASSERT_TRUE(FindWorkspace(JUDGE_DEFAULT_ROOT, &workspace, &err)) << err;
  workspace.cache = JUDGE_TEST_CACHE_DIR;
  ASSERT_TRUE(LoadProblem(workspace.problems() / "attention", &problem, &err)) << err;
  GpuJudgeOptions options;
  const std::string solutions = workspace.solutions().string() + "/attention/";
  options.files = {solutions + "accepted/1_naive.cu", solutions + "accepted/3_flash_tiled.cu"};
  options.time = false;

  FakeSandbox device;
  // The probe finds a device; the first runner fails the harness's own checks (exit 6); the
  // second ends normally, having written no case lines (nothing runs here).
  device.Script({.result = FakeSandbox::Exited(0),
                 .stdout_text = R"({"present": true, "major": 9, "minor": 0})"});
  device.Script({.result = FakeSandbox::Exited(kRunnerInternalError),
                 .stderr_text = "attention b1 h1 s7 d64 fp16: the GPU reference is not finite\n"});
  device.Script({.result = FakeSandbox::Exited(0)});
  LocalSandbox builds;
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  ASSERT_EQ(judgement.submissions.size(), 2u);
  EXPECT_EQ(judgement.submissions[0].verdict, Verdict::kJudgeError);
  EXPECT_NE(judgement.submissions[0].judge_error.find("the GPU reference is not finite"),
            std::string::npos)
      << judgement.submissions[0].judge_error;
  EXPECT_EQ(device.remaining(), 0u) << "the second submission's runner ran too";
  EXPECT_NE(judgement.submissions[1].verdict, Verdict::kJudgeError);
  EXPECT_FALSE(judgement.submissions[1].cases.empty()) << "its run's outcome is its own";
}

}  // namespace
}  // namespace judge::gpu
