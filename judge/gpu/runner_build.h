// Builds a runner: nvcc compiles the submission with the problem's API header forced in and links
// it with a prebuilt main and the runner libraries (gpu/CMakeLists.txt). The main is call_main.o
// (the runner only calls the entry point; the problem's checker, a process of its own, checks and
// writes the results) or runner_main.o (the single-process runner that checks itself: the
// fallback). Builds go through judge/lang/native_build.h as C and C++ do: cached, keyed by the
// source, the command line and the libraries, so the two kinds are different entries.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "judge/gpu/gpu_problem_table.h"
#include "judge/lang/language.h"
#include "judge/sandbox/sandbox.h"

namespace judge::gpu {

struct GpuToolchain {
  std::filesystem::path nvcc;  // the compiler CMake found, or $JUDGE_NVCC
  // Holds call_main.o, runner_main.o, lib<slug>_runner.a, libgpu_harness.a, libgputrack.a,
  // gpu_probe and each problem's <slug>_checker: CMake's build/gpu/, or $JUDGE_GPU_BUILD_DIR (the
  // GPU kit's gpu-kit/gpu/).
  std::filesystem::path build_dir;
  // Holds gpu/<slug>/<slug>_api.h: the source tree, or $JUDGE_ROOT where that holds gpu/.
  std::filesystem::path source_root;
};

// What GPU builds and runs take from the judge's own environment, as "NAME=value": where the
// CUDA libraries and headers are when they are not in the system's places (a machine with pip's
// CUDA wheels finds them through LD_LIBRARY_PATH, LIBRARY_PATH and CPATH). Part of a build's key.
std::vector<std::string> CudaSearchPaths();

// Which main a runner is linked with (gpu/PROTOCOL.md, "Two processes").
enum class RunnerKind {
  kCalledByChecker,  // call_main.o: calls the entry point when the problem's checker asks
  kSelfChecking,     // runner_main.o: checks itself and writes the results (the fallback)
};

// The problem's checker, the trusted process of a run checked apart: <build_dir>/<slug>_checker.
std::filesystem::path CheckerPath(const GpuToolchain& toolchain, const GpuProblemKind& kind);

// The toolchain this judge was built with, with the environment's overrides; false + err when the
// GPU track was not built (CMake found no nvcc) or its pieces are missing.
bool FindGpuToolchain(GpuToolchain* out, std::string* err);

// Compiles `source_text` (shown as `source_name`) for `arch` ("sm_90"). A compile error is a
// successful call with out->compiled = false and out->first_error set; false + err only when the
// judge itself failed (cache not writable, nvcc would not start, `kind`'s main not built).
bool BuildGpuRunner(const GpuToolchain& toolchain, const GpuProblemKind& kind,
                    const std::string& source_text, const std::string& source_name,
                    const std::string& arch, const std::filesystem::path& cache_dir,
                    Sandbox& sandbox, BuildResult* out, std::string* err,
                    RunnerKind runner_kind = RunnerKind::kCalledByChecker);

}  // namespace judge::gpu
