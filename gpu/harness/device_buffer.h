// Device memory owned by one object: freed when it goes, never copied. Pure C++ so that the
// judge-side halves of runners can hold buffers; allocation errors throw CudaError.
#pragma once

#include <cstddef>
#include <vector>

#include "gpu/harness/dtype.h"

namespace judge::gpu {

class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  explicit DeviceBuffer(size_t bytes);  // cudaMalloc on the current device
  ~DeviceBuffer();
  DeviceBuffer(DeviceBuffer&& other) noexcept;
  DeviceBuffer& operator=(DeviceBuffer&& other) noexcept;
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;

  void* get() const { return ptr_; }
  size_t bytes() const { return bytes_; }

 private:
  void* ptr_ = nullptr;
  size_t bytes_ = 0;
};

// Fills `count` elements of `type` at `device_ptr` with UniformAt(seed, i, lo, hi) rounded to the
// type (counter_random.h), on the current stream 0; synchronous.
void FillUniform(void* device_ptr, DType type, size_t count, uint64_t seed, float lo, float hi);
// Fills with IntegerAt(seed, i, lo, hi): small integers, exactly representable in every type.
void FillIntegers(void* device_ptr, DType type, size_t count, uint64_t seed, int lo, int hi);
// How many of `count` elements differ, bit for bit, from what FillUniform(seed, lo, hi) wrote:
// the check that a submission left its inputs as the harness made them. One pass on the device;
// synchronous.
size_t CountUniformMismatches(const void* device_ptr, DType type, size_t count, uint64_t seed,
                              float lo, float hi);
// Fills with quiet NaN, so an element the submission never writes fails any comparison.
void FillNaN(void* device_ptr, DType type, size_t count);
// Copies `count` elements to the host as floats (converted from the type).
std::vector<float> CopyToHostAsFloat(const void* device_ptr, DType type, size_t count);

}  // namespace judge::gpu
