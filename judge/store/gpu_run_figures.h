// What the store keeps of a GPU judgement (`judge gpu run`) besides the plain run: the device it
// ran on with the rates the runner measured on it in that run, the score, the problem's reference
// scored in the same run on the same device, and each case's figures. Plain values; filled by
// record_gpu_run.h, written and read by store.h (tables gpu_runs and gpu_cases).
#pragma once

#include <string>
#include <vector>

namespace judge {

struct GpuCaseFigures {
  std::string name;
  std::string group;
  std::string verdict;  // AC, WA, RE, TLE; "" when the case did not run
  std::string detail;
  bool timed = false;
  double median_ms = 0;
  double spread = 0;            // (p90 - p10) / median of the timed repetitions
  double figure_value = 0;      // the main figure (GpuRunFigures::score_figure) of this case
  double ceiling_fraction = 0;  // of the device's measured ceiling; 0 when none was measured
  double size = 0;  // where the case sits on the plot's x axis (GpuRunFigures::size_axis)
};

struct GpuRunFigures {
  std::string device_name;         // "NVIDIA H100 80GB HBM3"
  std::string compute_capability;  // "9.0"
  int driver_version = 0;          // as CUDA encodes it: 13000 = 13.0
  double matmul_tflops = 0;        // dense bf16 matmul rate measured in the run; 0: not measured
  double copy_gbps = 0;            // device copy bandwidth measured in the run; 0: not measured
  std::string score_figure;        // "tflops", "busbw_gbps"; empty when nothing was timed
  double score = 0;                // geometric mean of the main figure over the timed cases
  double ceiling_fraction = 0;     // geometric mean of the cases' fractions; 0: none measured
  std::string size_axis;           // "sequence length", "bytes per rank"
  std::string reference_name;      // the reference's file; empty: no reference was timed
  double reference_score = 0;      // its score in the same run
  // Whether the runner ran in the judge's sandbox; when not, its figures rest on its own word.
  bool runner_isolated = true;
  // Whether the problem's checker, a process apart, checked it; when not, the runner checked
  // itself, in the submission's process (gpu/PROTOCOL.md).
  bool checked_apart = true;
  std::vector<GpuCaseFigures> cases;  // filled by Store::Load, not by the list queries
};

// What lists add to the device's name for a run judged with less than the whole isolation: "",
// " (not isolated)", " (checked in the runner)" or " (not isolated, checked in the runner)".
inline std::string GpuIsolationMark(const GpuRunFigures& g) {
  if (g.runner_isolated && g.checked_apart) return "";
  if (g.checked_apart) return " (not isolated)";
  return g.runner_isolated ? " (checked in the runner)" : " (not isolated, checked in the runner)";
}

// The device as lists show it: its name, cut so that name and mark fit `width` where they can
// (a name keeps 8 characters at least), then the mark.
inline std::string GpuDeviceLabel(const GpuRunFigures& g, size_t width = std::string::npos) {
  const std::string mark = GpuIsolationMark(g);
  const size_t name_width = width == std::string::npos ? width
                            : width > mark.size() + 8  ? width - mark.size()
                                                       : 8;
  return g.device_name.substr(0, name_width) + mark;
}

}  // namespace judge
