// A single isolated run: a keeper (keeper.h) for one program, killed, and its namespaces with it,
// when the program ends.
#include "judge/sandbox/isolated_run.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "judge/sandbox/keeper.h"
#include "judge/sandbox/keeper_plan.h"
#include "judge/sandbox/process_steps.h"

namespace judge {

using namespace process;

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

}  // namespace judge
