#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <utility>

#include "gpu/harness/counter_random.h"
#include "gpu/harness/cuda_check.h"
#include "gpu/harness/device_buffer.h"

namespace judge::gpu {
namespace {

constexpr int kThreads = 256;

int BlocksFor(size_t count) {
  const size_t blocks = (count + kThreads - 1) / kThreads;
  return static_cast<int>(blocks < 65535 * 16 ? blocks : 65535 * 16);  // grid-stride beyond
}

template <typename T>
__device__ T FromFloat(float value);
template <>
__device__ float FromFloat<float>(float value) {
  return value;
}
template <>
__device__ __half FromFloat<__half>(float value) {
  return __float2half_rn(value);
}
template <>
__device__ __nv_bfloat16 FromFloat<__nv_bfloat16>(float value) {
  return __float2bfloat16_rn(value);
}

template <typename T>
__device__ float ToFloat(T value);
template <>
__device__ float ToFloat<__half>(__half value) {
  return __half2float(value);
}
template <>
__device__ float ToFloat<__nv_bfloat16>(__nv_bfloat16 value) {
  return __bfloat162float(value);
}

// An element's bits, for comparing without float equality (which NaN and -0 would fool).
__device__ unsigned Bits(float value) { return __float_as_uint(value); }
__device__ unsigned Bits(__half value) { return __half_as_ushort(value); }
__device__ unsigned Bits(__nv_bfloat16 value) { return __bfloat16_as_ushort(value); }

// What one element of a fill holds: uniform floats, small integers, or NaN.
struct FillRule {
  enum Kind { kUniform, kIntegers, kNaN } kind;
  uint64_t seed;
  float lo, hi;
  __device__ float At(size_t i) const {
    switch (kind) {
      case kUniform:
        return UniformAt(seed, i, lo, hi);
      case kIntegers:
        return IntegerAt(seed, i, static_cast<int>(lo), static_cast<int>(hi));
      default:
        return __int_as_float(0x7fc00000);
    }
  }
};

template <typename T>
__global__ void FillKernel(T* out, size_t count, FillRule rule) {
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<size_t>(gridDim.x) * blockDim.x)
    out[i] = FromFloat<T>(rule.At(i));
}

template <typename T>
__global__ void MismatchKernel(const T* in, size_t count, FillRule rule,
                               unsigned long long* mismatches) {
  unsigned long long local = 0;
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<size_t>(gridDim.x) * blockDim.x)
    local += Bits(in[i]) != Bits(FromFloat<T>(rule.At(i)));
  if (local > 0) atomicAdd(mismatches, local);
}

template <typename T>
__global__ void ToFloatKernel(const T* in, float* out, size_t count) {
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<size_t>(gridDim.x) * blockDim.x)
    out[i] = ToFloat<T>(in[i]);
}

void Fill(void* device_ptr, DType type, size_t count, FillRule rule) {
  if (count == 0) return;
  switch (type) {
    case DType::kF32:
      FillKernel<<<BlocksFor(count), kThreads>>>(static_cast<float*>(device_ptr), count, rule);
      break;
    case DType::kF16:
      FillKernel<<<BlocksFor(count), kThreads>>>(static_cast<__half*>(device_ptr), count, rule);
      break;
    case DType::kBF16:
      FillKernel<<<BlocksFor(count), kThreads>>>(static_cast<__nv_bfloat16*>(device_ptr), count,
                                                 rule);
      break;
  }
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
}

}  // namespace

namespace {
Sharing submission_memory = Sharing::kPrivate;
}  // namespace

void SetSubmissionMemory(Sharing sharing) { submission_memory = sharing; }
Sharing SubmissionMemory() { return submission_memory; }

DeviceBuffer::DeviceBuffer(size_t bytes, Sharing sharing) : bytes_(bytes) {
  if (sharing == Sharing::kShared) {
    int device = 0;
    CUDA_CHECK(cudaGetDevice(&device));
    shared_ = AllocateSharedMemory(bytes, device);
    ptr_ = shared_.ptr;
  } else if (bytes > 0) {
    CUDA_CHECK(cudaMalloc(&ptr_, bytes));
  }
}

void DeviceBuffer::Free() noexcept {
  if (!shared_.empty()) {
    ReleaseSharedMemory(&shared_);
  } else if (ptr_) {
    cudaFree(ptr_);  // a failed free leaks only
  }
  ptr_ = nullptr;
  bytes_ = 0;
}

DeviceBuffer::~DeviceBuffer() { Free(); }

DeviceBuffer::DeviceBuffer(DeviceBuffer&& other) noexcept
    : ptr_(std::exchange(other.ptr_, nullptr)),
      bytes_(std::exchange(other.bytes_, 0)),
      shared_(std::exchange(other.shared_, SharedMapping())) {}

DeviceBuffer& DeviceBuffer::operator=(DeviceBuffer&& other) noexcept {
  if (this != &other) {
    Free();
    ptr_ = std::exchange(other.ptr_, nullptr);
    bytes_ = std::exchange(other.bytes_, 0);
    shared_ = std::exchange(other.shared_, SharedMapping());
  }
  return *this;
}

int DeviceBuffer::ExportFd() const {
  if (shared_.empty()) throw CudaError("a private device buffer cannot be lent to another process");
  return ExportSharedMemory(shared_);
}

void FillUniform(void* device_ptr, DType type, size_t count, uint64_t seed, float lo, float hi) {
  Fill(device_ptr, type, count, FillRule{FillRule::kUniform, seed, lo, hi});
}

void FillIntegers(void* device_ptr, DType type, size_t count, uint64_t seed, int lo, int hi) {
  Fill(device_ptr, type, count,
       FillRule{FillRule::kIntegers, seed, static_cast<float>(lo), static_cast<float>(hi)});
}

size_t CountUniformMismatches(const void* device_ptr, DType type, size_t count, uint64_t seed,
                              float lo, float hi) {
  if (count == 0) return 0;
  DeviceBuffer counter(sizeof(unsigned long long));
  auto* mismatches = static_cast<unsigned long long*>(counter.get());
  CUDA_CHECK(cudaMemset(mismatches, 0, sizeof(unsigned long long)));
  const FillRule rule{FillRule::kUniform, seed, lo, hi};
  switch (type) {
    case DType::kF32:
      MismatchKernel<<<BlocksFor(count), kThreads>>>(static_cast<const float*>(device_ptr), count,
                                                     rule, mismatches);
      break;
    case DType::kF16:
      MismatchKernel<<<BlocksFor(count), kThreads>>>(static_cast<const __half*>(device_ptr), count,
                                                     rule, mismatches);
      break;
    case DType::kBF16:
      MismatchKernel<<<BlocksFor(count), kThreads>>>(static_cast<const __nv_bfloat16*>(device_ptr),
                                                     count, rule, mismatches);
      break;
  }
  CUDA_CHECK(cudaGetLastError());
  unsigned long long host = 0;
  CUDA_CHECK(cudaMemcpy(&host, mismatches, sizeof host, cudaMemcpyDeviceToHost));
  return static_cast<size_t>(host);
}

void FillNaN(void* device_ptr, DType type, size_t count) {
  Fill(device_ptr, type, count, FillRule{FillRule::kNaN, 0, 0, 0});
}

std::vector<float> CopyToHostAsFloat(const void* device_ptr, DType type, size_t count) {
  std::vector<float> host(count);
  if (count == 0) return host;
  if (type == DType::kF32) {
    CUDA_CHECK(cudaMemcpy(host.data(), device_ptr, count * sizeof(float), cudaMemcpyDeviceToHost));
    return host;
  }
  DeviceBuffer converted(count * sizeof(float));
  float* out = static_cast<float*>(converted.get());
  if (type == DType::kF16)
    ToFloatKernel<<<BlocksFor(count), kThreads>>>(static_cast<const __half*>(device_ptr), out,
                                                  count);
  else
    ToFloatKernel<<<BlocksFor(count), kThreads>>>(static_cast<const __nv_bfloat16*>(device_ptr),
                                                  out, count);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(host.data(), out, count * sizeof(float), cudaMemcpyDeviceToHost));
  return host;
}

}  // namespace judge::gpu
