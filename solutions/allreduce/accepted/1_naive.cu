// Version 1, naive: rank 0 gathers the sum, then every other rank copies it.
//   1. rank 0's stream waits for every rank's stream (their buffers may still be being written);
//   2. one kernel on rank 0's device: buffers[0][i] = sum over r of buffers[r][i], in fp32, the
//      other ranks read through peer pointers when they sit on other GPUs;
//   3. every other rank's stream waits for that kernel, then copies rank 0's buffer over its own
//      (cudaMemcpyAsync; a peer copy across GPUs);
//   4. rank 0's stream waits for the copies, so a later call cannot overwrite buffers[0] while
//      they still read it.
// On one GPU it moves n·S + S bytes for the sum and 2·(n-1)·S for the copies, (3n-1)·S in all
// against the floor's 2n·S; across GPUs everything funnels through rank 0's links.
//
//   build/judge gpu run allreduce solutions/allreduce/accepted/1_naive.cu
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdio>

namespace {

constexpr int kMaxRanks = 8;
constexpr int kThreads = 256;
constexpr size_t kMaxBlocks = 4096;

#define RETURN_IF_ERROR(call)                   \
  do {                                          \
    const cudaError_t status_ = (call);         \
    if (status_ != cudaSuccess) return status_; \
  } while (0)

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

struct RankPointers {
  void* ptr[kMaxRanks];
  int ranks;
};

template <typename T>
__global__ void SumIntoRankZero(RankPointers p, size_t count) {
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<size_t>(gridDim.x) * blockDim.x) {
    float sum = 0.0f;
    for (int r = 0; r < p.ranks; ++r) sum += ToFloat(static_cast<const T*>(p.ptr[r])[i]);
    static_cast<T*>(p.ptr[0])[i] = FromFloat<T>(sum);
  }
}

int BlocksFor(size_t count) {
  const size_t blocks = (count + kThreads - 1) / kThreads;
  return static_cast<int>(blocks < kMaxBlocks ? blocks : kMaxBlocks);
}

// One event per (purpose, rank), made on the rank's device on first use and remade if the rank
// moves to another device between calls.
enum EventSlot { kStarted = 0, kDone = 1, kSlots = 2 };

cudaError_t RankEvent(EventSlot slot, int rank, int device, cudaEvent_t* out) {
  static cudaEvent_t events[kSlots][kMaxRanks] = {};
  static int event_device[kSlots][kMaxRanks] = {};
  cudaEvent_t& event = events[slot][rank];
  if (event != nullptr && event_device[slot][rank] != device) {
    RETURN_IF_ERROR(cudaSetDevice(event_device[slot][rank]));
    RETURN_IF_ERROR(cudaEventDestroy(event));
    event = nullptr;
  }
  if (event == nullptr) {
    RETURN_IF_ERROR(cudaSetDevice(device));
    RETURN_IF_ERROR(cudaEventCreateWithFlags(&event, cudaEventDisableTiming));
    event_device[slot][rank] = device;
  }
  *out = event;
  return cudaSuccess;
}

// Makes `waiter`'s stream wait for everything queued so far on `rank`'s stream, using `slot`.
cudaError_t WaitFor(EventSlot slot, int rank, int waiter, const int* devices,
                    const cudaStream_t* streams) {
  cudaEvent_t event;
  RETURN_IF_ERROR(RankEvent(slot, rank, devices[rank], &event));
  RETURN_IF_ERROR(cudaSetDevice(devices[rank]));
  RETURN_IF_ERROR(cudaEventRecord(event, streams[rank]));
  RETURN_IF_ERROR(cudaSetDevice(devices[waiter]));
  return cudaStreamWaitEvent(streams[waiter], event, 0);
}

template <typename T>
cudaError_t NaiveAllreduce(void* const* buffers, int ranks, size_t count, const int* devices,
                           const cudaStream_t* streams) {
  RankPointers p = {};
  p.ranks = ranks;
  for (int r = 0; r < ranks; ++r) p.ptr[r] = buffers[r];
  for (int r = 1; r < ranks; ++r) RETURN_IF_ERROR(WaitFor(kStarted, r, 0, devices, streams));

  RETURN_IF_ERROR(cudaSetDevice(devices[0]));
  SumIntoRankZero<T><<<BlocksFor(count), kThreads, 0, streams[0]>>>(p, count);
  RETURN_IF_ERROR(cudaPeekAtLastError());  // peek: a launch error stays for the judge to report

  cudaEvent_t summed;
  RETURN_IF_ERROR(RankEvent(kDone, 0, devices[0], &summed));
  RETURN_IF_ERROR(cudaSetDevice(devices[0]));
  RETURN_IF_ERROR(cudaEventRecord(summed, streams[0]));
  for (int r = 1; r < ranks; ++r) {
    RETURN_IF_ERROR(cudaSetDevice(devices[r]));
    RETURN_IF_ERROR(cudaStreamWaitEvent(streams[r], summed, 0));
    RETURN_IF_ERROR(
        cudaMemcpyAsync(buffers[r], buffers[0], count * sizeof(T), cudaMemcpyDefault, streams[r]));
  }
  for (int r = 1; r < ranks; ++r) RETURN_IF_ERROR(WaitFor(kDone, r, 0, devices, streams));
  return cudaSuccess;
}

}  // namespace

extern "C" void allreduce_sum(void* const* buffers, int ranks, size_t count, int dtype,
                              const int* devices, const cudaStream_t* streams) {
  if (ranks < 1 || ranks > kMaxRanks || count == 0) return;
  int caller_device = 0;
  if (cudaGetDevice(&caller_device) != cudaSuccess) return;
  cudaError_t status = cudaErrorInvalidValue;
  switch (dtype) {
    case 0:
      status = NaiveAllreduce<float>(buffers, ranks, count, devices, streams);
      break;
    case 1:
      status = NaiveAllreduce<__half>(buffers, ranks, count, devices, streams);
      break;
    case 2:
      status = NaiveAllreduce<__nv_bfloat16>(buffers, ranks, count, devices, streams);
      break;
  }
  // A failed runtime call stays the thread's last error, which the judge reports as RE.
  if (status != cudaSuccess)
    std::fprintf(stderr, "allreduce_sum: %s\n", cudaGetErrorString(status));
  cudaSetDevice(caller_device);
}
