#include "gpu/harness/cuda_check.h"
#include "gpu/harness/device_timing.h"

namespace judge::gpu {

void FlushL2() {
  // One buffer per process, twice the L2: writing it leaves none of the submission's data cached.
  static void* scratch = nullptr;
  static size_t scratch_bytes = 0;
  if (!scratch) {
    int device = 0, l2 = 0;
    CUDA_CHECK(cudaGetDevice(&device));
    CUDA_CHECK(cudaDeviceGetAttribute(&l2, cudaDevAttrL2CacheSize, device));
    scratch_bytes = 2 * static_cast<size_t>(l2 > 0 ? l2 : 64 << 20);
    CUDA_CHECK(cudaMalloc(&scratch, scratch_bytes));
  }
  CUDA_CHECK(cudaMemset(scratch, 0x5a, scratch_bytes));
  CUDA_CHECK(cudaDeviceSynchronize());
}

EventTimer::EventTimer() {
  CUDA_CHECK(cudaGetDevice(&device_));
  cudaEvent_t start, stop;
  CUDA_CHECK(cudaEventCreate(&start));
  CUDA_CHECK(cudaEventCreate(&stop));
  start_ = start;
  stop_ = stop;
}

EventTimer::~EventTimer() {
  cudaEventDestroy(static_cast<cudaEvent_t>(start_));
  cudaEventDestroy(static_cast<cudaEvent_t>(stop_));
}

void EventTimer::Start() {
  SynchronizeAllDevices();
  CUDA_CHECK(cudaSetDevice(device_));
  CUDA_CHECK(cudaEventRecord(static_cast<cudaEvent_t>(start_), 0));
}

double EventTimer::StopSeconds() {
  // The stop event is recorded only after every device has drained, so work the submission left
  // on side streams (or other devices) lands inside the interval.
  SynchronizeAllDevices();
  CUDA_CHECK(cudaSetDevice(device_));
  CUDA_CHECK(cudaEventRecord(static_cast<cudaEvent_t>(stop_), 0));
  CUDA_CHECK(cudaEventSynchronize(static_cast<cudaEvent_t>(stop_)));
  float ms = 0;
  CUDA_CHECK(
      cudaEventElapsedTime(&ms, static_cast<cudaEvent_t>(start_), static_cast<cudaEvent_t>(stop_)));
  return ms / 1e3;
}

}  // namespace judge::gpu
