// The attention problem's runner: the shared harness (runner_main.h) with this problem's cases.
// Linked by `judge gpu run attention FILE` with the submission's attention_forward.
#include <memory>
#include <string>
#include <vector>

#include "gpu/attention/attention_case.h"
#include "gpu/attention/attention_shape.h"
#include "gpu/harness/device_rates.h"
#include "gpu/harness/gpu_problem.h"
#include "gpu/harness/runner_main.h"

namespace judge::gpu {
namespace {

class AttentionProblem : public GpuProblem {
 public:
  std::vector<Figure> MeasureDevice() override {
    matmul_tflops_ = MeasureBf16MatmulTflops();
    copy_gbps_ = MeasureDeviceCopyGBps();
    return {{"matmul_bf16_tflops", matmul_tflops_}, {"copy_gbps", copy_gbps_}};
  }

  std::unique_ptr<GpuCase> MakeCase(const nlohmann::json& spec, std::string* err) override {
    AttentionShape shape;
    if (!ParseAttentionShape(spec, &shape, err)) return nullptr;
    return MakeAttentionCase(shape, matmul_tflops_, copy_gbps_);
  }

 private:
  // 0 until measured: untimed runs skip MeasureDevice, and their cases report no figures.
  double matmul_tflops_ = 0;
  double copy_gbps_ = 0;
};

}  // namespace
}  // namespace judge::gpu

int main(int argc, char** argv) {
  judge::gpu::AttentionProblem problem;
  return judge::gpu::RunnerMain(argc, argv, problem);
}
