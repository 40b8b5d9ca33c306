// For tests without a GPU: a Sandbox that stands in for gpu_probe and the runners, and the
// protocol lines (gpu/PROTOCOL.md) a runner would write. Each Run pops the next scripted step,
// writes its stdout where the spec says, and, when the spec's argv has "--out FILE" (a runner),
// writes its result lines to FILE, as a runner appends them. So the judge reads real protocol
// lines through RunRunner, without nvcc or a device. Not thread-safe.
#pragma once

#include <deque>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "judge/sandbox/sandbox.h"

namespace judge::gpu {

class ScriptedRunnerSandbox : public Sandbox {
 public:
  struct Step {
    int exit_code = 0;
    std::string stdout_text = {};
    std::string results = {};  // the --out file's lines
  };
  void Script(Step step) { steps_.push_back(std::move(step)); }
  size_t remaining() const { return steps_.size(); }

  ProcessResult Run(const ProcessSpec& spec) override {
    ProcessResult result;
    if (steps_.empty()) {
      result.start_error = "ScriptedRunnerSandbox: no scripted run left";
      return result;
    }
    const Step step = std::move(steps_.front());
    steps_.pop_front();
    result.started = true;
    result.exit_code = step.exit_code;
    if (!spec.stdout_path.empty()) std::ofstream(spec.stdout_path) << step.stdout_text;
    if (!spec.stderr_path.empty()) std::ofstream(spec.stderr_path) << "";
    for (size_t i = 0; i + 1 < spec.argv.size(); ++i)
      if (spec.argv[i] == "--out") std::ofstream(spec.argv[i + 1], std::ios::app) << step.results;
    return result;
  }

 private:
  std::deque<Step> steps_;
};

// gpu_probe's answer for a device of compute capability 9.0.
inline std::string ProbeFoundDevice() { return R"({"present": true, "major": 9, "minor": 0})"; }

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
