// Attention forward, version 3: fused FlashAttention-2-style kernel on CUDA cores.
//
// A block of 128 threads owns kBr = 32 query rows of one (b, h). It walks the keys in tiles of
// kBc = 32: the K tile goes to shared memory, each thread computes 8 scores of its row, the row's
// running max m and sum l are updated (online softmax: when the max grows from m to m', the
// accumulator and l are rescaled by exp(m - m')), the probabilities go to shared memory, the V
// tile replaces the K tile, and each thread adds p * v into its slice of the row's output.
// No S x S matrix anywhere; causal blocks skip the key tiles past their last row; tail tiles
// (seq_len not a multiple of 32) are zero-filled and masked.
//
// Thread t: row r = t / 4 of the tile, lane c = t % 4 in the row; it scores keys c, c + 4, ...
// of each tile and owns output columns c, c + 4, ... (head_dim / 4 accumulators).
// All arithmetic in fp32 on CUDA cores: an estimated few to ~10 TFLOP/s on an H100 (unmeasured),
// limited by shared-memory loads (about one per FMA), with no S^2 traffic to HBM.
//
// Run: build/judge gpu run attention solutions/attention/accepted/3_flash_tiled.cu
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <math_constants.h>

#include <cstdio>
#include <cstdlib>

namespace {

constexpr int kBr = 32;          // query rows per block
constexpr int kBc = 32;          // keys per tile
constexpr int kLanesPerRow = 4;  // threads sharing one query row
constexpr int kThreads = kBr * kLanesPerRow;
constexpr int kKeysPerLane = kBc / kLanesPerRow;

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

// Max / sum over the 4 consecutive lanes of one row.
__device__ float RowMax(float x) {
  x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 1));
  return fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 2));
}
__device__ float RowSum(float x) {
  x += __shfl_xor_sync(0xffffffffu, x, 1);
  return x + __shfl_xor_sync(0xffffffffu, x, 2);
}

// rows x D of `src` (row-major, rows first_row.. of a [seq_len, D] head) into `tile` as floats
// times `factor`; rows past seq_len become zeros.
template <typename T, int D>
__device__ void LoadTile(float (*tile)[D + 1], const T* head, int first_row, int rows, int seq_len,
                         float factor) {
  for (int idx = threadIdx.x; idx < rows * D; idx += kThreads) {
    const int r = idx / D, d = idx % D, row = first_row + r;
    tile[r][d] = row < seq_len ? ToFloat(head[size_t(row) * D + d]) * factor : 0.0f;
  }
}

template <typename T, int D>
__global__ void __launch_bounds__(kThreads)
    FlashTiledKernel(const T* q, const T* k, const T* v, T* o, int seq_len, int causal,
                     float scale) {
  constexpr int kColsPerLane = D / kLanesPerRow;
  // +1 float per row: the 8 rows a warp reads at one column fall in 8 different banks.
  __shared__ float q_tile[kBr][D + 1];
  __shared__ float kv_tile[kBc][D + 1];  // the K tile, then the V tile
  __shared__ float p_tile[kBr][kBc + 1];

  const size_t head_offset = size_t(blockIdx.x) * seq_len * D;  // blockIdx.x = b * heads + h
  const int q0 = blockIdx.y * kBr;
  const int r = threadIdx.x / kLanesPerRow, c = threadIdx.x % kLanesPerRow;
  const int i = q0 + r;  // this thread's query row (may be past seq_len: computed, not written)

  LoadTile<T, D>(q_tile, q + head_offset, q0, kBr, seq_len, scale);
  float m = -CUDART_INF_F, l = 0.0f;
  float acc[kColsPerLane];
#pragma unroll
  for (int x = 0; x < kColsPerLane; ++x) acc[x] = 0.0f;

  const int key_end = causal ? min(seq_len, q0 + kBr) : seq_len;
  for (int k0 = 0; k0 < key_end; k0 += kBc) {
    __syncthreads();  // the previous V tile is no longer read (and the Q tile is in place)
    LoadTile<T, D>(kv_tile, k + head_offset, k0, kBc, seq_len, 1.0f);
    __syncthreads();

    float s[kKeysPerLane];
    float tile_max = -CUDART_INF_F;
#pragma unroll
    for (int u = 0; u < kKeysPerLane; ++u) {
      const int jj = c + kLanesPerRow * u, j = k0 + jj;
      float dot = 0.0f;
#pragma unroll 16
      for (int d = 0; d < D; ++d) dot += q_tile[r][d] * kv_tile[jj][d];
      const bool visible = j < seq_len && (!causal || j <= i);
      s[u] = visible ? dot : -CUDART_INF_F;
      tile_max = fmaxf(tile_max, s[u]);
    }
    const float m_new = fmaxf(m, RowMax(tile_max));
    // m_new is -inf only while a row has seen no key; then there is nothing to rescale.
    const float rescale = m_new == -CUDART_INF_F ? 1.0f : expf(m - m_new);
    float row_sum = 0.0f;
#pragma unroll
    for (int u = 0; u < kKeysPerLane; ++u) {
      const float p = s[u] == -CUDART_INF_F ? 0.0f : expf(s[u] - m_new);
      p_tile[r][c + kLanesPerRow * u] = p;
      row_sum += p;
    }
    l = l * rescale + RowSum(row_sum);
    m = m_new;
#pragma unroll
    for (int x = 0; x < kColsPerLane; ++x) acc[x] *= rescale;

    __syncthreads();  // K reads done, p_tile complete
    LoadTile<T, D>(kv_tile, v + head_offset, k0, kBc, seq_len, 1.0f);
    __syncthreads();
    for (int jj = 0; jj < kBc; ++jj) {
      const float p = p_tile[r][jj];
#pragma unroll
      for (int x = 0; x < kColsPerLane; ++x) acc[x] += p * kv_tile[jj][c + kLanesPerRow * x];
    }
  }
  if (i < seq_len) {
    T* out = o + head_offset + size_t(i) * D;
#pragma unroll
    for (int x = 0; x < kColsPerLane; ++x) out[c + kLanesPerRow * x] = FromFloat<T>(acc[x] / l);
  }
}

template <typename T, int D>
void Launch(const void* q, const void* k, const void* v, void* o, int batch, int heads, int seq_len,
            int causal, float scale, cudaStream_t stream) {
  const dim3 grid(static_cast<unsigned>(batch * heads), (seq_len + kBr - 1) / kBr);
  FlashTiledKernel<T, D><<<grid, kThreads, 0, stream>>>(
      static_cast<const T*>(q), static_cast<const T*>(k), static_cast<const T*>(v),
      static_cast<T*>(o), seq_len, causal, scale);
  const cudaError_t status = cudaGetLastError();
  if (status != cudaSuccess) {
    std::fprintf(stderr, "attention launch: %s\n", cudaGetErrorString(status));
    std::abort();
  }
}

template <typename T>
void LaunchFor(int head_dim, const void* q, const void* k, const void* v, void* o, int batch,
               int heads, int seq_len, int causal, float scale, cudaStream_t stream) {
  if (head_dim == 128) {
    Launch<T, 128>(q, k, v, o, batch, heads, seq_len, causal, scale, stream);
  } else {
    Launch<T, 64>(q, k, v, o, batch, heads, seq_len, causal, scale, stream);
  }
}

}  // namespace

extern "C" void attention_forward(const void* q, const void* k, const void* v, void* o, int batch,
                                  int heads, int seq_len, int head_dim, int dtype, int causal,
                                  float scale, cudaStream_t stream) {
  if (dtype == 2) {
    LaunchFor<__nv_bfloat16>(head_dim, q, k, v, o, batch, heads, seq_len, causal, scale, stream);
  } else {
    LaunchFor<__half>(head_dim, q, k, v, o, batch, heads, seq_len, causal, scale, stream);
  }
}
