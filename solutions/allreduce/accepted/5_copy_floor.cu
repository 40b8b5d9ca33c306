// Version 5, aimed at the copy floor: the single-GPU allreduce as a copy of n·S bytes in and n·S
// bytes out, which is the floor (problems/allreduce/statement.md: t >= 2·n·S / copy_gbps).
//
// UNVERIFIED: compiled and linked only, never run on a GPU (gpu/RESULTS.md). No figure measured.
//
// What it does beyond version 3 (the same single pass):
//   - minimum bytes: every element of every rank is read once and written once, nothing else
//     touches memory (no scratch, no second pass, no read of a sum back);
//   - 16-byte vector loads and stores only (a scalar tail for the last count % (16 / size)
//     elements), with streaming cache hints (ld.global.cs / st.global.cs, `__ldcs` / `__stcs`):
//     every byte is used once, so it should not displace anything in L2 or L1;
//   - kUnroll independent vectors per rank per thread, all n·kUnroll loads issued before the first
//     add, so about 8 vectors (128 bytes) per thread are in flight whatever n is;
//   - each block walks whole tiles of kThreads·kUnroll contiguous vectors (coalesced for each of
//     the kUnroll steps), grid-stride over tiles, with exactly one resident wave of blocks (the
//     multiprocessor count times the blocks per multiprocessor the kernel's registers allow), or
//     fewer when there are fewer tiles;
//   - one launch on one GPU. Events order it after every rank's stream and every rank's stream
//     after it (created once and cached); nothing else is queued.
// On several GPUs (rank r on device r) rank r's device does the r-th slice of the indices through
// peer pointers, as version 3 does: a one-shot allreduce.
//
// Estimated (not measured): 90%+ of the measured copy bandwidth for buffers of a few MiB and up;
// the 1 KiB cases are launch- and event-bound.
//
//   build/judge gpu run allreduce solutions/allreduce/accepted/5_copy_floor.cu
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdint>
#include <cstdio>

namespace {

constexpr int kMaxRanks = 8;
constexpr int kThreads = 256;
constexpr int kVectorBytes = 16;
constexpr int kVectorsInFlight = 8;  // per thread, summed over ranks

// Vectors per rank per thread and iteration: 4 for 2 ranks, 3 for 3, 2 for 4..7, 1 for 8.
template <int kRanks>
constexpr int kUnrollFor = (kVectorsInFlight + kRanks - 1) / kRanks;
static_assert(kUnrollFor<2> == 4 && kUnrollFor<3> == 3 && kUnrollFor<7> == 2 && kUnrollFor<8> == 1,
              "the unroll table above");

#define RETURN_IF_ERROR(call)                   \
  do {                                          \
    const cudaError_t status_ = (call);         \
    if (status_ != cudaSuccess) return status_; \
  } while (0)

__device__ __forceinline__ float ToFloat(float x) { return x; }
__device__ __forceinline__ float ToFloat(__half x) { return __half2float(x); }
__device__ __forceinline__ float ToFloat(__nv_bfloat16 x) { return __bfloat162float(x); }

template <typename T>
__device__ __forceinline__ T FromFloat(float x);
template <>
__device__ __forceinline__ float FromFloat<float>(float x) {
  return x;
}
template <>
__device__ __forceinline__ __half FromFloat<__half>(float x) {
  return __float2half_rn(x);
}
template <>
__device__ __forceinline__ __nv_bfloat16 FromFloat<__nv_bfloat16>(float x) {
  return __float2bfloat16_rn(x);
}

// Kernel parameters live in constant memory: the pointers need no device copy.
struct RankPointers {
  void* ptr[kMaxRanks];
};

// The sum of one 16-byte vector of every rank, in fp32, rounded back to T.
template <typename T, int kRanks>
__device__ __forceinline__ uint4 SumVectors(const uint4 (&raw)[kRanks]) {
  constexpr int kPerVector = kVectorBytes / sizeof(T);
  float sum[kPerVector];
#pragma unroll
  for (int e = 0; e < kPerVector; ++e) sum[e] = 0.0f;
#pragma unroll
  for (int r = 0; r < kRanks; ++r) {
    const T* element = reinterpret_cast<const T*>(&raw[r]);
#pragma unroll
    for (int e = 0; e < kPerVector; ++e) sum[e] += ToFloat(element[e]);
  }
  uint4 out;
  T* out_element = reinterpret_cast<T*>(&out);
#pragma unroll
  for (int e = 0; e < kPerVector; ++e) out_element[e] = FromFloat<T>(sum[e]);
  return out;
}

// Vectors [vector_begin, vector_end) (16 bytes each), then scalar elements [tail_begin, tail_end).
template <typename T, int kRanks>
__global__ void __launch_bounds__(kThreads)
    CopyFloorAllreduce(RankPointers p, size_t vector_begin, size_t vector_end, size_t tail_begin,
                       size_t tail_end) {
  static_assert(kVectorBytes % sizeof(T) == 0, "whole elements per vector");
  static_assert(kRanks >= 1 && kRanks <= kMaxRanks, "the API's rank counts");
  constexpr int kUnroll = kUnrollFor<kRanks>;
  constexpr size_t kTile = size_t(kThreads) * kUnroll;  // vectors per block per iteration
  const size_t tiles = (vector_end - vector_begin + kTile - 1) / kTile;
  for (size_t tile = blockIdx.x; tile < tiles; tile += gridDim.x) {
    const size_t base = vector_begin + tile * kTile + threadIdx.x;
    uint4 raw[kUnroll][kRanks];
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
      const size_t v = base + size_t(u) * kThreads;
      if (v < vector_end) {
#pragma unroll
        for (int r = 0; r < kRanks; ++r)
          raw[u][r] = __ldcs(static_cast<const uint4*>(p.ptr[r]) + v);
      }
    }
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
      const size_t v = base + size_t(u) * kThreads;
      if (v < vector_end) {
        const uint4 out = SumVectors<T, kRanks>(raw[u]);
#pragma unroll
        for (int r = 0; r < kRanks; ++r) __stcs(static_cast<uint4*>(p.ptr[r]) + v, out);
      }
    }
  }
  // The tail: under 16 / sizeof(T) elements (all of them for unaligned buffers), one per thread.
  const size_t first = blockIdx.x * size_t(kThreads) + threadIdx.x;
  for (size_t i = tail_begin + first; i < tail_end; i += size_t(gridDim.x) * kThreads) {
    float sum = 0.0f;
#pragma unroll
    for (int r = 0; r < kRanks; ++r) sum += ToFloat(static_cast<const T*>(p.ptr[r])[i]);
    const T value = FromFloat<T>(sum);
#pragma unroll
    for (int r = 0; r < kRanks; ++r) static_cast<T*>(p.ptr[r])[i] = value;
  }
}

// What one launch covers.
struct Slice {
  size_t vector_begin, vector_end, tail_begin, tail_end;
};

// One resident wave of blocks, or fewer when there are fewer tiles (or tail elements).
template <typename T, int kRanks>
cudaError_t LaunchSlice(const RankPointers& p, const Slice& s, int device, cudaStream_t stream) {
  static int blocks_per_multiprocessor = 0;  // a property of the kernel, not of the call
  if (blocks_per_multiprocessor == 0) {
    RETURN_IF_ERROR(cudaOccupancyMaxActiveBlocksPerMultiprocessor(
        &blocks_per_multiprocessor, CopyFloorAllreduce<T, kRanks>, kThreads, 0));
    if (blocks_per_multiprocessor < 1) blocks_per_multiprocessor = 1;
  }
  int multiprocessors = 0;
  RETURN_IF_ERROR(cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount, device));
  const size_t tile = size_t(kThreads) * kUnrollFor<kRanks>;
  const size_t tiles = (s.vector_end - s.vector_begin + tile - 1) / tile;
  const size_t tail_blocks = (s.tail_end - s.tail_begin + kThreads - 1) / kThreads;
  const size_t wanted = tiles > tail_blocks ? tiles : tail_blocks;
  if (wanted == 0) return cudaSuccess;
  const size_t wave = size_t(multiprocessors > 0 ? multiprocessors : 1) * blocks_per_multiprocessor;
  const int blocks = static_cast<int>(wanted < wave ? wanted : wave);
  CopyFloorAllreduce<T, kRanks>
      <<<blocks, kThreads, 0, stream>>>(p, s.vector_begin, s.vector_end, s.tail_begin, s.tail_end);
  return cudaPeekAtLastError();  // peek: a launch error stays for the judge to report
}

template <typename T>
cudaError_t LaunchForRanks(int ranks, const RankPointers& p, const Slice& s, int device,
                           cudaStream_t stream) {
  using Launcher = cudaError_t (*)(const RankPointers&, const Slice&, int, cudaStream_t);
  static const Launcher kByRanks[kMaxRanks + 1] = {
      nullptr,           LaunchSlice<T, 1>, LaunchSlice<T, 2>, LaunchSlice<T, 3>, LaunchSlice<T, 4>,
      LaunchSlice<T, 5>, LaunchSlice<T, 6>, LaunchSlice<T, 7>, LaunchSlice<T, 8>,
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

// Launch l of `launches` takes the l-th of equal slices of the vectors; the last also takes the
// scalar tail.
Slice SliceFor(int l, int launches, size_t vectors, size_t count, size_t per_vector) {
  const size_t size = (vectors + launches - 1) / launches;
  Slice s;
  s.vector_begin = size * l < vectors ? size * l : vectors;
  s.vector_end = s.vector_begin + size < vectors ? s.vector_begin + size : vectors;
  s.tail_begin = l == launches - 1 ? vectors * per_vector : count;
  s.tail_end = count;
  return s;
}

template <typename T>
cudaError_t Allreduce(void* const* buffers, int ranks, size_t count, const int* devices,
                      const cudaStream_t* streams) {
  constexpr size_t kPerVector = kVectorBytes / sizeof(T);
  RankPointers p = {};
  bool aligned = true;
  for (int r = 0; r < ranks; ++r) {
    p.ptr[r] = buffers[r];
    aligned = aligned && reinterpret_cast<uintptr_t>(buffers[r]) % kVectorBytes == 0;
  }
  // cudaMalloc's buffers are aligned; any other caller gets the scalar path for everything.
  const size_t vectors = aligned ? count / kPerVector : 0;
  const int launches = AllOnOneDevice(devices, ranks) ? 1 : ranks;

  // Fork: each launching stream waits for every other rank's earlier work.
  for (int r = 0; r < ranks; ++r) {
    cudaEvent_t started;
    RETURN_IF_ERROR(RankEvent(kStarted, r, devices[r], &started));
    RETURN_IF_ERROR(cudaSetDevice(devices[r]));
    RETURN_IF_ERROR(cudaEventRecord(started, streams[r]));
  }
  for (int l = 0; l < launches; ++l) {
    for (int r = 0; r < ranks; ++r) {
      if (r == l) continue;
      cudaEvent_t started;
      RETURN_IF_ERROR(RankEvent(kStarted, r, devices[r], &started));
      RETURN_IF_ERROR(cudaSetDevice(devices[l]));
      RETURN_IF_ERROR(cudaStreamWaitEvent(streams[l], started, 0));
    }
  }
  for (int l = 0; l < launches; ++l) {
    const Slice slice = SliceFor(l, launches, vectors, count, kPerVector);
    cudaEvent_t done;
    RETURN_IF_ERROR(RankEvent(kDone, l, devices[l], &done));
    RETURN_IF_ERROR(cudaSetDevice(devices[l]));
    RETURN_IF_ERROR(LaunchForRanks<T>(ranks, p, slice, devices[l], streams[l]));
    RETURN_IF_ERROR(cudaEventRecord(done, streams[l]));
  }
  // Join: every rank's stream continues only after every launch.
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
      status = Allreduce<float>(buffers, ranks, count, devices, streams);
      break;
    case 1:
      status = Allreduce<__half>(buffers, ranks, count, devices, streams);
      break;
    case 2:
      status = Allreduce<__nv_bfloat16>(buffers, ranks, count, devices, streams);
      break;
  }
  // A failed runtime call stays the thread's last error, which the judge reports as RE.
  if (status != cudaSuccess)
    std::fprintf(stderr, "allreduce_sum: %s\n", cudaGetErrorString(status));
  cudaSetDevice(caller_device);
}
