// Device memory owned by one object: freed when it goes, never copied. Pure C++ so that the
// judge-side halves of runners can hold buffers; allocation errors throw CudaError.
#pragma once

#include <cstddef>
#include <vector>

#include "gpu/harness/dtype.h"
#include "gpu/harness/shared_memory.h"

namespace judge::gpu {

// kPrivate: cudaMalloc. kShared: memory another process can map (shared_memory.h), for the
// buffers the checker lends to the runner.
enum class Sharing { kPrivate, kShared };

// How the buffers a submission works on are made in this process: kShared in the checker,
// kPrivate (the default) in a single-process runner. Set once, before any case.
void SetSubmissionMemory(Sharing sharing);
Sharing SubmissionMemory();

class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  // On the current device. Throws CudaError when the memory cannot be had.
  explicit DeviceBuffer(size_t bytes, Sharing sharing = Sharing::kPrivate);
  ~DeviceBuffer();
  DeviceBuffer(DeviceBuffer&& other) noexcept;
  DeviceBuffer& operator=(DeviceBuffer&& other) noexcept;
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;

  void* get() const { return ptr_; }
  size_t bytes() const { return bytes_; }
  // A shared buffer's whole mapping (bytes() rounded up to the granularity), what the runner maps.
  size_t shared_bytes() const { return shared_.mapped_bytes; }
  // A new descriptor for a shared buffer, for the runner; the caller closes it. Throws CudaError
  // for a private one.
  int ExportFd() const;

 private:
  void Free() noexcept;

  void* ptr_ = nullptr;
  size_t bytes_ = 0;
  SharedMapping shared_;  // empty for a private buffer
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
