// The allreduce runner's problem half: measures the device's copy bandwidth once (the single-GPU
// floor is a fraction of it) and builds cases. Linked with the harness and a submission by
// `judge gpu run allreduce FILE`.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/allreduce/allreduce_case.h"
#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/harness/device_rates.h"
#include "gpu/harness/gpu_problem.h"
#include "gpu/harness/runner_main.h"

namespace judge::gpu {
namespace {

class AllreduceProblem : public GpuProblem {
 public:
  std::vector<Figure> MeasureDevice() override {
    copy_gbps_ = MeasureDeviceCopyGBps();
    return {{"copy_gbps", copy_gbps_}};
  }

  std::unique_ptr<GpuCase> MakeCase(const nlohmann::json& spec, std::string* err) override {
    AllreduceShape shape;
    if (!ParseAllreduceShape(spec, &shape, err)) return nullptr;
    return MakeAllreduceCase(shape, copy_gbps_);
  }

 private:
  double copy_gbps_ = 0;  // 0 until measured: correctness-only runs have no floor
};

}  // namespace
}  // namespace judge::gpu

int main(int argc, char** argv) {
  judge::gpu::AllreduceProblem problem;
  return judge::gpu::RunnerMain(argc, argv, problem);
}
