// The runner's main when the check runs apart (gpu/PROTOCOL.md, "Two processes"), linked first
// with a submission, so that its reference to kProblemCall pulls the problem's call side out of
// lib<slug>_runner.a. On its socket (fd 0) it maps the buffers each case lends, calls the entry
// point when told, and says when the work is done on every device. It is never told the seed,
// the counts, or which call is timed, and writes no result: the checker does.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "gpu/harness/call_channel.h"
#include "gpu/harness/device_sync.h"
#include "gpu/harness/gpu_error.h"
#include "gpu/harness/gpu_problem.h"
#include "gpu/harness/runner_main.h"
#include "gpu/harness/shared_memory.h"

namespace judge::gpu {
namespace {

// One case's lent buffers, mapped here, and the entry point bound to them.
class LentCase {
 public:
  ~LentCase() { Release(); }

  // Maps the buffers of a "case" message and binds the call; false + err when it does not fit.
  bool Take(const ChannelMessage& message, std::string* err) {
    Release();
    const nlohmann::json& buffers = message.body.value("buffers", nlohmann::json());
    if (!buffers.is_array() || buffers.size() != message.fds.size()) {
      *err = "a case whose buffers and descriptors do not match";
      return false;
    }
    std::vector<int> devices;
    for (const nlohmann::json& buffer : buffers) {
      if (!buffer.is_object() || !buffer.value("device", nlohmann::json()).is_number_integer() ||
          !buffer.value("bytes", nlohmann::json()).is_number_unsigned()) {
        *err = "a buffer without its device and bytes";
        return false;
      }
      devices.push_back(buffer["device"].get<int>());
    }
    std::vector<void*> pointers;
    for (size_t i = 0; i < buffers.size(); ++i) {
      mappings_.push_back(ImportSharedMemory(
          message.fds[i].get(), buffers[i]["bytes"].get<size_t>(), devices[i], devices));
      pointers.push_back(mappings_.back().ptr);
    }
    bound_ =
        kProblemCall.bind(message.body.value("args", nlohmann::json()), pointers, devices, err);
    return bound_ != nullptr;
  }

  // One call, done on every device before it returns; false when no case is bound.
  bool Call() {
    if (!bound_) return false;
    bound_->Run();
    SynchronizeAllDevices();
    return true;
  }

  void Release() {
    bound_.reset();
    for (SharedMapping& mapping : mappings_) ReleaseSharedMemory(&mapping);
    mappings_.clear();
  }

 private:
  std::vector<SharedMapping> mappings_;
  std::unique_ptr<BoundCall> bound_;
};

int Serve(CallChannel& channel) {
  LentCase lent;
  std::string err;
  auto answer = [&](const nlohmann::json& message) { return channel.Send(message, {}, &err); };
  for (;;) {
    ChannelMessage message;
    if (!channel.Receive(&message, &err)) {
      if (err.empty()) return kRunnerDone;  // the checker is done
      std::fprintf(stderr, "runner: %s\n", err.c_str());
      return kRunnerBadUsage;
    }
    const std::string type = message.body.value("type", "");
    try {
      if (type == "case") {
        if (!answer(lent.Take(message, &err) ? nlohmann::json{{"type", "ready"}}
                                             : nlohmann::json{{"type", "error"}, {"detail", err}}))
          return kRunnerDone;
      } else if (type == "call") {
        if (!answer(lent.Call()
                        ? nlohmann::json{{"type", "done"}}
                        : nlohmann::json{{"type", "error"}, {"detail", "a call before any case"}}))
          return kRunnerDone;
      } else if (type == "end_case") {
        lent.Release();
      } else {
        std::fprintf(stderr, "runner: a message the protocol does not have: %s\n",
                     message.body.dump().substr(0, 200).c_str());
        return kRunnerBadUsage;
      }
    } catch (const CudaError& e) {
      // The context may be dead: say why, and end.
      answer({{"type", "error"}, {"detail", e.what()}});
      return kRunnerCudaError;
    }
  }
}

}  // namespace
}  // namespace judge::gpu

int main() {
  // The socket moves off fd 0, and stdin reads nothing: a submission that reads stdin does not
  // take the checker's messages.
  const int socket = dup(0);
  if (socket < 0 || !std::freopen("/dev/null", "r", stdin)) {
    std::fprintf(stderr, "runner: fd 0 is not the checker's socket\n");
    return judge::gpu::kRunnerBadUsage;
  }
  judge::gpu::CallChannel channel(socket);
  return judge::gpu::Serve(channel);
}
