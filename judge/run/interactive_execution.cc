// Runs an interactive problem's tests, one at a time: the submission and the problem's
// interactor at once, each in the sandbox, joined by two pipes (the submission's stdout is the
// interactor's stdin, the interactor's stdout the submission's stdin). The interactor follows
// the Kattis / ICPC convention:
//   interactor INPUT_FILE ANSWER_FILE FEEDBACK_DIR [interactor_args...]
// INPUT_FILE holds the case's `input` (the secret the submission never sees), ANSWER_FILE its
// `expected`; exit 42 accepts, 43 rejects with FEEDBACK_DIR/judgemessage.txt's first line as the
// reason, anything else is the interactor's own failure. The Execution is the submission's, with
// the interactor's outcome beside it; test_verdict.cc weighs the two.
//
// Neither side can hang the judge: each has a wall-clock limit, the interactor's a little past
// the submission's so that it sees the submission's end (EOF on its stdin) before its own limit;
// and the judge closes its copies of a side's pipe ends as soon as that side's run returns, so
// the other side reads EOF (or writes into SIGPIPE) rather than waiting.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <fstream>
#include <thread>

#include "judge/check/validator_checker.h"
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/json/short_json.h"
#include "judge/run/competitive_case.h"
#include "judge/run/execution.h"
#include "judge/run/test_verdict.h"
#include "judge/sandbox/program_paths.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The interactor's time past the submission's limits: it must outlive the submission to see
// its end and give its verdict.
constexpr double kInteractorSlackSeconds = 2;
// The problem's own program: room to spare, not a limit that decides anything.
constexpr uint64_t kInteractorMemoryBytes = 2ULL << 30;
constexpr uint64_t kInteractorFileBytes = 16ULL << 20;
constexpr size_t kMaxMessageChars = 300;

// A pipe whose ends are close-on-exec and above fd 9: the sandbox dups them onto the child's 0
// and 1, which must not clobber one another.
bool MakePipe(int fds[2], std::string* err) {
  int raw[2];
  if (pipe2(raw, O_CLOEXEC) != 0) return Fail(std::string("pipe: ") + std::strerror(errno), err);
  for (int i = 0; i < 2; ++i) {
    fds[i] = fcntl(raw[i], F_DUPFD_CLOEXEC, 10);
    close(raw[i]);
  }
  if (fds[0] >= 0 && fds[1] >= 0) return true;
  for (int i = 0; i < 2; ++i)
    if (fds[i] >= 0) close(fds[i]);
  return Fail(std::string("fcntl: ") + std::strerror(errno), err);
}

std::string LastLine(const fs::path& file) {
  bool truncated = false;
  const std::string text = ReadFilePrefix(file, 1 << 16, &truncated);
  std::string last;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) last = text.substr(start, std::min(end - start, kMaxMessageChars));
    start = end + 1;
  }
  return last;
}

ProcessSpec InteractorSpec(const Problem& problem, const Program& interactor,
                           const ExecutionLimits& limits, const fs::path& dir) {
  ProcessSpec spec;
  spec.argv = interactor.argv;
  // Absolute paths: the run sees its workdir at the same path. FEEDBACK_DIR ends in '/', as
  // Kattis passes it: validators append file names to it.
  spec.argv.insert(spec.argv.end(),
                   {(dir / "input").string(), (dir / "answer").string(), dir.string() + "/"});
  spec.argv.insert(spec.argv.end(), problem.interactor_args.begin(), problem.interactor_args.end());
  spec.workdir = dir;
  spec.stderr_path = dir / "stderr";
  spec.env = JudgedEnvironment();
  spec.limits.cpu_seconds = std::ceil(limits.time_ms / 1000) + 1 + kInteractorSlackSeconds;
  spec.limits.wall_seconds = limits.wall_ms() / 1000 + kInteractorSlackSeconds;
  spec.limits.address_space_bytes = kInteractorMemoryBytes;
  spec.limits.file_size_bytes = kInteractorFileBytes;
  spec.isolation.syscalls = interactor.syscalls;
  spec.isolation.writable_workdir = true;  // FEEDBACK_DIR
  spec.isolation.read_only_paths = ArgumentDirectories(interactor.argv);
  return spec;
}

InteractorOutcome DescribeInteractor(const ProcessResult& r, const ProcessSpec& spec) {
  using Kind = InteractorOutcome::Kind;
  const std::string stderr_last = LastLine(spec.stderr_path);
  const std::string said = stderr_last.empty() ? "" : ": " + stderr_last;
  if (!r.started) return {Kind::kFailed, "it did not start: " + r.start_error};
  if (r.wall_timeout)
    return {Kind::kFailed, "it was still running after its wall-clock limit (" +
                               std::to_string(long(spec.limits.wall_seconds * 1000)) + " ms)"};
  // Dying of a closed pipe (Python raises BrokenPipeError) means the submission had gone.
  if (r.term_signal == SIGPIPE || stderr_last.find("BrokenPipeError") != std::string::npos)
    return {Kind::kWrongAnswer, "the submission stopped reading while the interactor wrote to it"};
  if (r.term_signal != 0)
    return {Kind::kFailed, "killed by " + DescribeSignal(r.term_signal) + said};
  const std::string message = FirstLineOfFile(spec.workdir / "judgemessage.txt", kMaxMessageChars);
  if (r.exit_code == kKattisAcceptedExit) return {Kind::kAccepted, message};
  if (r.exit_code == kKattisRejectedExit)
    return {Kind::kWrongAnswer,
            message.empty() ? "the interactor rejected the interaction" : message};
  return {Kind::kFailed, "it exited with code " + std::to_string(r.exit_code) +
                             " (42 accepts, 43 rejects)" + said};
}

struct SideEnd {
  ProcessResult result;
  Clock::time_point ended;
};

// Runs `spec` and then closes the run's pipe ends, so that the other side sees it is over.
SideEnd RunSide(Sandbox& sandbox, const ProcessSpec& spec) {
  SideEnd end;
  end.result = sandbox.Run(spec);
  close(spec.stdin_fd);
  close(spec.stdout_fd);
  end.ended = Clock::now();
  return end;
}

bool RunInteractiveCase(const Problem& problem, const Program& program, const Program& interactor,
                        const TestCase& test, const ExecutionLimits& limits, Sandbox& sandbox,
                        Execution* out, std::string* err) {
  const TempDir submission_dir, interactor_dir;
  if (!submission_dir.ok() || !interactor_dir.ok())
    return Fail("cannot create a folder to run in", err);
  const auto text = [](const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
  };
  // The submission's stdout is a pipe: its stdout file stays empty, and exists so that
  // CollectCompetitive reads it like any other.
  if (!WriteFileAtomic(interactor_dir.path() / "input", text(test.input), err) ||
      !WriteFileAtomic(interactor_dir.path() / "answer", text(test.expected), err) ||
      !WriteFileAtomic(submission_dir.path() / "stdout", "", err))
    return false;

  int to_interactor[2], to_submission[2];
  if (!MakePipe(to_interactor, err)) return false;
  if (!MakePipe(to_submission, err)) {
    close(to_interactor[0]);
    close(to_interactor[1]);
    return false;
  }
  ProcessSpec submission = CompetitiveSpec(program, limits, submission_dir.path());
  submission.stdin_path.clear();
  submission.stdin_fd = to_submission[0];
  submission.stdout_fd = to_interactor[1];
  ProcessSpec judge_side = InteractorSpec(problem, interactor, limits, interactor_dir.path());
  judge_side.stdin_fd = to_interactor[0];
  judge_side.stdout_fd = to_submission[1];

  SideEnd interactor_end;
  std::thread interactor_thread([&] { interactor_end = RunSide(sandbox, judge_side); });
  const SideEnd submission_end = RunSide(sandbox, submission);
  interactor_thread.join();

  if (!submission_end.result.started)
    return Fail("cannot start the solution: " + submission_end.result.start_error, err);
  *out = CollectCompetitive(program, limits, submission, submission_end.result);
  out->interactor = DescribeInteractor(interactor_end.result, judge_side);
  out->interactor->ended_first = interactor_end.ended < submission_end.ended;
  return true;
}

}  // namespace

bool ExecuteInteractive(const Problem& problem, const Program& program, const Program* interactor,
                        const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
                        Sandbox& sandbox, std::vector<Execution>* out, std::string* err) {
  out->clear();
  if (interactor == nullptr)
    return Fail(problem.slug +
                    " is interactive: its tests need its interactor, which only judging "
                    "a submission builds (interactive problems are not timed)",
                err);
  for (const TestCase* test : tests) {
    Execution e;
    if (!RunInteractiveCase(problem, program, *interactor, *test, limits, sandbox, &e, err))
      return false;
    out->push_back(std::move(e));
  }
  return true;
}

}  // namespace judge
