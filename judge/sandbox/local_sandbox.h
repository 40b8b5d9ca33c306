// The real Sandbox. By default each run is isolated as far as the machine allows (judge/SANDBOX.md
// says what each protection promises and how it is built):
//   - its own PID, mount, network, IPC and UTS namespaces: it sees no other process, has no
//     network, and when the run ends the kernel kills whatever is left of it;
//   - a private root (private_root.h): the system's read-only directories, its workdir, the
//     spec's read-only paths, a private /tmp; nothing of the project or the judge;
//   - an unprivileged user (a fresh uid per run when the judge is root; uid 1000 of a user
//     namespace otherwise), no_new_privs, no capabilities;
//   - a system-call filter (seccomp_filter.h): no sockets, ptrace, mounts...; a submission may
//     start threads but no process, and exec nothing after its own program;
//   - a cgroup (cgroup.h) capping the memory and the number of processes and threads;
//   - rlimits: CPU time, address space, file size (bounds stdout/stderr), open files, stack,
//     processes; the program cannot raise a hard limit.
// Where a mechanism is missing (no user namespaces, no cgroups, no seccomp) the run falls back
// to what remains, down to the plain run below; the judge says once, on stderr, what is missing
// when stderr is a terminal, and `judge selftest` lists what is active (SandboxProtections()).
//
// The plain run (isolate = false, or nothing available) is a child process under rlimits, in
// its own process group, with a wall-clock watchdog: it contains mistakes, not attacks (a
// program that calls setsid() leaves the group and is not killed with it).
//
// Paths in ProcessSpec are opened before the chdir to workdir, so relative ones mean what they
// mean to the judge; a relative argv[0] containing '/' is resolved after it, against workdir, and
// a bare argv[0] is looked up in the judge's PATH (execvpe), not in spec.env's. Output files
// are opened by the judge's side (as the judge's user) and refuse a symlink as their last part.
// An isolated run as root hands the workdir to the run's user (chown) and makes the read-only
// paths readable by it (o+rx on the directories named, o+r on files, o+x where the owner may
// run them).
// Limits above the judge's own hard limits are lowered to them rather than failing the run;
// wall_seconds <= 0 means no watchdog, open_files <= 0 keeps the judge's RLIMIT_NOFILE.
// RLIMIT_CPU counts whole seconds (rounded up): the program dies by SIGXCPU at the soft limit, or
// SIGKILL a second later if it catches SIGXCPU. The result carries the raw signal; comparing
// cpu_seconds with the real limit is the caller's job. A program still opening its files when
// the wall limit passes (a FIFO nobody opens) comes back started=false, wall_timeout=true.
//
// Runs with the same spec one after another (a competitive problem's tests) share one box
// (isolated_box.h: IsolatedBox): the namespaces, private root and cgroup are made once, and each
// run is a fresh program that finds nothing of the one before. Compilers and checkers (tool
// runs) get a fresh keeper every time.
//
// One Run at a time per object; separate objects may run concurrently in separate threads, and
// so may runs given descriptors (ProcessSpec::stdin_fd), which never use the box. The
// first LocalSandbox makes the judge process a child subreaper (PR_SET_CHILD_SUBREAPER) so that
// orphaned grandchildren of a plain run come back to it and can be killed and reaped. The judge
// must not ignore SIGCHLD, nor reap with waitpid(-1) elsewhere, or it would steal the children
// Run waits for.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "judge/sandbox/sandbox.h"

namespace judge {

class IsolatedBox;

class LocalSandbox : public Sandbox {
 public:
  explicit LocalSandbox(bool isolate = true);
  ~LocalSandbox() override;
  ProcessResult Run(const ProcessSpec& spec) override;

 private:
  bool isolate_;
  // The last isolated run's box, kept while the runs that follow have the same spec (a
  // submission's tests): the isolation is then paid for once, not once per run.
  std::unique_ptr<IsolatedBox> box_;
  bool boxes_ = true;  // false once a box could not be made
};

// One protection and whether this machine and build give it to isolated runs.
struct Protection {
  std::string name;  // "PID namespace", "seccomp filter", ...
  bool active = false;
  std::string detail;  // how, or why not
};

// Probed once per process (a trial run); thread-safe.
std::vector<Protection> SandboxProtections();

// JUDGE_SANDBOX_OFF="namespaces,cgroup,seccomp,exec-once" (any of them) switches mechanisms off
// as if the machine lacked them, so that every fallback path can be tested, and a machine's
// trouble narrowed down. False, and *err says why, when it names something else; the CLI checks
// it before judging anything.
bool CheckSandboxSwitches(std::string* err);

}  // namespace judge
