// A cgroup per isolated run, for the limits an rlimit cannot give: memory of the whole run
// (every thread and process, tmpfs files and page cache included) and the number of processes
// and threads. Version 1 (memory and pids hierarchies) or 2, under the judge's own cgroup;
// where neither is writable, the run falls back to RLIMIT_AS and RLIMIT_NPROC.
//
// The run's first process joins by writing "0" to each cgroup.procs path (async-signal-safe);
// its children inherit the cgroup. Remove() after the run has ended: it reads whether the
// memory limit was hit and deletes the cgroup. Not thread-safe; one object per run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace judge {

struct CgroupSupport {
  int version = 0;                   // 0: none usable
  std::vector<std::string> parents;  // where run cgroups are made: one per v1 hierarchy, or one
  std::string why_not;               // when version is 0
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
  // True when the run was stopped at the memory limit.
  bool MemoryLimitHit() const;
  void Remove();

 private:
  int version_ = 0;
  std::vector<std::string> dirs_;
  std::vector<std::string> procs_files_;
};

}  // namespace judge
