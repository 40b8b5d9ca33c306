// WA: version 2's ring with an off-by-one chunk boundary. The chunk end is computed as
// begin + size - 1 and then used as an exclusive end, so the last element of every chunk is
// skipped by both phases: on every rank it keeps its own input instead of the sum. Wrong on
// every case (with count = 1 and 2 ranks the single element is never touched) except by luck,
// when the other ranks' inputs at every skipped element add up to 0.
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

// Chunk c is meant to be [c·size, (c+1)·size) clipped to count; the end below is computed as
// if it were inclusive, so the last element of every chunk is never reduced or gathered.
void ChunkRange(size_t count, int ranks, int chunk, size_t* begin, size_t* end) {
  const size_t size = (count + ranks - 1) / ranks;
  *begin = size * chunk < count ? size * chunk : count;
  const size_t last = *begin + size - 1;  // BUG: an exclusive end needs begin + size
  *end = last < count ? last : count;
  if (*end < *begin) *end = *begin;
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
