// The seam between the shared runner (runner_main.h) and one GPU problem. A problem is a factory
// of cases; a case owns the device buffers of one shape and knows how to refill, launch, check
// and count its work. Pure C++: implementations keep CUDA types inside their .cu files.
//
// Every method may throw CudaError; the runner turns it into an RE verdict.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace judge::gpu {

struct CaseCheck {
  bool ok = false;
  std::string detail;      // one line: worst element, its error, the tolerance
  double max_error = 0;    // in the problem's own measure (absolute error for attention)
  double tolerance = 0;
};

// One named figure of a timed case: {"tflops", 351.2}.
using Figure = std::pair<std::string, double>;

class GpuCase {
 public:
  virtual ~GpuCase() = default;
  // Fresh random inputs from `seed`; every output element poisoned with NaN.
  virtual void NewInputs(uint64_t seed) = 0;
  // Calls the submission's entry point once; does not synchronise.
  virtual void RunSubmission() = 0;
  // Computes the reference answer for the current inputs and compares the outputs with it.
  virtual CaseCheck Check() = 0;
  // What a run of `seconds` means: TFLOP/s, bandwidths, fractions of the device's rates.
  virtual std::vector<Figure> Figures(double seconds) const = 0;
  // The least time this case can physically take on this device (bytes that must move at the
  // measured copy bandwidth, ...); a median below half of it means work was skipped. 0: no floor.
  virtual double FloorSeconds() const = 0;
};

class GpuProblem {
 public:
  virtual ~GpuProblem() = default;
  // Measures, once per run, the device rates its figures are fractions of; returned as figures
  // of the run ("matmul_bf16_tflops", "copy_gbps") and kept for the cases.
  virtual std::vector<Figure> MeasureDevice() = 0;
  // Builds one case from its JSON description (already validated by the judge side, but checked
  // again: false + err naming the field).
  virtual std::unique_ptr<GpuCase> MakeCase(const nlohmann::json& spec, std::string* err) = 0;
};

}  // namespace judge::gpu
