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
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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
  bool tmp_untouched = true;  // a box's /tmp is as it was: the box may serve the next run
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
  int status_fd;  // a single run: where the keeper writes the ExitRecord
  int box_fd;     // a box: the socket runs come in on and records go out on; -1 otherwise
  // Shared with the judge: the program's peak resident size just before its exec, in KiB. A
  // fork of the keeper starts with the pages it inherited from the judge, and ru_maxrss keeps
  // that peak across the exec.
  volatile long* pre_exec_maxrss_kb;
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

// A run's descriptors, sent with SCM_RIGHTS in this order: the report pipe's write end, stdin,
// stdout, stderr and, when the run has one, fd 3.
constexpr int kMostRunFds = 5;

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

// A page the keeper's children can write and the judge read: MAP_SHARED survives their forks.
class SharedPage {
 public:
  SharedPage() {
    void* page = mmap(nullptr, kSize, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    page_ = page == MAP_FAILED ? nullptr : static_cast<long*>(page);
  }
  ~SharedPage() {
    if (page_ != nullptr) munmap(page_, kSize);
  }
  SharedPage(const SharedPage&) = delete;
  SharedPage& operator=(const SharedPage&) = delete;
  volatile long* get() const { return page_; }

 private:
  static constexpr size_t kSize = 4096;
  long* page_;
};

// Everything a keeper needs, made ready before the clone. Pointers in `plan` lead into `spec`
// and `root`, so it stays where it was made.
struct PreparedKeeper {
  PreparedKeeper() = default;
  PreparedKeeper(const PreparedKeeper&) = delete;
  PreparedKeeper& operator=(const PreparedKeeper&) = delete;

  ProcessSpec spec;
  std::string exec_path;
  PrivateRoot root;
  RunCgroup cgroup;
  KeeperPlan plan{};
  SharedPage shared;
};

namespace {

// Fails with a ready ProcessResult (a start failure) in *failure.
bool PrepareKeeper(const ProcessSpec& original, const IsolatedSetup& setup, PreparedKeeper* k,
                   ProcessResult* failure) {
  if (original.argv.empty() || original.argv[0].empty()) {
    *failure = StartFailure("exec: empty argv");
    return false;
  }
  k->spec = original;
  ProcessSpec& spec = k->spec;
  std::error_code ec;
  if (!spec.workdir.empty()) spec.workdir = fs::absolute(spec.workdir, ec).lexically_normal();
  if (!spec.workdir.empty() && !fs::is_directory(spec.workdir, ec)) {
    errno = ENOENT;
    *failure = StartFailure(Errno(("chdir " + spec.workdir.string()).c_str()));
    return false;
  }
  std::string err;
  if (!k->root.Plan(spec, &err)) {
    *failure = StartFailure("sandbox: " + err);
    return false;
  }
  KeeperPlan& plan = k->plan;
  plan.files = MakeChildFiles(spec);
  k->exec_path = ResolveProgram(spec.argv[0]);
  if (k->exec_path != spec.argv[0]) plan.files.exec_path = k->exec_path.c_str();
  plan.mode = setup.mode;
  plan.uid = setup.mode == NamespaceMode::kRoot ? NextRunUid() : kInnerUid;
  if (setup.mode == NamespaceMode::kRoot) HandOver(spec, plan.uid);
  plan.uid_map = std::to_string(kInnerUid) + " " + std::to_string(geteuid()) + " 1\n";
  plan.gid_map = std::to_string(kInnerUid) + " " + std::to_string(getegid()) + " 1\n";
  plan.limits =
      MakeRlimits(spec.limits, rlim_t(spec.limits.processes > 0 ? spec.limits.processes : 0));
  plan.root = &k->root;
  const uint64_t memory =
      spec.limits.memory_bytes ? spec.limits.memory_bytes : spec.limits.address_space_bytes;
  if (k->cgroup.Create(setup.cgroup, memory, spec.limits.processes))
    for (const std::string& file : k->cgroup.procs_files())
      plan.cgroup_procs.push_back(file.c_str());
  const bool starts_processes = spec.isolation.syscalls == SyscallSet::kTool;
  static const std::vector<sock_filter> none;
  plan.filter = Program(setup.seccomp ? SyscallFilter(spec.isolation.syscalls) : none);
  plan.notify = Program(setup.exec_once && !starts_processes ? ExecNotifyFilter() : none);
  plan.report_fd = plan.status_fd = plan.box_fd = -1;
  plan.pre_exec_maxrss_kb = k->shared.get();
  return true;
}

// Clones the keeper into its namespaces; -1 with errno on failure.
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

// What the keeper reported before the program's exec (or, in a box, before it was ready).
ProcessResult SetupFailure(const ChildReport& report, const PreparedKeeper& k) {
  if (report.stage == kMount)
    return StartFailure("sandbox: " + k.root.Describe(report.index) + ": " +
                        std::generic_category().message(report.err));
  return StartFailure(DescribeFailure(report, k.plan.files, k.plan.limits));
}

void SetExit(const ExitRecord& record, ProcessResult& result) {
  if (WIFEXITED(record.status)) result.exit_code = WEXITSTATUS(record.status);
  if (WIFSIGNALED(record.status)) result.term_signal = WTERMSIG(record.status);
  result.cpu_seconds = Seconds(record.usage.ru_utime) + Seconds(record.usage.ru_stime);
  result.max_rss_kb = record.usage.ru_maxrss;
}

// ru_maxrss is the larger of the program's own peak and what its process held before the exec
// (the judge's pages, inherited through the keeper, and the little the last steps before the
// exec add: kExecSlackKb): when it is no more than that, the program's own peak is hidden
// under it, and the cgroup's peak stands for it instead.
constexpr long kExecSlackKb = 4096;

void CorrectInheritedMemory(const PreparedKeeper& k, ProcessResult& result) {
  const long inherited = k.plan.pre_exec_maxrss_kb ? *k.plan.pre_exec_maxrss_kb : 0;
  if (inherited <= 0 || result.max_rss_kb > inherited + kExecSlackKb) return;
  if (const auto peak = k.cgroup.PeakKb()) result.max_rss_kb = std::min(result.max_rss_kb, *peak);
}

}  // namespace

ProcessResult RunIsolated(const ProcessSpec& original, const IsolatedSetup& setup) {
  PreparedKeeper k;
  ProcessResult failure;
  if (!PrepareKeeper(original, setup, &k, &failure)) return failure;
  const ProcessSpec& spec = k.spec;
  std::string err;
  int report_pipe[2], status_pipe[2];
  if (!ReportPipe(report_pipe, &err)) return StartFailure(err);
  if (!ReportPipe(status_pipe, &err)) {
    close(report_pipe[0]);
    close(report_pipe[1]);
    return StartFailure(err);
  }
  k.plan.report_fd = report_pipe[1];
  k.plan.status_fd = status_pipe[1];

  const auto start = Clock::now();
  const Deadline deadline = MakeDeadline(spec.limits.wall_seconds, start);
  const pid_t keeper = StartKeeper(k.plan, setup.mode);
  const int clone_errno = errno;
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
    if (outcome == ExecOutcome::kFailed) return SetupFailure(report, k);
    return TimedOutBeforeExec();
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
    SetExit(record, result);
    CorrectInheritedMemory(k, result);
  } else {  // killed at the wall limit before the keeper could tell
    result.term_signal = SIGKILL;
    // The keeper's own rusage does not hold the program it never waited for: the cgroup counted
    // every process of the run.
    result.cpu_seconds = Seconds(keeper_usage.ru_utime) + Seconds(keeper_usage.ru_stime);
    if (const auto cpu = k.cgroup.CpuSeconds())
      result.cpu_seconds = std::max(result.cpu_seconds, *cpu);
  }
  result.memory_limit_hit = k.cgroup.MemoryLimitHit();
  return result;
}

IsolatedBox::~IsolatedBox() { Close(); }

void IsolatedBox::Close() {
  if (socket_ >= 0) close(socket_);
  socket_ = -1;
  if (keeper_ > 0) {
    kill(keeper_, SIGKILL);  // and with it, the whole PID namespace
    while (waitpid(keeper_, nullptr, 0) < 0 && errno == EINTR) continue;
  }
  keeper_ = -1;
}

std::unique_ptr<IsolatedBox> IsolatedBox::Open(const ProcessSpec& spec, const IsolatedSetup& setup,
                                               std::string* err) {
  std::unique_ptr<IsolatedBox> box(new IsolatedBox);
  box->keeper_state_ = std::make_unique<PreparedKeeper>();
  PreparedKeeper& k = *box->keeper_state_;
  ProcessResult failure;
  if (!PrepareKeeper(spec, setup, &k, &failure)) {
    *err = failure.start_error;
    return nullptr;
  }
  // A run's memory may need the cgroup's peak for that run alone (CorrectInheritedMemory):
  // where the kernel cannot reset it (cgroup v2 before 6.12), every run gets its own cgroup.
  k.cgroup.ResetPeak();
  if (setup.cgroup.version != 0 && !k.cgroup.PeakKb()) {
    *err = "sandbox: the cgroup's memory peak cannot be reset here";
    return nullptr;
  }
  box->shape_ = spec;
  int report_pipe[2], sockets[2];
  if (!ReportPipe(report_pipe, err)) return nullptr;
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) != 0) {
    close(report_pipe[0]);
    close(report_pipe[1]);
    *err = Errno("sandbox: socketpair");
    return nullptr;
  }
  k.plan.report_fd = report_pipe[1];
  k.plan.box_fd = sockets[1];
  box->keeper_ = StartKeeper(k.plan, setup.mode);
  const int clone_errno = errno;
  close(report_pipe[1]);
  close(sockets[1]);
  box->socket_ = sockets[0];
  if (box->keeper_ < 0) {
    close(report_pipe[0]);
    errno = clone_errno;
    *err = Errno("sandbox: clone");
    return nullptr;
  }
  ChildReport report;
  const ExecOutcome ready =
      AwaitExec(report_pipe[0], MakeDeadline(10, Clock::now()), report);  // setup, not the run
  close(report_pipe[0]);
  if (ready != ExecOutcome::kExecuted) {
    *err = ready == ExecOutcome::kFailed ? SetupFailure(report, k).start_error
                                         : "sandbox: the box took too long to set up";
    return nullptr;
  }
  return box;
}

bool IsolatedBox::Fits(const ProcessSpec& spec) const {
  // Every field, the file paths included: nothing of a spec is per run. A competitive problem's
  // tests change what the files hold, not their paths, and a box opens the paths it was made
  // with (its plan) for every run, its workdir, limits, filter and environment set up once.
  return keeper_ > 0 && spec == shape_;
}

namespace {

// The run's files, opened on the judge's side as the keeper of a single run opens them (inside
// a box the workdir is read-only). fds[0] is left for the report pipe.
bool OpenRunFiles(const ChildFiles& files, int* fds, int* count, std::string* err) {
  const int out_flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC;
  const auto open_one = [&](const char* path, int flags, const char* what) {
    const int fd = open(path != nullptr ? path : "/dev/null", flags, 0644);
    if (fd < 0) *err = Errno((std::string("open ") + what + " " + (path ? path : "")).c_str());
    fds[(*count)++] = fd;
    return fd >= 0;
  };
  *count = 1;
  if (!open_one(files.stdin_path, O_RDONLY | O_CLOEXEC, "stdin") ||
      !open_one(files.stdout_path, out_flags, "stdout"))
    return false;
  if (files.stderr_to_stdout) {
    fds[(*count)++] = fcntl(fds[2], F_DUPFD_CLOEXEC, 0);
  } else if (!open_one(files.stderr_path, out_flags, "stderr")) {
    return false;
  }
  return files.fd3_path == nullptr || open_one(files.fd3_path, out_flags, "fd 3");
}

bool SendRunFds(int socket, const int* fds, int count) {
  char byte = 'r';
  iovec io = {&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMostRunFds)] = {};
  msghdr message = {};
  message.msg_iov = &io;
  message.msg_iovlen = 1;
  message.msg_control = control;
  message.msg_controllen = CMSG_SPACE(sizeof(int) * size_t(count));
  cmsghdr* header = CMSG_FIRSTHDR(&message);
  header->cmsg_level = SOL_SOCKET;
  header->cmsg_type = SCM_RIGHTS;
  header->cmsg_len = CMSG_LEN(sizeof(int) * size_t(count));
  std::memcpy(CMSG_DATA(header), fds, sizeof(int) * size_t(count));
  ssize_t sent;
  while ((sent = sendmsg(socket, &message, MSG_NOSIGNAL)) < 0 && errno == EINTR) continue;
  return sent == 1;
}

// The keeper's record of the run, or false when the deadline passed (or the keeper died) first.
bool ReceiveRecord(int socket, const Deadline& deadline, ExitRecord* record) {
  for (;;) {
    pollfd in = {socket, POLLIN, 0};
    const int ready = poll(&in, 1, RemainingMs(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    const ssize_t got = recv(socket, record, sizeof *record, 0);
    if (got < 0 && errno == EINTR) continue;
    return got == ssize_t(sizeof *record);
  }
}

}  // namespace

ProcessResult IsolatedBox::Run(const ProcessSpec& spec) {
  PreparedKeeper& k = *keeper_state_;
  int fds[kMostRunFds] = {-1, -1, -1, -1, -1};
  int count = 0;
  std::string err;
  int report_pipe[2] = {-1, -1};
  const auto close_all = [&] {
    for (int i = 1; i < count; ++i)
      if (fds[i] >= 0) close(fds[i]);
    if (report_pipe[1] >= 0) close(report_pipe[1]);
  };
  if (!OpenRunFiles(k.plan.files, fds, &count, &err) || !ReportPipe(report_pipe, &err)) {
    close_all();
    return StartFailure(err);
  }
  fds[0] = report_pipe[1];
  if (k.plan.pre_exec_maxrss_kb != nullptr) *k.plan.pre_exec_maxrss_kb = 0;
  k.cgroup.ResetPeak();
  const auto start = Clock::now();
  const Deadline deadline = MakeDeadline(spec.limits.wall_seconds, start);
  const bool sent = SendRunFds(socket_, fds, count);
  close_all();
  if (!sent) {
    close(report_pipe[0]);
    Close();
    return StartFailure(kBoxKeeperGone);
  }
  ChildReport report;
  const ExecOutcome outcome = AwaitExec(report_pipe[0], deadline, report);
  close(report_pipe[0]);
  ExitRecord record;
  const bool ended = outcome != ExecOutcome::kTimedOut && ReceiveRecord(socket_, deadline, &record);
  if (outcome != ExecOutcome::kExecuted) {
    if (!ended) Close();
    if (outcome == ExecOutcome::kFailed) return SetupFailure(report, k);
    return TimedOutBeforeExec();
  }
  ProcessResult result;
  result.started = true;
  result.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (ended) {
    SetExit(record, result);
    CorrectInheritedMemory(k, result);
    cpu_seconds_so_far_ += result.cpu_seconds;
    if (!record.tmp_untouched) Close();
  } else {  // past the wall limit: the box goes, and the cgroup counted what the run used
    Close();
    result.wall_timeout = true;
    result.term_signal = SIGKILL;
    // The cgroup counted every run of the box; the earlier ones reported their own.
    result.cpu_seconds = std::max(0.0, k.cgroup.CpuSeconds().value_or(0) - cpu_seconds_so_far_);
  }
  result.memory_limit_hit = k.cgroup.MemoryLimitHit();
  return result;
}

}  // namespace judge
