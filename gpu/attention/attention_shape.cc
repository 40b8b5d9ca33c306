#include "gpu/attention/attention_shape.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace judge::gpu {
namespace {

// Sets *out to the integer field `key` within [lo, hi]; false + *err otherwise.
bool ReadInt(const nlohmann::json& spec, const char* key, int64_t lo, int64_t hi,
             const std::string& expected, int* out, std::string* err) {
  auto it = spec.find(key);
  if (it == spec.end()) {
    *err = std::string(key) + ": missing (" + expected + ")";
    return false;
  }
  // JSON 3.0 is a float to nlohmann; only integer literals are accepted.
  bool fits = false;
  int64_t value = 0;
  if (it->is_number_unsigned()) {
    const uint64_t u = it->get<uint64_t>();
    fits = u <= static_cast<uint64_t>(hi);
    value = static_cast<int64_t>(fits ? u : 0);
  } else if (it->is_number_integer()) {
    value = it->get<int64_t>();
    fits = true;
  }
  if (!fits || value < lo || value > hi) {
    *err = std::string(key) + ": " + expected + " (got " + it->dump() + ")";
    return false;
  }
  *out = static_cast<int>(value);
  return true;
}

bool ReadFields(const nlohmann::json& spec, AttentionShape* shape, std::string* err) {
  const int64_t kIntMax = 2147483647;
  if (!ReadInt(spec, "batch", 1, kIntMax, "an integer >= 1", &shape->batch, err) ||
      !ReadInt(spec, "heads", 1, kIntMax, "an integer >= 1", &shape->heads, err) ||
      !ReadInt(spec, "seq_len", 1, kAttentionMaxSeqLen,
               "an integer in [1, " + std::to_string(kAttentionMaxSeqLen) + "]", &shape->seq_len,
               err) ||
      !ReadInt(spec, "head_dim", 1, kIntMax, "64 or 128", &shape->head_dim, err)) {
    return false;
  }
  if (shape->head_dim != 64 && shape->head_dim != 128) {
    *err = "head_dim: 64 or 128 (got " + std::to_string(shape->head_dim) + ")";
    return false;
  }
  auto dtype = spec.find("dtype");
  if (dtype == spec.end()) {
    *err = "dtype: missing (\"fp16\" or \"bf16\")";
    return false;
  }
  if (!dtype->is_string() || !ParseDType(dtype->get<std::string>(), &shape->dtype) ||
      shape->dtype == DType::kF32) {
    *err = "dtype: \"fp16\" or \"bf16\" (got " + dtype->dump() + ")";
    return false;
  }
  auto causal = spec.find("causal");
  if (causal == spec.end()) {
    *err = "causal: missing (true or false)";
    return false;
  }
  if (!causal->is_boolean()) {
    *err = "causal: true or false (got " + causal->dump() + ")";
    return false;
  }
  shape->causal = causal->get<bool>();
  return true;
}

}  // namespace

bool ParseAttentionShape(const nlohmann::json& spec, AttentionShape* shape, std::string* err) {
  if (!spec.is_object()) {
    *err = "a case must be a JSON object (got " + spec.dump() + ")";
    return false;
  }
  for (const auto& [key, value] : spec.items()) {
    if (key != "name" && key != "batch" && key != "heads" && key != "seq_len" &&
        key != "head_dim" && key != "dtype" && key != "causal") {
      *err = "unknown field \"" + key +
             "\" (expected batch, heads, seq_len, head_dim, dtype, causal, name)";
      return false;
    }
  }
  AttentionShape parsed;
  if (!ReadFields(spec, &parsed, err)) return false;
  // In double: the product of four ints can overflow 64 bits only past any sane bound anyway.
  const double elements =
      static_cast<double>(parsed.batch) * parsed.heads * parsed.seq_len * parsed.head_dim;
  if (elements > kAttentionMaxElements) {
    *err = "batch * heads * seq_len * head_dim: at most 2^28 elements per tensor (got " +
           std::to_string(static_cast<long long>(elements)) + ")";
    return false;
  }
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

std::string DescribeAttentionShape(const AttentionShape& shape) {
  return "b" + std::to_string(shape.batch) + " h" + std::to_string(shape.heads) + " s" +
         std::to_string(shape.seq_len) + " d" + std::to_string(shape.head_dim) + " " +
         DTypeName(shape.dtype) + (shape.causal ? " causal" : "");
}

}  // namespace judge::gpu
