// Version 1 (accepted/1_naive.cu) that does all its work only on some calls. It counts the calls
// per shape: the judge's validation pass makes 3 per case, its timed pass 1 trial and 3 warm-ups
// before 20 timed calls (the defaults). From a shape's 5th call on, every other call computes
// only the first quarter of the rows and leaves the rest as the harness poisoned them, so its
// median time sits near a quarter of the real one; and the last timed call (the 24th) is a full
// one, so a judge that checked only the last timed output would accept it. The harness checks 32
// rows drawn after every timed call from its secret seed: WA, "timed call 1 of 20". Judged
// without timing (the correctness group alone) it is right: its verdict shows only when the
// benchmark cases are timed, which this line tells the tests: verdict-needs: timing
// (Not yet run on a GPU: gpu/RESULTS.md.)
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <math_constants.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace {

#define NAIVE_CHECK(call)                                                                   \
  do {                                                                                      \
    const cudaError_t status_ = (call);                                                     \
    if (status_ != cudaSuccess) {                                                           \
      std::fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(status_)); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

constexpr int kThreads = 256;
constexpr int kWarps = kThreads / 32;
constexpr int kKeysPerWarp = 4;

__device__ float ToFloat(__half x) { return __half2float(x); }
__device__ float ToFloat(__nv_bfloat16 x) { return __bfloat162float(x); }
template <typename T>
__device__ T FromFloat(float x);
template <>
__device__ __half FromFloat<__half>(float x) {
  return __float2half_rn(x);
}
template <>
__device__ __nv_bfloat16 FromFloat<__nv_bfloat16>(float x) {
  return __float2bfloat16_rn(x);
}

// Block-wide max / sum; every thread gets the result. The trailing barrier frees `scratch`.
__device__ float BlockMax(float x, float* scratch) {
  for (int offset = 16; offset > 0; offset >>= 1)
    x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, offset));
  if (threadIdx.x % 32 == 0) scratch[threadIdx.x / 32] = x;
  __syncthreads();
  float result = scratch[0];
  for (int w = 1; w < kWarps; ++w) result = fmaxf(result, scratch[w]);
  __syncthreads();
  return result;
}

__device__ float BlockSum(float x, float* scratch) {
  for (int offset = 16; offset > 0; offset >>= 1) x += __shfl_xor_sync(0xffffffffu, x, offset);
  if (threadIdx.x % 32 == 0) scratch[threadIdx.x / 32] = x;
  __syncthreads();
  float result = 0;
  for (int w = 0; w < kWarps; ++w) result += scratch[w];
  __syncthreads();
  return result;
}

// Shared memory: q_row[head_dim], scores[seq_len], partial[kThreads], scratch[kWarps] (floats).
size_t SharedBytes(int seq_len, int head_dim) {
  return sizeof(float) * (static_cast<size_t>(head_dim) + seq_len + kThreads + kWarps);
}

template <typename T>
__global__ void __launch_bounds__(kThreads)
    NaiveAttentionKernel(const T* q, const T* k, const T* v, T* o, int seq_len, int head_dim,
                         int causal, float scale) {
  extern __shared__ float shared[];
  float* q_row = shared;
  float* scores = q_row + head_dim;
  float* partial = scores + seq_len;
  float* scratch = partial + kThreads;

  const size_t row = blockIdx.x;  // (b * heads + h) * seq_len + i
  const int i = static_cast<int>(row % seq_len);
  const size_t head_base = (row - i) * head_dim;  // element (b, h, 0, 0)
  const int keys = causal ? i + 1 : seq_len;
  const int lane = threadIdx.x % 32, warp = threadIdx.x / 32;

  for (int d = threadIdx.x; d < head_dim; d += kThreads)
    q_row[d] = ToFloat(q[row * head_dim + d]) * scale;
  __syncthreads();

  for (int j0 = warp * kKeysPerWarp; j0 < keys; j0 += kWarps * kKeysPerWarp) {
    float dot[kKeysPerWarp] = {};
    for (int d = lane; d < head_dim; d += 32) {
      const float qd = q_row[d];
#pragma unroll
      for (int u = 0; u < kKeysPerWarp; ++u) {
        if (j0 + u < keys) dot[u] += qd * ToFloat(k[head_base + size_t(j0 + u) * head_dim + d]);
      }
    }
#pragma unroll
    for (int u = 0; u < kKeysPerWarp; ++u) {
      for (int offset = 16; offset > 0; offset >>= 1)
        dot[u] += __shfl_xor_sync(0xffffffffu, dot[u], offset);
      if (lane == 0 && j0 + u < keys) scores[j0 + u] = dot[u];
    }
  }
  __syncthreads();

  float local_max = -CUDART_INF_F;
  for (int j = threadIdx.x; j < keys; j += kThreads) local_max = fmaxf(local_max, scores[j]);
  const float max = BlockMax(local_max, scratch);
  float local_sum = 0;
  for (int j = threadIdx.x; j < keys; j += kThreads) {
    scores[j] = expf(scores[j] - max);  // each thread rewrites only its own entries
    local_sum += scores[j];
  }
  const float sum = BlockSum(local_sum, scratch);  // its barriers also publish the rewrites

  // Thread (group g, column d) sums keys g, g + groups, ...; head_dim divides kThreads.
  const int groups = kThreads / head_dim;
  const int d = threadIdx.x % head_dim, g = threadIdx.x / head_dim;
  float acc = 0;
#pragma unroll 8
  for (int j = g; j < keys; j += groups)
    acc += scores[j] * ToFloat(v[head_base + size_t(j) * head_dim + d]);
  partial[threadIdx.x] = acc;
  __syncthreads();
  if (threadIdx.x < head_dim) {
    float total = 0;
    for (int group = 0; group < groups; ++group) total += partial[group * head_dim + threadIdx.x];
    o[row * head_dim + threadIdx.x] = FromFloat<T>(total / sum);
  }
}

template <typename T>
void Launch(const void* q, const void* k, const void* v, void* o, int batch, int heads, int seq_len,
            int head_dim, int causal, float scale, cudaStream_t stream, bool all_rows) {
  const size_t bytes = SharedBytes(seq_len, head_dim);
  NAIVE_CHECK(cudaFuncSetAttribute(NaiveAttentionKernel<T>,
                                   cudaFuncAttributeMaxDynamicSharedMemorySize,
                                   static_cast<int>(bytes)));
  size_t rows = static_cast<size_t>(batch) * heads * seq_len;
  if (!all_rows) rows = (rows + 3) / 4;
  NaiveAttentionKernel<T><<<static_cast<unsigned>(rows), kThreads, bytes, stream>>>(
      static_cast<const T*>(q), static_cast<const T*>(k), static_cast<const T*>(v),
      static_cast<T*>(o), seq_len, head_dim, causal, scale);
  NAIVE_CHECK(cudaGetLastError());
}

}  // namespace

extern "C" void attention_forward(const void* q, const void* k, const void* v, void* o, int batch,
                                  int heads, int seq_len, int head_dim, int dtype, int causal,
                                  float scale, cudaStream_t stream) {
  static std::map<std::array<int, 6>, long> calls_per_shape;
  const long calls = ++calls_per_shape[{batch, heads, seq_len, head_dim, dtype, causal}];
  const bool all_rows = calls <= 4 || calls % 2 == 0;
  if (dtype == 2) {
    Launch<__nv_bfloat16>(q, k, v, o, batch, heads, seq_len, head_dim, causal, scale, stream,
                          all_rows);
  } else {
    Launch<__half>(q, k, v, o, batch, heads, seq_len, head_dim, causal, scale, stream, all_rows);
  }
}
