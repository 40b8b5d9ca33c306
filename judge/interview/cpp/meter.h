// The limits and measurements around one call: CPU time by ITIMER_PROF, sleeping by
// ITIMER_REAL, memory by RLIMIT_AS, and the peak resident size the call added. Built with
// AddressSanitizer, memory is the heap's peak during the call instead (heap_meter.h), and the
// sanitizer's own max_allocation_size_mb stands for RLIMIT_AS (judge/run/sanitizers.cc).
//
// Part of the C++ harness runtime: harness_runtime.h includes the parts in order, and the judge
// embeds them as one text (judge/interview/embed.cmake). What follows JUDGE_HARNESS_DEFINITIONS
// is compiled once with the runtime, not with every solution (harness_runtime.h).

namespace judge_harness {

struct ProcMemory {
  long long rss_kb = 0, hwm_kb = 0, size_kb = 0;
};

ProcMemory ReadProcMemory();
// Resets the peak resident size (VmHWM) to the current one; false where the kernel refuses.
bool ResetPeakMemory();
// The calling thread's CPU time. Not CLOCK_PROCESS_CPUTIME_ID: while ITIMER_PROF is armed the
// kernel answers the process clock from a group counter updated at scheduler ticks, which
// misreads a short call by up to a tick (milliseconds). The harness is one thread; a solution's
// own threads still count against ITIMER_PROF, which bounds the whole process.
long long CpuTimeNs();

struct Usage {
  long long time_ns = 0;
  long long memory_kb = 0;
};

// Arms the limits and starts measuring in Start(); Stop() undoes both. Between them only the
// solution runs: SIGPROF (CPU time) or SIGALRM (sleeping) kill the process with their default
// action, and an allocation past RLIMIT_AS fails inside the solution.
class Meter {
 public:
  Meter(long long time_limit_ms, long long wall_limit_ms, long long memory_limit_kb)
      : time_limit_ms_(time_limit_ms),
        wall_limit_ms_(wall_limit_ms),
        memory_limit_kb_(memory_limit_kb) {}
  void Start();
  Usage Stop();

 private:
  void StartTimers();
  Usage StopTimers();

  long long time_limit_ms_, wall_limit_ms_, memory_limit_kb_;
  long long start_ns_ = 0;
#if defined(__SANITIZE_ADDRESS__)
  long long heap_before_bytes_ = 0;
#else
  long long rss_before_kb_ = 0;
  rlimit saved_as_{};
  bool limited_memory_ = false;
#endif
};

#ifdef JUDGE_HARNESS_DEFINITIONS

ProcMemory ReadProcMemory() {
  ProcMemory m;
  const int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return m;
  char buffer[8192];
  ssize_t total = 0, got;
  while (total < ssize_t(sizeof buffer) - 1 &&
         (got = read(fd, buffer + total, sizeof buffer - 1 - total)) > 0)
    total += got;
  close(fd);
  buffer[total > 0 ? total : 0] = '\0';
  const auto field = [&](const char* name) -> long long {
    const char* at = std::strstr(buffer, name);
    return at ? std::atoll(at + std::strlen(name)) : 0;
  };
  m.rss_kb = field("VmRSS:");
  m.hwm_kb = field("VmHWM:");
  m.size_kb = field("VmSize:");
  return m;
}

bool ResetPeakMemory() {
  const int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = write(fd, "5", 1) == 1;
  close(fd);
  return ok;
}

long long CpuTimeNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void SetTimer(int which, long long ms) {
  itimerval value{};
  value.it_value.tv_sec = ms / 1000;
  value.it_value.tv_usec = (ms % 1000) * 1000;
  setitimer(which, &value, nullptr);
}

#if defined(__SANITIZE_ADDRESS__)
void Meter::Start() {
  heap_before_bytes_ = ResetHeapPeak();
  StartTimers();
}

Usage Meter::Stop() {
  Usage usage = StopTimers();
  usage.memory_kb = std::max(0LL, HeapPeakBytes() - heap_before_bytes_) / 1024;
  return usage;
}
#else
void Meter::Start() {
  // Freed memory of earlier cases goes back to the kernel, so the solution's allocations show
  // up in the resident size instead of silently reusing it.
  malloc_trim(0);
  ResetPeakMemory();  // without it the peak may predate the call: the formula still holds
  const ProcMemory before = ReadProcMemory();
  rss_before_kb_ = before.rss_kb;
  limited_memory_ = false;
  if (memory_limit_kb_ > 0 && getrlimit(RLIMIT_AS, &saved_as_) == 0) {
    rlimit limit = saved_as_;
    rlim_t wanted = rlim_t(before.size_kb + memory_limit_kb_) * 1024;
    if (limit.rlim_max != RLIM_INFINITY && wanted > limit.rlim_max) wanted = limit.rlim_max;
    limit.rlim_cur = wanted;
    limited_memory_ = setrlimit(RLIMIT_AS, &limit) == 0;
  }
  StartTimers();
}

Usage Meter::Stop() {
  Usage usage = StopTimers();
  if (limited_memory_) setrlimit(RLIMIT_AS, &saved_as_);
  usage.memory_kb = std::max(0LL, ReadProcMemory().hwm_kb - rss_before_kb_);
  return usage;
}
#endif

void Meter::StartTimers() {
  if (time_limit_ms_ > 0) SetTimer(ITIMER_PROF, time_limit_ms_ + 100);
  if (wall_limit_ms_ > 0) SetTimer(ITIMER_REAL, wall_limit_ms_);
  start_ns_ = CpuTimeNs();
}

Usage Meter::StopTimers() {
  Usage usage;
  usage.time_ns = CpuTimeNs() - start_ns_;
  if (time_limit_ms_ > 0) SetTimer(ITIMER_PROF, 0);
  if (wall_limit_ms_ > 0) SetTimer(ITIMER_REAL, 0);
  return usage;
}

#endif  // JUDGE_HARNESS_DEFINITIONS

}  // namespace judge_harness
