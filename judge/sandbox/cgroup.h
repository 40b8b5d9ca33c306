// A cgroup per isolated run, for the limits an rlimit cannot give: memory of the whole run
// (every thread and process, tmpfs files and page cache included) and the number of processes
// and threads. Version 1 (memory and pids hierarchies) or 2, under the judge's own cgroup;
// where neither is writable, the run falls back to RLIMIT_AS and RLIMIT_NPROC.
//
// The run's first process joins by writing "0" to each cgroup.procs path (async-signal-safe);
// its children inherit the cgroup. After the run has ended, read whether the memory limit was
// hit and the CPU time used, then Remove() deletes the cgroup. Not thread-safe; one object per
// run, or per box of runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace judge {

struct CgroupSupport {
  int version = 0;                   // 0: none usable
  std::vector<std::string> parents;  // where run cgroups are made: one per v1 hierarchy, or one
  std::string why_not;               // when version is 0
  // v1 only: where a run's cpuacct cgroup is made, for the CPU time of a run killed before it
  // could report its own; empty where there is none (v2 has cpu.stat in the run's cgroup).
  std::string cpu_parent = {};
};

// Probed once per process (makes and removes a test cgroup).
const CgroupSupport& DetectCgroups();

class RunCgroup {
 public:
  RunCgroup() = default;
  ~RunCgroup() { Remove(); }
  RunCgroup(const RunCgroup&) = delete;
  RunCgroup& operator=(const RunCgroup&) = delete;

  // memory_bytes 0: no memory limit; processes counts threads too.
  bool Create(const CgroupSupport& support, uint64_t memory_bytes, int processes);
  // The files the child writes "0" to, NUL-terminated C strings kept alive by this object.
  const std::vector<std::string>& procs_files() const { return procs_files_; }
  // True when the run was stopped at the memory limit since this was last asked: a box
  // (isolated_box.h) runs one program after another in the same cgroup.
  bool MemoryLimitHit();
  // The most memory the cgroup held since it was made or since ResetPeak() (v1:
  // memory.max_usage_in_bytes; v2: memory.peak, which kernels before 6.12 cannot reset);
  // nullopt where it cannot say. Counts what the run's programs charged to it, not the pages
  // a program inherited from the judge before its exec, which ru_maxrss includes.
  void ResetPeak();
  std::optional<long> PeakKb() const;
  // The CPU time every process of the run used, counted by the kernel: the one figure left when
  // the run was killed at its wall-clock limit before it could report its own. Nullopt where
  // the cgroup does not count it.
  std::optional<double> CpuSeconds() const;
  void Remove();

 private:
  int version_ = 0;
  std::vector<std::string> dirs_;
  std::vector<std::string> procs_files_;
  std::string cpu_usage_file_;  // cpu.stat (v2) or cpuacct.usage (v1); empty: not counted
  long oom_kills_seen_ = 0;
  int peak_fd_ = -1;        // v2: memory.peak, open for the resets that go through it
  bool peak_reset_ = true;  // false after a reset the kernel refused
};

}  // namespace judge
