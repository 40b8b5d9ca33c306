#include "judge/sandbox/process_steps.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <system_error>
#include <thread>
#include <utility>

#include "judge/error.h"

namespace judge::process {
namespace {

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

// Opens path onto exactly `target`, whatever fd open() happened to return.
bool OpenOnto(const char* path, int flags, int target) {
  int fd = open(path, flags, 0644);
  if (fd < 0) return false;
  if (fd == target) return true;
  bool ok = dup2(fd, target) == target;
  close(fd);
  return ok;
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

}  // namespace

std::array<Rlimit, kRlimits> MakeRlimits(const ProcessLimits& limits, rlim_t nproc) {
  rlim_t cpu = RLIM_INFINITY;
  if (limits.cpu_seconds > 0) cpu = static_cast<rlim_t>(std::ceil(limits.cpu_seconds));
  // One second of grace: SIGXCPU at the soft limit, SIGKILL at the hard one if it is caught.
  rlim_t cpu_hard = cpu == RLIM_INFINITY ? cpu : cpu + 1;
  rlim_t files = limits.open_files > 0 ? rlim_t(limits.open_files) : RLIM_INFINITY;
  rlimit current{};
  if (limits.open_files <= 0 && getrlimit(RLIMIT_NOFILE, &current) == 0) files = current.rlim_cur;
  rlim_t nproc_hard = nproc;
  if (nproc == 0 && getrlimit(RLIMIT_NPROC, &current) == 0) {
    nproc = current.rlim_cur;
    nproc_hard = current.rlim_max;
  }
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
      MakeRlimit(RLIMIT_NPROC, "RLIMIT_NPROC", nproc, nproc_hard),
  }};
}

ChildFiles MakeChildFiles(const ProcessSpec& spec) {
  ChildFiles files{};
  // exec never writes through these pointers; the const_cast only satisfies its signature.
  for (const std::string& arg : spec.argv) files.argv.push_back(const_cast<char*>(arg.c_str()));
  files.argv.push_back(nullptr);
  for (const std::string& var : spec.env) files.envp.push_back(const_cast<char*>(var.c_str()));
  files.envp.push_back(nullptr);
  files.stdin_path = PathOrDevNull(spec.stdin_path);
  files.stdout_path = PathOrDevNull(spec.stdout_path);
  files.stdin_fd = spec.stdin_fd;
  files.stdout_fd = spec.stdout_fd;
  files.stderr_path = PathOrDevNull(spec.stderr_path);
  files.stderr_to_stdout = !spec.stdout_path.empty() && spec.stderr_path == spec.stdout_path;
  files.fd3_path = spec.fd3_path.empty() ? nullptr : spec.fd3_path.c_str();
  files.workdir = spec.workdir.empty() ? nullptr : spec.workdir.c_str();
  long open_max = sysconf(_SC_OPEN_MAX);
  files.max_fd = open_max > 0 && open_max < INT_MAX ? int(open_max) : 65536;
  return files;
}

// ---- Child side: async-signal-safe calls only. ----

void ReportAndExit(int fd, int stage, int err, int index) {
  ChildReport report{stage, err, index};
  ssize_t ignored = write(fd, &report, sizeof report);
  (void)ignored;
  _exit(127);
}

void ResetSignalDispositions() {
  // Dispositions the judge set (SIG_IGN survives exec) must not leak into the program.
  struct sigaction dfl = {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) sigaction(sig, &dfl, nullptr);
}

void OpenStandardFiles(const ChildFiles& files, int report) {
  const int out_flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW;
  if (files.stdin_fd >= 0 ? dup2(files.stdin_fd, 0) != 0 : !OpenOnto(files.stdin_path, O_RDONLY, 0))
    ReportAndExit(report, kOpenStdin, errno);
  if (files.stdout_fd >= 0 ? dup2(files.stdout_fd, 1) != 1
                           : !OpenOnto(files.stdout_path, out_flags, 1))
    ReportAndExit(report, kOpenStdout, errno);
  if (files.stderr_to_stdout ? dup2(1, 2) != 2 : !OpenOnto(files.stderr_path, out_flags, 2))
    ReportAndExit(report, kOpenStderr, errno);
  if (files.fd3_path == nullptr) {
    close(3);
  } else if (!OpenOnto(files.fd3_path, out_flags, 3)) {
    ReportAndExit(report, kOpenFd3, errno);
  }
}

void CloseFdsAbove3Except(const int* keep, int count, int max_fd) {
  int sorted[4];
  int n = 0;
  for (int i = 0; i < count && n < 4; ++i) sorted[n++] = keep[i];
  std::sort(sorted, sorted + n);
  int from = 4;
  bool ok = true;
  for (int i = 0; i < n && ok; ++i) {
    if (sorted[i] > from) ok = close_range(unsigned(from), unsigned(sorted[i] - 1), 0) == 0;
    from = sorted[i] + 1;
  }
  if (ok && close_range(unsigned(from), ~0U, 0) == 0) return;
  for (int fd = 4; fd < max_fd; ++fd)
    if (std::find(sorted, sorted + n, fd) == sorted + n) close(fd);
}

void SetLimits(const std::array<Rlimit, kRlimits>& limits, int report) {
  for (int i = 0; i < int(limits.size()); ++i)
    if (setrlimit(limits[size_t(i)].resource, &limits[size_t(i)].value) != 0)
      ReportAndExit(report, kSetrlimit, errno, i);
}

void Exec(const ChildFiles& files, int report) {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  if (files.exec_path != nullptr)
    execve(files.exec_path, files.argv.data(), files.envp.data());
  else
    execvpe(files.argv[0], files.argv.data(), files.envp.data());
  ReportAndExit(report, kExec, errno);
}

// ---- Judge side. ----

int RemainingMs(const Deadline& deadline) {
  if (!deadline) return -1;
  auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
  return int(std::clamp<decltype(left)>(left, 0, INT_MAX));
}

bool Expired(const Deadline& deadline) { return deadline && Clock::now() >= *deadline; }

Deadline MakeDeadline(double wall_seconds, Clock::time_point start) {
  if (wall_seconds <= 0) return std::nullopt;
  double seconds = std::min(wall_seconds, 1e7);  // keeps the cast from overflowing
  return start +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

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

std::string DescribeFailure(const ChildReport& report, const ChildFiles& files,
                            const std::array<Rlimit, kRlimits>& limits) {
  const char* object = "";
  const char* what = "";
  switch (report.stage) {
    case kOpenStdin:
      what = "open stdin ";
      object = files.stdin_path;
      break;
    case kOpenStdout:
      what = "open stdout ";
      object = files.stdout_path;
      break;
    case kOpenStderr:
      what = "open stderr ";
      object = files.stderr_path;
      break;
    case kOpenFd3:
      what = "open fd 3 ";
      object = files.fd3_path;
      break;
    case kChdir:
      what = "chdir ";
      object = files.workdir;
      break;
    case kSetrlimit:
      what = "setrlimit ";
      object = limits[size_t(report.index) % kRlimits].name;
      break;
    case kExec:
      what = "exec ";
      object = files.argv[0];
      break;
    case kUserMap:
      what = "sandbox: write the user namespace's id maps";
      break;
    case kCgroup:
      what = "sandbox: join the run's cgroup";
      break;
    case kMount:
      what = "sandbox: private root";
      break;
    case kFork:
      what = "sandbox: fork the program";
      break;
    case kDropUser:
      what = "sandbox: switch to the unprivileged user";
      break;
    case kSeccomp:
      what = "sandbox: load the system-call filter";
      break;
  }
  return std::string(what) + (object ? object : "") + ": " +
         std::generic_category().message(report.err);
}

double Seconds(const timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; }

ProcessResult StartFailure(std::string why) {
  ProcessResult result;
  result.start_error = std::move(why);
  return result;
}

ProcessResult TimedOutBeforeExec() {
  ProcessResult result = StartFailure("timed out before exec (blocked opening a file?)");
  result.wall_timeout = true;
  return result;
}

std::string Errno(const char* what) {
  return what + (": " + std::generic_category().message(errno));
}

bool ReportPipe(int fds[2], std::string* err) {
  if (pipe2(fds, O_CLOEXEC) != 0) return Fail(Errno("pipe"), err);
  if (fds[1] <= 3) {  // fds 0-3 are about to be replaced in the child
    int moved = fcntl(fds[1], F_DUPFD_CLOEXEC, 4);
    close(fds[1]);
    if (moved < 0) {
      close(fds[0]);
      return Fail(Errno("fcntl"), err);
    }
    fds[1] = moved;
  }
  return true;
}

}  // namespace judge::process
