// The allow-lists: which system calls each kind of sandboxed program may make (SyscallSet in
// sandbox.h). seccomp_filter.cc compiles them into filters; judge/SANDBOX.md shows them.
//
// Each list is what that kind of program was seen to call (scripts/trace_syscalls.py over
// `judge verify` and the hostile corpus: every kept submission, plain and sanitized, the
// Python interpreter, g++, gcc, nvcc and their helpers), widened by the calls of the same
// family a correct program may also make (pwritev beside pwrite64), and checked call by call:
// none reaches outside the run's namespaces, its files or its own processes. A call on no list
// fails with ENOSYS; those in RefusedSyscalls() with EPERM on every list.
#pragma once

#include <vector>

#include "judge/sandbox/sandbox.h"

namespace judge {

// Names as libseccomp knows them. clone and prctl are on the lists but filtered by their
// arguments (seccomp_filter.cc): threads only unless the set starts processes, and no
// PR_SET_SECCOMP.
const std::vector<const char*>& AllowedSyscalls(SyscallSet set);

// What every list refuses with EPERM: tracing and reading other processes, mounts and
// namespaces, kernel keys, BPF, perf, io_uring, modules, reboot, clocks, host names, sockets
// (but kGpu, which may use local, IPv4 and IPv6 sockets in its own namespace: NCCL's bootstrap).
const std::vector<const char*>& RefusedSyscalls();

}  // namespace judge
