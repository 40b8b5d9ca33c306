// The GPU problems the judge knows: one row each. A problem's files follow from its slug:
// gpu/<slug>/<slug>_api.h is force-included into submissions, lib<slug>_runner.a holds its half of
// the runner (its kRunnerProblem: gpu/CMakeLists.txt), testcases/<slug>/ its cases.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace judge::gpu {

struct GpuProblemKind {
  const char* slug;
  // The one function a submission defines (gpu/<slug>/<slug>_api.h); anything else it defines
  // that the runner's harness or libraries also use is a compile error (harness_symbols.h).
  const char* entry_point;
  const char* link_flags;  // libraries the runner needs besides the harness: "-lcublas"
  // Linked only into runners whose source includes <nccl.h>: NCCL is not part of the CUDA toolkit,
  // and a machine without it still judges the submissions that do not use it.
  const char* nccl_flags;
  // Checks one case object of testcases/<slug>/*.json; false + err naming the field.
  bool (*validate_case)(const nlohmann::json& spec, std::string* err);
  // The figure a submission is scored and ranked by ("tflops"), and the axis the report plots it
  // against ("sequence length") with a case's place on it (0 when its spec does not parse).
  const char* main_figure;
  const char* size_axis;
  double (*case_size)(const nlohmann::json& spec);
};

// Null when `slug` is not a GPU problem.
const GpuProblemKind* FindGpuProblemKind(const std::string& slug);

}  // namespace judge::gpu
