// One attention case on the GPU: device buffers for q, k, v, o of one shape, fresh inputs per
// seed, the submission's launch, the check against the GPU references (and, for small shapes, of
// those references against the CPU's), and the case's figures. Pure C++ declaration; CUDA inside
// attention_case.cu.
#pragma once

#include <memory>

#include "gpu/attention/attention_shape.h"
#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {

// matmul_tflops and copy_gbps: the device's measured rates (device_rates.h), which the case's
// figures and physical floor are fractions of. Throws CudaError if the buffers cannot be had.
std::unique_ptr<GpuCase> MakeAttentionCase(const AttentionShape& shape, double matmul_tflops,
                                           double copy_gbps);

}  // namespace judge::gpu
