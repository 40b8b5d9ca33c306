#include "judge/gpu/gpu_problem_table.h"

#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/attention/attention_shape.h"

namespace judge::gpu {
namespace {

double SequenceLength(const nlohmann::json& spec) {
  AttentionShape shape;
  std::string err;
  return ParseAttentionShape(spec, &shape, &err) ? shape.seq_len : 0;
}

double BytesOfOneRank(const nlohmann::json& spec) {
  AllreduceShape shape;
  std::string err;
  return ParseAllreduceShape(spec, &shape, &err) ? static_cast<double>(BytesPerRank(shape)) : 0;
}

// Every submission may call cuBLAS; allreduce's may also call NCCL, linked when it is included.
constexpr GpuProblemKind kGpuProblems[] = {
    {"attention", "attention_forward", "-lcublas", "", &ValidateAttentionSpec, "tflops",
     "sequence length", &SequenceLength},
    {"allreduce", "allreduce_sum", "-lcublas", "-lnccl", &ValidateAllreduceSpec, "busbw_gbps",
     "bytes per rank", &BytesOfOneRank},
};

}  // namespace

const GpuProblemKind* FindGpuProblemKind(const std::string& slug) {
  for (const GpuProblemKind& kind : kGpuProblems)
    if (slug == kind.slug) return &kind;
  return nullptr;
}

}  // namespace judge::gpu
