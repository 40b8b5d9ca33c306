// Runs one built runner over a list of cases (gpu/PROTOCOL.md) and reads back the result lines; a
// case the runner never finished gets TLE (killed at the time limit) or RE (it crashed). Either
// checked apart (the problem's checker and the runner, two sandboxed processes joined by a
// socket: the checker writes the lines) or by a single-process runner that checks itself.
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
  // The problem's checker (CheckerPath): the run is checked apart, and `argv` is a runner linked
  // with call_main.o. Empty: `argv` is a single-process runner (runner_main.o).
  std::vector<std::string> checker_argv;
  nlohmann::json case_list;  // RunnerCaseList(...)
  int trials = 3, warmup = 3, repetitions = 20;
  double wall_seconds = 600;
  // Checked apart, the checker runs in its sub-folder "checker" (cases.json, results.jsonl) and
  // the runner in "runner", which holds nothing of the checker's.
  std::filesystem::path scratch_dir;
};

struct RunnerOutcome {
  bool no_device = false;
  std::string no_device_reason;
  // The checker's exit 8: its trial of lending device memory failed, so nothing was judged (the
  // caller makes it that submission's JE: gpu_probe found lending working before the run). The
  // reason is its stderr's line.
  bool cannot_share_memory = false;
  std::string cannot_share_memory_reason;
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

// Runs the runner (and the checker, when there is one) in `sandbox`, which must let them reach the
// GPU (JudgeGpuSubmissions' device sandbox). False + err when the judge cannot start them, the
// harness failed, or the lines break the protocol; the submission's own failures are verdicts in
// out->cases. Checked apart, a checker that says the runner stopped answering (exit 7) leaves the
// case without a line to the runner's ending: TLE when the watchdog killed it, RE otherwise.
bool RunRunner(const RunnerRequest& request, Sandbox& sandbox, RunnerOutcome* out,
               std::string* err);

// Reads one case line of a runner's output; its verdict is none when the line has none the judge
// knows.
GpuCaseResult ParseCaseLine(const nlohmann::json& line);

}  // namespace judge::gpu
