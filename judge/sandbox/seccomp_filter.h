// System-call filters for isolated runs, built once in the judge (libseccomp allocates, which a
// forked child must not do) and loaded by the child with prctl() just before exec.
//
// One filter per SyscallSet (sandbox.h), each an allow-list (syscall_sets.h): a call off the list
// fails with ENOSYS. kNative and kPython refuse new processes with EPERM (fork, vfork, clone
// without CLONE_THREAD; clone3 says ENOSYS so the C library falls back to clone, whose flags a
// filter can read); kTool (compilers, checkers) allows them. Every set refuses with EPERM what no
// solution or compiler needs: sockets other than AF_UNIX, ptrace and reading other processes'
// memory, mount and namespace calls, installing further filters, kernel keys, BPF, perf,
// io_uring (its requests bypass the filter), module and reboot calls, clock setting.
//
// Exec-once: a second filter (installed in the run's init process, before it forks the program)
// hands every execve/execveat to init by seccomp user notification; init lets the first one
// through (the program itself) and refuses the rest.
#pragma once

#include <linux/filter.h>

#include <vector>

#include "judge/sandbox/sandbox.h"

namespace judge {

// Empty when the judge was built without libseccomp or the kernel has no seccomp filters.
const std::vector<sock_filter>& SyscallFilter(SyscallSet set);

// The exec-once notification filter (raw BPF, no libseccomp needed).
const std::vector<sock_filter>& ExecNotifyFilter();

// Whether this build and kernel can filter system calls at all.
bool SeccompAvailable();

}  // namespace judge
