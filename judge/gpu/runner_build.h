// Builds a runner: nvcc compiles the submission with the problem's API header forced in and links
// it with the prebuilt runner main and libraries (gpu/CMakeLists.txt). Builds go through
// judge/lang/native_build.h as C and C++ do: cached, keyed by the source, the command line and the
// libraries.
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
  // Holds runner_main.o, lib<slug>_runner.a, libgpu_harness.a, libgputrack.a, gpu_probe: CMake's
  // build/gpu/, or $JUDGE_GPU_BUILD_DIR (the GPU kit's gpu-kit/gpu/).
  std::filesystem::path build_dir;
  // Holds gpu/<slug>/<slug>_api.h: the source tree, or $JUDGE_ROOT where that holds gpu/.
  std::filesystem::path source_root;
};

// What GPU builds and runs take from the judge's own environment, as "NAME=value": where the
// CUDA libraries and headers are when they are not in the system's places (a machine with pip's
// CUDA wheels finds them through LD_LIBRARY_PATH, LIBRARY_PATH and CPATH). Part of a build's key.
std::vector<std::string> CudaSearchPaths();

// The toolchain this judge was built with, with the environment's overrides; false + err when the
// GPU track was not built (CMake found no nvcc) or its pieces are missing.
bool FindGpuToolchain(GpuToolchain* out, std::string* err);

// Compiles `source_text` (shown as `source_name`) for `arch` ("sm_90"). A compile error is a
// successful call with out->compiled = false and out->first_error set; false + err only when the
// judge itself failed (cache not writable, nvcc would not start).
bool BuildGpuRunner(const GpuToolchain& toolchain, const GpuProblemKind& kind,
                    const std::string& source_text, const std::string& source_name,
                    const std::string& arch, const std::filesystem::path& cache_dir,
                    Sandbox& sandbox, BuildResult* out, std::string* err);

}  // namespace judge::gpu
