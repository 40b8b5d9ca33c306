// JudgeGpuSubmissions with scripted sandboxes standing in for the device: what happens to the
// other submissions when the harness fails on one, the reference timed beside them, where the
// checker and the runners run (isolated, or plain when only a plain child finds the device), and
// runners that check themselves where the probe finds device memory cannot be lent. The builds
// are real (nvcc, as `judge gpu run` compiles), so this needs the GPU track built, not a GPU.
#include "judge/gpu/gpu_judge.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gpu/attention/attention_shape.h"
#include "gpu/harness/runner_main.h"
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/gpu/gpu_cases.h"
#include "judge/gpu/runner_build.h"
#include "judge/gpu/scripted_runner_sandbox.h"
#include "judge/sandbox/fake_sandbox.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::gpu {
namespace {

namespace fs = std::filesystem;

// Written into the stand-in call_main.o, so that a built runner shows which main it was linked
// with.
constexpr char kCallMainMark[] = "judge-test: the stand-in call_main.o";

// Whether the file holds `text`.
bool FileHolds(const fs::path& file, const std::string& text) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str().find(text) != std::string::npos;
}

// A GPU build folder as build/gpu would be with the checker's pieces (gpu/PROTOCOL.md, "Two
// processes"): the runner libraries, runner_main.o and gpu_probe copied from this build,
// call_main.o a copy of runner_main.o marked with kCallMainMark (the runners are never started
// here: only which main they link matters), and attention_checker a program that is never started.
// Kept in the test cache, and copied only when its sources are newer, so that its builds stay
// cached.
bool MakeStandInGpuBuild(const fs::path& dir, std::string* err) {
#if JUDGE_GPU_BUILT
  std::error_code ec;
  fs::create_directories(dir, ec);
  for (const auto& entry : fs::directory_iterator(JUDGE_GPU_BUILD_DIR, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "runner_main.o" || name == "gpu_probe" || name.ends_with(".a"))
      fs::copy_file(entry.path(), dir / name, fs::copy_options::update_existing, ec);
  }
  if (!fs::exists(dir / "call_main.o") || fs::last_write_time(dir / "call_main.o", ec) <
                                              fs::last_write_time(dir / "runner_main.o", ec)) {
    if (!WriteFileAtomic(dir / "mark.txt", kCallMainMark, err)) return false;
    const std::string objcopy =
        "objcopy --add-section .judge_test_mark=" + (dir / "mark.txt").string() + " " +
        (dir / "runner_main.o").string() + " " + (dir / "call_main.o.tmp").string();
    if (std::system(objcopy.c_str()) != 0) return Fail("cannot run: " + objcopy, err);
    fs::rename(dir / "call_main.o.tmp", dir / "call_main.o", ec);
  }
  if (!WriteFileAtomic(dir / "attention_checker", "#!/bin/sh\nexit 99\n", err)) return false;
  chmod((dir / "attention_checker").c_str(), 0755);
  return true;
#else
  (void)dir;
  return Fail("the GPU track was not built", err);
#endif
}

// The attention problem and its workspace (a real one: the builds are real nvcc runs), judged
// with the stand-in GPU build folder ($JUDGE_GPU_BUILD_DIR, restored after each test).
class GpuJudgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
#if !JUDGE_GPU_BUILT
    GTEST_SKIP() << "the GPU track was not built (CMake found no nvcc)";
#endif
    ASSERT_TRUE(FindWorkspace(JUDGE_DEFAULT_ROOT, &workspace, &err)) << err;
    workspace.cache = JUDGE_TEST_CACHE_DIR;
    ASSERT_TRUE(LoadProblem(workspace.problems() / "attention", &problem, &err)) << err;
    ASSERT_TRUE(LoadGpuCases(workspace.testcases() / "attention", *FindGpuProblemKind("attention"),
                             &cases, &err))
        << err;
    gpu_build = workspace.cache / "gpu-build-stand-in";
    ASSERT_TRUE(MakeStandInGpuBuild(gpu_build, &err)) << err;
    if (const char* old = std::getenv("JUDGE_GPU_BUILD_DIR")) saved_build_dir_ = old;
    setenv("JUDGE_GPU_BUILD_DIR", gpu_build.c_str(), 1);
  }
  void TearDown() override {
    if (saved_build_dir_)
      setenv("JUDGE_GPU_BUILD_DIR", saved_build_dir_->c_str(), 1);
    else
      unsetenv("JUDGE_GPU_BUILD_DIR");
  }

  Workspace workspace;
  Problem problem;
  std::vector<GpuTestCase> cases;  // attention's
  std::string err;
  LocalSandbox builds;
  fs::path gpu_build;

 private:
  std::optional<std::string> saved_build_dir_;
};

// A validation line that accepts `test`.
std::string AcceptedLine(const GpuTestCase& test) {
  return nlohmann::json{
             {"type", "case"}, {"name", test.name}, {"group", test.group}, {"verdict", "AC"}}
             .dump() +
         "\n";
}

// Validation lines of every case of attention's test files, all AC, after a device line.
std::string AllAccepted(const std::vector<GpuTestCase>& cases) {
  std::string lines = DeviceLine("NVIDIA H100", 0, 0);
  for (const GpuTestCase& test : cases) lines += AcceptedLine(test);
  return lines;
}

TEST_F(GpuJudgeTest, AHarnessFailureIsThatSubmissionsJudgeErrorAndTheOthersAreJudged) {
  GpuJudgeOptions options;
  const std::string solutions = workspace.solutions().string() + "/attention/";
  options.files = {solutions + "accepted/1_naive.cu", solutions + "accepted/3_flash_tiled.cu"};
  options.time = false;

  ScriptedRunnerSandbox device;
  // The probe finds a device; the first checker fails the harness's own checks (exit 6); the
  // second ends normally, having written no case lines (nothing runs here).
  device.Script({.stdout_text = ProbeFoundDevice()});
  device.Script({.exit_code = kRunnerInternalError,
                 .stderr_text = "attention b1 h1 s7 d64 fp16: the GPU reference is not finite\n"});
  device.Script({});
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  ASSERT_EQ(judgement.submissions.size(), 2u);
  EXPECT_EQ(judgement.submissions[0].verdict, Verdict::kJudgeError);
  EXPECT_NE(judgement.submissions[0].judge_error.find("the GPU reference is not finite"),
            std::string::npos)
      << judgement.submissions[0].judge_error;
  EXPECT_EQ(device.remaining(), 0u) << "the second submission's checker ran too";
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
  std::string validated = DeviceLine("NVIDIA H100", 0, 0), timed[2];
  for (int i = 0; i < 2; ++i) timed[i] = DeviceLine("NVIDIA H100", 800, 3000);
  for (const GpuTestCase& test : cases) {
    if (test.group != "benchmark") continue;
    validated += AcceptedLine(test);
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
constexpr char kAbsent[] =
    R"({"present": false, "reason": "cudaErrorNoDevice: no CUDA-capable device is detected"})";

GpuJudgeOptions NaiveUntimed(const Workspace& workspace) {
  GpuJudgeOptions options;
  options.files = {workspace.solutions().string() + "/attention/accepted/1_naive.cu"};
  options.time = false;
  return options;
}

TEST_F(GpuJudgeTest, ProbeCheckerAndRunnerRunIsolatedWithTheGpuDevices) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  ScriptedRunnerSandbox device;
  FakeSandbox plain;
  options.unisolated_sandbox = &plain;
  device.Script({.stdout_text = ProbeFoundDevice()});
  device.Script({});  // the checker: no case lines; the runner exits when it ends
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_TRUE(judgement.runner_isolated);
  EXPECT_EQ(judgement.isolation_note, "");
  EXPECT_TRUE(judgement.checked_apart);
  EXPECT_EQ(judgement.checked_apart_note, "");
  EXPECT_TRUE(plain.specs().empty()) << "nothing ran unisolated";
  const std::vector<ProcessSpec> specs = device.specs();
  ASSERT_EQ(specs.size(), 3u);  // the probe, then the checker and the runner in either order
  const ProcessSpec* checker = nullptr;
  const ProcessSpec* runner = nullptr;
  for (const ProcessSpec& spec : specs) {
    if (spec.argv[0] == (gpu_build / "attention_checker").string()) checker = &spec;
    if (ScriptedRunnerSandbox::IsCheckedRunner(spec)) runner = &spec;
  }
  ASSERT_TRUE(checker && runner);
  EXPECT_TRUE(FileHolds(runner->argv[0], kCallMainMark)) << "linked with call_main.o";
  EXPECT_EQ(runner->argv.size(), 1u) << "the runner is told nothing";
  EXPECT_NE(runner->workdir, checker->workdir);
  EXPECT_NE(checker->workdir.string().rfind(runner->workdir.string() + "/", 0), 0u)
      << "the checker's folder is not inside the runner's";
  for (const ProcessSpec& spec : specs) {
    EXPECT_TRUE(spec.isolation.gpu_devices) << spec.argv[0];
    EXPECT_EQ(spec.isolation.syscalls, SyscallSet::kGpu) << spec.argv[0];
    EXPECT_TRUE(spec.isolation.writable_workdir) << spec.argv[0];
    ASSERT_FALSE(spec.isolation.read_only_paths.empty());
    EXPECT_EQ(spec.isolation.read_only_paths[0], std::filesystem::path(spec.argv[0]).parent_path());
  }
}

TEST_F(GpuJudgeTest, ADeviceOnlyAPlainChildReachesIsUsedAndSaidSo) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  FakeSandbox device;
  ScriptedRunnerSandbox plain;
  options.unisolated_sandbox = &plain;
  device.Script({.result = FakeSandbox::Exited(0), .stdout_text = kAbsent});
  plain.Script({.stdout_text = ProbeFoundDevice()});
  plain.Script({});  // the checker
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_TRUE(judgement.device_present);
  EXPECT_FALSE(judgement.runner_isolated);
  EXPECT_NE(judgement.isolation_note.find("not isolated"), std::string::npos);
  EXPECT_NE(judgement.isolation_note.find("cudaErrorNoDevice"), std::string::npos)
      << judgement.isolation_note;
  EXPECT_EQ(device.specs().size(), 1u) << "only the probe ran isolated";
  EXPECT_EQ(plain.specs().size(), 3u) << "the probe, the checker and the runner";
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

// A probe that found lending impossible here: every runner is built with runner_main.o and
// checks itself, no checker starts, and the run says why.
TEST_F(GpuJudgeTest, WhereTheProbeCannotLendMemoryEveryRunnerChecksItself) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  options.files.push_back(workspace.solutions().string() + "/attention/accepted/3_flash_tiled.cu");
  ScriptedRunnerSandbox device;
  device.Script({.stdout_text = ProbeFoundDeviceThatCannotLend(
                     "cuMemCreate: POSIX file descriptor handles are not supported")});
  device.Script({.results = AllAccepted(cases)});  // each runner, checking itself
  device.Script({.results = AllAccepted(cases)});
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_EQ(device.remaining(), 0u);
  EXPECT_FALSE(judgement.checked_apart);
  EXPECT_NE(judgement.checked_apart_note.find("checked themselves"), std::string::npos)
      << judgement.checked_apart_note;
  EXPECT_NE(judgement.checked_apart_note.find("POSIX file descriptor"), std::string::npos)
      << judgement.checked_apart_note;
  const nlohmann::json json = judgement;
  EXPECT_EQ(json["checked_apart"], false);
  EXPECT_EQ(json["checked_apart_note"], judgement.checked_apart_note);

  const std::vector<ProcessSpec> specs = device.specs();
  ASSERT_EQ(specs.size(), 3u);  // the probe, then one single-process runner per submission
  ASSERT_EQ(judgement.submissions.size(), 2u);
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_NE(specs[i].argv[0], (gpu_build / "attention_checker").string());
    EXPECT_FALSE(ScriptedRunnerSandbox::IsCheckedRunner(specs[i]));
    EXPECT_EQ(specs[i].argv[0], judgement.submissions[i - 1].build.program.argv[0]);
    EXPECT_FALSE(FileHolds(specs[i].argv[0], kCallMainMark)) << "linked with runner_main.o";
  }
  for (const GpuSubmissionResult& submission : judgement.submissions) {
    EXPECT_EQ(submission.verdict, Verdict::kAccepted) << submission.file;
    EXPECT_EQ(submission.cases.size(), cases.size());
  }
}

// Asked for (`judge gpu run --one-process`): every runner checks itself although the device could
// lend its memory, with no note (nothing fell back).
TEST_F(GpuJudgeTest, OneProcessWhenAskedForStartsNoChecker) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  options.checked_apart = false;
  ScriptedRunnerSandbox device;
  device.Script({.stdout_text = ProbeFoundDevice()});
  device.Script({.results = AllAccepted(cases)});
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_EQ(device.remaining(), 0u);
  EXPECT_FALSE(judgement.checked_apart);
  EXPECT_EQ(judgement.checked_apart_note, "");
  const std::vector<ProcessSpec> specs = device.specs();
  ASSERT_EQ(specs.size(), 2u);  // the probe and the one runner
  EXPECT_FALSE(ScriptedRunnerSandbox::IsCheckedRunner(specs[1]));
  EXPECT_FALSE(FileHolds(specs[1].argv[0], kCallMainMark)) << "linked with runner_main.o";
  ASSERT_EQ(judgement.submissions.size(), 1u);
  EXPECT_EQ(judgement.submissions[0].verdict, Verdict::kAccepted);
}

// The probe found lending working, and a checker's own trial fails later (a runner holding the
// device's memory, say): that submission's JE, never the single-process runner, which would let
// a submission choose to be checked by its own process. The next one is judged apart as before.
TEST_F(GpuJudgeTest, ACheckerWhoseLendingFailsAfterTheProbeIsThatSubmissionsJudgeError) {
  GpuJudgeOptions options = NaiveUntimed(workspace);
  options.files.push_back(workspace.solutions().string() + "/attention/accepted/3_flash_tiled.cu");
  ScriptedRunnerSandbox device;
  device.Script({.stdout_text = ProbeFoundDevice()});
  device.Script({.exit_code = 8, .stderr_text = "cuMemCreate: CUDA_ERROR_OUT_OF_MEMORY\n"});
  device.Script({.results = AllAccepted(cases)});
  GpuJudgement judgement;
  ASSERT_TRUE(JudgeGpuSubmissions(problem, workspace, options, builds, device, &judgement, &err))
      << err;
  EXPECT_EQ(device.remaining(), 0u);
  EXPECT_TRUE(judgement.checked_apart);
  ASSERT_EQ(judgement.submissions.size(), 2u);
  EXPECT_EQ(judgement.submissions[0].verdict, Verdict::kJudgeError);
  EXPECT_NE(judgement.submissions[0].judge_error.find("OUT_OF_MEMORY"), std::string::npos)
      << judgement.submissions[0].judge_error;
  EXPECT_EQ(judgement.submissions[1].verdict, Verdict::kAccepted);
  for (const ProcessSpec& spec : device.specs()) {
    if (spec.argv[0] != (gpu_build / "gpu_probe").string() &&
        spec.argv[0] != (gpu_build / "attention_checker").string()) {
      EXPECT_TRUE(FileHolds(spec.argv[0], kCallMainMark)) << spec.argv[0] << ": call_main.o only";
    }
  }
}

TEST_F(GpuJudgeTest, AMissingCheckerIsTheJudgesErrorByName) {
  fs::remove(gpu_build / "attention_checker");
  ScriptedRunnerSandbox device;
  device.Script({.stdout_text = ProbeFoundDevice()});
  GpuJudgement judgement;
  EXPECT_FALSE(JudgeGpuSubmissions(problem, workspace, NaiveUntimed(workspace), builds, device,
                                   &judgement, &err));
  EXPECT_NE(err.find((gpu_build / "attention_checker").string() + ": the problem's GPU checker is "
                                                                  "not built"),
            std::string::npos)
      << err;
}

}  // namespace
}  // namespace judge::gpu
