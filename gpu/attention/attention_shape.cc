#include "gpu/attention/attention_shape.h"

#include <algorithm>
#include <climits>
#include <nlohmann/json.hpp>
#include <string>

#include "gpu/harness/spec_reader.h"

namespace judge::gpu {

bool ParseAttentionShape(const nlohmann::json& spec, AttentionShape* shape, std::string* err) {
  SpecReader reader(spec, err);
  AttentionShape parsed;
  if (!reader.HasOnlyFields("an attention case",
                            {"batch", "heads", "seq_len", "head_dim", "dtype", "causal"}) ||
      !reader.Integer("batch", 1, INT_MAX, "an integer >= 1", &parsed.batch) ||
      !reader.Integer("heads", 1, INT_MAX, "an integer >= 1", &parsed.heads) ||
      !reader.Integer("seq_len", 1, kAttentionMaxSeqLen,
                      "an integer in [1, " + std::to_string(kAttentionMaxSeqLen) + "]",
                      &parsed.seq_len) ||
      !reader.IntegerIn("head_dim", {64, 128}, &parsed.head_dim) ||
      !reader.ElementType("dtype", {DType::kF16, DType::kBF16}, &parsed.dtype) ||
      !reader.Boolean("causal", &parsed.causal))
    return false;
  // In double: the product of four ints can overflow 64 bits only past any sane bound anyway.
  const double elements =
      static_cast<double>(parsed.batch) * parsed.heads * parsed.seq_len * parsed.head_dim;
  if (elements > kAttentionMaxElements)
    return reader.Reject("batch * heads * seq_len * head_dim", "at most 2^28 elements per tensor",
                         std::to_string(static_cast<long long>(elements)));
  *shape = parsed;
  return true;
}

bool ValidateAttentionSpec(const nlohmann::json& spec, std::string* err) {
  AttentionShape unused;
  return ParseAttentionShape(spec, &unused, err);
}

size_t AttentionElements(const AttentionShape& shape) {
  return static_cast<size_t>(shape.batch) * shape.heads * shape.seq_len * shape.head_dim;
}

double AttentionFlops(const AttentionShape& shape) {
  const double s = shape.seq_len;
  const double flops = 4.0 * shape.batch * shape.heads * s * s * shape.head_dim;
  return shape.causal ? flops / 2 : flops;
}

double AttentionMinBytes(const AttentionShape& shape) {
  return 4.0 * static_cast<double>(AttentionElements(shape)) * DTypeBytes(shape.dtype);
}

double AttentionFloorSeconds(const AttentionShape& shape, double copy_gbps, double matmul_tflops) {
  const double copy = copy_gbps > 0 ? AttentionMinBytes(shape) / (copy_gbps * 1e9) : 0;
  const double compute = matmul_tflops > 0 ? AttentionFlops(shape) / (matmul_tflops * 1e12) : 0;
  return std::max(copy, compute);
}

std::string DescribeAttentionShape(const AttentionShape& shape) {
  return "b" + std::to_string(shape.batch) + " h" + std::to_string(shape.heads) + " s" +
         std::to_string(shape.seq_len) + " d" + std::to_string(shape.head_dim) + " " +
         DTypeName(shape.dtype) + (shape.causal ? " causal" : "");
}

}  // namespace judge::gpu
