// JudgeGpuSubmissions with a FakeSandbox standing in for the device: what happens to the other
// submissions when the harness fails on one, the reference timed beside them, where the runners
// run (isolated, or plain when only a plain child finds the device). The builds are real (nvcc, as
// `judge gpu run` compiles), so this needs the GPU track built, not a GPU.
#include "judge/gpu/gpu_judge.h"

#include <gtest/gtest.h>

#include "gpu/attention/attention_shape.h"
#include "gpu/harness/runner_main.h"
#include "judge/gpu/gpu_cases.h"
#include "judge/gpu/scripted_runner_sandbox.h"
#include "judge/sandbox/fake_sandbox.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::gpu {
namespace {

// The attention problem and its workspace (a real one: the builds are real nvcc runs).
class GpuJudgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
#if !JUDGE_GPU_BUILT
    GTEST_SKIP() << "the GPU track was not built (CMake found no nvcc)";
#endif
    ASSERT_TRUE(FindWorkspace(JUDGE_DEFAULT_ROOT, &workspace, &err)) << err;
    workspace.cache = JUDGE_TEST_CACHE_DIR;
    ASSERT_TRUE(LoadProblem(workspace.problems() / "attention", &problem, &err)) << err;
  }

  Workspace workspace;
  Problem problem;
  std::string err;
  LocalSandbox builds;
};

TEST_F(GpuJudgeTest, AHarnessFailureIsThatSubmissionsJudgeErrorAndTheOthersAreJudged) {
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

// The problem's reference is validated and timed beside a submission on the same (scripted)
// device, is not counted as submitted, and the submission's ratio is the reference's score over
// its own: here the submission takes twice the reference's time on every case.
TEST_F(GpuJudgeTest, TimesTheReferenceBesideTheSubmissionsAndRatesThemAgainstIt) {
  GpuJudgeOptions options;
  options.files = {workspace.solutions().string() + "/attention/accepted/1_naive.cu"};
  options.only_groups = {"benchmark"};
  ASSERT_TRUE(FindGpuReference(problem, workspace, &options.reference, &err)) << err;
  ASSERT_FALSE(options.reference.empty()) << "problems/attention/problem.json names one";
  std::vector<GpuTestCase> cases;
  ASSERT_TRUE(LoadGpuCases(workspace.testcases() / "attention", *FindGpuProblemKind("attention"),
                           &cases, &err))
      << err;
  std::string validated = DeviceLine("NVIDIA H100", 0, 0), timed[2];
  for (int i = 0; i < 2; ++i) timed[i] = DeviceLine("NVIDIA H100", 800, 3000);
  for (const GpuTestCase& test : cases) {
    if (test.group != "benchmark") continue;
    validated +=
        nlohmann::json{
            {"type", "case"}, {"name", test.name}, {"group", test.group}, {"verdict", "AC"}}
            .dump() +
        "\n";
    AttentionShape shape;
    ASSERT_TRUE(ParseAttentionShape(test.spec, &shape, &err)) << err;
    const double flops = AttentionFlops(shape);
    for (int i = 0; i < 2; ++i)  // the submission at 100 TFLOP/s, the reference at 200
      timed[i] += TimedAttentionCaseLine(test.name, flops, flops / ((i + 1) * 100e12), 800);
  }
  ScriptedRunnerSandbox device;
  device.Script({.stdout_text = ProbeFoundDevice()});
  device.Script({.results = validated});  // the submission, then the reference: validated
  device.Script({.results = validated});
  device.Script({.results = timed[0]});  // then both timed
  device.Script({.results = timed[1]});
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_EQ(device.remaining(), 0u);
  ASSERT_EQ(judgement.submissions.size(), 2u);
  EXPECT_TRUE(judgement.submissions[0].submitted);
  EXPECT_FALSE(judgement.submissions[0].is_reference);
  EXPECT_FALSE(judgement.submissions[1].submitted);
  EXPECT_TRUE(judgement.submissions[1].is_reference);
  EXPECT_EQ(judgement.submissions[1].verdict, Verdict::kAccepted);
  EXPECT_EQ(judgement.submissions[0].score_figure, "tflops");
  EXPECT_NEAR(judgement.submissions[0].score, 100, 1e-6);
  const auto ratio = RatioToReference(judgement, judgement.submissions[0]);
  ASSERT_TRUE(ratio);
  EXPECT_NEAR(*ratio, 2.0, 1e-9);
  EXPECT_GT(judgement.submissions[0].cases[0].size, 0) << "sizes come from the case specs";
}

// Where the probe and the runners run: in the device sandbox, isolated with the GPU's device
// files and the kGpu list; and when the probe finds no device there but a plain child does, in
// the unisolated sandbox, saying so.
constexpr char kPresent[] = R"({"present": true, "major": 9, "minor": 0})";
constexpr char kAbsent[] =
    R"({"present": false, "reason": "cudaErrorNoDevice: no CUDA-capable device is detected"})";

GpuJudgeOptions NaiveUntimed(const Workspace& workspace) {
  GpuJudgeOptions options;
  options.files = {workspace.solutions().string() + "/attention/accepted/1_naive.cu"};
  options.time = false;
  return options;
}

TEST_F(GpuJudgeTest, ProbeAndRunnersRunIsolatedWithTheGpuDevices) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  FakeSandbox device, plain;
  options.unisolated_sandbox = &plain;
  device.Script({.result = FakeSandbox::Exited(0), .stdout_text = kPresent});
  device.Script({.result = FakeSandbox::Exited(0)});  // the runner: no case lines
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_TRUE(judgement.runner_isolated);
  EXPECT_EQ(judgement.isolation_note, "");
  EXPECT_TRUE(plain.specs().empty()) << "nothing ran unisolated";
  ASSERT_EQ(device.specs().size(), 2u);
  for (const ProcessSpec& spec : device.specs()) {
    EXPECT_TRUE(spec.isolation.gpu_devices) << spec.argv[0];
    EXPECT_EQ(spec.isolation.syscalls, SyscallSet::kGpu) << spec.argv[0];
    EXPECT_TRUE(spec.isolation.writable_workdir) << spec.argv[0];
    ASSERT_FALSE(spec.isolation.read_only_paths.empty());
    EXPECT_EQ(spec.isolation.read_only_paths[0], std::filesystem::path(spec.argv[0]).parent_path());
  }
  EXPECT_NE(device.specs()[1].argv[0].find("runner"), std::string::npos)
      << device.specs()[1].argv[0];
}

TEST_F(GpuJudgeTest, ADeviceOnlyAPlainChildReachesIsUsedAndSaidSo) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  FakeSandbox device, plain;
  options.unisolated_sandbox = &plain;
  device.Script({.result = FakeSandbox::Exited(0), .stdout_text = kAbsent});
  plain.Script({.result = FakeSandbox::Exited(0), .stdout_text = kPresent});
  plain.Script({.result = FakeSandbox::Exited(0)});  // the runner
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_TRUE(judgement.device_present);
  EXPECT_FALSE(judgement.runner_isolated);
  EXPECT_NE(judgement.isolation_note.find("not isolated"), std::string::npos);
  EXPECT_NE(judgement.isolation_note.find("cudaErrorNoDevice"), std::string::npos)
      << judgement.isolation_note;
  EXPECT_EQ(device.specs().size(), 1u) << "only the probe ran isolated";
  EXPECT_EQ(plain.specs().size(), 2u);
  EXPECT_EQ(nlohmann::json(judgement)["runner_isolated"], false);
}

TEST_F(GpuJudgeTest, NoDeviceAnywhereIsNoDevice) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  FakeSandbox device, plain;
  options.unisolated_sandbox = &plain;
  device.Script({.result = FakeSandbox::Exited(0), .stdout_text = kAbsent});
  plain.Script({.result = FakeSandbox::Exited(0), .stdout_text = kAbsent});
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_FALSE(judgement.device_present);
  EXPECT_EQ(judgement.isolation_note, "");
  EXPECT_EQ(plain.remaining(), 0u);
}

}  // namespace
}  // namespace judge::gpu
