// Attention forward, version 5: FlashAttention-2's design on mma.sync tensor-core instructions,
// with S, P and O in registers (no shared-memory round trip of scores or outputs per tile).
//
// UNVERIFIED: compiled and linked only, never run on a GPU (gpu/RESULTS.md). Its correctness rests
// on the fragment layouts written down below; no figure has been measured.
//
// Work split. One block (CTA) per (b, h, 128-row query block), 8 warps, each warp owning 16 query
// rows: exactly one m16 row tile of mma.m16n8k16, so the warp's Q (16 x head_dim), its S tile
// (16 x 64) and its O accumulator (16 x head_dim) all live in its registers. 8 warps of 16 rows,
// not FlashAttention-2's 4 warps of 32: with Q kept in registers, 32 rows per warp at head_dim 128
// would need 64 registers of Q plus 128 of O plus 64 of S, past the 255-register limit; with 16
// rows it is 32 + 64 + 32 (224 in all as compiled: one block of 256 threads per multiprocessor
// at head_dim 128, two at 64). 128 rows per block (not 64) halve the K/V loads per query row.
//
// Per key tile of kBc = 64 keys (the next tile's K and V already in flight by cp.async into the
// other of two shared-memory stages, so loads overlap the tile's math):
//   1. S = Q K^T: Q's A fragments from registers, K's B fragments by ldmatrix.x4 (K rows are B's
//      columns, so no transpose), fp32 accumulators;
//   2. online softmax on those accumulators: scores scaled by scale * log2(e) (so the exponential
//      is one ex2), masked with -inf where needed, running row max m and row sum l, the O
//      accumulators rescaled by exp2(m_old - m_new);
//   3. P converted to fp16/bf16 A fragments directly from the S accumulators (their layouts match,
//      see below), O += P V with V's B fragments by ldmatrix.x4.trans.
// At the end O / l is rounded to the dtype and written through shared memory with 16-byte stores.
//
// Masking is done only where it can matter: the last key tile when seq_len % 64 != 0 (keys past
// seq_len), and, when causal, the tiles that cross the diagonal (keys > the block's first row).
// Causal blocks never load the key tiles past their last row, and the grid is ordered heaviest
// first: the query-block index is the slowest grid dimension and reversed, so the blocks with the
// most key tiles start in the first wave and the short ones fill in at the end.
//
// Tails: rows of Q, K, V past seq_len are zero-filled by cp.async (src-size 0), scored like any
// other row, masked (keys) or not written (queries). Key tiles are visited in increasing order, so
// the first one holds key 0, which every row sees: after it each row's max is finite and no
// exp2(-inf - -inf) = NaN can arise later (a fully masked row of a later tile adds exactly 0).
//
// Resources (nvcc 13.0, sm_90, -Xptxas -v): 224 registers at head_dim 128, 128 at 64 (capped by
// __launch_bounds__ for two blocks per multiprocessor); no spills, no stack frame; 96 KiB of
// dynamic shared memory at 128, 48 KiB at 64.
//
// Estimated (not measured): a few hundred TFLOP/s on an H100/H200 at long sequences, around
// FlashAttention-2's figures (it uses the same instructions); below FlashAttention-3, which uses
// Hopper's wgmma and TMA. What may bind first: shared-memory bandwidth. Every warp reads the
// whole K and V tile through ldmatrix for its 16 rows: 32 KiB per warp per tile at head_dim 128,
// 256 KiB per block, about 2048 cycles at 128 bytes per cycle, against 1024 mma.sync per block per
// tile. FlashAttention-2's 32 rows per warp halve that (each B fragment feeds two m16 tiles), but
// then Q no longer fits in registers beside O and is re-read from shared memory; wgmma (sm_90a)
// reads B from shared memory without the register round trip.
//
// Run: build/judge gpu run attention solutions/attention/accepted/5_flash2.cu
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <math_constants.h>

#include <cstdint>
#include <cstdio>
#include <type_traits>

namespace {

constexpr int kWarps = 8;
constexpr int kThreads = kWarps * 32;
constexpr int kRowsPerWarp = 16;            // one m16 tile of mma.m16n8k16
constexpr int kBr = kWarps * kRowsPerWarp;  // query rows per block
constexpr int kBc = 64;                     // keys per tile
constexpr int kStages = 2;                  // K/V double buffer
constexpr int kElemsPerChunk = 8;           // 16 bytes of fp16/bf16: one cp.async, one ldmatrix row
constexpr float kLog2e = 1.4426950408889634f;
static_assert(kBr == 128, "the header's reasoning (registers, heaviest-first order) assumes 128");
static_assert(kBc % 16 == 0,
              "S's n8 tiles are taken in pairs (one ldmatrix.x4, one k16 step of PV)");

// ---------------------------------------------------------------------------------------------
// Shared-memory layout and its swizzle.
//
// A tile of R rows x D elements is stored row-major with rows of D * 2 bytes (128 or 256: a
// multiple of the 128 bytes that 32 four-byte banks span). Each row is cut into 16-byte chunks;
// logical chunk c of row r is stored at physical chunk  c ^ (r % 8)  of that row:
//   element (r, d) is at  r * D + (((d / 8) ^ (r % 8)) * 8) + d % 8.
// ldmatrix reads, in each of its four phases, eight 16-byte rows: eight consecutive tile rows
// (r % 8 = 0..7, since every row base below is a multiple of 8) at one logical chunk c. Their
// physical chunks c ^ 0 .. c ^ 7 are eight different values mod 8, i.e. eight different groups of
// four banks: no bank conflict. The cp.async writes (8 consecutive threads: one row, 8 adjacent
// chunks, permuted within their aligned group of 8) and the epilogue's writes are conflict-free
// for the same reason.
// ---------------------------------------------------------------------------------------------
template <int D>
__device__ __forceinline__ int SwizzledOffset(int row, int chunk) {
  static_assert(D % 64 == 0, "rows must span whole 128-byte bank lines for the XOR swizzle");
  return row * D + ((chunk ^ (row % 8)) * kElemsPerChunk);
}

template <int D>
struct SharedLayout {
  static_assert(D == 64 || D == 128, "the problem's head dims");
  static constexpr int kTileQ = kBr * D;  // elements
  static constexpr int kTileKv = kBc * D;
  // Q, then per stage K then V.
  static constexpr int kQ = 0;
  __host__ __device__ static constexpr int kK(int stage) { return kTileQ + stage * 2 * kTileKv; }
  __host__ __device__ static constexpr int kV(int stage) {
    return kTileQ + stage * 2 * kTileKv + kTileKv;
  }
  static constexpr size_t kBytes = 2 * size_t(kTileQ + kStages * 2 * kTileKv);
  static_assert(kBytes <= 227 * 1024, "over the H100/H200 per-block shared-memory limit");
  static_assert((2 * kTileKv) % 128 == 0, "every tile starts on a 128-byte line");
};

// ---------------------------------------------------------------------------------------------
// PTX wrappers.
// ---------------------------------------------------------------------------------------------
__device__ __forceinline__ uint32_t SharedAddress(const void* p) {
  return static_cast<uint32_t>(__cvta_generic_to_shared(p));
}

// 16 bytes global -> shared, bypassing L1 (.cg); src_bytes 0 writes 16 zero bytes, reads nothing.
__device__ __forceinline__ void CpAsync16(uint32_t dst, const void* src, int src_bytes) {
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(dst), "l"(src),
               "r"(src_bytes)
               : "memory");
}
__device__ __forceinline__ void CpAsyncCommit() {
  asm volatile("cp.async.commit_group;\n" ::: "memory");
}
__device__ __forceinline__ void CpAsyncWaitAll() {
  asm volatile("cp.async.wait_group 0;\n" ::: "memory");
}

// ldmatrix.x4: lanes 8i .. 8i+7 give the addresses of the 8 rows (16 bytes each) of matrix i;
// register i of lane l receives row l / 4, elements 2 (l % 4) and 2 (l % 4) + 1 of matrix i
// (the lower-indexed element in the low 16 bits).
__device__ __forceinline__ void LdMatrixX4(uint32_t (&r)[4], uint32_t address) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0, %1, %2, %3}, [%4];\n"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(address)
               : "memory");
}
// .trans: register i of lane l receives elements (2 (l % 4), l / 4) and (2 (l % 4) + 1, l / 4)
// of matrix i (row, column), i.e. a column pair of the stored matrix.
__device__ __forceinline__ void LdMatrixX4Trans(uint32_t (&r)[4], uint32_t address) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0, %1, %2, %3}, [%4];\n"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(address)
               : "memory");
}

// mma.sync.aligned.m16n8k16.row.col, fp32 accumulators, D = A B + D. With g = lane / 4 and
// t = lane % 4 (PTX ISA, "Matrix Fragments for mma.m16n8k16"):
//   A (16 x 16, row-major), 4 registers of 2 elements (columns c, c + 1 in low, high half; the
//   ISA numbers the elements a0..a7, two per register; a0..a3 below name the registers):
//     a0: row g,     columns 2t, 2t+1        a2: row g,     columns 2t+8, 2t+9
//     a1: row g + 8, columns 2t, 2t+1        a3: row g + 8, columns 2t+8, 2t+9
//   B (16 x 8, k x n), 2 registers of 2 elements (rows k, k + 1):
//     b0: rows 2t, 2t+1 of column g          b1: rows 2t+8, 2t+9 of column g
//   C/D (16 x 8 floats):
//     c0, c1: row g,     columns 2t, 2t+1    c2, c3: row g + 8, columns 2t, 2t+1
template <typename T>
__device__ __forceinline__ void Mma16816(float (&c)[4], const uint32_t (&a)[4], uint32_t b0,
                                         uint32_t b1) {
  if constexpr (std::is_same<T, __half>::value) {
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0, %1, %2, %3}, {%4, %5, %6, %7}, "
        "{%8, %9}, {%0, %1, %2, %3};\n"
        : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
  } else {
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0, %1, %2, %3}, {%4, %5, %6, %7}, "
        "{%8, %9}, {%0, %1, %2, %3};\n"
        : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
  }
}

// Two floats to one register of two fp16/bf16, x in the low half (the lower column index).
template <typename T>
__device__ __forceinline__ uint32_t PackPair(float x, float y) {
  if constexpr (std::is_same<T, __half>::value) {
    const __half2 h = __floats2half2_rn(x, y);
    return *reinterpret_cast<const uint32_t*>(&h);
  } else {
    const __nv_bfloat162 h = __floats2bfloat162_rn(x, y);
    return *reinterpret_cast<const uint32_t*>(&h);
  }
}

// 2^x on the special-function unit; ex2.approx(-inf) = +0, which the masking relies on.
__device__ __forceinline__ float Exp2(float x) {
  float y;
  asm("ex2.approx.ftz.f32 %0, %1;\n" : "=f"(y) : "f"(x));
  return y;
}

// Max and sum over the 4 lanes (t = 0..3) that share a row g of an accumulator fragment.
__device__ __forceinline__ float QuadMax(float x) {
  x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 1));
  return fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 2));
}
__device__ __forceinline__ float QuadSum(float x) {
  x += __shfl_xor_sync(0xffffffffu, x, 1);
  return x + __shfl_xor_sync(0xffffffffu, x, 2);
}

// ---------------------------------------------------------------------------------------------
// Tile loads: kRows x D elements, rows first_row.. of a [seq_len, D] head, into a swizzled tile.
// Rows past seq_len are zero-filled (cp.async src-size 0; the source address is then the head's
// first row, valid but unread). Every thread issues the same number of copies.
// ---------------------------------------------------------------------------------------------
template <int kRows, int D, typename T>
__device__ __forceinline__ void LoadTileAsync(T* tile, const T* head, int first_row, int seq_len) {
  constexpr int kChunksPerRow = D / kElemsPerChunk;
  constexpr int kChunks = kRows * kChunksPerRow;
  static_assert(kChunks % kThreads == 0, "every thread copies the same number of chunks");
#pragma unroll
  for (int it = 0; it < kChunks / kThreads; ++it) {
    const int index = it * kThreads + threadIdx.x;
    const int row = index / kChunksPerRow, chunk = index % kChunksPerRow;
    const int global_row = first_row + row;
    const bool inside = global_row < seq_len;
    const T* src = head + (inside ? size_t(global_row) * D + chunk * kElemsPerChunk : 0);
    CpAsync16(SharedAddress(tile + SwizzledOffset<D>(row, chunk)), src, inside ? 16 : 0);
  }
}

// ---------------------------------------------------------------------------------------------
// The kernel. Grid: x = b * heads + h, y = reversed query-block index (heaviest first).
// ---------------------------------------------------------------------------------------------
template <typename T, int D>
__global__ void __launch_bounds__(kThreads, D == 64 ? 2 : 1)
    Flash2Kernel(const T* __restrict__ q, const T* __restrict__ k, const T* __restrict__ v,
                 T* __restrict__ o, int seq_len, int causal, float scale_log2) {
  using L = SharedLayout<D>;
  constexpr int kDSteps = D / 16;      // k16 steps of S = Q K^T; also d pairs of n8 tiles of O
  constexpr int kKeyPairs = kBc / 16;  // pairs of n8 key tiles of S; also k16 steps of P V
  constexpr int kSTiles = kBc / 8;     // n8 tiles of S per warp
  constexpr int kOTiles = D / 8;       // n8 tiles of O per warp
  static_assert(kDSteps * 16 == D && kKeyPairs * 16 == kBc, "whole k16 steps");

  extern __shared__ __align__(128) unsigned char shared_bytes[];
  T* const shared = reinterpret_cast<T*>(shared_bytes);
  T* const q_s = shared + L::kQ;

  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int g = lane / 4, t = lane % 4;               // the fragment coordinates above
  const int ld_matrix = lane / 8, ld_row = lane % 8;  // ldmatrix: which matrix this lane addresses

  const int q_blocks = static_cast<int>(gridDim.y);
  const int q_block = q_blocks - 1 - static_cast<int>(blockIdx.y);  // heaviest first
  const int q0 = q_block * kBr;
  const size_t head_offset = size_t(blockIdx.x) * size_t(seq_len) * D;
  const T* const q_head = q + head_offset;
  const T* const k_head = k + head_offset;
  const T* const v_head = v + head_offset;

  // Key tiles this block visits: all, or (causal) up to the one holding its last row.
  const int key_tiles = (seq_len + kBc - 1) / kBc;
  const int last_row = min(q0 + kBr - 1, seq_len - 1);
  const int tiles = causal ? min(key_tiles, last_row / kBc + 1) : key_tiles;

  // Prologue: Q and the first K/V tile in one group; Q goes to registers before the loop.
  LoadTileAsync<kBr, D>(q_s, q_head, q0, seq_len);
  LoadTileAsync<kBc, D>(shared + L::kK(0), k_head, 0, seq_len);
  LoadTileAsync<kBc, D>(shared + L::kV(0), v_head, 0, seq_len);
  CpAsyncCommit();
  CpAsyncWaitAll();
  __syncthreads();

  // Q's A fragments, one per k16 step over d. ldmatrix.x4 matrix i = lane / 8 covers rows
  // (i % 2) * 8 .. +7 of the warp's 16 and columns (i / 2) * 8 .. +7 of the step's 16, so its
  // register i is exactly a_i of the A layout (a0: rows 0-7 cols 0-7, a1: rows 8-15 cols 0-7,
  // a2: rows 0-7 cols 8-15, a3: rows 8-15 cols 8-15).
  uint32_t q_frag[kDSteps][4];
#pragma unroll
  for (int kd = 0; kd < kDSteps; ++kd) {
    const int row = warp * kRowsPerWarp + (ld_matrix % 2) * 8 + ld_row;
    const int chunk = kd * 2 + ld_matrix / 2;
    LdMatrixX4(q_frag[kd], SharedAddress(q_s + SwizzledOffset<D>(row, chunk)));
  }

  // This thread's two rows (g and g + 8 of the warp's 16): running max (in the log2 domain of
  // scale_log2 * s), and its partial row sum over the columns it holds (summed over the quad at
  // the end: the rescale factors are the same on the quad's four lanes).
  const int row_lo = q0 + warp * kRowsPerWarp + g, row_hi = row_lo + 8;
  float m_lo = -CUDART_INF_F, m_hi = -CUDART_INF_F;
  float l_lo = 0.0f, l_hi = 0.0f;
  float o_acc[kOTiles][4];
#pragma unroll
  for (int n = 0; n < kOTiles; ++n) o_acc[n][0] = o_acc[n][1] = o_acc[n][2] = o_acc[n][3] = 0.0f;

  for (int tile = 0; tile < tiles; ++tile) {
    const int stage = tile % kStages;
    const int k0 = tile * kBc;
    // This thread's copies of tile `tile` are done; the barrier makes everyone's visible and
    // guarantees every warp has finished tile - 1, whose stage the next load overwrites.
    CpAsyncWaitAll();
    __syncthreads();
    if (tile + 1 < tiles) {
      const int next = (tile + 1) % kStages;
      LoadTileAsync<kBc, D>(shared + L::kK(next), k_head, k0 + kBc, seq_len);
      LoadTileAsync<kBc, D>(shared + L::kV(next), v_head, k0 + kBc, seq_len);
    }
    CpAsyncCommit();
    const T* const k_s = shared + L::kK(stage);
    const T* const v_s = shared + L::kV(stage);

    // 1. S = Q K^T (16 x kBc per warp). For key pair jp and step kd, ldmatrix.x4 matrix i covers
    // keys jp*16 + (i / 2) * 8 .. +7 (rows of K = columns n of B) and d columns kd*16 + (i % 2) * 8
    // .. +7 (k of B). Non-transposed, lane l gets key l/4 and d pair 2(l%4): that is B's b0
    // (i = 0, 2) or b1 (i = 1, 3) for n8 tile 2jp (i < 2) or 2jp + 1 (i >= 2).
    float s_acc[kSTiles][4];
#pragma unroll
    for (int n = 0; n < kSTiles; ++n) s_acc[n][0] = s_acc[n][1] = s_acc[n][2] = s_acc[n][3] = 0.0f;
#pragma unroll
    for (int kd = 0; kd < kDSteps; ++kd) {
#pragma unroll
      for (int jp = 0; jp < kKeyPairs; ++jp) {
        uint32_t b[4];
        const int key = jp * 16 + (ld_matrix / 2) * 8 + ld_row;
        const int chunk = kd * 2 + ld_matrix % 2;
        LdMatrixX4(b, SharedAddress(k_s + SwizzledOffset<D>(key, chunk)));
        Mma16816<T>(s_acc[2 * jp], q_frag[kd], b[0], b[1]);
        Mma16816<T>(s_acc[2 * jp + 1], q_frag[kd], b[2], b[3]);
      }
    }

    // 2. Online softmax. Element e of n8 tile n is row (e < 2 ? g : g + 8), key
    // k0 + 8n + 2t + e % 2. Scores go to the log2 domain: x = s * scale * log2(e), so that
    // exp(scale * (s - s_max)) = exp2(x - x_max).
    const bool tail_tile = k0 + kBc > seq_len;
    const bool diagonal_tile = causal && k0 + kBc - 1 > q0;
#pragma unroll
    for (int n = 0; n < kSTiles; ++n) {
#pragma unroll
      for (int e = 0; e < 4; ++e) s_acc[n][e] *= scale_log2;
    }
    if (tail_tile || diagonal_tile) {  // uniform over the block
#pragma unroll
      for (int n = 0; n < kSTiles; ++n) {
#pragma unroll
        for (int e = 0; e < 4; ++e) {
          const int key = k0 + n * 8 + 2 * t + e % 2;
          const int row = e < 2 ? row_lo : row_hi;
          if (key >= seq_len || (causal && key > row)) s_acc[n][e] = -CUDART_INF_F;
        }
      }
    }
    float tile_max_lo = -CUDART_INF_F, tile_max_hi = -CUDART_INF_F;
#pragma unroll
    for (int n = 0; n < kSTiles; ++n) {
      tile_max_lo = fmaxf(tile_max_lo, fmaxf(s_acc[n][0], s_acc[n][1]));
      tile_max_hi = fmaxf(tile_max_hi, fmaxf(s_acc[n][2], s_acc[n][3]));
    }
    // Finite from tile 0 on (key 0 is seen by every row), so m_old - m_new is never -inf - -inf;
    // on tile 0 it is -inf - finite, and exp2 gives the 0 that O and l (both 0) need.
    const float m_new_lo = fmaxf(m_lo, QuadMax(tile_max_lo));
    const float m_new_hi = fmaxf(m_hi, QuadMax(tile_max_hi));
    const float rescale_lo = Exp2(m_lo - m_new_lo), rescale_hi = Exp2(m_hi - m_new_hi);
    m_lo = m_new_lo;
    m_hi = m_new_hi;
    float sum_lo = 0.0f, sum_hi = 0.0f;
#pragma unroll
    for (int n = 0; n < kSTiles; ++n) {
      s_acc[n][0] = Exp2(s_acc[n][0] - m_lo);
      s_acc[n][1] = Exp2(s_acc[n][1] - m_lo);
      s_acc[n][2] = Exp2(s_acc[n][2] - m_hi);
      s_acc[n][3] = Exp2(s_acc[n][3] - m_hi);
      sum_lo += s_acc[n][0] + s_acc[n][1];
      sum_hi += s_acc[n][2] + s_acc[n][3];
    }
    l_lo = l_lo * rescale_lo + sum_lo;
    l_hi = l_hi * rescale_hi + sum_hi;
#pragma unroll
    for (int n = 0; n < kOTiles; ++n) {
      o_acc[n][0] *= rescale_lo;
      o_acc[n][1] *= rescale_lo;
      o_acc[n][2] *= rescale_hi;
      o_acc[n][3] *= rescale_hi;
    }

    // 3. O += P V. P's A fragment for k16 step kk (keys 16kk .. 16kk+15 of the tile) is made from
    // S's n8 tiles 2kk (keys +0..7) and 2kk+1 (keys +8..15): a0 = (row g, keys 2t, 2t+1) is tile
    // 2kk's c0, c1; a1 = (row g+8, same keys) its c2, c3; a2, a3 the same from tile 2kk+1.
    // V's B fragment (k = key, n = d column) by ldmatrix.x4.trans: matrix i covers keys
    // kk*16 + (i % 2) * 8 .. +7 (stored rows) and d columns dp*16 + (i / 2) * 8 .. +7; transposed,
    // lane l gets keys 2(l%4), 2(l%4)+1 of d column l/4: b0 (i = 0, 2) or b1 (i = 1, 3) of O's n8
    // tile 2dp (i < 2) or 2dp + 1 (i >= 2).
#pragma unroll
    for (int kk = 0; kk < kKeyPairs; ++kk) {
      const uint32_t p_frag[4] = {
          PackPair<T>(s_acc[2 * kk][0], s_acc[2 * kk][1]),
          PackPair<T>(s_acc[2 * kk][2], s_acc[2 * kk][3]),
          PackPair<T>(s_acc[2 * kk + 1][0], s_acc[2 * kk + 1][1]),
          PackPair<T>(s_acc[2 * kk + 1][2], s_acc[2 * kk + 1][3]),
      };
#pragma unroll
      for (int dp = 0; dp < kDSteps; ++dp) {
        uint32_t b[4];
        const int key = kk * 16 + (ld_matrix % 2) * 8 + ld_row;
        const int chunk = dp * 2 + ld_matrix / 2;
        LdMatrixX4Trans(b, SharedAddress(v_s + SwizzledOffset<D>(key, chunk)));
        Mma16816<T>(o_acc[2 * dp], p_frag, b[0], b[1]);
        Mma16816<T>(o_acc[2 * dp + 1], p_frag, b[2], b[3]);
      }
    }
  }

  // Epilogue: O / l in the dtype, staged in the warp's own 16 rows of the Q tile (this warp alone
  // read them, into q_frag, before the loop), then 16-byte coalesced stores of the rows < seq_len.
  const float inv_lo = 1.0f / QuadSum(l_lo);  // >= 1: the row's max key contributes exp2(0)
  const float inv_hi = 1.0f / QuadSum(l_hi);
  T* const o_stage = q_s + warp * kRowsPerWarp * D;  // rows 0..15 here = the warp's rows
#pragma unroll
  for (int n = 0; n < kOTiles; ++n) {
    // Columns 8n + 2t, +1: chunk n, element 2t of it.
    const uint32_t lo = PackPair<T>(o_acc[n][0] * inv_lo, o_acc[n][1] * inv_lo);
    const uint32_t hi = PackPair<T>(o_acc[n][2] * inv_hi, o_acc[n][3] * inv_hi);
    *reinterpret_cast<uint32_t*>(o_stage + SwizzledOffset<D>(g, n) + 2 * t) = lo;
    *reinterpret_cast<uint32_t*>(o_stage + SwizzledOffset<D>(g + 8, n) + 2 * t) = hi;
  }
  __syncwarp();
  constexpr int kChunksPerRow = D / kElemsPerChunk;
  static_assert((kRowsPerWarp * kChunksPerRow) % 32 == 0, "whole warp-wide store steps");
  T* const o_head = o + head_offset;
#pragma unroll
  for (int it = 0; it < kRowsPerWarp * kChunksPerRow / 32; ++it) {
    const int index = it * 32 + lane;
    const int row = index / kChunksPerRow, chunk = index % kChunksPerRow;
    const int global_row = q0 + warp * kRowsPerWarp + row;
    if (global_row < seq_len) {
      const uint4 value = *reinterpret_cast<const uint4*>(o_stage + SwizzledOffset<D>(row, chunk));
      *reinterpret_cast<uint4*>(o_head + size_t(global_row) * D + chunk * kElemsPerChunk) = value;
    }
  }
}

template <typename T, int D>
void Launch(const void* q, const void* k, const void* v, void* o, int batch, int heads, int seq_len,
            int causal, float scale, cudaStream_t stream) {
  constexpr size_t kBytes = SharedLayout<D>::kBytes;
  static bool attribute_set = false;  // one instantiation, one kernel: set its limit once
  if (!attribute_set) {
    const cudaError_t status = cudaFuncSetAttribute(
        Flash2Kernel<T, D>, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(kBytes));
    if (status != cudaSuccess) {
      std::fprintf(stderr, "5_flash2: cudaFuncSetAttribute: %s\n", cudaGetErrorString(status));
      return;  // the error stays the thread's last error, for the judge to report
    }
    attribute_set = true;
  }
  const dim3 grid(static_cast<unsigned>(batch * heads), (seq_len + kBr - 1) / kBr);
  Flash2Kernel<T, D><<<grid, kThreads, kBytes, stream>>>(
      static_cast<const T*>(q), static_cast<const T*>(k), static_cast<const T*>(v),
      static_cast<T*>(o), seq_len, causal, scale * kLog2e);
}

template <typename T>
void LaunchForHeadDim(int head_dim, const void* q, const void* k, const void* v, void* o, int batch,
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
  // The statement's shapes: head_dim 64 or 128, buffers from cudaMalloc (so every row, of 128 or
  // 256 bytes, is 16-byte aligned for cp.async and the vector stores), seq_len <= 16384 (at most
  // 128 query blocks, far under gridDim.y's 65535).
  const uintptr_t addresses = reinterpret_cast<uintptr_t>(q) | reinterpret_cast<uintptr_t>(k) |
                              reinterpret_cast<uintptr_t>(v) | reinterpret_cast<uintptr_t>(o);
  if ((head_dim != 64 && head_dim != 128) || addresses % 16 != 0 || (dtype != 1 && dtype != 2) ||
      batch < 1 || heads < 1 || seq_len < 1) {
    std::fprintf(stderr,
                 "5_flash2: unsupported call (head_dim %d, dtype %d, seq_len %d, 16-byte aligned "
                 "%d): the statement allows head_dim 64/128, fp16/bf16, cudaMalloc'd buffers\n",
                 head_dim, dtype, seq_len, addresses % 16 == 0 ? 1 : 0);
    return;
  }
  if (dtype == 2) {
    LaunchForHeadDim<__nv_bfloat16>(head_dim, q, k, v, o, batch, heads, seq_len, causal, scale,
                                    stream);
  } else {
    LaunchForHeadDim<__half>(head_dim, q, k, v, o, batch, heads, seq_len, causal, scale, stream);
  }
}
