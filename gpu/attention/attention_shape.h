// The shape of one attention case, parsed from its JSON description in testcases/attention/, and
// the work it stands for (FLOPs, the bytes that must move). Pure C++: the judge side validates
// case files with it on machines without a GPU, and the runner builds its cases from it.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "gpu/harness/dtype.h"

namespace judge::gpu {

struct AttentionShape {
  int batch = 1;
  int heads = 1;
  int seq_len = 1;
  int head_dim = 64;
  DType dtype = DType::kF16;
  bool causal = false;
};

// Bounds a case must respect, so that every case fits one GPU with the references beside it
// (the GPU reference keeps a row of seq_len scores in shared memory).
constexpr int kAttentionMaxSeqLen = 16384;
constexpr double kAttentionMaxElements = 268435456.0;  // 2^28 per tensor: 512 MiB at 16 bits

// Reads {"batch", "heads", "seq_len", "head_dim", "dtype", "causal"} (all required; "name" is
// ignored, any other field is an error). false + *err naming the field and what was expected.
bool ParseAttentionShape(const nlohmann::json& spec, AttentionShape* shape, std::string* err);

// The judge side's check of one case object of a test file.
bool ValidateAttentionSpec(const nlohmann::json& spec, std::string* err);

// Elements of one of q, k, v, o: batch * heads * seq_len * head_dim.
size_t AttentionElements(const AttentionShape& shape);

// FlashAttention's convention: 4 * batch * heads * seq_len^2 * head_dim (two matmuls of
// 2 * S^2 * D each), halved when causal. Softmax is not counted.
double AttentionFlops(const AttentionShape& shape);

// The bytes any implementation must move: q, k and v read once and o written once.
double AttentionMinBytes(const AttentionShape& shape);

// The least time a correct run can take on a device that copies `copy_gbps` (GB/s) and multiplies
// matrices at `matmul_tflops`: the larger of moving AttentionMinBytes and doing AttentionFlops
// at those rates, each measured in the same run. A rate of 0 (not measured) floors nothing.
double AttentionFloorSeconds(const AttentionShape& shape, double copy_gbps, double matmul_tflops);

// "b2 h16 s1024 d128 bf16 causal": for messages and logs.
std::string DescribeAttentionShape(const AttentionShape& shape);

}  // namespace judge::gpu
