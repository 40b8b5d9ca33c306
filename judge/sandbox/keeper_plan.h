// What a keeper (keeper.h) is given, made ready in the judge before the clone, and how the judge
// reads what it sends back (internal to judge/sandbox/). The plan holds the program's files,
// limits and user, the system-call filters, the private root and the cgroup, so that the keeper,
// which may not allocate, only follows pointers into it. A PreparedKeeper serves one run, or
// every run of one box, from one thread at a time.
#pragma once

#include <linux/filter.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/types.h>

#include <array>
#include <string>
#include <vector>

#include "judge/sandbox/cgroup.h"
#include "judge/sandbox/isolated_run.h"
#include "judge/sandbox/private_root.h"
#include "judge/sandbox/process_steps.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

// How the program's run ended, as the keeper saw it.
struct ExitRecord {
  int status = 0;
  rusage usage{};
  bool tmp_untouched = true;  // a box's /tmp is as it was: the box may serve the next run
};

struct KeeperPlan {
  process::ChildFiles files;
  std::array<process::Rlimit, process::kRlimits> limits;
  const PrivateRoot* root;
  std::vector<const char*> cgroup_procs;
  NamespaceMode mode;
  uid_t uid;
  std::string uid_map, gid_map;  // for a user namespace: "1000 <outer> 1"
  sock_fprog filter;             // len 0: none
  sock_fprog notify;             // len 0: no exec-once
  bool loopback_up;              // a GPU runner: its namespace's loopback device up
  int report_fd;
  int status_fd;  // a single run: where the keeper writes the ExitRecord
  int box_fd;     // a box: the socket runs come in on and records go out on; -1 otherwise
  // Shared with the judge: the program's peak resident size just before its exec, in KiB. A
  // fork of the keeper starts with the pages it inherited from the judge, and ru_maxrss keeps
  // that peak across the exec.
  volatile long* pre_exec_maxrss_kb;
};

// A page the keeper's children can write and the judge read: MAP_SHARED survives their forks.
class SharedPage {
 public:
  SharedPage() {
    void* page = mmap(nullptr, kSize, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    page_ = page == MAP_FAILED ? nullptr : static_cast<long*>(page);
  }
  ~SharedPage() {
    if (page_ != nullptr) munmap(page_, kSize);
  }
  SharedPage(const SharedPage&) = delete;
  SharedPage& operator=(const SharedPage&) = delete;
  volatile long* get() const { return page_; }

 private:
  static constexpr size_t kSize = 4096;
  long* page_;
};

// Everything a keeper needs, made ready before the clone. Pointers in `plan` lead into `spec`
// and `root`, so it stays where it was made.
struct PreparedKeeper {
  PreparedKeeper() = default;
  PreparedKeeper(const PreparedKeeper&) = delete;
  PreparedKeeper& operator=(const PreparedKeeper&) = delete;

  ProcessSpec spec;
  std::string exec_path;
  PrivateRoot root;
  RunCgroup cgroup;
  KeeperPlan plan{};
  SharedPage shared;
};

// Fails with a ready ProcessResult (a start failure) in *failure.
bool PrepareKeeper(const ProcessSpec& original, const IsolatedSetup& setup, PreparedKeeper* k,
                   ProcessResult* failure);

// What the keeper reported before the program's exec (or, in a box, before it was ready).
ProcessResult SetupFailure(const process::ChildReport& report, const PreparedKeeper& k);
// The program's exit status, CPU time and peak memory, from the keeper's record.
void SetExit(const ExitRecord& record, ProcessResult& result);
// Replaces a peak memory that only repeats what the program inherited (keeper_plan.cc).
void CorrectInheritedMemory(const PreparedKeeper& k, ProcessResult& result);

}  // namespace judge
