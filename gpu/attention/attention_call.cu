// The attention problem's call side (gpu/harness/gpu_problem.h's ProblemCall): attention_forward
// on a case's q, k, v and o, with the arguments attention_case.cu's Call() gives, on a stream of
// the calling process's own. Linked only into runners (with the submission), never the checker.
#include <cuda_runtime.h>

#include <memory>
#include <string>
#include <vector>

#include "gpu/attention/attention_api.h"
#include "gpu/harness/cuda_check.h"
#include "gpu/harness/gpu_problem.h"

namespace judge::gpu {
namespace {

class AttentionCall : public BoundCall {
 public:
  AttentionCall(const nlohmann::json& args, const std::vector<void*>& buffers, int device)
      : buffers_(buffers),
        batch_(args["batch"]),
        heads_(args["heads"]),
        seq_len_(args["seq_len"]),
        head_dim_(args["head_dim"]),
        dtype_(args["dtype"]),
        causal_(args["causal"]),
        scale_(args["scale"]) {
    int current = 0;
    CUDA_CHECK(cudaGetDevice(&current));
    CUDA_CHECK(cudaSetDevice(device));
    CUDA_CHECK(cudaStreamCreate(&stream_));
    CUDA_CHECK(cudaSetDevice(current));
  }
  ~AttentionCall() override { cudaStreamDestroy(stream_); }  // no throw from a destructor

  void Run() override {
    attention_forward(buffers_[0], buffers_[1], buffers_[2], buffers_[3], batch_, heads_, seq_len_,
                      head_dim_, dtype_, causal_, scale_, stream_);
  }

 private:
  std::vector<void*> buffers_;  // q, k, v, o
  int batch_, heads_, seq_len_, head_dim_, dtype_, causal_;
  float scale_;
  cudaStream_t stream_ = nullptr;
};

std::unique_ptr<BoundCall> BindAttention(const nlohmann::json& args,
                                         const std::vector<void*>& buffers,
                                         const std::vector<int>& devices, std::string* err) {
  if (buffers.size() != 4 || devices.size() != 4) {
    *err = "attention takes 4 buffers (q, k, v, o)";
    return nullptr;
  }
  for (const char* name : {"batch", "heads", "seq_len", "head_dim", "dtype", "causal", "scale"}) {
    if (!args.is_object() || !args.contains(name) || !args[name].is_number()) {
      *err = std::string("attention's call needs a number \"") + name + "\"";
      return nullptr;
    }
  }
  return std::make_unique<AttentionCall>(args, buffers, devices[0]);
}

}  // namespace

const ProblemCall kProblemCall = {&BindAttention};

}  // namespace judge::gpu
