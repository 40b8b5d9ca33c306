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
#include "judge/sandbox/isolated_run.h"

#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "judge/sandbox/private_root.h"
#include "judge/sandbox/process_steps.h"
#include "judge/sandbox/seccomp_filter.h"

namespace judge {
namespace {

using namespace process;
namespace fs = std::filesystem;

constexpr unsigned long kNamespaces =
    CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS;
constexpr uid_t kInnerUid = 1000;        // the run's user inside a user namespace
constexpr uid_t kRunUidBase = 1u << 20;  // as root: uids far above any real account's

// A uid per run (for RLIMIT_NPROC, which counts per user), spread by the judge's pid so that
// concurrent judges rarely share one.
uid_t NextRunUid() {
  static std::atomic<unsigned> counter{0};
  return kRunUidBase + (unsigned(getpid()) % 4096) * 256 + counter++ % 256;
}

// How the program's run ended, as the keeper saw it.
struct ExitRecord {
  int status = 0;
  rusage usage{};
};

struct KeeperPlan {
  ChildFiles files;
  std::array<Rlimit, kRlimits> limits;
  const PrivateRoot* root;
  std::vector<const char*> cgroup_procs;
  NamespaceMode mode;
  uid_t uid;
  std::string uid_map, gid_map;  // for a user namespace: "1000 <outer> 1"
  sock_fprog filter;             // len 0: none
  sock_fprog notify;             // len 0: no exec-once
  int report_fd;
  int status_fd;
};

// ---- Child side: async-signal-safe calls only. ----

bool WriteFile(const char* path, const char* text, size_t size) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, text, size) == ssize_t(size);
  close(fd);
  return ok;
}

pid_t RawFork() { return pid_t(syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0)); }

[[noreturn]] void RunProgram(const KeeperPlan& plan, int notify_fd) {
  const int report = plan.report_fd;
  close(plan.status_fd);
  if (notify_fd >= 0) close(notify_fd);
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
  if (plan.filter.len > 0 && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &plan.filter) != 0)
    ReportAndExit(report, kSeccomp, errno);
  Exec(plan.files, report);
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
  const int keep[] = {report, plan.status_fd};
  CloseFdsAbove3Except(keep, 2, plan.files.max_fd);
  int failed = 0;
  if (!plan.root->Apply(&failed)) ReportAndExit(report, kMount, errno, failed);

  int notify_fd = -1;
  if (plan.notify.len > 0) {
    notify_fd = int(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER,
                            &plan.notify));
    if (notify_fd < 0) ReportAndExit(report, kSeccomp, errno);
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

// ---- Judge side. ----

// As root, the run's user must be able to use its workdir and read what the spec shows it.
void HandOver(const ProcessSpec& spec, uid_t uid) {
  if (!spec.workdir.empty()) {
    int ignored = chown(spec.workdir.c_str(), uid, uid);
    (void)ignored;
  }
  for (const fs::path& path : spec.isolation.read_only_paths) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    // Directories: o+rx. Files: o+r, and o+x where the owner may run it (a checker script).
    mode_t extra = S_ISDIR(st.st_mode) || (st.st_mode & S_IXUSR) ? S_IROTH | S_IXOTH : S_IROTH;
    if ((st.st_mode & extra) != extra) chmod(path.c_str(), (st.st_mode & 07777) | extra);
  }
}

// A bare argv[0] looked up in the judge's PATH now, as execvpe would, so that the child makes
// exactly one execve: exec-once counts attempts, and a miss on the first PATH entry would use
// up the program's one exec.
std::string ResolveProgram(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return name;  // not found: execvpe reports ENOENT as before
}

sock_fprog Program(const std::vector<sock_filter>& filter) {
  return {static_cast<unsigned short>(filter.size()), const_cast<sock_filter*>(filter.data())};
}

}  // namespace

ProcessResult RunIsolated(const ProcessSpec& original, const IsolatedSetup& setup) {
  if (original.argv.empty() || original.argv[0].empty()) return StartFailure("exec: empty argv");
  ProcessSpec spec = original;
  std::error_code ec;
  if (!spec.workdir.empty()) spec.workdir = fs::absolute(spec.workdir, ec).lexically_normal();
  if (!spec.workdir.empty() && !fs::is_directory(spec.workdir, ec)) {
    errno = ENOENT;
    return StartFailure(Errno(("chdir " + spec.workdir.string()).c_str()));
  }
  PrivateRoot root;
  std::string err;
  if (!root.Plan(spec, &err)) return StartFailure("sandbox: " + err);

  KeeperPlan plan{};
  plan.files = MakeChildFiles(spec);
  const std::string exec_path = ResolveProgram(spec.argv[0]);
  if (exec_path != spec.argv[0]) plan.files.exec_path = exec_path.c_str();
  plan.mode = setup.mode;
  plan.uid = setup.mode == NamespaceMode::kRoot ? NextRunUid() : kInnerUid;
  if (setup.mode == NamespaceMode::kRoot) HandOver(spec, plan.uid);
  plan.uid_map = std::to_string(kInnerUid) + " " + std::to_string(geteuid()) + " 1\n";
  plan.gid_map = std::to_string(kInnerUid) + " " + std::to_string(getegid()) + " 1\n";
  plan.limits =
      MakeRlimits(spec.limits, rlim_t(spec.limits.processes > 0 ? spec.limits.processes : 0));
  plan.root = &root;
  RunCgroup cgroup;
  const uint64_t memory =
      spec.limits.memory_bytes ? spec.limits.memory_bytes : spec.limits.address_space_bytes;
  if (cgroup.Create(setup.cgroup, memory, spec.limits.processes))
    for (const std::string& file : cgroup.procs_files()) plan.cgroup_procs.push_back(file.c_str());
  const bool starts_processes = spec.isolation.syscalls == SyscallSet::kTool;
  static const std::vector<sock_filter> none;
  plan.filter = Program(setup.seccomp ? SyscallFilter(spec.isolation.syscalls) : none);
  plan.notify = Program(setup.exec_once && !starts_processes ? ExecNotifyFilter() : none);

  int report_pipe[2], status_pipe[2];
  if (!ReportPipe(report_pipe, &err)) return StartFailure(err);
  if (!ReportPipe(status_pipe, &err)) {
    close(report_pipe[0]);
    close(report_pipe[1]);
    return StartFailure(err);
  }
  plan.report_fd = report_pipe[1];
  plan.status_fd = status_pipe[1];

  const auto start = Clock::now();
  const Deadline deadline = MakeDeadline(spec.limits.wall_seconds, start);
  unsigned long flags = kNamespaces | SIGCHLD;
  if (setup.mode == NamespaceMode::kUserNamespace) flags |= CLONE_NEWUSER;
  // Blocked across clone so no judge signal handler runs in the child before it resets them.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  pid_t keeper = pid_t(syscall(SYS_clone, flags, 0, 0, 0, 0));
  if (keeper == 0) RunKeeper(plan);
  int clone_errno = errno;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  close(report_pipe[1]);
  close(status_pipe[1]);
  if (keeper < 0) {
    close(report_pipe[0]);
    close(status_pipe[0]);
    errno = clone_errno;
    return StartFailure(Errno("sandbox: clone"));
  }

  ChildReport report;
  ExecOutcome outcome = AwaitExec(report_pipe[0], deadline, report);
  close(report_pipe[0]);
  if (outcome != ExecOutcome::kExecuted) {
    kill(keeper, SIGKILL);
    while (waitpid(keeper, nullptr, 0) < 0 && errno == EINTR) continue;
    close(status_pipe[0]);
    if (outcome == ExecOutcome::kFailed) {
      if (report.stage == kMount)
        return StartFailure("sandbox: " + root.Describe(report.index) + ": " +
                            std::generic_category().message(report.err));
      return StartFailure(DescribeFailure(report, plan.files, plan.limits));
    }
    ProcessResult result = StartFailure("timed out before exec (blocked opening a file?)");
    result.wall_timeout = true;
    return result;
  }

  ProcessResult result;
  result.started = true;
  result.wall_timeout = !WaitForExit(keeper, deadline);
  result.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  kill(keeper, SIGKILL);  // and with it, the whole PID namespace
  int keeper_status = 0;
  rusage keeper_usage{};
  while (wait4(keeper, &keeper_status, 0, &keeper_usage) < 0 && errno == EINTR) continue;

  ExitRecord record;
  ssize_t got = read(status_pipe[0], &record, sizeof record);
  close(status_pipe[0]);
  if (got == ssize_t(sizeof record)) {
    if (WIFEXITED(record.status)) result.exit_code = WEXITSTATUS(record.status);
    if (WIFSIGNALED(record.status)) result.term_signal = WTERMSIG(record.status);
    result.cpu_seconds = Seconds(record.usage.ru_utime) + Seconds(record.usage.ru_stime);
    result.max_rss_kb = record.usage.ru_maxrss;
  } else {  // killed at the wall limit before the keeper could tell
    result.term_signal = SIGKILL;
    // The keeper's own rusage does not hold the program it never waited for: the cgroup counted
    // every process of the run.
    result.cpu_seconds = Seconds(keeper_usage.ru_utime) + Seconds(keeper_usage.ru_stime);
    if (const auto cpu = cgroup.CpuSeconds())
      result.cpu_seconds = std::max(result.cpu_seconds, *cpu);
  }
  result.memory_limit_hit = cgroup.MemoryLimitHit();
  return result;
}

}  // namespace judge
