#include "gpu/attention/attention_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <set>
#include <stdexcept>

#include "gpu/harness/counter_random.h"

namespace judge::gpu {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// How far the GPU's O_ref may be from (a): its scores are rounded to fp32 (relative 2^-24, and
// |s| <= 4 * sqrt(128) < 46), which moves each weight by at most 2 * 2^-24 * 46 relative and an
// output by at most twice that (|v - o| <= 2): 1.1e-5, plus fp32's rounding of the output.
constexpr double kReferenceAgreement = 5e-5;

// Keys query i sees: all of them, or j <= i when causal.
int KeysSeen(const AttentionShape& shape, int i) { return shape.causal ? i + 1 : shape.seq_len; }

// Score of query i against key j of head bh. The dot product is exact in fp64 for the problem's
// inputs (attention_inputs.h): multiples of 2^-22 of magnitude <= 2, so every product is a
// multiple of 2^-44 below 4 and every partial sum of at most 128 of them fits in 53 bits.
double Score(const AttentionShape& shape, float scale, const std::vector<float>& q,
             const std::vector<float>& k, size_t bh, int i, int j) {
  const size_t D = shape.head_dim;
  const float* qi = &q[(bh * shape.seq_len + i) * D];
  const float* kj = &k[(bh * shape.seq_len + j) * D];
  double dot = 0;
  for (size_t d = 0; d < D; ++d) dot += static_cast<double>(qi[d]) * kj[d];
  return static_cast<double>(scale) * dot;
}

// Rounds to the dtype through fp32, as the GPU reference does (attention_reference.cu).
double RoundToDType(DType type, double x) { return RoundTo(type, static_cast<float>(x)); }

void CheckSizes(const AttentionShape& shape, const std::vector<float>& q,
                const std::vector<float>& k, const std::vector<float>& v) {
  const size_t n = AttentionElements(shape);
  if (q.size() != n || k.size() != n || v.size() != n) {
    throw std::invalid_argument("attention: q, k, v must hold batch*heads*seq_len*head_dim values");
  }
}

std::string Format(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// The tolerance rule (c) over `got.size()` elements; `location(e)` names element e.
AttentionComparison CompareElements(const AttentionShape& shape, const std::vector<float>& got,
                                    const std::vector<float>& reference,
                                    const std::vector<float>& same_precision,
                                    double tolerance_at_least,
                                    const std::function<std::string(size_t)>& location) {
  AttentionComparison result;
  for (size_t e = 0; e < got.size(); ++e) {
    if (!std::isfinite(got[e])) {
      result.max_error = std::numeric_limits<double>::infinity();
      result.detail =
          "output at " + location(e) + " is " +
          (std::isnan(got[e]) ? "NaN (never written, or computed from a NaN)" : "infinite");
      return result;
    }
  }
  double max_abs_reference = 0, same_precision_error = 0;
  size_t worst = 0;
  for (size_t e = 0; e < got.size(); ++e) {
    const double want = reference[e];
    max_abs_reference = std::max(max_abs_reference, std::fabs(want));
    same_precision_error = std::max(same_precision_error, std::fabs(same_precision[e] - want));
    const double error = std::fabs(got[e] - want);
    if (error > result.max_error) {
      result.max_error = error;
      worst = e;
    }
  }
  const double floor = AttentionToleranceFloor(shape.dtype, max_abs_reference);
  const double own_tolerance = 2 * same_precision_error + floor;
  result.tolerance = std::max(own_tolerance, tolerance_at_least);
  result.ok = result.max_error <= result.tolerance;
  if (got.empty()) return result;
  result.detail = "max |error| " + Format("%.1e", result.max_error) + " at " + location(worst) +
                  " (got " + Format("%.4g", got[worst]) + ", want " +
                  Format("%.4g", reference[worst]) + "); tolerance " +
                  Format("%.1e", result.tolerance);
  if (own_tolerance >= tolerance_at_least) {
    result.detail += " = 2 x " + Format("%.1e", same_precision_error) +
                     " (same-precision error) + " + Format("%.1e", floor) + " (floor)";
  } else {
    result.detail += " (the full check's)";
  }
  return result;
}

}  // namespace

std::string AttentionLocation(const AttentionShape& shape, size_t index) {
  const int d = static_cast<int>(index % shape.head_dim);
  index /= shape.head_dim;
  const int i = static_cast<int>(index % shape.seq_len);
  index /= shape.seq_len;
  const int h = static_cast<int>(index % shape.heads);
  const int b = static_cast<int>(index / shape.heads);
  return "[b=" + std::to_string(b) + ", h=" + std::to_string(h) + ", i=" + std::to_string(i) +
         ", d=" + std::to_string(d) + "]";
}

std::vector<double> AttentionReference(const AttentionShape& shape, float scale,
                                       const std::vector<float>& q, const std::vector<float>& k,
                                       const std::vector<float>& v) {
  CheckSizes(shape, q, k, v);
  const size_t D = shape.head_dim, S = shape.seq_len;
  std::vector<double> out(AttentionElements(shape));
  std::vector<double> p(S);
  for (size_t bh = 0; bh < static_cast<size_t>(shape.batch) * shape.heads; ++bh) {
    for (int i = 0; i < shape.seq_len; ++i) {
      const int keys = KeysSeen(shape, i);
      double max = kNegInf;
      for (int j = 0; j < keys; ++j) {
        p[j] = Score(shape, scale, q, k, bh, i, j);
        max = std::max(max, p[j]);
      }
      double sum = 0;
      for (int j = 0; j < keys; ++j) sum += (p[j] = std::exp(p[j] - max));
      double* o = &out[(bh * S + i) * D];
      for (int j = 0; j < keys; ++j) {
        const double weight = p[j] / sum;
        const float* vj = &v[(bh * S + j) * D];
        for (size_t d = 0; d < D; ++d) o[d] += weight * vj[d];
      }
    }
  }
  return out;
}

std::vector<double> AttentionTiled(const AttentionShape& shape, float scale,
                                   const std::vector<float>& q, const std::vector<float>& k,
                                   const std::vector<float>& v, int block_rows, int block_cols) {
  CheckSizes(shape, q, k, v);
  if (block_rows < 1 || block_cols < 1) throw std::invalid_argument("attention: block sizes >= 1");
  const int S = shape.seq_len;
  const size_t D = shape.head_dim;
  std::vector<double> out(AttentionElements(shape));
  // Per row of the query block: running max m, running sum l, unnormalised accumulator acc.
  std::vector<double> m(block_rows), l(block_rows), acc(block_rows * D), s(block_cols);
  for (size_t bh = 0; bh < static_cast<size_t>(shape.batch) * shape.heads; ++bh) {
    for (int r0 = 0; r0 < S; r0 += block_rows) {
      const int rows = std::min(block_rows, S - r0);
      std::fill(m.begin(), m.end(), kNegInf);
      std::fill(l.begin(), l.end(), 0.0);
      std::fill(acc.begin(), acc.end(), 0.0);
      // Causal: key blocks starting past the block's last query are all masked; skip them.
      const int key_end = shape.causal ? r0 + rows : S;
      for (int c0 = 0; c0 < key_end; c0 += block_cols) {
        const int cols = std::min(block_cols, S - c0);
        for (int r = 0; r < rows; ++r) {
          const int i = r0 + r;
          const int visible = std::min(cols, KeysSeen(shape, i) - c0);  // <= 0: block masked
          if (visible <= 0) continue;
          double block_max = kNegInf;
          for (int c = 0; c < visible; ++c) {
            s[c] = Score(shape, scale, q, k, bh, i, c0 + c);
            block_max = std::max(block_max, s[c]);
          }
          const double m_new = std::max(m[r], block_max);
          const double rescale = std::exp(m[r] - m_new);  // 0 on the first block (m = -inf)
          double* a = &acc[r * D];
          for (size_t d = 0; d < D; ++d) a[d] *= rescale;
          l[r] *= rescale;
          for (int c = 0; c < visible; ++c) {
            const double p = std::exp(s[c] - m_new);
            l[r] += p;
            const float* vj = &v[(bh * S + c0 + c) * D];
            for (size_t d = 0; d < D; ++d) a[d] += p * vj[d];
          }
          m[r] = m_new;
        }
      }
      for (int r = 0; r < rows; ++r) {
        double* o = &out[(bh * S + r0 + r) * D];
        for (size_t d = 0; d < D; ++d) o[d] = acc[r * D + d] / l[r];
      }
    }
  }
  return out;
}

std::vector<float> AttentionSamePrecision(const AttentionShape& shape, float scale,
                                          const std::vector<float>& q, const std::vector<float>& k,
                                          const std::vector<float>& v) {
  CheckSizes(shape, q, k, v);
  const size_t D = shape.head_dim, S = shape.seq_len;
  const DType type = shape.dtype;
  std::vector<float> out(AttentionElements(shape));
  std::vector<double> p(S), o(D);
  for (size_t bh = 0; bh < static_cast<size_t>(shape.batch) * shape.heads; ++bh) {
    for (int i = 0; i < shape.seq_len; ++i) {
      const int keys = KeysSeen(shape, i);
      double max = kNegInf;
      for (int j = 0; j < keys; ++j) {
        p[j] = RoundToDType(type, Score(shape, scale, q, k, bh, i, j));  // S in the dtype
        max = std::max(max, p[j]);
      }
      double sum = 0;
      for (int j = 0; j < keys; ++j) sum += (p[j] = std::exp(p[j] - max));
      std::fill(o.begin(), o.end(), 0.0);
      for (int j = 0; j < keys; ++j) {
        const double weight = RoundToDType(type, p[j] / sum);  // P in the dtype
        const float* vj = &v[(bh * S + j) * D];
        for (size_t d = 0; d < D; ++d) o[d] += weight * vj[d];
      }
      for (size_t d = 0; d < D; ++d) out[(bh * S + i) * D + d] = RoundToDType(type, o[d]);
    }
  }
  return out;
}

double DTypeEpsilon(DType type) {
  switch (type) {
    case DType::kF16:
      return std::ldexp(1.0, -10);
    case DType::kBF16:
      return std::ldexp(1.0, -7);
    case DType::kF32:
      break;
  }
  return std::ldexp(1.0, -23);
}

double AttentionToleranceFloor(DType type, double max_abs_reference) {
  return DTypeEpsilon(type) * max_abs_reference;
}

AttentionComparison CompareAttentionOutputs(const AttentionShape& shape,
                                            const std::vector<float>& got,
                                            const std::vector<float>& reference,
                                            const std::vector<float>& same_precision) {
  const size_t n = AttentionElements(shape);
  if (got.size() != n || reference.size() != n || same_precision.size() != n) {
    throw std::invalid_argument("attention: outputs must hold batch*heads*seq_len*head_dim values");
  }
  return CompareElements(shape, got, reference, same_precision, 0,
                         [&](size_t e) { return AttentionLocation(shape, e); });
}

AttentionComparison CompareAttentionRows(const AttentionShape& shape,
                                         const std::vector<size_t>& rows,
                                         const std::vector<float>& got,
                                         const std::vector<float>& reference,
                                         const std::vector<float>& same_precision,
                                         double tolerance_at_least) {
  const size_t n = rows.size() * shape.head_dim;
  if (got.size() != n || reference.size() != n || same_precision.size() != n) {
    throw std::invalid_argument("attention: row outputs must hold rows * head_dim values");
  }
  const size_t all_rows = AttentionElements(shape) / shape.head_dim;
  for (size_t row : rows) {
    if (row >= all_rows) throw std::invalid_argument("attention: a sampled row is out of range");
  }
  return CompareElements(shape, got, reference, same_precision, tolerance_at_least, [&](size_t e) {
    return AttentionLocation(shape, rows[e / shape.head_dim] * shape.head_dim + e % shape.head_dim);
  });
}

std::vector<size_t> SampleAttentionRows(const AttentionShape& shape, uint64_t seed, size_t count) {
  const size_t all_rows = AttentionElements(shape) / shape.head_dim;
  std::vector<size_t> rows;
  if (count >= all_rows) {
    for (size_t row = 0; row < all_rows; ++row) rows.push_back(row);
    return rows;
  }
  // Draws until `count` distinct rows: at most half of them are taken, so this ends quickly.
  std::set<size_t> chosen;
  for (uint64_t draw = 0; chosen.size() < count; ++draw)
    chosen.insert(Mix64(seed ^ Mix64(draw)) % all_rows);
  return {chosen.begin(), chosen.end()};
}

bool AttentionReferencesFinite(const AttentionShape& shape, const std::vector<float>& reference,
                               const std::vector<float>& same_precision, std::string* err) {
  for (size_t e = 0; e < reference.size() && e < same_precision.size(); ++e) {
    if (!std::isfinite(reference[e]) || !std::isfinite(same_precision[e])) {
      *err =
          "the GPU reference is not finite at " + AttentionLocation(shape, e) + " (a harness bug)";
      return false;
    }
  }
  return true;
}

bool AttentionReferencesAgree(const AttentionShape& shape, const std::vector<float>& gpu_reference,
                              const std::vector<float>& gpu_same_precision,
                              const std::vector<double>& cpu_reference,
                              const std::vector<float>& cpu_same_precision, std::string* err) {
  const size_t n = AttentionElements(shape);
  if (gpu_reference.size() != n || gpu_same_precision.size() != n || cpu_reference.size() != n ||
      cpu_same_precision.size() != n) {
    *err = "the references have the wrong sizes (a harness bug)";
    return false;
  }
  double max_abs_reference = 0;
  for (double x : cpu_reference) max_abs_reference = std::max(max_abs_reference, std::fabs(x));
  const double same_bound = DTypeEpsilon(shape.dtype) * max_abs_reference;
  for (size_t e = 0; e < n; ++e) {
    const double ref_error = std::fabs(gpu_reference[e] - cpu_reference[e]);
    const double same_error = std::fabs(gpu_same_precision[e] - cpu_same_precision[e]);
    // Negated comparisons so that a NaN fails them.
    if (!(ref_error <= kReferenceAgreement) || !(same_error <= same_bound)) {
      const bool ref = !(ref_error <= kReferenceAgreement);
      *err = std::string("the GPU ") + (ref ? "fp64 reference" : "same-precision reference") +
             " disagrees with the CPU's at " + AttentionLocation(shape, e) + ": " +
             Format("%.9g", ref ? gpu_reference[e] : gpu_same_precision[e]) + " vs " +
             Format("%.9g", ref ? cpu_reference[e] : cpu_same_precision[e]) + " (a harness bug)";
      return false;
    }
  }
  return true;
}

}  // namespace judge::gpu
