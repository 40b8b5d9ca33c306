// The attention math: the tiled FlashAttention recurrence equals the definition, the definition
// agrees with hand-checkable cases, and the tolerance rule passes right answers at fp16/bf16 and
// fails the plausible wrong ones, on inputs drawn exactly as the GPU draws them.
#include "gpu/attention/attention_math.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "gpu/attention/attention_inputs.h"

namespace judge::gpu {
namespace {

struct Inputs {
  std::vector<float> q, k, v;
};

Inputs Draw(const AttentionShape& shape, uint64_t seed) {
  return {AttentionInputOnHost(shape, seed, AttentionTensor::kQ),
          AttentionInputOnHost(shape, seed, AttentionTensor::kK),
          AttentionInputOnHost(shape, seed, AttentionTensor::kV)};
}

float ScaleFor(const AttentionShape& shape) {
  return 1.0f / std::sqrt(static_cast<float>(shape.head_dim));
}

std::vector<float> ToFloat(const std::vector<double>& values) {
  return std::vector<float>(values.begin(), values.end());
}

std::vector<float> RoundedTo(DType type, const std::vector<double>& values) {
  std::vector<float> out(values.size());
  for (size_t e = 0; e < values.size(); ++e) out[e] = RoundTo(type, static_cast<float>(values[e]));
  return out;
}

double MaxAbsDifference(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (size_t e = 0; e < a.size(); ++e) worst = std::max(worst, std::fabs(a[e] - b[e]));
  return worst;
}

// What a fused kernel computes: scores in fp32, a running max and sum in fp32, probabilities
// rounded to the dtype (unnormalised, as FlashAttention feeds them to the PV matmul), an fp32
// accumulator, the output rounded once at the end.
std::vector<float> FusedKernelLike(const AttentionShape& shape, float scale, const Inputs& in) {
  const size_t S = shape.seq_len, D = shape.head_dim;
  std::vector<float> out(AttentionElements(shape));
  std::vector<float> s(S), acc(D);
  for (size_t bh = 0; bh < static_cast<size_t>(shape.batch) * shape.heads; ++bh) {
    for (size_t i = 0; i < S; ++i) {
      const size_t keys = shape.causal ? i + 1 : S;
      float max = -INFINITY;
      for (size_t j = 0; j < keys; ++j) {
        float dot = 0;
        for (size_t d = 0; d < D; ++d)
          dot += in.q[(bh * S + i) * D + d] * in.k[(bh * S + j) * D + d];
        s[j] = dot * scale;
        max = std::max(max, s[j]);
      }
      float sum = 0;
      std::fill(acc.begin(), acc.end(), 0.0f);
      for (size_t j = 0; j < keys; ++j) {
        const float p = std::exp(s[j] - max);
        sum += p;
        const float p_low = RoundTo(shape.dtype, p);
        for (size_t d = 0; d < D; ++d) acc[d] += p_low * in.v[(bh * S + j) * D + d];
      }
      for (size_t d = 0; d < D; ++d) out[(bh * S + i) * D + d] = RoundTo(shape.dtype, acc[d] / sum);
    }
  }
  return out;
}

TEST(AttentionMathTest, TiledAlgorithmEqualsTheDefinition) {
  const int seq_lens[] = {1, 2, 7, 16, 33, 64, 65, 100};
  const int blocks[][2] = {{1, 1}, {4, 4}, {16, 16}, {16, 64}, {64, 16}, {5, 3}, {128, 128}};
  uint64_t seed = 1;
  for (int seq_len : seq_lens) {
    for (bool causal : {false, true}) {
      const AttentionShape shape{2, 3, seq_len, 64, DType::kBF16, causal};
      const Inputs in = Draw(shape, ++seed);
      const std::vector<double> want = AttentionReference(shape, ScaleFor(shape), in.q, in.k, in.v);
      for (const auto& block : blocks) {
        const std::vector<double> got =
            AttentionTiled(shape, ScaleFor(shape), in.q, in.k, in.v, block[0], block[1]);
        EXPECT_LT(MaxAbsDifference(got, want), 1e-12)
            << DescribeAttentionShape(shape) << " blocks " << block[0] << "x" << block[1];
      }
    }
  }
  const AttentionShape wide{1, 1, 37, 128, DType::kF16, true};
  const Inputs in = Draw(wide, 99);
  EXPECT_LT(MaxAbsDifference(AttentionTiled(wide, 0.3f, in.q, in.k, in.v, 8, 32),
                             AttentionReference(wide, 0.3f, in.q, in.k, in.v)),
            1e-12);
}

TEST(AttentionMathTest, DefinitionOnHandCheckableInputs) {
  AttentionShape shape{1, 1, 3, 64, DType::kF16, false};
  const size_t n = AttentionElements(shape);
  std::vector<float> q(n, 0.0f), k(n, 0.0f), v(n);
  for (size_t e = 0; e < n; ++e) v[e] = static_cast<float>(e % 7) - 3;
  // Zero scores: a flat softmax, every row the mean of the values it sees.
  std::vector<double> out = AttentionReference(shape, 0.125f, q, k, v);
  for (int d = 0; d < 64; ++d) {
    const double mean = (v[d] + v[64 + d] + v[128 + d]) / 3.0;
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(out[AttentionIndex(shape, 0, 0, i, d)], mean, 1e-15);
  }
  shape.causal = true;  // causal: row i is the mean of rows 0..i
  out = AttentionReference(shape, 0.125f, q, k, v);
  for (int d = 0; d < 64; ++d) {
    EXPECT_EQ(out[AttentionIndex(shape, 0, 0, 0, d)], v[d]);
    EXPECT_NEAR(out[AttentionIndex(shape, 0, 0, 1, d)], (v[d] + v[64 + d]) / 2.0, 1e-15);
  }
  // Two keys with scores 0 and 1 (q = e0 / scale, k1 = e0): weights 1/(1+e) and e/(1+e).
  shape.causal = false;
  shape.seq_len = 2;
  std::vector<float> q2(128, 0.0f), k2(128, 0.0f), v2(128, 0.0f);
  q2[0] = 8.0f;  // scale 0.125
  k2[64] = 1.0f;
  v2[0] = 1.0f;  // v0 = e0, v1 = -e0
  v2[64] = -1.0f;
  out = AttentionReference(shape, 0.125f, q2, k2, v2);
  const double e = std::exp(1.0);
  EXPECT_NEAR(out[0], 1 / (1 + e) - e / (1 + e), 1e-15);
}

TEST(AttentionMathTest, SamePrecisionHoldsDTypeValuesAndIsExactForOneKey) {
  for (DType type : {DType::kF16, DType::kBF16}) {
    AttentionShape shape{2, 2, 1, 64, type, false};
    Inputs in = Draw(shape, 5);
    // One key: softmax is exactly 1 and the output is v itself, in every reference.
    EXPECT_EQ(AttentionSamePrecision(shape, ScaleFor(shape), in.q, in.k, in.v), in.v);
    EXPECT_EQ(ToFloat(AttentionReference(shape, ScaleFor(shape), in.q, in.k, in.v)), in.v);
    shape.seq_len = 50;
    in = Draw(shape, 6);
    for (float x : AttentionSamePrecision(shape, ScaleFor(shape), in.q, in.k, in.v)) {
      ASSERT_EQ(RoundTo(type, x), x);
    }
  }
}

TEST(AttentionMathTest, HostInputsAreDTypeValuesInTheirRanges) {
  const AttentionShape shape{1, 2, 100, 64, DType::kBF16, false};
  const Inputs a = Draw(shape, 42), b = Draw(shape, 43);
  EXPECT_EQ(a.q, Draw(shape, 42).q);  // a function of the seed
  EXPECT_NE(a.q, b.q);
  EXPECT_NE(a.q, a.k);  // distinct seeds per tensor
  for (size_t e = 0; e < a.q.size(); ++e) {
    ASSERT_EQ(RoundTo(DType::kBF16, a.q[e]), a.q[e]);
    ASSERT_GE(a.k[e], -2.0f);
    ASSERT_LE(a.k[e], 2.0f);
    ASSERT_GE(a.v[e], -1.0f);
    ASSERT_LE(a.v[e], 1.0f);
  }
}

// Shapes for the tolerance rule: a single key, short rows, rows longer than any tile.
const AttentionShape kRuleShapes[] = {
    {1, 1, 1, 64, DType::kF16, false},   {2, 3, 7, 64, DType::kF16, true},
    {1, 2, 65, 128, DType::kF16, false}, {1, 1, 257, 64, DType::kF16, true},
    {1, 1, 1, 128, DType::kBF16, true},  {3, 1, 7, 128, DType::kBF16, false},
    {1, 2, 65, 64, DType::kBF16, true},  {1, 1, 257, 128, DType::kBF16, false},
};

struct Judged {
  AttentionShape shape;
  Inputs in;
  std::vector<double> reference;
  std::vector<float> reference_float, same_precision;
  AttentionComparison Compare(const std::vector<float>& got) const {
    return CompareAttentionOutputs(shape, got, reference_float, same_precision);
  }
};

Judged Prepare(const AttentionShape& shape, uint64_t seed) {
  Judged j{shape, Draw(shape, seed), {}, {}, {}};
  j.reference = AttentionReference(shape, ScaleFor(shape), j.in.q, j.in.k, j.in.v);
  j.reference_float = ToFloat(j.reference);
  j.same_precision = AttentionSamePrecision(shape, ScaleFor(shape), j.in.q, j.in.k, j.in.v);
  return j;
}

TEST(AttentionToleranceTest, RightAnswersPass) {
  uint64_t seed = 100;
  for (const AttentionShape& shape : kRuleShapes) {
    for (int draw = 0; draw < 3; ++draw) {
      const Judged j = Prepare(shape, ++seed);
      const std::string what = DescribeAttentionShape(shape);
      // The exact answer rounded once, what an fp32 kernel with fp32 probabilities writes.
      AttentionComparison c = j.Compare(RoundedTo(shape.dtype, j.reference));
      EXPECT_TRUE(c.ok) << what << ": " << c.detail;
      // A fused kernel's roundings.
      c = j.Compare(FusedKernelLike(shape, ScaleFor(shape), j.in));
      EXPECT_TRUE(c.ok) << what << ": " << c.detail;
      // The same-precision answer itself, what an unfused fp16/bf16 implementation writes.
      c = j.Compare(j.same_precision);
      EXPECT_TRUE(c.ok) << what << ": " << c.detail;
      EXPECT_GT(c.tolerance, 0) << what;
    }
  }
}

// Each wrong answer must fail by a wide margin, not by luck.
void ExpectClearFailure(const Judged& j, const std::vector<float>& got, const char* wrong) {
  const AttentionComparison c = j.Compare(got);
  EXPECT_FALSE(c.ok) << wrong << " on " << DescribeAttentionShape(j.shape) << ": " << c.detail;
  EXPECT_GT(c.max_error, 4 * c.tolerance)
      << wrong << " on " << DescribeAttentionShape(j.shape) << ": " << c.detail;
}

TEST(AttentionToleranceTest, WrongAnswersFailClearly) {
  uint64_t seed = 200;
  for (const AttentionShape& shape : kRuleShapes) {
    const Judged j = Prepare(shape, ++seed);
    const size_t n = AttentionElements(shape);
    ExpectClearFailure(j, std::vector<float>(n, 0.0f), "all zeros");
    double mean = 0;
    for (double x : j.reference) mean += x / n;
    ExpectClearFailure(j, std::vector<float>(n, RoundTo(shape.dtype, mean)), "constant mean");
    if (shape.seq_len == 1) continue;  // one key: neither the scale nor the mask matters
    ExpectClearFailure(
        j, RoundedTo(shape.dtype, AttentionReference(shape, 1.0f, j.in.q, j.in.k, j.in.v)),
        "scale 1");
    AttentionShape other_mask = shape;
    other_mask.causal = !shape.causal;
    ExpectClearFailure(j,
                       RoundedTo(shape.dtype, AttentionReference(other_mask, ScaleFor(shape),
                                                                 j.in.q, j.in.k, j.in.v)),
                       shape.causal ? "non-causal answer" : "causal answer");
  }
}

TEST(AttentionToleranceTest, OnePerturbedElementFailsAndIsLocated) {
  const AttentionShape shape{2, 3, 65, 64, DType::kBF16, true};
  const Judged j = Prepare(shape, 7);
  std::vector<float> got = RoundedTo(shape.dtype, j.reference);
  const AttentionComparison right = j.Compare(got);
  ASSERT_TRUE(right.ok) << right.detail;
  const size_t at = AttentionIndex(shape, 1, 2, 17, 5);
  got[at] += static_cast<float>(10 * right.tolerance);
  const AttentionComparison wrong = j.Compare(got);
  EXPECT_FALSE(wrong.ok);
  EXPECT_NEAR(wrong.max_error, 10 * right.tolerance, 0.02 * right.tolerance);
  EXPECT_EQ(wrong.tolerance, right.tolerance);  // the tolerance depends on the inputs only
  EXPECT_NE(wrong.detail.find("at [b=1, h=2, i=17, d=5]"), std::string::npos) << wrong.detail;
}

TEST(AttentionToleranceTest, NaNAndInfinityFailWhateverTheirPlace) {
  const AttentionShape shape{1, 2, 7, 64, DType::kF16, false};
  const Judged j = Prepare(shape, 8);
  std::vector<float> got = RoundedTo(shape.dtype, j.reference);
  got[AttentionIndex(shape, 0, 1, 6, 63)] = NAN;  // the last element: a tail never written
  AttentionComparison c = j.Compare(got);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.detail,
            "output at [b=0, h=1, i=6, d=63] is NaN (never written, or computed from a NaN)");
  got[AttentionIndex(shape, 0, 1, 6, 63)] = 0.0f;
  got[0] = -INFINITY;
  c = j.Compare(got);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.detail, "output at [b=0, h=0, i=0, d=0] is infinite");
}

TEST(AttentionToleranceTest, FloorIsOneEpsilonOfTheLargestOutput) {
  EXPECT_DOUBLE_EQ(AttentionToleranceFloor(DType::kF16, 0.5), 0.5 / 1024);
  EXPECT_DOUBLE_EQ(AttentionToleranceFloor(DType::kBF16, 0.5), 0.5 / 128);
  // One key: the same-precision answer is exact, so the floor alone is the tolerance.
  const Judged j = Prepare({1, 1, 1, 64, DType::kBF16, false}, 9);
  double max_abs = 0;
  for (double x : j.reference) max_abs = std::max(max_abs, std::fabs(x));
  EXPECT_DOUBLE_EQ(j.Compare(j.same_precision).tolerance, max_abs / 128);
}

// The rows `rows` of a full tensor, head_dim values each.
std::vector<float> TakeRows(const AttentionShape& shape, const std::vector<float>& all,
                            const std::vector<size_t>& rows) {
  std::vector<float> taken;
  for (size_t row : rows) {
    const auto begin = all.begin() + static_cast<std::ptrdiff_t>(row * shape.head_dim);
    taken.insert(taken.end(), begin, begin + shape.head_dim);
  }
  return taken;
}

TEST(AttentionRowCheckTest, SampledRowsAreDistinctInRangeAndFollowTheSeed) {
  const AttentionShape shape{2, 3, 65, 64, DType::kF16, false};
  const size_t all_rows = 2 * 3 * 65;
  const std::vector<size_t> rows = SampleAttentionRows(shape, 11, 32);
  ASSERT_EQ(rows.size(), 32u);
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end()));
  EXPECT_EQ(std::adjacent_find(rows.begin(), rows.end()), rows.end());
  EXPECT_LT(rows.back(), all_rows);
  EXPECT_EQ(SampleAttentionRows(shape, 11, 32), rows);
  EXPECT_NE(SampleAttentionRows(shape, 12, 32), rows);
  // Fewer rows than asked for: every row.
  const std::vector<size_t> every = SampleAttentionRows({1, 1, 7, 64, DType::kF16, false}, 3, 32);
  ASSERT_EQ(every.size(), 7u);
  EXPECT_EQ(every.back(), 6u);
}

TEST(AttentionRowCheckTest, RightRowsPassWrongRowsFailAndAreLocated) {
  const AttentionShape shape{2, 3, 65, 64, DType::kBF16, true};
  const Judged j = Prepare(shape, 21);
  const std::vector<float> right = RoundedTo(shape.dtype, j.reference);
  const AttentionComparison full = j.Compare(right);
  ASSERT_TRUE(full.ok) << full.detail;
  const std::vector<size_t> rows = SampleAttentionRows(shape, 5, 16);
  const std::vector<float> reference = TakeRows(shape, j.reference_float, rows);
  const std::vector<float> same = TakeRows(shape, j.same_precision, rows);
  std::vector<float> got = TakeRows(shape, right, rows);
  AttentionComparison c = CompareAttentionRows(shape, rows, got, reference, same, full.tolerance);
  EXPECT_TRUE(c.ok) << c.detail;
  EXPECT_GE(c.tolerance, full.tolerance);
  // A stale row (another seed's answer) fails, and is named by its place in the whole output.
  const Judged other = Prepare(shape, 22);
  const std::vector<float> stale = TakeRows(shape, RoundedTo(shape.dtype, other.reference), rows);
  std::copy(stale.begin() + 3 * 64, stale.begin() + 4 * 64, got.begin() + 3 * 64);
  c = CompareAttentionRows(shape, rows, got, reference, same, full.tolerance);
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.detail.find(AttentionLocation(shape, rows[3] * 64).substr(0, 18)), std::string::npos)
      << c.detail;
  // An unwritten element (still NaN) fails wherever it is.
  got = TakeRows(shape, right, rows);
  got.back() = NAN;
  c = CompareAttentionRows(shape, rows, got, reference, same, full.tolerance);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.detail, "output at " + AttentionLocation(shape, rows.back() * 64 + 63) +
                          " is NaN (never written, or computed from a NaN)");
}

TEST(AttentionRowCheckTest, MisshapenRowsAreRefused) {
  const AttentionShape shape{1, 1, 7, 64, DType::kF16, false};
  const std::vector<float> one_row(64, 0.0f);
  EXPECT_THROW(CompareAttentionRows(shape, {7}, one_row, one_row, one_row, 0),
               std::invalid_argument);
  EXPECT_THROW(CompareAttentionRows(shape, {0, 1}, one_row, one_row, one_row, 0),
               std::invalid_argument);
}

TEST(AttentionReferenceCheckTest, AgreementIsCheckedElementByElement) {
  const AttentionShape shape{1, 2, 9, 64, DType::kF16, true};
  const Judged j = Prepare(shape, 10);
  std::string err;
  EXPECT_TRUE(AttentionReferencesFinite(shape, j.reference_float, j.same_precision, &err));
  EXPECT_TRUE(AttentionReferencesAgree(shape, j.reference_float, j.same_precision, j.reference,
                                       j.same_precision, &err))
      << err;
  std::vector<float> off = j.reference_float;
  off[AttentionIndex(shape, 0, 1, 3, 2)] += 1e-4f;
  EXPECT_FALSE(
      AttentionReferencesAgree(shape, off, j.same_precision, j.reference, j.same_precision, &err));
  EXPECT_NE(err.find("fp64 reference disagrees with the CPU's at [b=0, h=1, i=3, d=2]"),
            std::string::npos)
      << err;
  off = j.same_precision;
  off[5] = NAN;
  EXPECT_FALSE(
      AttentionReferencesAgree(shape, j.reference_float, off, j.reference, j.same_precision, &err));
  EXPECT_FALSE(AttentionReferencesFinite(shape, j.reference_float, off, &err));
  EXPECT_EQ(err, "the GPU reference is not finite at [b=0, h=0, i=0, d=5] (a harness bug)");
}

}  // namespace
}  // namespace judge::gpu
