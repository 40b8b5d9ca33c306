// RE: launches a single block with one thread per element. Correct while count <= 1024, the
// most threads a block may have; from the first case with more elements (count 4097) the launch
// fails with cudaErrorInvalidConfiguration, which the judge finds when it checks for errors
// after the run and reports as RE.
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

namespace {

struct RankPointers {
  void* ptr[8];
  int ranks;
};

__device__ float ToFloat(float x) { return x; }
__device__ float ToFloat(__half x) { return __half2float(x); }
__device__ float ToFloat(__nv_bfloat16 x) { return __bfloat162float(x); }

template <typename T>
__device__ T FromFloat(float x);
template <>
__device__ float FromFloat<float>(float x) {
  return x;
}
template <>
__device__ __half FromFloat<__half>(float x) {
  return __float2half_rn(x);
}
template <>
__device__ __nv_bfloat16 FromFloat<__nv_bfloat16>(float x) {
  return __float2bfloat16_rn(x);
}

template <typename T>
__global__ void SumEverywhere(RankPointers p, size_t count) {
  const size_t i = threadIdx.x;
  if (i >= count) return;
  float sum = 0.0f;
  for (int r = 0; r < p.ranks; ++r) sum += ToFloat(static_cast<const T*>(p.ptr[r])[i]);
  for (int r = 0; r < p.ranks; ++r) static_cast<T*>(p.ptr[r])[i] = FromFloat<T>(sum);
}

template <typename T>
void Run(const RankPointers& p, size_t count, cudaStream_t stream) {
  SumEverywhere<T><<<1, static_cast<unsigned>(count), 0, stream>>>(p, count);
}

}  // namespace

// Assumes every rank is on the current device and that nothing is pending on the other ranks'
// streams (the judge's fills are synchronous), so it uses streams[0] alone.
extern "C" void allreduce_sum(void* const* buffers, int ranks, size_t count, int dtype,
                              const int* devices, const cudaStream_t* streams) {
  (void)devices;
  RankPointers p = {};
  p.ranks = ranks < 8 ? ranks : 8;
  for (int r = 0; r < p.ranks; ++r) p.ptr[r] = buffers[r];
  if (dtype == 0) Run<float>(p, count, streams[0]);
  if (dtype == 1) Run<__half>(p, count, streams[0]);
  if (dtype == 2) Run<__nv_bfloat16>(p, count, streams[0]);
}
