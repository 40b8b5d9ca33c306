// Where JudgeGpuSubmissions runs gpu_probe and the runners: in the device sandbox, isolated with
// the GPU's device files and the kGpu list; and when the probe finds no device there but a plain
// child does, in the unisolated sandbox, saying so. FakeSandboxes stand in for both; the builds
// are real (nvcc), so this needs the GPU track built, not a GPU.
#include <gtest/gtest.h>

#include "judge/gpu/gpu_judge.h"
#include "judge/sandbox/fake_sandbox.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::gpu {
namespace {

constexpr char kPresent[] = R"({"present": true, "major": 9, "minor": 0})";
constexpr char kAbsent[] =
    R"({"present": false, "reason": "cudaErrorNoDevice: no CUDA-capable device is detected"})";

class GpuJudgeIsolationTest : public ::testing::Test {
 protected:
  void SetUp() override {
#if !JUDGE_GPU_BUILT
    GTEST_SKIP() << "the GPU track was not built (CMake found no nvcc)";
#endif
    std::string err;
    ASSERT_TRUE(FindWorkspace(JUDGE_DEFAULT_ROOT, &workspace_, &err)) << err;
    workspace_.cache = JUDGE_TEST_CACHE_DIR;
    ASSERT_TRUE(LoadProblem(workspace_.problems() / "attention", &problem_, &err)) << err;
    options_.files = {workspace_.solutions().string() + "/attention/accepted/1_naive.cu"};
    options_.time = false;
  }

  bool Judge(FakeSandbox& device, GpuJudgement* judgement, std::string* err) {
    return JudgeGpuSubmissions(problem_, workspace_, options_, builds_, device, judgement, err);
  }

  Workspace workspace_;
  Problem problem_;
  GpuJudgeOptions options_;
  LocalSandbox builds_;
};

TEST_F(GpuJudgeIsolationTest, ProbeAndRunnersRunIsolatedWithTheGpuDevices) {
  FakeSandbox device, plain;
  options_.unisolated_sandbox = &plain;
  device.Script({.result = FakeSandbox::Exited(0), .stdout_text = kPresent});
  device.Script({.result = FakeSandbox::Exited(0)});  // the runner: no case lines
  GpuJudgement judgement;
  std::string err;
  ASSERT_TRUE(Judge(device, &judgement, &err)) << err;
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

TEST_F(GpuJudgeIsolationTest, ADeviceOnlyAPlainChildReachesIsUsedAndSaidSo) {
  FakeSandbox device, plain;
  options_.unisolated_sandbox = &plain;
  device.Script({.result = FakeSandbox::Exited(0), .stdout_text = kAbsent});
  plain.Script({.result = FakeSandbox::Exited(0), .stdout_text = kPresent});
  plain.Script({.result = FakeSandbox::Exited(0)});  // the runner
  GpuJudgement judgement;
  std::string err;
  ASSERT_TRUE(Judge(device, &judgement, &err)) << err;
  EXPECT_TRUE(judgement.device_present);
  EXPECT_FALSE(judgement.runner_isolated);
  EXPECT_NE(judgement.isolation_note.find("not isolated"), std::string::npos);
  EXPECT_NE(judgement.isolation_note.find("cudaErrorNoDevice"), std::string::npos)
      << judgement.isolation_note;
  EXPECT_EQ(device.specs().size(), 1u) << "only the probe ran isolated";
  EXPECT_EQ(plain.specs().size(), 2u);
  EXPECT_EQ(nlohmann::json(judgement)["runner_isolated"], false);
}

TEST_F(GpuJudgeIsolationTest, NoDeviceAnywhereIsNoDevice) {
  FakeSandbox device, plain;
  options_.unisolated_sandbox = &plain;
  device.Script({.result = FakeSandbox::Exited(0), .stdout_text = kAbsent});
  plain.Script({.result = FakeSandbox::Exited(0), .stdout_text = kAbsent});
  GpuJudgement judgement;
  std::string err;
  ASSERT_TRUE(Judge(device, &judgement, &err)) << err;
  EXPECT_FALSE(judgement.device_present);
  EXPECT_EQ(judgement.isolation_note, "");
  EXPECT_EQ(plain.remaining(), 0u);
}

}  // namespace
}  // namespace judge::gpu
