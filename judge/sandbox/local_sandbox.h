// The real Sandbox: runs a program as a plain child process under rlimits, in its own process
// group, with a wall-clock watchdog. It contains mistakes (runaway loops, huge allocations,
// endless output, forgotten background children); it is not a security boundary: a program that
// calls setsid() or setpgid() leaves the group and is not killed with it.
//
// Paths in ProcessSpec are opened before the chdir to workdir, so relative ones mean what they
// mean to the judge; a relative argv[0] containing '/' is resolved after it, against workdir, and
// a bare argv[0] is looked up in the judge's PATH (execvpe), not in spec.env's.
// Limits above the judge's own hard limits are lowered to them rather than failing the run;
// wall_seconds <= 0 means no watchdog, open_files <= 0 keeps the judge's RLIMIT_NOFILE.
// RLIMIT_CPU counts whole seconds (rounded up): the program dies by SIGXCPU at the soft limit, or
// SIGKILL a second later if it catches SIGXCPU. The result carries the raw signal; comparing
// cpu_seconds with the real limit is the caller's job. A program still opening its files when
// the wall limit passes (a FIFO nobody opens) comes back started=false, wall_timeout=true.
//
// One Run at a time per object; separate objects may run concurrently in separate threads. The
// first LocalSandbox makes the judge process a child subreaper (PR_SET_CHILD_SUBREAPER) so that
// orphaned grandchildren come back to it and can be killed and reaped. The judge must not ignore
// SIGCHLD, nor reap with waitpid(-1) elsewhere, or it would steal the children Run waits for.
#pragma once

#include "judge/sandbox/sandbox.h"

namespace judge {

class LocalSandbox : public Sandbox {
 public:
  LocalSandbox();
  ProcessResult Run(const ProcessSpec& spec) override;
};

}  // namespace judge
