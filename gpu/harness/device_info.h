// What the runner knows of the GPU it runs on, probed once.
#pragma once

#include <cstddef>
#include <string>

namespace judge::gpu {

struct DeviceInfo {
  bool present = false;
  std::string absent_reason;  // when !present: what cudaGetDeviceCount said
  int count = 0;              // devices visible
  std::string name;           // of device 0, e.g. "NVIDIA H100 80GB HBM3"
  int major = 0, minor = 0;   // compute capability
  int multiprocessors = 0;
  size_t l2_bytes = 0;
  size_t global_bytes = 0;
  int driver_version = 0, runtime_version = 0;  // as CUDA encodes them: 13000 = 13.0
};

DeviceInfo ProbeDevice();

}  // namespace judge::gpu
