#include "judge/gpu/gpu_problem_table.h"

#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/attention/attention_shape.h"

namespace judge::gpu {
namespace {

// Every submission may call cuBLAS; allreduce's may also call NCCL, linked when it is included.
constexpr GpuProblemKind kGpuProblems[] = {
    {"attention", "attention_forward", "-lcublas", "", &ValidateAttentionSpec},
    {"allreduce", "allreduce_sum", "-lcublas", "-lnccl", &ValidateAllreduceSpec},
};

}  // namespace

const GpuProblemKind* FindGpuProblemKind(const std::string& slug) {
  for (const GpuProblemKind& kind : kGpuProblems)
    if (slug == kind.slug) return &kind;
  return nullptr;
}

}  // namespace judge::gpu
