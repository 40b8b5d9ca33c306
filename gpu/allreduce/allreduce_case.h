// One allreduce test case on the GPU(s): the ranks' buffers and streams, the judge's inputs, the
// call into the submission, and the exact check. Implemented in allreduce_case.cu.
//
// Placement: with at least `ranks` visible GPUs, rank r lives on device r (peer access enabled
// between every pair that supports it); otherwise every rank's buffer is a separate allocation on
// device 0, which still makes a ring move its data.
#pragma once

#include <memory>

#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {

// `copy_gbps` is the device's measured copy bandwidth (0 when not measured: no floor then).
// Throws CudaError when allocation or stream creation fails.
std::unique_ptr<GpuCase> MakeAllreduceCase(const AllreduceShape& shape, double copy_gbps);

}  // namespace judge::gpu
