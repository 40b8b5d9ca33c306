#include "judge/sandbox/local_sandbox.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>
#include <thread>

#include "judge/sandbox/isolated_box.h"
#include "judge/sandbox/isolated_run.h"
#include "judge/sandbox/process_steps.h"
#include "judge/sandbox/seccomp_filter.h"

namespace judge {
namespace {

using namespace process;

// ---- The plain run's child: async-signal-safe calls only. ----

[[noreturn]] void RunPlainChild(const ChildFiles& files, const std::array<Rlimit, kRlimits>& limits,
                                int report) {
  setpgid(0, 0);
  ResetSignalDispositions();
  OpenStandardFiles(files, report);
  CloseFdsAbove3Except(&report, 1, files.max_fd);
  if (files.workdir != nullptr && chdir(files.workdir) != 0) ReportAndExit(report, kChdir, errno);
  // Limits last, so RLIMIT_NOFILE and RLIMIT_FSIZE cannot get in the way of the setup above.
  SetLimits(limits, report);
  Exec(files, report);
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

// ---- Probing what isolation this machine allows. ----

// A trial run that exercises every step of the isolated run.
bool Works(const IsolatedSetup& setup, std::string* why) {
  char dir_template[] = "/tmp/judge-probe-XXXXXX";
  if (mkdtemp(dir_template) == nullptr) {
    *why = "cannot create a probe folder in /tmp";
    return false;
  }
  ProcessSpec spec;
  spec.argv = {"/bin/true"};
  spec.workdir = dir_template;
  spec.limits.wall_seconds = 10;
  ProcessResult r = RunIsolated(spec, setup);
  rmdir(dir_template);
  if (r.started && r.exit_code == 0) return true;
  *why = r.started ? "the trial run failed" : r.start_error;
  return false;
}

bool UserNamespacesWork() {
  pid_t pid = fork();
  if (pid == 0) _exit(unshare(CLONE_NEWUSER) == 0 ? 0 : 1);
  int status = 0;
  return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
         WEXITSTATUS(status) == 0;
}

// ---- Switching mechanisms off: JUDGE_SANDBOX_OFF. ----

constexpr const char* kSwitchable[] = {"namespaces", "cgroup", "seccomp", "exec-once", "reuse"};
constexpr char kSwitchedOff[] = "switched off by JUDGE_SANDBOX_OFF";

bool ReadSandboxOff(std::set<std::string>* off, std::string* err) {
  const char* value = std::getenv("JUDGE_SANDBOX_OFF");
  std::string word;
  for (const char* c = value ? value : "";; ++c) {
    if (*c != '\0' && *c != ',' && *c != ' ') {
      word += *c;
      continue;
    }
    if (!word.empty()) {
      bool known = false;
      for (const char* name : kSwitchable) known = known || word == name;
      if (!known) {
        *err = "JUDGE_SANDBOX_OFF: unknown mechanism \"" + word +
               "\" (expected namespaces, cgroup, seccomp, exec-once or reuse, separated by commas)";
        return false;
      }
      off->insert(word);
      word.clear();
    }
    if (*c == '\0') return true;
  }
}

struct Detected {
  IsolatedSetup setup;
  std::string missing;        // one line per missing protection
  std::set<std::string> off;  // switched off by JUDGE_SANDBOX_OFF
};

Detected Detect() {
  Detected d;
  std::string ignored;  // the CLI refuses a bad value first (CheckSandboxSwitches)
  if (!ReadSandboxOff(&d.off, &ignored)) d.off.clear();
  const auto on = [&](const char* name) { return d.off.count(name) == 0; };
  IsolatedSetup& s = d.setup;
  s.cgroup = on("cgroup") ? DetectCgroups() : CgroupSupport{0, {}, kSwitchedOff};
  s.seccomp = on("seccomp") && SeccompAvailable();
  s.exec_once = s.seccomp && on("exec-once") && !ExecNotifyFilter().empty();
  std::string why;
  if (!on("namespaces")) {
    d.missing += std::string("namespaces: ") + kSwitchedOff +
                 ": the submission sees the whole machine and runs as the judge's user\n";
  } else if (geteuid() == 0) {
    s.mode = NamespaceMode::kRoot;
  } else if (UserNamespacesWork()) {
    s.mode = NamespaceMode::kUserNamespace;
  } else {
    d.missing +=
        "namespaces: not root and no user namespaces: the submission sees the whole "
        "machine and runs as the judge's user\n";
  }
  if (s.mode != NamespaceMode::kNone) {
    // Peel off what fails, last-added first: exec-once, seccomp, cgroup, then namespaces.
    if (!Works(s, &why) && s.exec_once) {
      s.exec_once = false;
      if (Works(s, &why)) d.missing += "exec-once: seccomp user notification failed\n";
    }
    if (!Works(s, &why) && s.seccomp) {
      s.seccomp = false;
      if (Works(s, &why)) d.missing += "seccomp: the filter could not be loaded\n";
    }
    if (!Works(s, &why) && s.cgroup.version != 0) {
      s.cgroup = CgroupSupport{0, {}, "joining a run cgroup failed"};
    }
    if (!Works(s, &why)) {
      d.missing += "namespaces: the isolated trial run failed (" + why + ")\n";
      s.mode = NamespaceMode::kNone;
    }
  }
  if (s.mode == NamespaceMode::kNone) {
    s.seccomp = s.exec_once = false;
    s.cgroup = CgroupSupport{0, {}, on("cgroup") ? "only used with namespaces" : kSwitchedOff};
    return d;
  }
  if (!on("seccomp"))
    d.missing += std::string("seccomp: ") + kSwitchedOff + "\n";
  else if (!SeccompAvailable())
    d.missing += "seccomp: " +
                 std::string(JUDGE_HAVE_SECCOMP ? "the kernel has no seccomp filters"
                                                : "built without libseccomp") +
                 "\n";
  else if (!on("exec-once"))
    d.missing += std::string("exec-once: ") + kSwitchedOff + "\n";
  if (s.cgroup.version == 0)
    d.missing += "cgroups: " + s.cgroup.why_not +
                 ": memory and process counts fall back to "
                 "RLIMIT_AS and RLIMIT_NPROC\n";
  return d;
}

const Detected& Detection() {
  static const Detected detected = Detect();
  return detected;
}

// Once per process, and only on a terminal: the judge's --json output on a pipe stays JSON.
void WarnOnce(const std::string& missing) {
  static std::once_flag once;
  std::call_once(once, [&] {
    if (missing.empty() || !isatty(STDERR_FILENO)) return;
    std::fprintf(stderr,
                 "judge: sandbox protections missing on this machine (`judge selftest` "
                 "lists them):\n");
    size_t start = 0;
    while (start < missing.size()) {
      size_t end = missing.find('\n', start);
      std::fprintf(stderr, "  %s\n", missing.substr(start, end - start).c_str());
      start = end + 1;
    }
  });
}

// A box's files are opened by the judge itself, so they must be files that open at once: not a
// FIFO that would block the judge where a single run's keeper blocks until its wall limit.
bool OnlyRegularFiles(const ProcessSpec& spec) {
  for (const auto* path :
       {&spec.stdin_path, &spec.stdout_path, &spec.stderr_path, &spec.fd3_path}) {
    struct stat st;
    if (!path->empty() && lstat(path->c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return false;
  }
  return true;
}

}  // namespace

const IsolatedSetup& DetectIsolation(std::string* missing) {
  if (missing) *missing = Detection().missing;
  return Detection().setup;
}

ProcessResult RunPlain(const ProcessSpec& spec) {
  if (spec.argv.empty() || spec.argv[0].empty()) return StartFailure("exec: empty argv");
  int report_pipe[2];
  std::string err;
  if (!ReportPipe(report_pipe, &err)) return StartFailure(err);
  const ChildFiles files = MakeChildFiles(spec);
  const auto limits = MakeRlimits(spec.limits, 0);

  const auto start = Clock::now();
  const Deadline deadline = MakeDeadline(spec.limits.wall_seconds, start);
  // Blocked across fork so no judge signal handler runs in the child before it resets them.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  pid_t pid = fork();
  if (pid == 0) RunPlainChild(files, limits, report_pipe[1]);
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
    if (outcome == ExecOutcome::kFailed)
      return StartFailure(DescribeFailure(report, files, limits));
    return TimedOutBeforeExec();
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

LocalSandbox::LocalSandbox(bool isolate) : isolate_(isolate) {
  static const bool subreaper = prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
  (void)subreaper;
}

LocalSandbox::~LocalSandbox() = default;

ProcessResult LocalSandbox::Run(const ProcessSpec& spec) {
  if (!isolate_) return RunPlain(spec);
  std::string missing;
  const IsolatedSetup& setup = DetectIsolation(&missing);
  WarnOnce(missing);
  if (setup.mode == NamespaceMode::kNone) return RunPlain(spec);
  // Runs given descriptors (an interactive test's two sides, at once from two threads) get a
  // keeper each and leave box_ alone: they touch no state of this object.
  if (spec.stdin_fd >= 0 || spec.stdout_fd >= 0) return RunIsolated(spec, setup);
  if (spec.isolation.syscalls == SyscallSet::kTool || Detection().off.count("reuse") ||
      !OnlyRegularFiles(spec)) {
    box_.reset();
    return RunIsolated(spec, setup);
  }
  if (box_ && !box_->Fits(spec)) box_.reset();
  std::string err;
  if (!box_ && boxes_) box_ = IsolatedBox::Open(spec, setup, &err);
  if (!box_) {
    boxes_ = false;  // what failed once would fail again: a keeper per run from now on
    return RunIsolated(spec, setup);  // which says what failed, in the run's terms
  }
  ProcessResult result = box_->Run(spec);
  if (!result.started && result.start_error == kBoxKeeperGone) {
    box_.reset();
    return RunIsolated(spec, setup);
  }
  return result;
}

bool CheckSandboxSwitches(std::string* err) {
  std::set<std::string> off;
  return ReadSandboxOff(&off, err);
}

std::vector<Protection> SandboxProtections() {
  const Detected& d = Detection();
  const IsolatedSetup& s = d.setup;
  const bool ns = s.mode != NamespaceMode::kNone;
  // Why a mechanism is off, when it was asked to be.
  const auto off = [&](const char* name, const std::string& otherwise) {
    return d.off.count(name) ? std::string("no: ") + kSwitchedOff : otherwise;
  };
  const std::string how = s.mode == NamespaceMode::kRoot ? "as root" : "in a user namespace";
  std::vector<Protection> list = {
      {"PID namespace", ns,
       ns ? "nothing outside the run is visible; all of it dies with it"
          : off("namespaces", "no: a plain process group")},
      {"network namespace", ns, ns ? "no network at all" : "no: the machine's network"},
      {"private root", ns,
       ns ? "system directories read-only, workdir, private /tmp" : "no: the whole file system"},
      {"unprivileged user", ns,
       s.mode == NamespaceMode::kRoot ? "a fresh uid per run, no capabilities, no_new_privs"
       : ns ? "uid 1000 of a user namespace, no capabilities, no_new_privs"
            : "no: the judge's own user"},
      {"seccomp filter", s.seccomp,
       s.seccomp
           ? "an allow-list per language; no sockets, ptrace, mount; submissions start no process"
           : off("seccomp",
                 JUDGE_HAVE_SECCOMP ? "no: unavailable here" : "no: built without libseccomp")},
      {"exec once", s.exec_once,
       s.exec_once ? "a submission cannot exec anything after its program"
                   : off("exec-once", "no")},
      {"cgroup", s.cgroup.version != 0,
       s.cgroup.version != 0 ? "v" + std::to_string(s.cgroup.version) + ": memory and pids limits"
                             : "no: " + s.cgroup.why_not},
      {"rlimits", true, "CPU, address space, file size, open files, stack, core"},
  };
  if (ns) list[0].detail += " (" + how + ")";
  return list;
}

}  // namespace judge
