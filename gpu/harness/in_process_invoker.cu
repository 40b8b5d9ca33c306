// The single-process runner's way of calling the submission (submission_invoker.h).
#include <memory>
#include <string>
#include <vector>

#include "gpu/harness/device_buffer.h"
#include "gpu/harness/device_timing.h"
#include "gpu/harness/gpu_error.h"
#include "gpu/harness/submission_invoker.h"

namespace judge::gpu {
namespace {

class InProcessInvoker : public SubmissionInvoker {
 public:
  explicit InProcessInvoker(const ProblemCall& call) : call_(call) {}

  void BeginCase(const GpuCase& gpu_case) override {
    const SubmissionCall call = gpu_case.Call();
    std::vector<void*> pointers;
    for (const DeviceBuffer* buffer : call.buffers) pointers.push_back(buffer->get());
    std::string err;
    bound_ = call_.bind(call.args, pointers, call.devices, &err);
    if (!bound_) throw std::logic_error("the case's call does not bind: " + err);
  }
  void EndCase() override { bound_.reset(); }

  void Call() override {
    bound_->Run();
    SynchronizeAllDevices();
  }

  double TimedCall() override {
    timer_.Start();
    bound_->Run();
    return timer_.StopSeconds();
  }

 private:
  const ProblemCall& call_;
  std::unique_ptr<BoundCall> bound_;
  EventTimer timer_;
};

}  // namespace

std::unique_ptr<SubmissionInvoker> MakeInProcessInvoker(const ProblemCall& call) {
  return std::make_unique<InProcessInvoker>(call);
}

}  // namespace judge::gpu
