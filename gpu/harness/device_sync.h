// Waiting for every device: apart from the timing (device_timing.h), so that the runner that only
// calls the submission (call_main.cc) links this and none of the timing. Pure C++ declaration.
#pragma once

namespace judge::gpu {

// cudaDeviceSynchronize on every visible device (a multi-GPU submission's work counts too), then
// the last error: asynchronous failures surface here as CudaError.
void SynchronizeAllDevices();

}  // namespace judge::gpu
