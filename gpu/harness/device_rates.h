// The device's own speed, measured in the same run as the submission so that figures are
// fractions of what this GPU does today, not of a datasheet.
#pragma once

#include <vector>

#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {

// Measures the rates `problem` uses into *rates (the others stay 0) and returns them as the
// figures of the run's device line, named as DeviceRates' fields: {"copy_gbps", 3012.5}. Takes
// seconds: the runner calls it only when some case is timed. Throws CudaError.
std::vector<Figure> MeasureDeviceRates(const GpuProblem& problem, DeviceRates* rates);

// Dense bf16 matmul with fp32 accumulation through cuBLAS (cublasGemmEx, m = n = k = 8192):
// the median TFLOP/s over several timed calls after warm-up, counting 2·m·n·k per call.
double MeasureBf16MatmulTflops();

// Device-to-device copy (cudaMemcpyAsync of 1 GiB): the median bytes moved per second, counting
// each byte once read and once written (2 · size per copy), in GB/s (10^9).
double MeasureDeviceCopyGBps();

}  // namespace judge::gpu
