// Runs one built runner over a list of cases (gpu/PROTOCOL.md) and reads back its lines; a case
// the runner never finished gets TLE (killed at the time limit) or RE (it crashed).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "judge/gpu/gpu_judgement.h"
#include "judge/sandbox/sandbox.h"

namespace judge::gpu {

struct RunnerRequest {
  std::vector<std::string> argv;  // the runner program
  nlohmann::json case_list;       // RunnerCaseList(...)
  int trials = 3, warmup = 3, repetitions = 20;
  double wall_seconds = 600;
  std::filesystem::path scratch_dir;
};

struct RunnerOutcome {
  bool no_device = false;
  std::string no_device_reason;
  nlohmann::json device;             // the device line, when one was written
  std::vector<GpuCaseResult> cases;  // one per case of the list, in its order
};

// What every process that touches the GPU (gpu_probe, the runners) runs under: the judged
// environment with CUDA's search paths, the GPU's device files and /sys shown in its private
// root, the kGpu system-call list, `scratch` as its writable workdir, and its own program's
// folder and the library folders of LD_LIBRARY_PATH read-only. A sandbox that does not isolate
// ignores the isolation part.
ProcessSpec GpuDeviceSpec(const std::vector<std::string>& argv,
                          const std::filesystem::path& scratch);

// Runs the runner in `sandbox`, which must let it reach the GPU (JudgeGpuSubmissions' device
// sandbox). False + err when the judge cannot start it, the harness failed, or its lines break
// the protocol; the submission's own failures are verdicts in out->cases.
bool RunRunner(const RunnerRequest& request, Sandbox& sandbox, RunnerOutcome* out,
               std::string* err);

// Reads one case line of a runner's output; its verdict is none when the line has none the judge
// knows.
GpuCaseResult ParseCaseLine(const nlohmann::json& line);

}  // namespace judge::gpu
