// The seam between the shared runner (runner_main.h) and one GPU problem. A problem names the
// device rates it needs and makes cases; a case owns the device buffers of one shape and knows
// how to refill, launch, check and count its work. Pure C++: implementations keep CUDA types
// inside their .cu files.
//
// Every method may throw CudaError; the runner turns it into an RE verdict.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace judge::gpu {

struct CaseCheck {
  bool ok = false;
  std::string detail;    // one line: worst element, its error, the tolerance
  double max_error = 0;  // in the problem's own measure (absolute error for attention)
  double tolerance = 0;
};

// One named figure of a timed case: {"tflops", 351.2}.
using Figure = std::pair<std::string, double>;

class DeviceBuffer;

// What the entry point is called with: the case's buffers in the problem's order (each with the
// device it is on), and its other arguments as JSON, so that the call can be made in this
// process or in the runner's (gpu/PROTOCOL.md, "Two processes").
struct SubmissionCall {
  std::vector<const DeviceBuffer*> buffers;
  std::vector<int> devices;  // one per buffer
  nlohmann::json args;
};

class GpuCase {
 public:
  virtual ~GpuCase() = default;
  // Fresh random inputs from `seed`; every output element poisoned with NaN.
  virtual void NewInputs(uint64_t seed) = 0;
  // The entry point's arguments for this case (the buffers stay the case's).
  virtual SubmissionCall Call() const = 0;
  // Computes the reference answer for the current inputs and compares the outputs with it. A
  // case whose inputs are read-only checks them first: the reference must come from inputs the
  // submission never touched.
  virtual CaseCheck Check() = 0;
  // The check right after every timed call, before anything else runs, so that a submission
  // cannot do the work only on some calls or finish it after the timer stops. Inputs first, as
  // Check does; then the whole output where checking it costs little next to the call (an
  // allreduce), or the rows `sample_seed` picks (attention), drawn after the call from the
  // runner's secret seed, so no call knows which rows will be read.
  virtual CaseCheck CheckTimedCall(uint64_t sample_seed) = 0;
  // What a run of `seconds` means: TFLOP/s, bandwidths, fractions of the device's rates.
  virtual std::vector<Figure> Figures(double seconds) const = 0;
  // The least time this case can physically take on this device (bytes that must move at the
  // measured copy bandwidth, ...); a median below half of it means work was skipped. 0: no floor.
  virtual double FloorSeconds() const = 0;
};

// The device's own rates (device_rates.h) that a problem's figures and floors are fractions of,
// measured by the harness once per run that times something. A rate is 0 when it was not
// measured (a correctness-only run, or a rate the problem does not use): its cases then report no
// fraction of it and have no floor from it.
struct DeviceRates {
  double matmul_bf16_tflops = 0;
  double copy_gbps = 0;
};

// What one problem gives the shared runner (runner_main.h): which device rates to measure, and
// how to build a case.
struct GpuProblem {
  bool uses_matmul_bf16_tflops;
  bool uses_copy_gbps;
  // Builds one case from its JSON spec (validated by the judge side, but checked again: null and
  // err naming the field). May throw CudaError.
  std::unique_ptr<GpuCase> (*make_case)(const nlohmann::json& spec, const DeviceRates& rates,
                                        std::string* err);
};

// Each problem's case code (gpu/<slug>/<slug>_case.cu) defines this once; a runner links exactly
// one problem, whose kRunnerProblem the shared main runs. A constant, not a registration: nothing
// runs before main.
extern const GpuProblem kRunnerProblem;

// The entry point bound to one case's buffers, in whichever process holds the submission.
class BoundCall {
 public:
  virtual ~BoundCall() = default;
  // Calls the entry point once; does not synchronise. May throw CudaError.
  virtual void Run() = 0;
};

// The call side of a problem (gpu/<slug>/<slug>_call.cu), apart from its cases so that the
// checker, which links the cases, never links the submission: binds a SubmissionCall's args to
// the buffers' addresses in the calling process. Null + err when the args do not fit.
struct ProblemCall {
  std::unique_ptr<BoundCall> (*bind)(const nlohmann::json& args, const std::vector<void*>& buffers,
                                     const std::vector<int>& devices, std::string* err);
};

// Defined by each problem's gpu/<slug>/<slug>_call.cu; only mains that call the submission
// (runner_main.cc, call_main.cc) refer to it.
extern const ProblemCall kProblemCall;

}  // namespace judge::gpu
