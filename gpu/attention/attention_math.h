// The attention problem's math on the CPU, in four parts:
//   (a) AttentionReference: the definition, O = softmax(scale * Q K^T [+ causal mask]) V, in fp64;
//   (b) AttentionTiled: FlashAttention's tiled recurrence (blocks of queries x blocks of keys, a
//       running max and sum per row, the accumulator rescaled when the max grows, causal blocks
//       past the diagonal skipped, no S x S matrix), in fp64 with the block sizes as parameters.
//       It is the algorithm the fused kernels implement; the tests prove it equals (a);
//   (c) the tolerance rule (CompareAttentionOutputs), FlashAttention's own: an output passes when
//       max|O - O_ref| <= 2 * max|O_same - O_ref| + floor, floor = eps(dtype) * max|O_ref|;
//   (d) AttentionSamePrecision: O_same, what the computation gives with the dtype's roundings
//       where a plain low-precision implementation has them: scores rounded to the dtype, the
//       softmax's probabilities rounded to the dtype before PV, the output rounded to the dtype.
// Tensors are [batch, heads, seq_len, head_dim] row-major, as floats holding the dtype's values.
// The GPU references (attention_reference.cu) compute (a) and (d) the same way, in fp64 between
// the roundings (the GPU keeps (a)'s scores in fp32, a relative change of 2^-24), so that small
// cases can check them here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gpu/attention/attention_shape.h"

namespace judge::gpu {

// Flat index of element (b, h, i, d).
inline size_t AttentionIndex(const AttentionShape& shape, int b, int h, int i, int d) {
  return ((static_cast<size_t>(b) * shape.heads + h) * shape.seq_len + i) * shape.head_dim + d;
}

// "[b=0, h=3, i=17, d=5]" for the flat index.
std::string AttentionLocation(const AttentionShape& shape, size_t index);

// (a) The definition in fp64.
std::vector<double> AttentionReference(const AttentionShape& shape, float scale,
                                       const std::vector<float>& q, const std::vector<float>& k,
                                       const std::vector<float>& v);

// (b) The tiled algorithm in fp64 with blocks of `block_rows` queries and `block_cols` keys.
std::vector<double> AttentionTiled(const AttentionShape& shape, float scale,
                                   const std::vector<float>& q, const std::vector<float>& k,
                                   const std::vector<float>& v, int block_rows, int block_cols);

// (d) The same-precision output, every element a value of shape.dtype.
std::vector<float> AttentionSamePrecision(const AttentionShape& shape, float scale,
                                          const std::vector<float>& q, const std::vector<float>& k,
                                          const std::vector<float>& v);

// The dtype's machine epsilon: 2^-10 for fp16, 2^-7 for bf16 (2^-23 for fp32).
double DTypeEpsilon(DType type);

// The absolute term of the tolerance: eps(dtype) * max|O_ref|, one to two units in the last place
// of the largest output, what rounding the output alone may cost.
double AttentionToleranceFloor(DType type, double max_abs_reference);

struct AttentionComparison {
  bool ok = false;
  std::string detail;  // one line: the worst element (or the first non-finite one), the tolerance
  double max_error = 0;
  double tolerance = 0;
};

// (c) The tolerance rule. `got` is the submission's output, `reference` O_ref, `same_precision`
// O_same, all of AttentionElements(shape) elements; the references must be finite. Any NaN or
// infinity in `got` fails.
AttentionComparison CompareAttentionOutputs(const AttentionShape& shape,
                                            const std::vector<float>& got,
                                            const std::vector<float>& reference,
                                            const std::vector<float>& same_precision);

// (c) on some rows only, for the check after every timed call. `rows` are flat row indices
// ((b * heads + h) * seq_len + i); `got`, `reference` and `same_precision` hold those rows'
// head_dim values each, in that order. The rule is (c)'s over these elements, with a tolerance of
// at least `tolerance_at_least` (the full check's, from the same shape): a few rows' own
// same-precision error understates the whole output's.
AttentionComparison CompareAttentionRows(const AttentionShape& shape,
                                         const std::vector<size_t>& rows,
                                         const std::vector<float>& got,
                                         const std::vector<float>& reference,
                                         const std::vector<float>& same_precision,
                                         double tolerance_at_least);

// `count` distinct flat row indices drawn from `seed` (all rows when there are fewer), in
// increasing order: which rows the check after a timed call reads, drawn after that call.
std::vector<size_t> SampleAttentionRows(const AttentionShape& shape, uint64_t seed, size_t count);

// The harness's checks of its own GPU references (they decide verdicts, so they are checked too).
// Finite: every element of both references is finite. Agree: for cases small enough to compute
// here, the GPU's O_ref is within 5e-5 of (a) (it keeps scores in fp32; in practice they differ by
// ~1e-7) and its O_same within eps(dtype) * max|O_ref| of (d) (computed identically; in practice
// equal). false + *err naming the element.
bool AttentionReferencesFinite(const AttentionShape& shape, const std::vector<float>& reference,
                               const std::vector<float>& same_precision, std::string* err);
bool AttentionReferencesAgree(const AttentionShape& shape, const std::vector<float>& gpu_reference,
                              const std::vector<float>& gpu_same_precision,
                              const std::vector<double>& cpu_reference,
                              const std::vector<float>& cpu_same_precision, std::string* err);

}  // namespace judge::gpu
