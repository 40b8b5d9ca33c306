// Runs one program with limits and reports how it ended. The judge reaches processes only
// through this interface, so verdict logic can be tested with a fake that scripts outcomes.
//
// Every run is its own process group (and, where the machine allows, its own namespaces, user,
// system-call filter and cgroup: judge/SANDBOX.md); when Run returns, no process of it is left.
// A Sandbox may be used from one thread at a time, but for runs given descriptors
// (ProcessSpec::stdin_fd, stdout_fd): an interactive test runs its submission and its
// interactor at once, one from each of two threads, on the same Sandbox.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace judge {

struct ProcessLimits {
  double cpu_seconds = 0;            // RLIMIT_CPU-style; 0 = none
  double wall_seconds = 10;          // watchdog kills the whole group after this
  uint64_t address_space_bytes = 0;  // RLIMIT_AS; 0 = none
  uint64_t file_size_bytes = 0;      // RLIMIT_FSIZE (bounds stdout/stderr files too); 0 = none
  int open_files = 64;               // RLIMIT_NOFILE
  uint64_t stack_bytes = 0;          // RLIMIT_STACK; 0 = unlimited (LeetCode-like deep recursion)
  // What the whole run may hold in memory, tmpfs files included (a cgroup where the machine has
  // one); 0 = address_space_bytes, or none when that is 0 too.
  uint64_t memory_bytes = 0;
  int processes = 64;             // processes + threads at once (pids cgroup, RLIMIT_NPROC)
  uint64_t tmp_bytes = 64 << 20;  // size of the private /tmp an isolated run gets

  bool operator==(const ProcessLimits&) const = default;
};

// Which system calls an isolated run may make: an allow-list per kind of program
// (syscall_sets.cc; judge/SANDBOX.md lists each). A call off its list fails with ENOSYS, as on
// a kernel without it; the dangerous ones (sockets other than AF_UNIX, ptrace, mount, bpf...)
// fail with EPERM on every list.
enum class SyscallSet {  // the order indexes the sets' tables (syscall_sets.cc, seccomp_filter.cc)
  kNative,  // a compiled submission (C, C++, sanitized or not): threads but no processes
  kPython,  // the Python interpreter running a submission, its harness or its syntax check
  kTool,    // compilers and custom checkers: they start processes and exec them
  kGpu,     // a GPU runner (gpu/harness/runner_main.cc): the native list and the driver's calls
};

// What an isolated run may do besides running its program (judge/SANDBOX.md). Callers say
// what the program needs; the sandbox hides everything else.
struct Isolation {
  // Compilers and checkers start helper processes (kTool); a submission may start threads only,
  // and may exec nothing after its own program (its filter refuses fork, vfork and a second
  // exec).
  SyscallSet syscalls = SyscallSet::kNative;
  bool writable_workdir = false;  // a compiler writes its output there; a submission may not
  // Directories (or files) the program reads besides the workdir and the system's read-only
  // directories (/usr, /lib, ...): its build folder, a precompiled header. Shown read-only at
  // the same absolute paths.
  std::vector<std::filesystem::path> read_only_paths;
  // A GPU runner: the private root also shows the NVIDIA device files (/dev/nvidia*, read-write:
  // the driver's ioctls go through them) and the parts of /sys the CUDA driver reads (devices,
  // bus, class, module; read-only). Pair with SyscallSet::kGpu.
  bool gpu_devices = false;

  bool operator==(const Isolation&) const = default;
};

struct ProcessSpec {
  std::vector<std::string> argv;      // argv[0] is looked up in PATH if it has no '/'
  std::filesystem::path workdir;      // chdir here before exec
  std::filesystem::path stdin_path;   // empty: /dev/null
  std::filesystem::path stdout_path;  // empty: /dev/null
  std::filesystem::path stderr_path;  // empty: /dev/null
  std::filesystem::path fd3_path;     // empty: fd 3 closed; else opened for writing as fd 3
  // Already-open descriptors (above 3) used as stdin / stdout instead of the paths: the pipes
  // between an interactive test's submission and its interactor. -1: use the path. The caller
  // keeps them and closes them after Run. Pipes rather than FIFOs in a shared folder: opening
  // a FIFO blocks until its other end is opened, and each side opens its stdin first, so the two
  // runs would wait for each other; a pipe has both ends open from the start.
  int stdin_fd = -1;
  int stdout_fd = -1;
  std::vector<std::string> env;  // the whole environment, "KEY=VALUE"
  ProcessLimits limits;
  Isolation isolation;

  // Field by field; a box runs only the spec it was made for (IsolatedBox::Fits).
  bool operator==(const ProcessSpec&) const = default;
};

struct ProcessResult {
  bool started = false;
  std::string start_error;    // why it did not start (exec failed, fork failed)
  int exit_code = -1;         // when it exited normally
  int term_signal = 0;        // when a signal ended it
  bool wall_timeout = false;  // the watchdog killed it
  double cpu_seconds = 0;     // user + system, of the process and its waited-for children
  double wall_seconds = 0;
  long max_rss_kb = 0;
  bool memory_limit_hit = false;  // the cgroup's memory limit stopped it (the OOM killer)
};

class Sandbox {
 public:
  virtual ~Sandbox() = default;
  virtual ProcessResult Run(const ProcessSpec& spec) = 0;
};

// The environment every judged process gets (ProcessSpec::env): a fixed PATH, a C.UTF-8 locale,
// Python kept from writing bytecode and hashing by a random seed, nothing inherited.
inline std::vector<std::string> JudgedEnvironment() {
  return {"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8",     "LC_ALL=C.UTF-8",
          "PYTHONDONTWRITEBYTECODE=1",         "PYTHONHASHSEED=0", "HOME=/tmp"};
}

}  // namespace judge
