// Whether this machine lets the judge count instructions retired (perf_event_open with a
// hardware counter). Virtual machines often expose none; then timing falls back to CPU time
// alone and says so.
#pragma once

#include <string>

namespace judge {

struct CounterSupport {
  bool instructions = false;
  std::string why_not;  // "perf_event_open: No such file or directory (no hardware counters)"
};

CounterSupport ProbeHardwareCounters();

}  // namespace judge
