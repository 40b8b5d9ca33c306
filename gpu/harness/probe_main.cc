// gpu_probe: prints the device the judge would run on as one JSON object, so `judge gpu run` can
// compile for its architecture; exits 3 (kRunnerNoDevice) with the reason when there is none.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "gpu/harness/device_info.h"
#include "gpu/harness/runner_main.h"

int main() {
  const judge::gpu::DeviceInfo device = judge::gpu::ProbeDevice();
  if (!device.present) {
    std::printf(
        "%s\n",
        nlohmann::json{{"present", false}, {"reason", device.absent_reason}}.dump().c_str());
    return judge::gpu::kRunnerNoDevice;
  }
  const nlohmann::json out = {{"present", true},
                              {"name", device.name},
                              {"count", device.count},
                              {"major", device.major},
                              {"minor", device.minor},
                              {"multiprocessors", device.multiprocessors},
                              {"driver_version", device.driver_version},
                              {"runtime_version", device.runtime_version}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
