#include <cuda_runtime.h>

#include "gpu/harness/device_info.h"

namespace judge::gpu {

DeviceInfo ProbeDevice() {
  DeviceInfo info;
  const cudaError_t status = cudaGetDeviceCount(&info.count);
  if (status != cudaSuccess || info.count == 0) {
    info.absent_reason = status != cudaSuccess ? std::string(cudaGetErrorName(status)) + ": " +
                                                     cudaGetErrorString(status)
                                               : "cudaGetDeviceCount found no device";
    info.count = 0;
    return info;
  }
  cudaDeviceProp prop{};
  if (cudaGetDeviceProperties(&prop, 0) != cudaSuccess) {
    info.absent_reason = "cudaGetDeviceProperties failed on device 0";
    return info;
  }
  info.present = true;
  info.name = prop.name;
  info.major = prop.major;
  info.minor = prop.minor;
  info.multiprocessors = prop.multiProcessorCount;
  info.l2_bytes = static_cast<size_t>(prop.l2CacheSize);
  info.global_bytes = prop.totalGlobalMem;
  cudaDriverGetVersion(&info.driver_version);
  cudaRuntimeGetVersion(&info.runtime_version);
  return info;
}

}  // namespace judge::gpu
