// The checker's way of calling the submission (submission_invoker.h): it lends the case's buffers
// to the runner's process as file descriptors, then asks for one call at a time over the socket.
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "gpu/harness/device_buffer.h"
#include "gpu/harness/device_timing.h"
#include "gpu/harness/submission_invoker.h"

namespace judge::gpu {
namespace {

class ApartInvoker : public SubmissionInvoker {
 public:
  explicit ApartInvoker(CallChannel* channel) : channel_(channel) {}

  void BeginCase(const GpuCase& gpu_case) override {
    const SubmissionCall call = gpu_case.Call();
    nlohmann::json buffers = nlohmann::json::array();
    std::vector<UniqueFd> lent;
    std::vector<int> fds;
    for (size_t i = 0; i < call.buffers.size(); ++i) {
      buffers.push_back({{"device", call.devices[i]}, {"bytes", call.buffers[i]->shared_bytes()}});
      lent.emplace_back(call.buffers[i]->ExportFd());
      fds.push_back(lent.back().get());
    }
    Send({{"type", "case"}, {"args", call.args}, {"buffers", buffers}}, fds);
    // A runner that says it cannot map what it was lent is judged for it (RE): the checker has
    // made sure lending works here (MemoryLendingWorks), and a submission must not be able to
    // choose the single-process fallback.
    Answer("ready");
  }  // the descriptors close here: the runner holds its own copies

  void EndCase() override {
    std::string err;
    channel_->Send({{"type", "end_case"}}, {}, &err);  // a runner gone shows at the next call
  }

  void Call() override {
    Send({{"type", "call"}}, {});
    Answer("done");
  }

  double TimedCall() override {
    SynchronizeAllDevices();  // this process's fills and L2 flush are done: the inputs are in place
    const auto start = std::chrono::steady_clock::now();
    Call();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

 private:
  void Send(const nlohmann::json& message, const std::vector<int>& fds) {
    std::string err;
    if (!channel_->Send(message, fds, &err))
      throw RunnerStopped("the runner is gone (" + err + ")");
  }

  // Waits for `expected`; {"type": "error", "detail"} is the submission's failure, anything else
  // (or nothing) a runner that stopped keeping to the protocol.
  void Answer(const std::string& expected) {
    ChannelMessage answer;
    std::string err;
    if (!channel_->Receive(&answer, &err))
      throw RunnerStopped(err.empty() ? "the runner closed its end" : "the runner sent " + err);
    const std::string type = answer.body.value("type", "");
    if (type == expected && answer.fds.empty()) return;
    if (type == "error") {
      const nlohmann::json& detail = answer.body.value("detail", nlohmann::json());
      throw SubmissionFailed(detail.is_string() ? detail.get<std::string>() : "the runner failed");
    }
    throw RunnerStopped("the runner answered " + answer.body.dump().substr(0, 200) +
                        " where the protocol wants " + expected);
  }

  CallChannel* channel_;
};

}  // namespace

std::unique_ptr<SubmissionInvoker> MakeApartInvoker(CallChannel* channel) {
  return std::make_unique<ApartInvoker>(channel);
}

}  // namespace judge::gpu
