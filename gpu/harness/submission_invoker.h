// How the judging loop (runner_loop.cu) calls the submission: linked into the same process (the
// single-process runner), or in the runner's own process, told over the socket to call its entry
// point on device memory the checker lends it (gpu/PROTOCOL.md, "Two processes"). Pure C++.
#pragma once

#include <memory>
#include <stdexcept>

#include "gpu/harness/call_channel.h"
#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {

// The runner said a call failed (a CUDA error in the submission's process): the case is RE with
// this detail.
class SubmissionFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The runner stopped answering or answered out of protocol: its end was closed (it died or was
// killed), or it sent what the protocol has no place for. The checker writes no line for the
// case, and the judge tells TLE from RE by how the runner ended.
class RunnerStopped : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SubmissionInvoker {
 public:
  virtual ~SubmissionInvoker() = default;
  // Before the first call on a case's buffers, and after the last.
  virtual void BeginCase(const GpuCase& gpu_case) = 0;
  virtual void EndCase() = 0;
  // One call; returns once the submission's work is done on every device.
  virtual void Call() = 0;
  // One call, timed: the seconds from its start to the end of its work on every device.
  virtual double TimedCall() = 0;
};

// Calls `call`'s entry point in this process, timed with CUDA events around device-wide
// synchronisations (device_timing.h).
std::unique_ptr<SubmissionInvoker> MakeInProcessInvoker(const ProblemCall& call);
// Calls it in the runner's process at the other end of `channel`; times each call by this
// process's clock, from after its inputs are in place to the runner's answer.
std::unique_ptr<SubmissionInvoker> MakeApartInvoker(CallChannel* channel);

}  // namespace judge::gpu
