// The allreduce problem's call side (gpu/harness/gpu_problem.h's ProblemCall): allreduce_sum on a
// case's rank buffers, with one stream per rank made on the rank's device by the calling process.
// Linked only into runners (with the submission), never the checker.
#include <cuda_runtime.h>

#include <memory>
#include <string>
#include <vector>

#include "gpu/allreduce/allreduce_api.h"
#include "gpu/allreduce/allreduce_shape.h"
#include "gpu/harness/cuda_check.h"
#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {
namespace {

class AllreduceCall : public BoundCall {
 public:
  AllreduceCall(const std::vector<void*>& buffers, const std::vector<int>& devices, size_t count,
                int dtype)
      : buffers_(buffers), devices_(devices), count_(count), dtype_(dtype) {
    int current = 0;
    CUDA_CHECK(cudaGetDevice(&current));
    for (int device : devices_) {
      CUDA_CHECK(cudaSetDevice(device));
      cudaStream_t stream = nullptr;
      // A blocking stream: ordered after the harness's fills on the legacy default stream.
      CUDA_CHECK(cudaStreamCreate(&stream));
      streams_.push_back(stream);
    }
    CUDA_CHECK(cudaSetDevice(current));
  }
  ~AllreduceCall() override {
    // Each stream destroyed with its own device current; no throw from a destructor.
    for (size_t r = 0; r < streams_.size(); ++r) {
      cudaSetDevice(devices_[r]);
      cudaStreamDestroy(streams_[r]);
    }
  }

  void Run() override {
    // The submission may switch devices; the timer records its stop event on the current
    // device, which must be the one its start event was recorded on.
    int current = 0;
    CUDA_CHECK(cudaGetDevice(&current));
    allreduce_sum(buffers_.data(), static_cast<int>(buffers_.size()), count_, dtype_,
                  devices_.data(), streams_.data());
    CUDA_CHECK(cudaSetDevice(current));
  }

 private:
  std::vector<void*> buffers_;
  std::vector<int> devices_;
  size_t count_;
  int dtype_;
  std::vector<cudaStream_t> streams_;
};

std::unique_ptr<BoundCall> BindAllreduce(const nlohmann::json& args,
                                         const std::vector<void*>& buffers,
                                         const std::vector<int>& devices, std::string* err) {
  const int ranks = static_cast<int>(buffers.size());
  if (ranks < kAllreduceMinRanks || ranks > kAllreduceMaxRanks ||
      devices.size() != buffers.size()) {
    *err = "allreduce takes one buffer and one device per rank, 2 to 8 ranks";
    return nullptr;
  }
  if (!args.is_object() || !args.contains("count") || !args["count"].is_number_unsigned() ||
      !args.contains("dtype") || !args["dtype"].is_number_integer()) {
    *err = "allreduce's call needs \"count\" and \"dtype\"";
    return nullptr;
  }
  return std::make_unique<AllreduceCall>(buffers, devices, args["count"].get<size_t>(),
                                         args["dtype"].get<int>());
}

}  // namespace

const ProblemCall kProblemCall = {&BindAllreduce};

}  // namespace judge::gpu
