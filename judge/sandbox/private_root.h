// The file system an isolated run sees: a fresh tmpfs root holding only the system's read-only
// directories (/usr, /bin, /lib*, /sbin, two files of /etc; with what is mounted beneath them, such
// as a CUDA toolkit or the GPU driver's /usr/local/nvidia, read-only too), a minimal /dev (null,
// zero, full, random, urandom), a new /proc for the run's own PID namespace, a private size-limited
// /tmp, the workdir (read-only unless the spec lets the program write it) and the spec's read-only
// paths, each at the same absolute path as outside; for a GPU runner, the GPU's device files and
// parts of /sys. Nothing else of the machine is there: not
// the project's testcases/ or solutions/, not the build cache, not the judge.
//
// Built in two halves: Plan() in the judge (it allocates), Apply() in the child, in a fresh
// mount namespace, between fork and exec, with async-signal-safe calls only.
#pragma once

#include <sys/stat.h>

#include <deque>
#include <string>
#include <vector>

#include "judge/sandbox/sandbox.h"

namespace judge {

struct MountStep {
  enum Kind { kOpenSource, kTmpfs, kProc, kMkdir, kTouch, kSymlink, kBind, kPivot };
  Kind kind;
  const char* path = nullptr;  // target (kOpenSource: the source on the judge's side)
  const char* text = nullptr;  // kTmpfs: mount options; kSymlink: the link's text
  unsigned long flags = 0;     // kBind: MS_RDONLY etc. applied by a remount; kTmpfs: mount flags
  int source = -1;             // kBind: index of the kOpenSource step's descriptor
};

class PrivateRoot {
 public:
  // Fails (with a message) only when a path the spec names cannot be shown.
  bool Plan(const ProcessSpec& spec, std::string* err);

  // Child side. On failure returns false with *failed naming the step (for Describe).
  bool Apply(int* failed) const;
  // Child side, after Apply, for a box (isolated_box.h): notes how the private /tmp looks, and
  // later tells whether it still looks so: nothing created in it, nothing removed, no times
  // changed. A run that used /tmp leaves the box for a fresh one, so nothing it wrote there can
  // reach the next run.
  void RememberTmp() const;
  bool TmpAsRemembered() const;
  std::string Describe(int step) const;

 private:
  const char* Keep(const std::string& text);
  void Add(MountStep::Kind kind, const std::string& path, const char* text = nullptr,
           unsigned long flags = 0, int source = -1);
  void MakeDirs(const std::string& path);  // mkdir -p of a path inside the new root
  void Bind(const std::string& source, bool is_dir, bool read_only);
  void ShowGpuDevices();  // Isolation::gpu_devices

  std::deque<std::string> strings_;  // every string a step points to; a deque never moves them
  std::vector<MountStep> steps_;
  std::vector<std::string> made_;  // directories already planned
  mutable std::vector<int> fds_;   // one per kOpenSource, filled in by the child
  mutable struct stat tmp_stat_ = {};
  mutable unsigned long tmp_free_inodes_ = 0;
};

}  // namespace judge
