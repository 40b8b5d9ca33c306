// The keeper: the first process of an isolated run's namespaces, which sets up what its plan
// (keeper_plan.h) says and starts the program, or in a box one program per run it is sent;
// internal to judge/sandbox/.
//
// An isolated run is three processes deep:
//   judge --clone(new PID, mount, net, IPC, UTS [, user] namespaces)--> keeper (PID 1 inside)
//   keeper --fork--> program (PID 2 inside), which drops to the run's user, loads the filter
//   and execs.
// The keeper joins the cgroup, opens the standard files, builds the private root, then waits
// for the program and sends its exit status and rusage to the judge. When the keeper dies (it
// exits, or the judge kills it at the wall limit), the kernel kills every process left in its
// PID namespace: nothing of the run survives it. The keeper is not the program's PID 1 on
// purpose: PID 1 ignores signals it has no handler for, which would change how abort() and
// raise() end a solution.
#pragma once

#include <sys/types.h>

#include "judge/sandbox/isolated_run.h"
#include "judge/sandbox/keeper_plan.h"

namespace judge {

// A run's descriptors, sent with SCM_RIGHTS in this order: the report pipe's write end, stdin,
// stdout, stderr and, when the run has one, fd 3.
constexpr int kMostRunFds = 5;

// Clones the keeper into its namespaces; -1 with errno on failure.
pid_t StartKeeper(const KeeperPlan& plan, NamespaceMode mode);

}  // namespace judge
