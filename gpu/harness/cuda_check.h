// CUDA_CHECK(call): throws judge::gpu::CudaError naming the error and the file:line that saw it.
// For .cu files only.
#pragma once

#include <cuda_runtime.h>

#include <string>

#include "gpu/harness/gpu_error.h"

namespace judge::gpu {

[[noreturn]] inline void ThrowCudaError(cudaError_t status, const char* file, int line) {
  throw CudaError(std::string(cudaGetErrorName(status)) + ": " + cudaGetErrorString(status) + " (" +
                  file + ":" + std::to_string(line) + ")");
}

}  // namespace judge::gpu

#define CUDA_CHECK(call)                                                    \
  do {                                                                      \
    const cudaError_t judge_cuda_status_ = (call);                          \
    if (judge_cuda_status_ != cudaSuccess)                                  \
      ::judge::gpu::ThrowCudaError(judge_cuda_status_, __FILE__, __LINE__); \
  } while (0)
