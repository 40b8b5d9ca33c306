// Steps shared by the plain and the isolated run (local_sandbox.cc, isolated_run.cc): the
// child's side (async-signal-safe: between fork and exec nothing may allocate) and the judge's
// side (waiting for exec, for exit, with a deadline). Internal to judge/sandbox/.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "judge/sandbox/sandbox.h"

namespace judge::process {

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;

// What the child got wrong before exec, sent back through a close-on-exec pipe: EOF on the pipe
// means exec succeeded.
enum Stage : int {
  kOpenStdin,
  kOpenStdout,
  kOpenStderr,
  kOpenFd3,
  kChdir,
  kSetrlimit,
  kExec,
  kUserMap,
  kCgroup,
  kMount,
  kFork,
  kDropUser,
  kSeccomp,
  kStages
};

struct ChildReport {
  int stage = 0;
  int err = 0;
  int index = 0;  // kSetrlimit: which limit; kMount: which step; kCgroup: which file
};

struct Rlimit {
  int resource;
  const char* name;
  rlimit value;
};

constexpr size_t kRlimits = 7;
// nproc 0: RLIMIT_NPROC is left as it is (a plain run shares the judge's user).
std::array<Rlimit, kRlimits> MakeRlimits(const ProcessLimits& limits, rlim_t nproc);

// Everything the child needs to set up its files and exec, built before fork.
struct ChildFiles {
  std::vector<char*> argv;
  std::vector<char*> envp;
  const char* stdin_path;
  const char* stdout_path;
  int stdin_fd;   // >= 0: dup'd onto 0 instead of opening stdin_path
  int stdout_fd;  // >= 0: dup'd onto 1 instead of opening stdout_path
  const char* stderr_path;
  bool stderr_to_stdout;  // same file: share one offset instead of overwriting each other
  const char* fd3_path;   // nullptr: fd 3 closed
  const char* workdir;    // nullptr: stay
  const char* exec_path;  // nullptr: execvpe(argv[0]); else one execve of this path
  int max_fd;             // for the close() loop when close_range is missing
};
ChildFiles MakeChildFiles(const ProcessSpec& spec);

// ---- Child side. ----
[[noreturn]] void ReportAndExit(int fd, int stage, int err, int index = 0);
void ResetSignalDispositions();
// Opens stdin, stdout, stderr and fd 3; outputs refuse a symlink in the last component. Exits
// through ReportAndExit on failure.
void OpenStandardFiles(const ChildFiles& files, int report_fd);
// Closes every descriptor above 3 except those in keep (each > 3).
void CloseFdsAbove3Except(const int* keep, int count, int max_fd);
void SetLimits(const std::array<Rlimit, kRlimits>& limits, int report_fd);
[[noreturn]] void Exec(const ChildFiles& files, int report_fd);

// ---- Judge side. ----
int RemainingMs(const Deadline& deadline);
bool Expired(const Deadline& deadline);
Deadline MakeDeadline(double wall_seconds, Clock::time_point start);

enum class ExecOutcome { kExecuted, kFailed, kTimedOut };
// Reads the child's report until EOF, which means exec happened.
ExecOutcome AwaitExec(int fd, const Deadline& deadline, ChildReport& report);
// True once the child has exited (still unreaped), false if the deadline passed first.
bool WaitForExit(pid_t pid, const Deadline& deadline);
// Names the step that failed and what it worked on.
std::string DescribeFailure(const ChildReport& report, const ChildFiles& files,
                            const std::array<Rlimit, kRlimits>& limits);
double Seconds(const timeval& tv);
ProcessResult StartFailure(std::string why);
// A program still opening its files at the wall limit (a FIFO nobody opens).
ProcessResult TimedOutBeforeExec();
std::string Errno(const char* what);
// A pipe whose write end is above 3 (fds 0-3 are replaced in the child).
bool ReportPipe(int fds[2], std::string* err);

}  // namespace judge::process
