#include "judge/gpu/gpu_figures.h"

#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/attention/attention_shape.h"

namespace judge::gpu {

std::string GpuMainFigure(const std::string& slug) {
  if (slug == "attention") return "tflops";
  if (slug == "allreduce") return "busbw_gbps";
  return "";
}

std::string GpuSizeAxis(const std::string& slug) {
  if (slug == "attention") return "sequence length";
  if (slug == "allreduce") return "bytes per rank";
  return "";
}

double GpuCaseSize(const std::string& slug, const nlohmann::json& spec) {
  std::string err;
  if (slug == "attention") {
    AttentionShape shape;
    return ParseAttentionShape(spec, &shape, &err) ? shape.seq_len : 0;
  }
  if (slug == "allreduce") {
    AllreduceShape shape;
    return ParseAllreduceShape(spec, &shape, &err) ? static_cast<double>(BytesPerRank(shape)) : 0;
  }
  return 0;
}

}  // namespace judge::gpu
