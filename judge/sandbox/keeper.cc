#include "judge/sandbox/keeper.h"

#include <fcntl.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace judge {
namespace {

using namespace process;

constexpr unsigned long kNamespaces =
    CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS;

// ---- Child side: async-signal-safe calls only. ----

bool WriteFile(const char* path, const char* text, size_t size) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, text, size) == ssize_t(size);
  close(fd);
  return ok;
}

pid_t RawFork() { return pid_t(syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0)); }

// The program's last steps before exec, its files in place: its user, limits and filter.
[[noreturn]] void DropAndExec(const KeeperPlan& plan, int report) {
  if (plan.files.workdir != nullptr && chdir(plan.files.workdir) != 0)
    ReportAndExit(report, kChdir, errno);
  SetLimits(plan.limits, report);
  if (plan.mode == NamespaceMode::kRoot) {
    // Raw system calls: glibc's set*id wrappers signal every thread the judge had, which this
    // raw-cloned child does not have, and would wait for them forever.
    gid_t gid = plan.uid;
    if (syscall(SYS_setgroups, 1, &gid) != 0 || syscall(SYS_setresgid, gid, gid, gid) != 0 ||
        syscall(SYS_setresuid, plan.uid, plan.uid, plan.uid) != 0)
      ReportAndExit(report, kDropUser, errno);
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) ReportAndExit(report, kDropUser, errno);
  rusage inherited{};
  if (plan.pre_exec_maxrss_kb != nullptr && getrusage(RUSAGE_SELF, &inherited) == 0)
    *plan.pre_exec_maxrss_kb = inherited.ru_maxrss;
  if (plan.filter.len > 0 && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &plan.filter) != 0)
    ReportAndExit(report, kSeccomp, errno);
  Exec(plan.files, report);
}

[[noreturn]] void RunProgram(const KeeperPlan& plan, int notify_fd) {
  close(plan.status_fd);
  if (notify_fd >= 0) close(notify_fd);
  DropAndExec(plan, plan.report_fd);
}

// Lets the program's own exec through and refuses every later one, until the program ends.
void SuperviseExecs(int notify_fd, pid_t program) {
  int pidfd = int(syscall(SYS_pidfd_open, program, 0));
  bool first = true;
  while (pidfd >= 0) {
    pollfd fds[2] = {{notify_fd, POLLIN, 0}, {pidfd, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[1].revents) break;
    if (!(fds[0].revents & POLLIN)) continue;
    seccomp_notif request = {};
    if (ioctl(notify_fd, SECCOMP_IOCTL_NOTIF_RECV, &request) != 0) continue;
    seccomp_notif_resp response = {};
    response.id = request.id;
    if (first && pid_t(request.pid) == program) {
      response.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
      first = false;
    } else {
      response.error = -EPERM;
    }
    ioctl(notify_fd, SECCOMP_IOCTL_NOTIF_SEND, &response);  // ENOENT: it died meanwhile
  }
}

// ---- A box: the keeper serves one run after another (IsolatedBox). ----

// The count received; 0 when the judge closed the box (or sent something else).
int ReceiveRunFds(int socket, int* fds) {
  char byte = 0;
  iovec io = {&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMostRunFds)];
  msghdr message = {};
  message.msg_iov = &io;
  message.msg_iovlen = 1;
  message.msg_control = control;
  message.msg_controllen = sizeof control;
  ssize_t got;
  while ((got = recvmsg(socket, &message, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) continue;
  const cmsghdr* header = got > 0 ? CMSG_FIRSTHDR(&message) : nullptr;
  if (header == nullptr || header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS)
    return 0;
  const int count = int((header->cmsg_len - CMSG_LEN(0)) / sizeof(int));
  std::memcpy(fds, CMSG_DATA(header), sizeof(int) * size_t(count));
  return count;
}

[[noreturn]] void RunBoxProgram(const KeeperPlan& plan, const int* fds, int count) {
  // Above fd 3 first, so that placing one descriptor cannot close another.
  int high[kMostRunFds];
  for (int i = 0; i < count; ++i) high[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, 10);
  const int report = high[0];
  if (report < 0) _exit(127);
  for (int i = 1; i < count; ++i)
    if (high[i] < 0 || dup2(high[i], i - 1) != i - 1)
      ReportAndExit(report, kOpenStdin + i - 1, errno);
  if (count < kMostRunFds) close(3);
  CloseFdsAbove3Except(&report, 1, plan.files.max_fd);  // the box's socket and the listener too
  DropAndExec(plan, report);
}

// Runs what comes in on the box's socket, one program at a time, until the judge closes it. A
// run ends with nothing of it left for the next: its other processes are killed and reaped (PID
// 1 reaches every process of the namespace), and a run that used /tmp ends the box.
[[noreturn]] void ServeBox(const KeeperPlan& plan, int notify_fd) {
  for (;;) {
    int fds[kMostRunFds];
    const int count = ReceiveRunFds(plan.box_fd, fds);
    if (count < kMostRunFds - 1) _exit(0);
    const pid_t program = RawFork();
    if (program == 0) RunBoxProgram(plan, fds, count);
    for (int i = 0; i < count; ++i) close(fds[i]);
    ExitRecord record;
    if (program < 0) _exit(1);  // the judge sees the box die and the run not start
    if (notify_fd >= 0) SuperviseExecs(notify_fd, program);
    while (wait4(program, &record.status, 0, &record.usage) < 0 && errno == EINTR) continue;
    for (;;) {
      kill(-1, SIGKILL);
      if (waitpid(-1, nullptr, 0) < 0 && errno == ECHILD) break;
    }
    record.tmp_untouched = plan.root->TmpAsRemembered();
    if (send(plan.box_fd, &record, sizeof record, MSG_NOSIGNAL) != ssize_t(sizeof record) ||
        !record.tmp_untouched)
      _exit(1);
  }
}

// Brings the run's own loopback device up (a fresh network namespace has it down), for a GPU
// runner's NCCL bootstrap. Best effort: without it NCCL says it found no interface, which the
// run reports as its own error.
void BringUpLoopback() {
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  ifreq request = {};
  std::memcpy(request.ifr_name, "lo", 3);
  if (ioctl(fd, SIOCGIFFLAGS, &request) == 0) {
    request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP | IFF_RUNNING);
    ioctl(fd, SIOCSIFFLAGS, &request);
  }
  close(fd);
}

[[noreturn]] void RunKeeper(const KeeperPlan& plan) {
  const int report = plan.report_fd;
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // the judge died: so does the run
  if (plan.mode == NamespaceMode::kUserNamespace) {
    if (!WriteFile("/proc/self/setgroups", "deny", 4) ||
        !WriteFile("/proc/self/uid_map", plan.uid_map.c_str(), plan.uid_map.size()) ||
        !WriteFile("/proc/self/gid_map", plan.gid_map.c_str(), plan.gid_map.size()))
      ReportAndExit(report, kUserMap, errno);
  }
  for (size_t i = 0; i < plan.cgroup_procs.size(); ++i)
    if (!WriteFile(plan.cgroup_procs[i], "0", 1)) ReportAndExit(report, kCgroup, errno, int(i));
  ResetSignalDispositions();
  OpenStandardFiles(plan.files, report);
  const int keep[] = {report, plan.box_fd >= 0 ? plan.box_fd : plan.status_fd};
  CloseFdsAbove3Except(keep, 2, plan.files.max_fd);
  int failed = 0;
  if (!plan.root->Apply(&failed)) ReportAndExit(report, kMount, errno, failed);
  if (plan.loopback_up) BringUpLoopback();

  int notify_fd = -1;
  if (plan.notify.len > 0) {
    notify_fd = int(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER,
                            &plan.notify));
    if (notify_fd < 0) ReportAndExit(report, kSeccomp, errno);
  }
  if (plan.box_fd >= 0) {
    plan.root->RememberTmp();
    close(report);  // the box is ready
    ServeBox(plan, notify_fd);
  }
  pid_t program = RawFork();
  if (program < 0) ReportAndExit(report, kFork, errno);
  if (program == 0) RunProgram(plan, notify_fd);
  close(report);
  if (notify_fd >= 0) SuperviseExecs(notify_fd, program);

  ExitRecord record;
  while (wait4(program, &record.status, 0, &record.usage) < 0) {
    if (errno != EINTR) _exit(1);
  }
  ssize_t ignored = write(plan.status_fd, &record, sizeof record);
  (void)ignored;
  _exit(0);
}

}  // namespace

pid_t StartKeeper(const KeeperPlan& plan, NamespaceMode mode) {
  unsigned long flags = kNamespaces | SIGCHLD;
  if (mode == NamespaceMode::kUserNamespace) flags |= CLONE_NEWUSER;
  // Blocked across clone so no judge signal handler runs in the child before it resets them.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  const pid_t keeper = pid_t(syscall(SYS_clone, flags, 0, 0, 0, 0));
  if (keeper == 0) RunKeeper(plan);
  const int clone_errno = errno;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  errno = clone_errno;
  return keeper;
}

}  // namespace judge
