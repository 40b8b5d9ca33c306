#include "judge/timing/hardware_counters.h"

#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace judge {

CounterSupport ProbeHardwareCounters() {
  perf_event_attr attr{};
  attr.type = PERF_TYPE_HARDWARE;
  attr.size = sizeof attr;
  attr.config = PERF_COUNT_HW_INSTRUCTIONS;
  attr.disabled = 1;
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  const long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
  CounterSupport support;
  if (fd >= 0) {
    close(static_cast<int>(fd));
    support.instructions = true;
    return support;
  }
  const int error = errno;
  support.why_not = std::string("perf_event_open: ") + std::strerror(error);
  if (error == ENOENT || error == EOPNOTSUPP)
    support.why_not += " (this machine exposes no hardware counters)";
  else if (error == EACCES || error == EPERM)
    support.why_not += " (not permitted: see /proc/sys/kernel/perf_event_paranoid)";
  return support;
}

}  // namespace judge
