// Host run of 5_copy_floor.cu's kernel and slicing (kernel.inc, cut by cut_kernel.py): every thread
// of every block run in turn (the kernel has no barriers and no thread touches another's
// elements), over the judge's correctness counts and more, with one launch (one GPU) and with one
// slice per rank (several GPUs), with a full wave and with a 2-block wave (grid-stride). Exact
// check.
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <vector_types.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <vector>
#undef __global__
#undef __device__
#undef __host__
#undef __forceinline__
#define __global__
#define __device__
#define __host__
#define __forceinline__
#define __launch_bounds__(...)
struct Dim3 {
  unsigned x = 0, y = 0, z = 0;
};
Dim3 threadIdx, blockIdx, gridDim;
uint4 __ldcs(const uint4* p) { return *p; }
void __stcs(uint4* p, uint4 v) { *p = v; }

#include "kernel.inc"

namespace {
template <typename T, int kRanks>
void RunSlice(const RankPointers& p, const Slice& s, size_t wave) {
  const size_t tile = size_t(kThreads) * kUnrollFor<kRanks>;
  const size_t tiles = (s.vector_end - s.vector_begin + tile - 1) / tile;
  const size_t tail_blocks = (s.tail_end - s.tail_begin + kThreads - 1) / kThreads;
  const size_t wanted = tiles > tail_blocks ? tiles : tail_blocks;
  if (wanted == 0) return;
  gridDim = {unsigned(wanted < wave ? wanted : wave), 1, 1};
  for (unsigned b = 0; b < gridDim.x; ++b)
    for (unsigned t = 0; t < kThreads; ++t) {
      blockIdx = {b, 0, 0};
      threadIdx = {t, 0, 0};
      CopyFloorAllreduce<T, kRanks>(p, s.vector_begin, s.vector_end, s.tail_begin, s.tail_end);
    }
}

template <typename T>
float F(T x) {
  return float(x);
}
template <>
float F<float>(float x) {
  return x;
}

template <typename T, int kRanks>
bool Check(size_t count, int launches, size_t wave, std::mt19937& rng) {
  std::vector<std::vector<T>> buf(kRanks, std::vector<T>(count));
  std::vector<float> want(count, 0.0f);
  std::uniform_int_distribution<int> value(-8, 8);
  for (int r = 0; r < kRanks; ++r)
    for (size_t i = 0; i < count; ++i) {
      const int x = value(rng);
      buf[r][i] = T(float(x));
      want[i] += float(x);
    }
  RankPointers p = {};
  for (int r = 0; r < kRanks; ++r) p.ptr[r] = buf[r].data();  // std::vector: 16-byte aligned here
  constexpr size_t kPerVector = kVectorBytes / sizeof(T);
  const size_t vectors = count / kPerVector;
  for (int l = 0; l < launches; ++l)
    RunSlice<T, kRanks>(p, SliceFor(l, launches, vectors, count, kPerVector), wave);
  for (int r = 0; r < kRanks; ++r)
    for (size_t i = 0; i < count; ++i)
      if (F(buf[r][i]) != want[i]) {
        std::printf(
            "FAIL %d ranks, count %zu, %d launches, wave %zu, size %zu: rank %d element %zu got %g "
            "want %g\n",
            kRanks, count, launches, wave, sizeof(T), r, i, F(buf[r][i]), want[i]);
        return false;
      }
  return true;
}

template <typename T, int kRanks>
int CheckAll(std::mt19937& rng) {
  int failed = 0, runs = 0;
  const size_t counts[] = {1, 2, 3, 7, 8, 9, 15, 16, 17, 255, 1000, 4097, 8191, 70001, 1048579};
  for (size_t count : counts)
    for (int launches : {1, kRanks})
      for (size_t wave : {size_t(2), size_t(132 * 3)}) {
        failed += Check<T, kRanks>(count, launches, wave, rng) ? 0 : 1;
        ++runs;
      }
  std::printf("%d ranks, %zu-byte elements: %d of %d runs failed\n", kRanks, sizeof(T), failed,
              runs);
  return failed;
}

template <typename T>
int CheckType(std::mt19937& rng) {
  return CheckAll<T, 2>(rng) + CheckAll<T, 3>(rng) + CheckAll<T, 4>(rng) + CheckAll<T, 5>(rng) +
         CheckAll<T, 6>(rng) + CheckAll<T, 7>(rng) + CheckAll<T, 8>(rng);
}
}  // namespace

int main() {
  std::mt19937 rng(7);
  const int failed = CheckType<float>(rng) + CheckType<__half>(rng) + CheckType<__nv_bfloat16>(rng);
  std::printf("%s\n", failed ? "FAILED" : "all exact");
  return failed ? 1 : 0;
}
