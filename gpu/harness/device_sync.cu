#include "gpu/harness/cuda_check.h"
#include "gpu/harness/device_sync.h"

namespace judge::gpu {

void SynchronizeAllDevices() {
  int current = 0, count = 0;
  CUDA_CHECK(cudaGetDevice(&current));
  CUDA_CHECK(cudaGetDeviceCount(&count));
  for (int device = 0; device < count; ++device) {
    CUDA_CHECK(cudaSetDevice(device));
    CUDA_CHECK(cudaDeviceSynchronize());
  }
  CUDA_CHECK(cudaSetDevice(current));
  CUDA_CHECK(cudaGetLastError());
}

}  // namespace judge::gpu
