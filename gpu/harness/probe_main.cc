// gpu_probe: prints the device the judge would run on as one JSON object, so `judge gpu run` can
// compile for its architecture and knows whether the checker can lend device memory to a runner
// (gpu/PROTOCOL.md, "Two processes"); exits 3 (kRunnerNoDevice) with the reason when there is no
// device. It runs before any submission does, so that no submission can sway the answer.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "gpu/harness/device_info.h"
#include "gpu/harness/runner_main.h"
#include "gpu/harness/shared_memory.h"

int main() {
  const judge::gpu::DeviceInfo device = judge::gpu::ProbeDevice();
  if (!device.present) {
    std::printf(
        "%s\n",
        nlohmann::json{{"present", false}, {"reason", device.absent_reason}}.dump().c_str());
    return judge::gpu::kRunnerNoDevice;
  }
  std::string why;
  const bool lending = judge::gpu::MemoryLendingWorks(&why);
  nlohmann::json out = {{"present", true},
                        {"name", device.name},
                        {"count", device.count},
                        {"major", device.major},
                        {"minor", device.minor},
                        {"multiprocessors", device.multiprocessors},
                        {"driver_version", device.driver_version},
                        {"runtime_version", device.runtime_version},
                        {"lending", lending}};
  if (!lending) out["lending_reason"] = why;
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
