// The two ways LocalSandbox runs a program (internal to judge/sandbox/): plain (rlimits and a
// process group) and isolated (namespaces, private root, unprivileged user, seccomp, cgroup),
// and the probe that decides how much isolation this machine allows.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "judge/sandbox/cgroup.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

enum class NamespaceMode {
  kNone,           // no namespaces: the plain run
  kRoot,           // the judge is root: namespaces directly, then a fresh unprivileged uid
  kUserNamespace,  // an unprivileged judge: a user namespace first, uid 1000 inside it
};

struct IsolatedSetup {
  NamespaceMode mode = NamespaceMode::kNone;
  bool seccomp = false;    // load the system-call filter
  bool exec_once = false;  // refuse every exec after the program's own (user notification)
  CgroupSupport cgroup;    // version 0: no cgroup, rlimits only
};

ProcessResult RunPlain(const ProcessSpec& spec);
ProcessResult RunIsolated(const ProcessSpec& spec, const IsolatedSetup& setup);

struct PreparedKeeper;

// The start error of a box whose keeper died between runs (it dies with the thread that made
// it): the run did not start, and a fresh box can run it.
inline constexpr char kBoxKeeperGone[] = "sandbox: the box's keeper is gone";

// A box, as isolate calls it: one keeper, its namespaces, private root and cgroup, kept for a
// series of runs of the same spec (a competitive problem's tests, a timing run's passes), so
// that the isolation is paid for once. Each run is a fresh program, given its files as
// descriptors; before the next, every process it left is killed and its /tmp emptied. A run
// past its wall limit ends the box (Fits() is then false). One Run at a time.
class IsolatedBox {
 public:
  // Null, with *err, when the box cannot be set up.
  static std::unique_ptr<IsolatedBox> Open(const ProcessSpec& spec, const IsolatedSetup& setup,
                                           std::string* err);
  ~IsolatedBox();
  IsolatedBox(const IsolatedBox&) = delete;
  IsolatedBox& operator=(const IsolatedBox&) = delete;

  // The box is alive and was made for exactly this spec.
  bool Fits(const ProcessSpec& spec) const;
  ProcessResult Run(const ProcessSpec& spec);

 private:
  IsolatedBox() = default;
  void Close();

  ProcessSpec shape_;
  std::unique_ptr<PreparedKeeper> keeper_state_;
  pid_t keeper_ = -1;
  int socket_ = -1;
  double cpu_seconds_so_far_ = 0;  // of the box's earlier runs, as they reported it
};

// What this machine allows, probed once per process with trial runs; thread-safe. *missing
// gets one line per protection that is not available (empty when all are).
const IsolatedSetup& DetectIsolation(std::string* missing = nullptr);

}  // namespace judge
