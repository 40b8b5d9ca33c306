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
#include <cstring>

#if JUDGE_HAVE_SECCOMP
#include <seccomp.h>
#endif

#include "judge/sandbox/syscall_sets.h"

namespace judge {
namespace {

#if JUDGE_HAVE_SECCOMP
constexpr unsigned long kNamespaceFlags = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS |
                                          CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID |
                                          CLONE_NEWNET;

// Calls whose arguments decide: filtered here rather than allowed whole.
bool Conditional(const char* name) {
  return std::strcmp(name, "clone") == 0 || std::strcmp(name, "prctl") == 0 ||
         std::strcmp(name, "socket") == 0;
}

bool Allows(SyscallSet set, const char* name) {
  for (const char* allowed : AllowedSyscalls(set))
    if (std::strcmp(allowed, name) == 0) return true;
  return false;
}

bool AddRules(scmp_filter_ctx ctx, SyscallSet set) {
  const uint32_t eperm = SCMP_ACT_ERRNO(EPERM);
  for (const char* name : RefusedSyscalls()) {
    int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR || Allows(set, name)) continue;  // kGpu's sockets
    if (seccomp_rule_add(ctx, eperm, nr, 0) != 0) return false;
  }
  if (Allows(set, "socket")) {
    // Local, IPv4 and IPv6 only; any other family (netlink, raw packets) is off the list: ENOSYS.
    for (int family : {AF_UNIX, AF_INET, AF_INET6})
      if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1,
                           SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(family))) != 0)
        return false;
  }
  for (const char* name : AllowedSyscalls(set)) {
    int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR || Conditional(name)) continue;  // not on this architecture
    if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0) != 0) return false;
  }
  // clone3 passes its flags in memory, which a filter cannot read: ENOSYS (the default) makes
  // the C library fall back to clone, whose flags it can.
  const bool processes = set == SyscallSet::kTool;
  const unsigned long thread_mask = processes ? kNamespaceFlags : CLONE_THREAD | kNamespaceFlags;
  const unsigned long thread_value = processes ? 0 : CLONE_THREAD;
  bool ok =
      seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1,
                       SCMP_A0(SCMP_CMP_NE, PR_SET_SECCOMP)) == 0 &&
      seccomp_rule_add(ctx, eperm, SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_SECCOMP)) == 0 &&
      // A thread (or for tools, any process) in the run's own namespaces; anything else fails.
      seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
                       SCMP_A0(SCMP_CMP_MASKED_EQ, thread_mask, thread_value)) == 0;
  if (!ok || processes) return ok;
  // No new processes: fork, vfork and clone without CLONE_THREAD say EPERM.
  return seccomp_rule_add(ctx, eperm, SCMP_SYS(fork), 0) == 0 &&
         seccomp_rule_add(ctx, eperm, SCMP_SYS(vfork), 0) == 0 &&
         seccomp_rule_add(ctx, eperm, SCMP_SYS(clone), 1,
                          SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)) == 0;
}

// libseccomp 2.5 exports BPF only to a file descriptor: a memfd, read back.
std::vector<sock_filter> Compile(SyscallSet set) {
  std::vector<sock_filter> program;
  // Off the list: ENOSYS, what a kernel without the call says; the C library and CPython
  // fall back from a missing call where one exists.
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(ENOSYS));
  if (ctx == nullptr) return program;
  int fd = memfd_create("judge-seccomp", MFD_CLOEXEC);
  // The filter must not set no_new_privs itself: the child sets it, and a root child needs none.
  seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
  // A binary tree of syscall numbers rather than a list, the same rules: loading a filter makes
  // the kernel run it once for every syscall number (to cache the ones always allowed), which for
  // the list took ~0.2 ms of each run's start, and a call the cache misses is decided in log(n).
  // libseccomp before 2.5 builds the list.
#if SCMP_VER_MAJOR > 2 || (SCMP_VER_MAJOR == 2 && SCMP_VER_MINOR >= 5)
  seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
#endif
  if (fd >= 0 && AddRules(ctx, set) && seccomp_export_bpf(ctx, fd) == 0) {
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
std::vector<sock_filter> Compile(SyscallSet) { return {}; }
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
      prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0 && !SyscallFilter(SyscallSet::kNative).empty();
  return available;
#else
  return false;
#endif
}

const std::vector<sock_filter>& SyscallFilter(SyscallSet set) {
  // In SyscallSet's order.
  static const std::vector<sock_filter> filters[] = {
      Compile(SyscallSet::kNative), Compile(SyscallSet::kPython), Compile(SyscallSet::kTool),
      Compile(SyscallSet::kGpu)};
  return filters[static_cast<int>(set)];
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
