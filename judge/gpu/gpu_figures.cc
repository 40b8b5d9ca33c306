#include "judge/gpu/gpu_figures.h"

#include "judge/gpu/gpu_problem_table.h"

namespace judge::gpu {

std::string GpuMainFigure(const std::string& slug) {
  const GpuProblemKind* kind = FindGpuProblemKind(slug);
  return kind ? kind->main_figure : "";
}

std::string GpuSizeAxis(const std::string& slug) {
  const GpuProblemKind* kind = FindGpuProblemKind(slug);
  return kind ? kind->size_axis : "";
}

double GpuCaseSize(const std::string& slug, const nlohmann::json& spec) {
  const GpuProblemKind* kind = FindGpuProblemKind(slug);
  return kind ? kind->case_size(spec) : 0;
}

}  // namespace judge::gpu
