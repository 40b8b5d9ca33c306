#include "judge/sandbox/local_sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

namespace judge {
namespace {

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;

// What the child got wrong before exec, sent back through a close-on-exec pipe: EOF on the pipe
// means exec succeeded.
enum Stage : int { kOpenStdin, kOpenStdout, kOpenStderr, kOpenFd3, kChdir, kSetrlimit, kExec };

struct ChildReport {
  int stage = 0;
  int err = 0;
  int limit = 0;  // for kSetrlimit: which of ChildPlan::limits
};

struct Rlimit {
  int resource;
  const char* name;
  rlimit value;
};

// Everything the child needs, built before fork: between fork and exec the child may only make
// async-signal-safe calls, so no allocation and no C++ strings there.
struct ChildPlan {
  std::vector<char*> argv;
  std::vector<char*> envp;
  const char* stdin_path;
  const char* stdout_path;
  const char* stderr_path;
  bool stderr_to_stdout;  // same file: share one offset instead of overwriting each other
  const char* fd3_path;   // nullptr: fd 3 closed
  const char* workdir;    // nullptr: stay
  std::array<Rlimit, 6> limits;
  int report_fd;
  int max_fd;  // for the close() loop when close_range is missing
};

const char* PathOrDevNull(const std::filesystem::path& path) {
  return path.empty() ? "/dev/null" : path.c_str();
}

// Requested soft/hard, lowered to the judge's own hard limit, which an unprivileged process
// cannot raise: "unlimited" then means "as much as the judge may have".
Rlimit MakeRlimit(int resource, const char* name, rlim_t soft, rlim_t hard) {
  rlimit current{};
  if (getrlimit(resource, &current) == 0) {
    soft = std::min(soft, current.rlim_max);
    hard = std::min(hard, current.rlim_max);
  }
  return {resource, name, {soft, hard}};
}

rlim_t OrInfinity(uint64_t value) { return value == 0 ? RLIM_INFINITY : rlim_t{value}; }

std::array<Rlimit, 6> MakeRlimits(const ProcessLimits& limits) {
  rlim_t cpu = RLIM_INFINITY;
  if (limits.cpu_seconds > 0) cpu = static_cast<rlim_t>(std::ceil(limits.cpu_seconds));
  // One second of grace: SIGXCPU at the soft limit, SIGKILL at the hard one if it is caught.
  rlim_t cpu_hard = cpu == RLIM_INFINITY ? cpu : cpu + 1;
  rlim_t files = limits.open_files > 0 ? rlim_t(limits.open_files) : RLIM_INFINITY;
  rlimit nofile{};
  if (limits.open_files <= 0 && getrlimit(RLIMIT_NOFILE, &nofile) == 0) files = nofile.rlim_cur;
  rlim_t as = OrInfinity(limits.address_space_bytes);
  rlim_t fsize = OrInfinity(limits.file_size_bytes);
  rlim_t stack = OrInfinity(limits.stack_bytes);
  return {{
      MakeRlimit(RLIMIT_CPU, "RLIMIT_CPU", cpu, cpu_hard),
      MakeRlimit(RLIMIT_AS, "RLIMIT_AS", as, as),
      MakeRlimit(RLIMIT_FSIZE, "RLIMIT_FSIZE", fsize, fsize),
      MakeRlimit(RLIMIT_NOFILE, "RLIMIT_NOFILE", files, files),
      MakeRlimit(RLIMIT_STACK, "RLIMIT_STACK", stack, stack),
      MakeRlimit(RLIMIT_CORE, "RLIMIT_CORE", 0, 0),
  }};
}

ChildPlan MakePlan(const ProcessSpec& spec, int report_fd) {
  ChildPlan plan{};
  // exec never writes through these pointers; the const_cast only satisfies its signature.
  for (const std::string& arg : spec.argv) plan.argv.push_back(const_cast<char*>(arg.c_str()));
  plan.argv.push_back(nullptr);
  for (const std::string& var : spec.env) plan.envp.push_back(const_cast<char*>(var.c_str()));
  plan.envp.push_back(nullptr);
  plan.stdin_path = PathOrDevNull(spec.stdin_path);
  plan.stdout_path = PathOrDevNull(spec.stdout_path);
  plan.stderr_path = PathOrDevNull(spec.stderr_path);
  plan.stderr_to_stdout = !spec.stdout_path.empty() && spec.stderr_path == spec.stdout_path;
  plan.fd3_path = spec.fd3_path.empty() ? nullptr : spec.fd3_path.c_str();
  plan.workdir = spec.workdir.empty() ? nullptr : spec.workdir.c_str();
  plan.limits = MakeRlimits(spec.limits);
  plan.report_fd = report_fd;
  long open_max = sysconf(_SC_OPEN_MAX);
  plan.max_fd = open_max > 0 && open_max < INT_MAX ? int(open_max) : 65536;
  return plan;
}

// ---- Child side: async-signal-safe calls only. ----

[[noreturn]] void ReportAndExit(int fd, int stage, int err, int limit = 0) {
  ChildReport report{stage, err, limit};
  ssize_t ignored = write(fd, &report, sizeof report);
  (void)ignored;
  _exit(127);
}

// Opens path onto exactly `target`, whatever fd open() happened to return.
bool OpenOnto(const char* path, int flags, int target) {
  int fd = open(path, flags, 0644);
  if (fd < 0) return false;
  if (fd == target) return true;
  bool ok = dup2(fd, target) == target;
  close(fd);
  return ok;
}

// keep > 3: the parent put the report pipe there.
void CloseFdsAbove3Except(int keep, int max_fd) {
  bool below_ok = keep == 4 || close_range(4, keep - 1, 0) == 0;
  if (below_ok && close_range(keep + 1, ~0U, 0) == 0) return;
  for (int fd = 4; fd < max_fd; ++fd)
    if (fd != keep) close(fd);
}

[[noreturn]] void RunChild(const ChildPlan& plan) {
  const int report = plan.report_fd;
  setpgid(0, 0);

  // Dispositions the judge set (SIG_IGN survives exec) must not leak into the program.
  struct sigaction dfl = {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) sigaction(sig, &dfl, nullptr);

  const int out_flags = O_WRONLY | O_CREAT | O_TRUNC;
  if (!OpenOnto(plan.stdin_path, O_RDONLY, 0)) ReportAndExit(report, kOpenStdin, errno);
  if (!OpenOnto(plan.stdout_path, out_flags, 1)) ReportAndExit(report, kOpenStdout, errno);
  if (plan.stderr_to_stdout ? dup2(1, 2) != 2 : !OpenOnto(plan.stderr_path, out_flags, 2))
    ReportAndExit(report, kOpenStderr, errno);
  if (plan.fd3_path == nullptr) {
    close(3);
  } else if (!OpenOnto(plan.fd3_path, out_flags, 3)) {
    ReportAndExit(report, kOpenFd3, errno);
  }
  CloseFdsAbove3Except(report, plan.max_fd);

  if (plan.workdir != nullptr && chdir(plan.workdir) != 0) ReportAndExit(report, kChdir, errno);
  // Limits last, so RLIMIT_NOFILE and RLIMIT_FSIZE cannot get in the way of the setup above.
  for (int i = 0; i < int(plan.limits.size()); ++i)
    if (setrlimit(plan.limits[i].resource, &plan.limits[i].value) != 0)
      ReportAndExit(report, kSetrlimit, errno, i);

  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  execvpe(plan.argv[0], plan.argv.data(), plan.envp.data());
  ReportAndExit(report, kExec, errno);
}

// ---- Parent side. ----

int RemainingMs(const Deadline& deadline) {
  if (!deadline) return -1;
  auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
  return int(std::clamp<decltype(left)>(left, 0, INT_MAX));
}

bool Expired(const Deadline& deadline) { return deadline && Clock::now() >= *deadline; }

enum class ExecOutcome { kExecuted, kFailed, kTimedOut };

// Reads the child's report until EOF, which means exec happened. kTimedOut: the deadline passed
// first, e.g. the child blocks opening a FIFO that nobody opens from the other end.
ExecOutcome AwaitExec(int fd, const Deadline& deadline, ChildReport& report) {
  size_t got = 0;
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    int n = poll(&p, 1, RemainingMs(deadline));
    if (n < 0 && errno != EINTR) return ExecOutcome::kExecuted;  // cannot tell; wait for it
    if (n == 0 && Expired(deadline)) return ExecOutcome::kTimedOut;
    if (n <= 0) continue;
    ssize_t r = read(fd, reinterpret_cast<char*>(&report) + got, sizeof report - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return ExecOutcome::kExecuted;
    got += size_t(r);
    if (got == sizeof report) return ExecOutcome::kFailed;
  }
}

// Without pidfd: poll with waitid(WNOWAIT), which leaves the child unreaped.
bool PollForExit(pid_t pid, const Deadline& deadline) {
  for (;;) {
    siginfo_t info{};
    int r = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if (r == 0 && info.si_pid == pid) return true;
    if (r < 0 && errno != EINTR) return true;  // let wait4 report what went wrong
    if (Expired(deadline)) return false;
    int sleep_ms = deadline ? std::clamp(RemainingMs(deadline), 1, 5) : 5;
    std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
  }
}

// True once the child has exited (still unreaped), false if the deadline passed first.
bool WaitForExit(pid_t pid, const Deadline& deadline) {
  int pidfd = int(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) return PollForExit(pid, deadline);
  for (;;) {
    pollfd p{pidfd, POLLIN, 0};
    int n = poll(&p, 1, RemainingMs(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 && !Expired(deadline)) continue;  // woke a hair early
    close(pidfd);
    if (n < 0) return PollForExit(pid, deadline);
    return n > 0;
  }
}

// Killed processes take a moment to die; a second is generous, and the loop ends at ECHILD as
// soon as none of the group is left among our children (grandchildren come back to us as the
// subreaper, before their parent turns into a zombie).
void KillAndReapGroup(pid_t pgid) {
  kill(-pgid, SIGKILL);
  auto deadline = Clock::now() + std::chrono::seconds(1);
  for (;;) {
    int status;
    pid_t r = waitpid(-pgid, &status, WNOHANG);
    if (r > 0) continue;
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 || Clock::now() >= deadline) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// Names the step that failed and what it worked on, as the child saw it ("/dev/null" included).
std::string DescribeFailure(const ChildReport& report, const ChildPlan& plan) {
  const std::array<std::pair<const char*, const char*>, 7> steps = {{
      {"open stdin ", plan.stdin_path},
      {"open stdout ", plan.stdout_path},
      {"open stderr ", plan.stderr_path},
      {"open fd 3 ", plan.fd3_path},
      {"chdir ", plan.workdir},
      {"setrlimit ", plan.limits[size_t(report.limit) % plan.limits.size()].name},
      {"exec ", plan.argv[0]},
  }};
  const auto& [what, object] = steps[size_t(report.stage) % steps.size()];
  return std::string(what) + object + ": " + std::generic_category().message(report.err);
}

double Seconds(const timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; }

void Collect(pid_t pid, ProcessResult& result) {
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) return;
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  result.cpu_seconds = Seconds(usage.ru_utime) + Seconds(usage.ru_stime);
  result.max_rss_kb = usage.ru_maxrss;
}

ProcessResult StartFailure(std::string why) {
  ProcessResult result;
  result.start_error = std::move(why);
  return result;
}

std::string Errno(const char* what) {
  return what + (": " + std::generic_category().message(errno));
}

}  // namespace

LocalSandbox::LocalSandbox() {
  static const bool subreaper = prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
  (void)subreaper;
}

ProcessResult LocalSandbox::Run(const ProcessSpec& spec) {
  if (spec.argv.empty() || spec.argv[0].empty()) return StartFailure("exec: empty argv");
  int report_pipe[2];
  if (pipe2(report_pipe, O_CLOEXEC) != 0) return StartFailure(Errno("pipe"));
  if (report_pipe[1] <= 3) {  // fds 0-3 are about to be replaced in the child
    int moved = fcntl(report_pipe[1], F_DUPFD_CLOEXEC, 4);
    close(report_pipe[1]);
    if (moved < 0) {
      close(report_pipe[0]);
      return StartFailure(Errno("fcntl"));
    }
    report_pipe[1] = moved;
  }
  ChildPlan plan = MakePlan(spec, report_pipe[1]);

  Deadline deadline;
  const auto start = Clock::now();
  if (spec.limits.wall_seconds > 0) {
    double seconds = std::min(spec.limits.wall_seconds, 1e7);  // keeps the cast from overflowing
    deadline =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  // Blocked across fork so no judge signal handler runs in the child before it resets them.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  pid_t pid = fork();
  if (pid == 0) RunChild(plan);
  int fork_errno = errno;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  close(report_pipe[1]);
  if (pid < 0) {
    close(report_pipe[0]);
    errno = fork_errno;
    return StartFailure(Errno("fork"));
  }
  setpgid(pid, pid);  // also from here, so the group exists whichever side runs first

  ChildReport report;
  ExecOutcome outcome = AwaitExec(report_pipe[0], deadline, report);
  close(report_pipe[0]);
  if (outcome != ExecOutcome::kExecuted) {
    kill(pid, SIGKILL);  // it never reached exec, so it has no children of its own
    while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) continue;
    if (outcome == ExecOutcome::kFailed) return StartFailure(DescribeFailure(report, plan));
    ProcessResult result = StartFailure("timed out before exec (blocked opening a file?)");
    result.wall_timeout = true;
    return result;
  }

  ProcessResult result;
  result.started = true;
  result.wall_timeout = !WaitForExit(pid, deadline);
  result.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  // Kill the group while its leader is still an unreaped zombie: its pgid cannot be reused yet.
  kill(-pid, SIGKILL);
  Collect(pid, result);
  KillAndReapGroup(pid);
  return result;
}

}  // namespace judge
