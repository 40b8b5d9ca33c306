// For tests without a GPU: a Sandbox that stands in for gpu_probe, the checkers and the runners,
// and the protocol lines (gpu/PROTOCOL.md) they would write. A run whose argv has "--out FILE"
// (a checker, or a single-process runner) or none and no stdin descriptor (gpu_probe) pops the
// next scripted step, writes its stdout and stderr where the spec says and its result lines to
// FILE, as a runner appends them. The runner of a run checked apart (no "--out", stdin on the
// checker's socket) pops the next runner step, and exits 0 when none is scripted. So the judge
// reads real protocol lines through RunRunner, without nvcc or a device. Thread-safe: a run
// checked apart starts its checker and its runner at once.
#pragma once

#include <algorithm>
#include <deque>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "judge/sandbox/sandbox.h"

namespace judge::gpu {

class ScriptedRunnerSandbox : public Sandbox {
 public:
  struct Step {
    int exit_code = 0;
    std::string stdout_text = {};
    std::string results = {};  // the --out file's lines
    std::string stderr_text = {};
    int term_signal = 0;        // killed by this signal (exit_code is then ignored)
    bool wall_timeout = false;  // killed by the watchdog
  };
  void Script(Step step) {
    std::lock_guard lock(mutex_);
    steps_.push_back(std::move(step));
  }
  void ScriptRunner(Step step) {
    std::lock_guard lock(mutex_);
    runner_steps_.push_back(std::move(step));
  }
  size_t remaining() const {
    std::lock_guard lock(mutex_);
    return steps_.size() + runner_steps_.size();
  }
  // Every run asked for, in the order they started (a checker and its runner in either order).
  std::vector<ProcessSpec> specs() const {
    std::lock_guard lock(mutex_);
    return specs_;
  }
  // A run is a checked-apart runner: no result file of its own, its stdin the checker's socket.
  static bool IsCheckedRunner(const ProcessSpec& spec) {
    return spec.stdin_fd >= 0 &&
           std::find(spec.argv.begin(), spec.argv.end(), "--out") == spec.argv.end();
  }

  ProcessResult Run(const ProcessSpec& spec) override {
    ProcessResult result;
    Step step;
    {
      std::lock_guard lock(mutex_);
      specs_.push_back(spec);
      std::deque<Step>& queue = IsCheckedRunner(spec) ? runner_steps_ : steps_;
      if (queue.empty() && !IsCheckedRunner(spec)) {
        result.start_error = "ScriptedRunnerSandbox: no scripted run left";
        return result;
      }
      if (!queue.empty()) {
        step = std::move(queue.front());
        queue.pop_front();
      }
    }
    result.started = true;
    result.exit_code = step.term_signal || step.wall_timeout ? -1 : step.exit_code;
    result.term_signal = step.term_signal;
    result.wall_timeout = step.wall_timeout;
    if (!spec.stdout_path.empty()) std::ofstream(spec.stdout_path) << step.stdout_text;
    if (!spec.stderr_path.empty()) std::ofstream(spec.stderr_path) << step.stderr_text;
    for (size_t i = 0; i + 1 < spec.argv.size(); ++i)
      if (spec.argv[i] == "--out") std::ofstream(spec.argv[i + 1], std::ios::app) << step.results;
    return result;
  }

 private:
  mutable std::mutex mutex_;
  std::deque<Step> steps_, runner_steps_;
  std::vector<ProcessSpec> specs_;
};

// gpu_probe's answer for a device of compute capability 9.0 that can lend its memory to another
// process (gpu/PROTOCOL.md, "Two processes"), and for one that cannot.
inline std::string ProbeFoundDevice() {
  return R"({"present": true, "major": 9, "minor": 0, "lending": true})";
}
inline std::string ProbeFoundDeviceThatCannotLend(const std::string& why) {
  return nlohmann::json{
      {"present", true}, {"major", 9}, {"minor", 0}, {"lending", false}, {"lending_reason", why}}
      .dump();
}

// The runner's first line: the device and the rates it measured in this run.
inline std::string DeviceLine(const std::string& name, double matmul_tflops, double copy_gbps) {
  return nlohmann::json{
             {"type", "device"},
             {"name", name},
             {"compute_capability", "9.0"},
             {"driver_version", 13000},
             {"figures", {{"matmul_bf16_tflops", matmul_tflops}, {"copy_gbps", copy_gbps}}}}
             .dump() +
         "\n";
}

// A timed attention case that passed: its median and the figures the harness derives from it
// (`flops` is the case's FLOP count, AttentionFlops).
inline std::string TimedAttentionCaseLine(const std::string& name, double flops, double median_s,
                                          double matmul_tflops) {
  const double tflops = flops / median_s / 1e12;
  return nlohmann::json{
             {"type", "case"},
             {"name", name},
             {"group", "benchmark"},
             {"verdict", "AC"},
             {"detail", ""},
             {"max_error", 0.001},
             {"tolerance", 0.01},
             {"timing",
              {{"median_s", median_s},
               {"min_s", median_s * 0.98},
               {"max_s", median_s * 1.03},
               {"spread", 0.02},
               {"repetitions", 20}}},
             {"figures", {{"tflops", tflops}, {"fraction_of_matmul", tflops / matmul_tflops}}},
             {"floor_s", median_s / 10}}
             .dump() +
         "\n";
}

}  // namespace judge::gpu
