// The two ways LocalSandbox runs a program (internal to judge/sandbox/): plain (rlimits and a
// process group) and isolated (namespaces, private root, unprivileged user, seccomp, cgroup),
// and the probe that decides how much isolation this machine allows. An isolated run has a
// keeper (keeper.h) of its own; a series of runs of one spec shares one (isolated_box.h).
#pragma once

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

// What this machine allows, probed once per process with trial runs; thread-safe. *missing
// gets one line per protection that is not available (empty when all are).
const IsolatedSetup& DetectIsolation(std::string* missing = nullptr);

}  // namespace judge
