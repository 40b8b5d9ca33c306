#include "judge/sandbox/seccomp_filter.h"

#include <fcntl.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#if JUDGE_HAVE_SECCOMP
#include <seccomp.h>
#endif

namespace judge {
namespace {

// Refused for every sandboxed process.
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
};

#if JUDGE_HAVE_SECCOMP
constexpr unsigned long kNamespaceFlags = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS |
                                          CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID |
                                          CLONE_NEWNET;

bool AddRules(scmp_filter_ctx ctx, SyscallPolicy policy) {
  const uint32_t eperm = SCMP_ACT_ERRNO(EPERM);
  for (const char* name : kRefused) {
    int nr = seccomp_syscall_resolve_name(name);
    if (nr != __NR_SCMP_ERROR && seccomp_rule_add(ctx, eperm, nr, 0) != 0) return false;
  }
  bool ok =
      seccomp_rule_add(ctx, eperm, SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_NE, AF_UNIX)) == 0 &&
      seccomp_rule_add(ctx, eperm, SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_SECCOMP)) == 0 &&
      seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) == 0 &&
      seccomp_rule_add(ctx, eperm, SCMP_SYS(clone), 1,
                       SCMP_A0(SCMP_CMP_MASKED_EQ, kNamespaceFlags, kNamespaceFlags)) == 0;
  if (!ok || policy == SyscallPolicy::kTool) return ok;
  // No new processes: threads only.
  return seccomp_rule_add(ctx, eperm, SCMP_SYS(fork), 0) == 0 &&
         seccomp_rule_add(ctx, eperm, SCMP_SYS(vfork), 0) == 0 &&
         seccomp_rule_add(ctx, eperm, SCMP_SYS(clone), 1,
                          SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)) == 0;
}

// libseccomp 2.5 exports BPF only to a file descriptor: a memfd, read back.
std::vector<sock_filter> Compile(SyscallPolicy policy) {
  std::vector<sock_filter> program;
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (ctx == nullptr) return program;
  int fd = memfd_create("judge-seccomp", MFD_CLOEXEC);
  // The filter must not set no_new_privs itself: the child sets it, and a root child needs none.
  seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
  if (fd >= 0 && AddRules(ctx, policy) && seccomp_export_bpf(ctx, fd) == 0) {
    off_t size = lseek(fd, 0, SEEK_END);
    if (size > 0 && size % off_t(sizeof(sock_filter)) == 0) {
      program.resize(size_t(size) / sizeof(sock_filter));
      if (pread(fd, program.data(), size_t(size), 0) != size) program.clear();
    }
  }
  if (fd >= 0) close(fd);
  seccomp_release(ctx);
  return program;
}
#else
std::vector<sock_filter> Compile(SyscallPolicy) { return {}; }
#endif

#if defined(__x86_64__)
constexpr uint32_t kNativeArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr uint32_t kNativeArch = AUDIT_ARCH_AARCH64;
#else
constexpr uint32_t kNativeArch = 0;  // exec-once is not offered (ExecNotifyFilter is empty)
#endif

}  // namespace

bool SeccompAvailable() {
#if JUDGE_HAVE_SECCOMP
  static const bool available =
      prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0 && !SyscallFilter(SyscallPolicy::kSubmission).empty();
  return available;
#else
  return false;
#endif
}

const std::vector<sock_filter>& SyscallFilter(SyscallPolicy policy) {
  static const std::vector<sock_filter> submission = Compile(SyscallPolicy::kSubmission);
  static const std::vector<sock_filter> tool = Compile(SyscallPolicy::kTool);
  return policy == SyscallPolicy::kSubmission ? submission : tool;
}

const std::vector<sock_filter>& ExecNotifyFilter() {
  if (kNativeArch == 0) {
    static const std::vector<sock_filter> none;
    return none;
  }
  static const std::vector<sock_filter> program = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kNativeArch, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),  // other ABIs: the main filter kills them
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execve, 2, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execveat, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
  };
  return program;
}

}  // namespace judge
