// Version 3, fused: every element is read from every rank once and its sum written to every rank
// once, in one pass. With all ranks in one GPU's memory that is exactly the floor's 2·n·S bytes,
// so this version should run at 90%+ of the device's copy bandwidth: one kernel, 16-byte loads
// and stores (4 fp32 or 8 fp16/bf16 per access) over a grid-stride loop, all n loads of an index
// issued before any is used, a scalar tail for the last count % (16 / element size) elements.
//
// On several GPUs, rank r's kernel runs on its own device and does the same for the r-th
// slice of the indices, reading and writing the other ranks' buffers through peer pointers (the
// judge enables peer access where the hardware has it; without it this version faults). That is
// a one-shot allreduce: each GPU's links carry 2·(n-1)/n·S in and out.
//
// Ordering: every launching stream waits for every rank's stream first (any rank's buffer may
// still be being written there); afterwards every rank's stream waits for every launch, so work
// the caller queues later on streams[r] sees the sums.
//
//   build/judge gpu run allreduce solutions/allreduce/accepted/3_fused.cu
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdint>
#include <cstdio>

namespace {

constexpr int kMaxRanks = 8;
constexpr int kThreads = 256;

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

// Passed by value: kernel parameters live in constant memory, no device copy of the array needed.
struct RankPointers {
  void* ptr[kMaxRanks];
};

// Elements [vector_begin * P, vector_end * P) as 16-byte vectors of P elements, then the scalar
// elements [tail_begin, tail_end).
template <typename T, int kRanks>
__global__ void FusedAllreduce(RankPointers p, size_t vector_begin, size_t vector_end,
                               size_t tail_begin, size_t tail_end) {
  constexpr int kPerVector = 16 / sizeof(T);
  const size_t first = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x;
  const size_t stride = static_cast<size_t>(gridDim.x) * blockDim.x;
  for (size_t v = vector_begin + first; v < vector_end; v += stride) {
    uint4 raw[kRanks];
#pragma unroll
    for (int r = 0; r < kRanks; ++r) raw[r] = static_cast<const uint4*>(p.ptr[r])[v];
    float sum[kPerVector];
#pragma unroll
    for (int k = 0; k < kPerVector; ++k) sum[k] = 0.0f;
#pragma unroll
    for (int r = 0; r < kRanks; ++r) {
      const T* element = reinterpret_cast<const T*>(&raw[r]);
#pragma unroll
      for (int k = 0; k < kPerVector; ++k) sum[k] += ToFloat(element[k]);
    }
    uint4 out;
    T* out_element = reinterpret_cast<T*>(&out);
#pragma unroll
    for (int k = 0; k < kPerVector; ++k) out_element[k] = FromFloat<T>(sum[k]);
#pragma unroll
    for (int r = 0; r < kRanks; ++r) static_cast<uint4*>(p.ptr[r])[v] = out;
  }
  for (size_t i = tail_begin + first; i < tail_end; i += stride) {
    float sum = 0.0f;
#pragma unroll
    for (int r = 0; r < kRanks; ++r) sum += ToFloat(static_cast<const T*>(p.ptr[r])[i]);
    const T value = FromFloat<T>(sum);
#pragma unroll
    for (int r = 0; r < kRanks; ++r) static_cast<T*>(p.ptr[r])[i] = value;
  }
}

// The ring's chunk arithmetic (gpu/allreduce/ring_chunks.h), used here to slice the indices.
void ChunkRange(size_t count, int ranks, int chunk, size_t* begin, size_t* end) {
  const size_t size = (count + ranks - 1) / ranks;
  *begin = size * chunk < count ? size * chunk : count;
  *end = *begin + size < count ? *begin + size : count;
}

// What one launch covers: vectors [vector_begin, vector_end), then elements [tail_begin, tail_end).
struct Slice {
  size_t vector_begin, vector_end, tail_begin, tail_end;
  size_t Work() const {
    const size_t vectors = vector_end - vector_begin, tail = tail_end - tail_begin;
    return vectors > tail ? vectors : tail;
  }
};

// One resident wave of blocks (as many as the kernel's registers allow on every multiprocessor),
// or fewer when there is less work; the grid-stride loop covers the rest.
template <typename T, int kRanks>
cudaError_t LaunchFused(const RankPointers& p, const Slice& s, int device, cudaStream_t stream) {
  static int blocks_per_multiprocessor = 0;  // a property of the kernel, the same on every H100
  if (blocks_per_multiprocessor == 0) {
    RETURN_IF_ERROR(cudaOccupancyMaxActiveBlocksPerMultiprocessor(
        &blocks_per_multiprocessor, FusedAllreduce<T, kRanks>, kThreads, 0));
    if (blocks_per_multiprocessor < 1) blocks_per_multiprocessor = 1;
  }
  int multiprocessors = 0;
  RETURN_IF_ERROR(cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount, device));
  const size_t wanted = (s.Work() + kThreads - 1) / kThreads;
  const size_t wave = static_cast<size_t>(multiprocessors > 0 ? multiprocessors : 1) *
                      static_cast<size_t>(blocks_per_multiprocessor);
  const int blocks = static_cast<int>(wanted < 1 ? 1 : (wanted < wave ? wanted : wave));
  FusedAllreduce<T, kRanks>
      <<<blocks, kThreads, 0, stream>>>(p, s.vector_begin, s.vector_end, s.tail_begin, s.tail_end);
  return cudaPeekAtLastError();  // peek: a launch error stays for the judge to report
}

template <typename T>
cudaError_t LaunchForRanks(int ranks, const RankPointers& p, const Slice& s, int device,
                           cudaStream_t stream) {
  using Launcher = cudaError_t (*)(const RankPointers&, const Slice&, int, cudaStream_t);
  static const Launcher kByRanks[kMaxRanks + 1] = {
      nullptr,           LaunchFused<T, 1>, LaunchFused<T, 2>, LaunchFused<T, 3>, LaunchFused<T, 4>,
      LaunchFused<T, 5>, LaunchFused<T, 6>, LaunchFused<T, 7>, LaunchFused<T, 8>,
  };
  if (ranks < 1 || ranks > kMaxRanks) return cudaErrorInvalidValue;
  return kByRanks[ranks](p, s, device, stream);
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

bool AllOnOneDevice(const int* devices, int ranks) {
  for (int r = 1; r < ranks; ++r)
    if (devices[r] != devices[0]) return false;
  return true;
}

template <typename T>
cudaError_t FusedAllreduceAll(void* const* buffers, int ranks, size_t count, const int* devices,
                              const cudaStream_t* streams) {
  constexpr size_t kPerVector = 16 / sizeof(T);
  RankPointers p = {};
  bool aligned = true;
  for (int r = 0; r < ranks; ++r) {
    p.ptr[r] = buffers[r];
    aligned = aligned && reinterpret_cast<uintptr_t>(buffers[r]) % 16 == 0;
  }
  const size_t vectors = aligned ? count / kPerVector : 0;
  // One launch on one GPU; one slice per rank across GPUs.
  const int launches = AllOnOneDevice(devices, ranks) ? 1 : ranks;

  // Fork: each launching stream waits until every rank's earlier work is done.
  for (int r = 0; r < ranks; ++r) {
    cudaEvent_t started;
    RETURN_IF_ERROR(RankEvent(kStarted, r, devices[r], &started));
    RETURN_IF_ERROR(cudaSetDevice(devices[r]));
    RETURN_IF_ERROR(cudaEventRecord(started, streams[r]));
  }
  for (int l = 0; l < launches; ++l) {
    RETURN_IF_ERROR(cudaSetDevice(devices[l]));
    for (int r = 0; r < ranks; ++r) {
      if (r == l) continue;
      cudaEvent_t started;
      RETURN_IF_ERROR(RankEvent(kStarted, r, devices[r], &started));
      RETURN_IF_ERROR(cudaSetDevice(devices[l]));
      RETURN_IF_ERROR(cudaStreamWaitEvent(streams[l], started, 0));
    }
  }
  for (int l = 0; l < launches; ++l) {
    Slice slice;
    ChunkRange(vectors, launches, l, &slice.vector_begin, &slice.vector_end);
    // The last launch also takes the scalar tail.
    slice.tail_begin = l == launches - 1 ? vectors * kPerVector : count;
    slice.tail_end = count;
    cudaEvent_t done;
    RETURN_IF_ERROR(RankEvent(kDone, l, devices[l], &done));
    RETURN_IF_ERROR(cudaSetDevice(devices[l]));
    if (slice.Work() > 0)
      RETURN_IF_ERROR(LaunchForRanks<T>(ranks, p, slice, devices[l], streams[l]));
    RETURN_IF_ERROR(cudaEventRecord(done, streams[l]));
  }
  // Join: every rank's stream continues only after every launch has finished.
  for (int r = 0; r < ranks; ++r) {
    for (int l = 0; l < launches; ++l) {
      if (l == r) continue;
      cudaEvent_t done;
      RETURN_IF_ERROR(RankEvent(kDone, l, devices[l], &done));
      RETURN_IF_ERROR(cudaSetDevice(devices[r]));
      RETURN_IF_ERROR(cudaStreamWaitEvent(streams[r], done, 0));
    }
  }
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
      status = FusedAllreduceAll<float>(buffers, ranks, count, devices, streams);
      break;
    case 1:
      status = FusedAllreduceAll<__half>(buffers, ranks, count, devices, streams);
      break;
    case 2:
      status = FusedAllreduceAll<__nv_bfloat16>(buffers, ranks, count, devices, streams);
      break;
  }
  // A failed runtime call stays the thread's last error, which the judge reports as RE.
  if (status != cudaSuccess)
    std::fprintf(stderr, "allreduce_sum: %s\n", cudaGetErrorString(status));
  cudaSetDevice(caller_device);
}
