#include "judge/sandbox/syscall_sets.h"

namespace judge {
namespace {

// Every sandboxed program: its open files and the files the private root shows it (read-only
// but for /tmp and a compiler's workdir: the mounts decide that, not the filter), memory, time,
// signals within the run's PID namespace, threads and their futexes, questions about itself,
// and exec (the first only, for submissions: exec-once). Grouped by what they do; a family is
// listed whole where one member was seen.
constexpr const char* kEveryProgram[] = {
    // files and descriptors
    "read",
    "write",
    "readv",
    "writev",
    "pread64",
    "pwrite64",
    "preadv",
    "pwritev",
    "preadv2",
    "pwritev2",
    "lseek",
    "close",
    "close_range",
    "dup",
    "dup2",
    "dup3",
    "fcntl",
    "ioctl",
    "pipe",
    "pipe2",
    "poll",
    "ppoll",
    "select",
    "pselect6",
    "open",
    "openat",
    "openat2",
    "creat",
    "stat",
    "fstat",
    "lstat",
    "newfstatat",
    "statx",
    "access",
    "faccessat",
    "faccessat2",
    "readlink",
    "readlinkat",
    "getcwd",
    "chdir",
    "fchdir",
    "mkdir",
    "mkdirat",
    "rmdir",
    "unlink",
    "unlinkat",
    "rename",
    "renameat",
    "renameat2",
    "chmod",
    "fchmod",
    "fchmodat",
    "umask",
    "truncate",
    "ftruncate",
    "fallocate",
    "fsync",
    "fdatasync",
    "flock",
    "sendfile",
    "copy_file_range",
    "fadvise64",
    "utimensat",
    // memory
    "brk",
    "mmap",
    "munmap",
    "mprotect",
    "mremap",
    "madvise",
    "mincore",
    "membarrier",
    // time
    "clock_gettime",
    "clock_getres",
    "clock_nanosleep",
    "nanosleep",
    "gettimeofday",
    "time",
    "times",
    "alarm",
    "setitimer",
    "getitimer",
    "timer_create",
    "timer_settime",
    "timer_gettime",
    "timer_getoverrun",
    "timer_delete",
    // signals (kill and tgkill reach only the run's own PID namespace)
    "rt_sigaction",
    "rt_sigprocmask",
    "rt_sigreturn",
    "rt_sigsuspend",
    "rt_sigtimedwait",
    "rt_sigpending",
    "sigaltstack",
    "pause",
    "kill",
    "tkill",
    "tgkill",
    // threads (clone is filtered by its flags) and scheduling
    "clone",
    "futex",
    "futex_waitv",
    "set_robust_list",
    "get_robust_list",
    "set_tid_address",
    "rseq",
    "sched_yield",
    "sched_getaffinity",
    "sched_getparam",
    "sched_getscheduler",
    "sched_get_priority_max",
    "sched_get_priority_min",
    "getcpu",
    // the process itself (prctl is filtered: no PR_SET_SECCOMP)
    "getpid",
    "getppid",
    "gettid",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "getgroups",
    "getresuid",
    "getresgid",
    "getpgrp",
    "uname",
    "sysinfo",
    "getrusage",
    "getrlimit",
    "setrlimit",
    "prlimit64",
    "prctl",
    "arch_prctl",
    "getrandom",
    "wait4",
    "execve",
    "execveat",
    "exit",
    "exit_group",
    "restart_syscall",
};

// Listing folders: CPython scans sys.path at every import; compilers search include paths.
constexpr const char* kFolders[] = {"getdents", "getdents64", "statfs", "fstatfs"};

// Starting processes and what comes with them: compilers (gcc runs cc1plus, as, collect2, ld;
// nvcc runs cicc, ptxas, fatbinary through vfork) and custom checkers (a script runs its
// interpreter).
constexpr const char* kProcesses[] = {
    "fork", "vfork",  "waitid",  "setpgid",   "getpgid", "getsid", "setsid",
    "link", "linkat", "symlink", "symlinkat", "utime",   "utimes",
};

// What the CUDA driver and runtime call besides a native program's list, from their documented
// behaviour (no GPU has traced them yet; gpu/README.md): folders (/dev, /proc/driver/nvidia,
// /sys), event and epoll descriptors for their worker threads, NUMA placement of pinned memory,
// memfd for shared allocations, thread affinity.
constexpr const char* kGpuDriver[] = {
    "getdents",      "getdents64",        "statfs",        "fstatfs",   "eventfd",
    "eventfd2",      "epoll_create",      "epoll_create1", "epoll_ctl", "epoll_wait",
    "epoll_pwait",   "epoll_pwait2",      "memfd_create",  "mbind",     "get_mempolicy",
    "set_mempolicy", "sched_setaffinity", "mlock",         "munlock",   "mlock2",
};

const char* const kRefused[] = {
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_getfd",
    "kcmp",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "unshare",
    "setns",
    "mount_setattr",
    "fsopen",
    "fsmount",
    "fsconfig",
    "fspick",
    "move_mount",
    "open_tree",
    "open_by_handle_at",
    "name_to_handle_at",
    "mknod",
    "mknodat",
    "seccomp",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "fanotify_init",
    "keyctl",
    "add_key",
    "request_key",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "syslog",
    "vhangup",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "sethostname",
    "setdomainname",
    "iopl",
    "ioperm",
    "lookup_dcookie",
    // No program here needs a socket but a GPU runner (kLoopbackSockets), and the run's network
    // namespace has nothing to reach.
    "socket",
    "socketpair",
};

// NCCL bootstraps its communicators over TCP even inside one process: a GPU runner may use
// sockets in its own network namespace, which holds only the loopback device (brought up for
// it: keeper.cc). socket itself is filtered by family (seccomp_filter.cc): local, IPv4 and IPv6.
constexpr const char* kLoopbackSockets[] = {
    "socket",   "socketpair",  "bind",        "listen",     "accept",     "accept4",
    "connect",  "getsockname", "getpeername", "setsockopt", "getsockopt", "sendto",
    "recvfrom", "sendmsg",     "recvmsg",     "sendmmsg",   "recvmmsg",   "shutdown",
};

std::vector<const char*> Join(std::initializer_list<std::pair<const char* const*, size_t>> parts) {
  std::vector<const char*> out;
  for (const auto& [names, count] : parts) out.insert(out.end(), names, names + count);
  return out;
}

template <size_t N>
std::pair<const char* const*, size_t> Part(const char* const (&names)[N]) {
  return {names, N};
}

}  // namespace

const std::vector<const char*>& AllowedSyscalls(SyscallSet set) {
  // In SyscallSet's order.
  static const std::vector<const char*> sets[] = {
      Join({Part(kEveryProgram)}),
      Join({Part(kEveryProgram), Part(kFolders)}),
      Join({Part(kEveryProgram), Part(kFolders), Part(kProcesses)}),
      Join({Part(kEveryProgram), Part(kGpuDriver), Part(kLoopbackSockets)}),
  };
  return sets[static_cast<int>(set)];
}

const std::vector<const char*>& RefusedSyscalls() {
  static const std::vector<const char*> refused(std::begin(kRefused), std::end(kRefused));
  return refused;
}

}  // namespace judge
