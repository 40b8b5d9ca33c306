// Version 2, ring: the algorithm NCCL made famous, as in gpu/allreduce/ring_allreduce.h.
// The buffer is cut into n chunks (ChunkRange below: size ceil(count / n), the last ones shorter
// or empty). With l = r - 1 (mod n), rank r's left neighbour:
//
//   reduce-scatter, steps s = 0 .. n-2: rank r adds chunk (r - 1 - s) of rank l into its own
//     (after it, rank r holds the finished sum of chunk r + 1);
//   all-gather, steps s = 0 .. n-2: rank r copies chunk (r - s) of rank l over its own.
//
//     step 0 of reduce-scatter, n = 3 (chunks a b c; x0 x1 x2 are the ranks' inputs)
//       rank 0: [a0   b0   c0+c2]    <- c from rank 2
//       rank 1: [a0+a1 b1  c1   ]    <- a from rank 0
//       rank 2: [a2   b1+b2 c2  ]    <- b from rank 1
//
// Each step is one kernel (or copy) per rank on that rank's stream, reading the neighbour's
// buffer directly (a peer pointer across GPUs). Before step s, rank r's stream waits for rank
// l's step s - 1, recorded in an event; events alternate between two slots by step parity so a
// step's record never replaces the one its right neighbour still has to wait for. The chain of
// waits also orders every overwrite after the neighbour's read of the old value: counting both
// phases as steps t = 0 .. 2n-3, step t of rank r comes after step t - (n-1) of rank r + 1, by
// the chain of waits going the long way round the ring. Every rank moves
// 2·(n-1)/n·S in and out: bandwidth-optimal across GPUs; on one GPU it costs 2(n-1) rounds of
// small launches and reads each element several times, so it trails the fused kernel there.
//
//   build/judge gpu run allreduce solutions/allreduce/accepted/2_ring.cu
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdio>

namespace {

constexpr int kMaxRanks = 8;
constexpr int kThreads = 256;
constexpr size_t kMaxBlocks = 2048;

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

// mine[i] += left[i] for i < length; fp16 and bf16 are added as floats.
template <typename T>
__global__ void AddChunk(T* mine, const T* left, size_t length) {
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < length;
       i += static_cast<size_t>(gridDim.x) * blockDim.x)
    mine[i] = FromFloat<T>(ToFloat(mine[i]) + ToFloat(left[i]));
}

int BlocksFor(size_t count) {
  const size_t blocks = (count + kThreads - 1) / kThreads;
  return static_cast<int>(blocks < kMaxBlocks ? blocks : kMaxBlocks);
}

// gpu/allreduce/ring_chunks.h, copied: chunk c is [c·size, (c+1)·size) clipped to count.
void ChunkRange(size_t count, int ranks, int chunk, size_t* begin, size_t* end) {
  const size_t size = (count + ranks - 1) / ranks;
  *begin = size * chunk < count ? size * chunk : count;
  *end = *begin + size < count ? *begin + size : count;
}

int Mod(int value, int n) { return ((value % n) + n) % n; }

// Per-rank events in two slots that alternate with the step (the fork is step -1).
enum EventSlot { kEvenStep = 0, kOddStep = 1, kSlots = 2 };

EventSlot SlotOfStep(int step) { return (step % 2 + 2) % 2 == 0 ? kEvenStep : kOddStep; }

// One event per (slot, rank), made on the rank's device on first use and remade if the rank
// moves to another device between calls.
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

cudaError_t RecordStep(int step, int rank, const int* devices, const cudaStream_t* streams) {
  cudaEvent_t event;
  RETURN_IF_ERROR(RankEvent(SlotOfStep(step), rank, devices[rank], &event));
  RETURN_IF_ERROR(cudaSetDevice(devices[rank]));
  return cudaEventRecord(event, streams[rank]);
}

cudaError_t WaitForStep(int step, int rank, int waiter, const int* devices,
                        const cudaStream_t* streams) {
  cudaEvent_t event;
  RETURN_IF_ERROR(RankEvent(SlotOfStep(step), rank, devices[rank], &event));
  RETURN_IF_ERROR(cudaSetDevice(devices[waiter]));
  return cudaStreamWaitEvent(streams[waiter], event, 0);
}

template <typename T>
cudaError_t RingAllreduce(void* const* buffers, int n, size_t count, const int* devices,
                          const cudaStream_t* streams) {
  const int steps = 2 * (n - 1);
  // Step -1: what is already queued on each rank's stream (its buffer's last writes).
  for (int r = 0; r < n; ++r) RETURN_IF_ERROR(RecordStep(-1, r, devices, streams));
  for (int step = 0; step < steps; ++step) {
    for (int r = 0; r < n; ++r) {
      const int left = Mod(r - 1, n);
      RETURN_IF_ERROR(WaitForStep(step - 1, left, r, devices, streams));
      const bool reducing = step < n - 1;
      const int chunk = reducing ? Mod(r - 1 - step, n) : Mod(r - (step - (n - 1)), n);
      size_t begin = 0, end = 0;
      ChunkRange(count, n, chunk, &begin, &end);
      T* mine = static_cast<T*>(buffers[r]) + begin;
      const T* theirs = static_cast<const T*>(buffers[left]) + begin;
      RETURN_IF_ERROR(cudaSetDevice(devices[r]));
      if (end > begin && reducing) {
        AddChunk<T><<<BlocksFor(end - begin), kThreads, 0, streams[r]>>>(mine, theirs, end - begin);
        RETURN_IF_ERROR(cudaPeekAtLastError());  // peek: a launch error stays for the judge
      } else if (end > begin) {
        RETURN_IF_ERROR(cudaMemcpyAsync(mine, theirs, (end - begin) * sizeof(T), cudaMemcpyDefault,
                                        streams[r]));
      }
      RETURN_IF_ERROR(RecordStep(step, r, devices, streams));
    }
  }
  // Join: every rank's stream waits for every rank's last step, so later work on any stream
  // (the next call included) finds all buffers final and no step still reading them.
  const int last = steps - 1;
  for (int r = 0; r < n; ++r)
    for (int q = 0; q < n; ++q)
      if (q != r) RETURN_IF_ERROR(WaitForStep(last, q, r, devices, streams));
  return cudaSuccess;
}

}  // namespace

extern "C" void allreduce_sum(void* const* buffers, int ranks, size_t count, int dtype,
                              const int* devices, const cudaStream_t* streams) {
  if (ranks < 2 || ranks > kMaxRanks || count == 0) return;  // one rank: already the sum
  int caller_device = 0;
  if (cudaGetDevice(&caller_device) != cudaSuccess) return;
  cudaError_t status = cudaErrorInvalidValue;
  switch (dtype) {
    case 0:
      status = RingAllreduce<float>(buffers, ranks, count, devices, streams);
      break;
    case 1:
      status = RingAllreduce<__half>(buffers, ranks, count, devices, streams);
      break;
    case 2:
      status = RingAllreduce<__nv_bfloat16>(buffers, ranks, count, devices, streams);
      break;
  }
  // A failed runtime call stays the thread's last error, which the judge reports as RE.
  if (status != cudaSuccess)
    std::fprintf(stderr, "allreduce_sum: %s\n", cudaGetErrorString(status));
  cudaSetDevice(caller_device);
}
