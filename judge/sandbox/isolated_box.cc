#include "judge/sandbox/isolated_box.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "judge/sandbox/keeper.h"
#include "judge/sandbox/keeper_plan.h"
#include "judge/sandbox/process_steps.h"

namespace judge {
namespace {

using namespace process;

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
