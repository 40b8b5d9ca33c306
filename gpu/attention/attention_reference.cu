// One thread block per query row (b, h, i), kThreads threads:
//   1. q_i into shared memory; each warp takes four keys at a time, its lanes split head_dim, and
//      writes s_j = fp32(scale * q_i . k_j) with the dot product in fp64 (exact: the inputs are
//      16-bit values in small ranges, so every product and partial sum fits fp64's mantissa);
//   2. block-wide max and sums of exp(s_j - max) in fp64, for the exact softmax and for the
//      same-precision one on scores rounded to the dtype (rounding is monotonic, so the max of the
//      rounded scores is the rounded max);
//   3. the row's probabilities replace its scores (fp32), the same-precision ones (rounded to the
//      dtype) go beside them;
//   4. threads split head_dim x key groups for PV in fp64, then sum the groups.
// Shared memory: 8*D + 4*S + 2*S bytes plus reduction space: about 100 KiB at S = 16384.
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <math_constants.h>

#include <stdexcept>
#include <string>

#include "gpu/attention/attention_reference.h"
#include "gpu/harness/cuda_check.h"

namespace judge::gpu {
namespace {

constexpr int kThreads = 256;
constexpr int kWarps = kThreads / 32;
constexpr int kKeysPerWarpStep = 4;

__device__ double ToDouble(__half x) { return __half2float(x); }
__device__ double ToDouble(__nv_bfloat16 x) { return __bfloat162float(x); }

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

// Rounds to the dtype through fp32, as RoundTo(type, float(x)) does on the CPU.
template <typename T>
__device__ double RoundedTo(double x) {
  return ToDouble(FromFloat<T>(static_cast<float>(x)));
}

// Block-wide reductions: every thread gets the result. `scratch` holds kWarps doubles; the
// trailing barrier lets the next reduction reuse it.
__device__ double BlockMax(double x, double* scratch) {
  for (int offset = 16; offset > 0; offset >>= 1)
    x = fmax(x, __shfl_xor_sync(0xffffffffu, x, offset));
  if (threadIdx.x % 32 == 0) scratch[threadIdx.x / 32] = x;
  __syncthreads();
  double result = scratch[0];
  for (int w = 1; w < kWarps; ++w) result = fmax(result, scratch[w]);
  __syncthreads();
  return result;
}

__device__ double BlockSum(double x, double* scratch) {
  for (int offset = 16; offset > 0; offset >>= 1) x += __shfl_xor_sync(0xffffffffu, x, offset);
  if (threadIdx.x % 32 == 0) scratch[threadIdx.x / 32] = x;
  __syncthreads();
  double result = 0;
  for (int w = 0; w < kWarps; ++w) result += scratch[w];
  __syncthreads();
  return result;
}

struct SharedLayout {
  size_t q_row, partial, scratch, scores, same_p, bytes;  // byte offsets into shared memory
};

// Doubles first, then floats, then 16-bit values, so that every array is aligned.
__host__ __device__ SharedLayout LayoutFor(int seq_len, int head_dim) {
  SharedLayout l;
  l.q_row = 0;
  l.partial = l.q_row + sizeof(double) * head_dim;
  l.scratch = l.partial + sizeof(double) * 2 * kThreads;
  l.scores = l.scratch + sizeof(double) * kWarps;
  l.same_p = l.scores + sizeof(float) * seq_len;
  l.bytes = l.same_p + 2 * static_cast<size_t>(seq_len);
  return l;
}

template <typename T>
__global__ void __launch_bounds__(kThreads)
    ReferenceRowKernel(const T* q, const T* k, const T* v, const unsigned long long* rows,
                       float* reference, float* same_precision, int seq_len, int head_dim,
                       int causal, double scale) {
  extern __shared__ __align__(16) unsigned char shared[];
  const SharedLayout layout = LayoutFor(seq_len, head_dim);
  double* q_row = reinterpret_cast<double*>(shared + layout.q_row);
  double* partial = reinterpret_cast<double*>(shared + layout.partial);
  double* scratch = reinterpret_cast<double*>(shared + layout.scratch);
  float* scores = reinterpret_cast<float*>(shared + layout.scores);
  T* same_p = reinterpret_cast<T*>(shared + layout.same_p);

  // (b * heads + h) * seq_len + i; its output goes to row `out_row` of reference, same_precision.
  const size_t out_row = blockIdx.x;
  const size_t row = rows ? static_cast<size_t>(rows[blockIdx.x]) : out_row;
  const int i = static_cast<int>(row % seq_len);
  const size_t head_base = (row - i) * head_dim;  // element (b, h, 0, 0)
  const int keys = causal ? i + 1 : seq_len;
  const int lane = threadIdx.x % 32, warp = threadIdx.x / 32;

  for (int d = threadIdx.x; d < head_dim; d += kThreads) q_row[d] = ToDouble(q[row * head_dim + d]);
  __syncthreads();

  // 1. Scores, four keys per warp at a time so that each lane has several loads in flight.
  for (int j0 = warp * kKeysPerWarpStep; j0 < keys; j0 += kWarps * kKeysPerWarpStep) {
    double dot[kKeysPerWarpStep] = {};
    for (int d = lane; d < head_dim; d += 32) {
      const double qd = q_row[d];
#pragma unroll
      for (int u = 0; u < kKeysPerWarpStep; ++u) {
        if (j0 + u < keys) dot[u] += qd * ToDouble(k[head_base + size_t(j0 + u) * head_dim + d]);
      }
    }
#pragma unroll
    for (int u = 0; u < kKeysPerWarpStep; ++u) {
      for (int offset = 16; offset > 0; offset >>= 1)
        dot[u] += __shfl_xor_sync(0xffffffffu, dot[u], offset);
      if (lane == 0 && j0 + u < keys) scores[j0 + u] = static_cast<float>(scale * dot[u]);
    }
  }
  __syncthreads();

  // 2. Softmax statistics, exact and same-precision.
  double local_max = -CUDART_INF;
  for (int j = threadIdx.x; j < keys; j += kThreads) local_max = fmax(local_max, double(scores[j]));
  const double max_exact = BlockMax(local_max, scratch);
  const double max_same = RoundedTo<T>(max_exact);
  double sum_exact = 0, sum_same = 0;
  for (int j = threadIdx.x; j < keys; j += kThreads) {
    sum_exact += exp(double(scores[j]) - max_exact);
    sum_same += exp(RoundedTo<T>(scores[j]) - max_same);
  }
  sum_exact = BlockSum(sum_exact, scratch);
  sum_same = BlockSum(sum_same, scratch);

  // 3. Probabilities. Each thread rewrites only the entries it read, so no barrier is needed
  // before the writes.
  for (int j = threadIdx.x; j < keys; j += kThreads) {
    const double s = scores[j];
    scores[j] = static_cast<float>(exp(s - max_exact) / sum_exact);
    same_p[j] = FromFloat<T>(static_cast<float>(exp(RoundedTo<T>(s) - max_same) / sum_same));
  }
  __syncthreads();

  // 4. PV: thread (group g, column d) sums keys j = g, g + groups, ...
  const int groups = kThreads / head_dim;  // head_dim divides kThreads (64 or 128)
  const int d = threadIdx.x % head_dim, g = threadIdx.x / head_dim;
  double acc_exact = 0, acc_same = 0;
#pragma unroll 8
  for (int j = g; j < keys; j += groups) {
    const double vj = ToDouble(v[head_base + size_t(j) * head_dim + d]);
    acc_exact += double(scores[j]) * vj;
    acc_same += ToDouble(same_p[j]) * vj;
  }
  partial[threadIdx.x] = acc_exact;
  partial[kThreads + threadIdx.x] = acc_same;
  __syncthreads();
  if (threadIdx.x < head_dim) {
    double exact = 0, same = 0;
    for (int group = 0; group < groups; ++group) {
      exact += partial[group * head_dim + threadIdx.x];
      same += partial[kThreads + group * head_dim + threadIdx.x];
    }
    reference[out_row * head_dim + threadIdx.x] = static_cast<float>(exact);
    same_precision[out_row * head_dim + threadIdx.x] = static_cast<float>(RoundedTo<T>(same));
  }
}

// rows: device array of `row_count` flat row indices, or null for every row (row_count of them).
template <typename T>
void Launch(const AttentionShape& shape, float scale, const void* q, const void* k, const void* v,
            const unsigned long long* rows, size_t row_count, float* reference,
            float* same_precision) {
  const size_t bytes = LayoutFor(shape.seq_len, shape.head_dim).bytes;
  int device = 0, optin = 0;
  CUDA_CHECK(cudaGetDevice(&device));
  CUDA_CHECK(cudaDeviceGetAttribute(&optin, cudaDevAttrMaxSharedMemoryPerBlockOptin, device));
  if (bytes > static_cast<size_t>(optin)) {
    throw std::runtime_error("attention reference: a row of " + std::to_string(shape.seq_len) +
                             " scores needs " + std::to_string(bytes) +
                             " bytes of shared memory; this device has " + std::to_string(optin));
  }
  CUDA_CHECK(cudaFuncSetAttribute(
      ReferenceRowKernel<T>, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(bytes)));
  ReferenceRowKernel<T><<<static_cast<unsigned>(row_count), kThreads, bytes>>>(
      static_cast<const T*>(q), static_cast<const T*>(k), static_cast<const T*>(v), rows, reference,
      same_precision, shape.seq_len, shape.head_dim, shape.causal ? 1 : 0,
      static_cast<double>(scale));
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
}

}  // namespace

void ComputeAttentionReferences(const AttentionShape& shape, float scale, const void* q,
                                const void* k, const void* v, float* reference,
                                float* same_precision) {
  const size_t rows = static_cast<size_t>(shape.batch) * shape.heads * shape.seq_len;
  if (shape.dtype == DType::kBF16) {
    Launch<__nv_bfloat16>(shape, scale, q, k, v, nullptr, rows, reference, same_precision);
  } else {
    Launch<__half>(shape, scale, q, k, v, nullptr, rows, reference, same_precision);
  }
}

void ComputeAttentionReferenceRows(const AttentionShape& shape, float scale, const void* q,
                                   const void* k, const void* v, const unsigned long long* rows,
                                   size_t row_count, float* reference, float* same_precision) {
  if (row_count == 0) return;
  if (shape.dtype == DType::kBF16) {
    Launch<__nv_bfloat16>(shape, scale, q, k, v, rows, row_count, reference, same_precision);
  } else {
    Launch<__half>(shape, scale, q, k, v, rows, row_count, reference, same_precision);
  }
}

}  // namespace judge::gpu
