// FindGpuToolchain's places and their overrides from the environment, which let a judge carried
// to another machine (the GPU kit, gpu/kit/) find nvcc, the runner libraries and the headers; and
// which main each kind of runner needs, and where the problem's checker is.
#include "judge/gpu/runner_build.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <vector>

#include "judge/sandbox/fake_sandbox.h"

namespace judge::gpu {
namespace {

namespace fs = std::filesystem;

// Sets the variables for one test and restores what was there before.
class ScopedVariables {
 public:
  explicit ScopedVariables(const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [name, value] : values) {
      const char* old = std::getenv(name.c_str());
      saved_.push_back({name, old ? std::optional<std::string>(old) : std::nullopt});
      setenv(name.c_str(), value.c_str(), 1);
    }
  }
  ~ScopedVariables() {
    for (const auto& [name, value] : saved_)
      value ? setenv(name.c_str(), value->c_str(), 1) : unsetenv(name.c_str());
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

class GpuToolchainTest : public ::testing::Test {
 protected:
  void SetUp() override {
#if !JUDGE_GPU_BUILT
    GTEST_SKIP() << "the GPU track was not built (CMake found no nvcc)";
#endif
    dir_ = fs::temp_directory_path() / ("gpu-toolchain-test-" + std::to_string(getpid()));
    fs::create_directories(dir_ / "kit" / "gpu");
    fs::create_directories(dir_ / "toolkit" / "bin");
    for (const fs::path& file :
         {dir_ / "kit" / "gpu" / "runner_main.o", dir_ / "kit" / "gpu" / "libgpu_harness.a",
          dir_ / "toolkit" / "bin" / "nvcc"})
      std::ofstream(file) << "x";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(GpuToolchainTest, EachPlaceComesFromTheEnvironmentWhereSet) {
  fs::create_directories(dir_ / "repo" / "gpu");
  ScopedVariables set({{"JUDGE_NVCC", (dir_ / "toolkit" / "bin" / "nvcc").string()},
                       {"JUDGE_GPU_BUILD_DIR", (dir_ / "kit" / "gpu").string()},
                       {"JUDGE_ROOT", (dir_ / "repo").string()}});
  GpuToolchain toolchain;
  std::string err;
  ASSERT_TRUE(FindGpuToolchain(&toolchain, &err)) << err;
  EXPECT_EQ(toolchain.nvcc, dir_ / "toolkit" / "bin" / "nvcc");
  EXPECT_EQ(toolchain.build_dir, dir_ / "kit" / "gpu");
  EXPECT_EQ(toolchain.source_root, dir_ / "repo");
}

TEST_F(GpuToolchainTest, ARootWithoutGpuHeadersKeepsTheSourceTree) {
  fs::create_directories(dir_ / "problems-only" / "problems");
  ScopedVariables set({{"JUDGE_GPU_BUILD_DIR", (dir_ / "kit" / "gpu").string()},
                       {"JUDGE_ROOT", (dir_ / "problems-only").string()}});
  GpuToolchain toolchain;
  std::string err;
  ASSERT_TRUE(FindGpuToolchain(&toolchain, &err)) << err;
  EXPECT_EQ(toolchain.source_root, fs::path(JUDGE_DEFAULT_ROOT));
}

TEST_F(GpuToolchainTest, ABuildFolderWithoutTheRunnerLibrariesIsRefusedByName) {
  ScopedVariables set({{"JUDGE_GPU_BUILD_DIR", (dir_ / "toolkit").string()}});
  GpuToolchain toolchain;
  std::string err;
  EXPECT_FALSE(FindGpuToolchain(&toolchain, &err));
  EXPECT_NE(err.find((dir_ / "toolkit").string()), std::string::npos) << err;
  EXPECT_NE(err.find("not built"), std::string::npos) << err;
}

// Each kind of runner links its own main; a build folder without it is the judge's error, named,
// before nvcc runs (the FakeSandbox has nothing scripted: no build may start).
TEST_F(GpuToolchainTest, EachKindOfRunnerNeedsItsOwnMainAndSaysWhichIsMissing) {
  ScopedVariables set({{"JUDGE_NVCC", (dir_ / "toolkit" / "bin" / "nvcc").string()},
                       {"JUDGE_GPU_BUILD_DIR", (dir_ / "kit" / "gpu").string()}});
  GpuToolchain toolchain;
  std::string err;
  ASSERT_TRUE(FindGpuToolchain(&toolchain, &err)) << err;
  const GpuProblemKind& kind = *FindGpuProblemKind("attention");
  EXPECT_EQ(CheckerPath(toolchain, kind), dir_ / "kit" / "gpu" / "attention_checker");
  FakeSandbox sandbox;
  BuildResult build;
  EXPECT_FALSE(BuildGpuRunner(toolchain, kind, "", "a.cu", "sm_90", dir_ / "cache", sandbox, &build,
                              &err, RunnerKind::kCalledByChecker));
  EXPECT_EQ(err, (dir_ / "kit" / "gpu" / "call_main.o").string() +
                     ": the GPU runner's main is not built (cmake --build)");
  std::ofstream(dir_ / "kit" / "gpu" / "call_main.o") << "x";
  fs::remove(dir_ / "kit" / "gpu" / "runner_main.o");
  EXPECT_FALSE(BuildGpuRunner(toolchain, kind, "", "a.cu", "sm_90", dir_ / "cache", sandbox, &build,
                              &err, RunnerKind::kSelfChecking));
  EXPECT_EQ(err, (dir_ / "kit" / "gpu" / "runner_main.o").string() +
                     ": the GPU runner's main is not built (cmake --build)");
  EXPECT_TRUE(sandbox.specs().empty()) << "nvcc did not run";
}

}  // namespace
}  // namespace judge::gpu
