#include "judge/gpu/runner_process.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "gpu/harness/runner_main.h"
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/gpu/runner_build.h"
#include "judge/sandbox/sandbox.h"

namespace judge::gpu {
namespace {

// Drawn by the judge at each run, so no submission can know the inputs it will be checked on.
uint64_t SecretSeed() {
  std::random_device device;
  return (static_cast<uint64_t>(device()) << 32) ^ device();
}

// The checker's time past the runner's wall limit: both are bounded, and the checker outlives a
// runner killed at its limit long enough to say that it stopped answering (exit 7).
constexpr double kCheckerSlackSeconds = 2;

// What the runner (or the checker) must learn but the submission must not: the seed its inputs
// come from, and how many calls are trials, warm-up and timed (which would tell a submission
// which calls count). Never on the command line, which /proc shows to every process of the run.
std::string SecretsLine(const RunnerRequest& request) {
  return nlohmann::json{{"seed", SecretSeed()},
                        {"trials", request.trials},
                        {"warmup", request.warmup},
                        {"repetitions", request.repetitions}}
             .dump() +
         "\n";
}

// `fd` moved above 9, close-on-exec: the sandbox dups a run's descriptors onto its 0 and 1, which
// must not clobber one another. -1 (and `fd` closed) on failure.
int AboveStandardDescriptors(int fd) {
  const int moved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  close(fd);
  return moved;
}

// The single-process runner's secrets: one line through a pipe on its stdin, which its main
// reads and closes. A submission that drains stdin before main leaves the runner without them,
// and the run fails.
class RunnerSecrets {
 public:
  RunnerSecrets(const RunnerRequest& request, std::string* err) {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) {
      *err = std::string("pipe: ") + std::strerror(errno);
      return;
    }
    const std::string line = SecretsLine(request);
    // Far below a pipe's buffer: the write completes before the runner exists.
    const bool written =
        write(ends[1], line.data(), line.size()) == static_cast<ssize_t>(line.size());
    close(ends[1]);
    if (!written) {
      close(ends[0]);
      *err = "cannot write the runner's secrets to its pipe";
      return;
    }
    read_end_ = AboveStandardDescriptors(ends[0]);
    if (read_end_ < 0) *err = std::string("fcntl: ") + std::strerror(errno);
  }
  ~RunnerSecrets() {
    if (read_end_ >= 0) close(read_end_);
  }
  RunnerSecrets(const RunnerSecrets&) = delete;
  RunnerSecrets& operator=(const RunnerSecrets&) = delete;
  int read_end() const { return read_end_; }

 private:
  int read_end_ = -1;
};

// The socket of a run checked apart: one SOCK_SEQPACKET pair (message boundaries kept), the
// secrets already sent into the runner's end so that they wait at the checker's before either
// process exists. Each end is closed by whoever runs its side, as soon as that side's run returns
// (RunSide), so the other side reads end of file; the destructor closes what is left.
class CheckerSocket {
 public:
  CheckerSocket(const RunnerRequest& request, std::string* err) {
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) {
      *err = std::string("socketpair: ") + std::strerror(errno);
      return;
    }
    checker_end_ = AboveStandardDescriptors(ends[0]);
    runner_end_ = AboveStandardDescriptors(ends[1]);
    if (checker_end_ < 0 || runner_end_ < 0) {
      *err = std::string("fcntl: ") + std::strerror(errno);
      return;
    }
    // One message, far below the socket's buffer: it completes at once.
    const std::string line = SecretsLine(request);
    if (send(runner_end_, line.data(), line.size(), MSG_NOSIGNAL) !=
        static_cast<ssize_t>(line.size())) {
      *err = "cannot send the secrets to the checker's socket";
      return;
    }
    ok_ = true;
  }
  ~CheckerSocket() {
    for (int fd : {checker_end_, runner_end_})
      if (fd >= 0) close(fd);
  }
  CheckerSocket(const CheckerSocket&) = delete;
  CheckerSocket& operator=(const CheckerSocket&) = delete;
  bool ok() const { return ok_; }
  // Given to one side's run, whose RunSide closes it.
  int& checker_end() { return checker_end_; }
  int& runner_end() { return runner_end_; }

 private:
  bool ok_ = false;
  int checker_end_ = -1, runner_end_ = -1;
};

// Runs one side of a run checked apart and closes its end of the socket at once, so that the
// other side, still running, reads end of file instead of waiting for its wall limit.
ProcessResult RunSide(Sandbox& sandbox, const ProcessSpec& spec, int* end) {
  const ProcessResult result = sandbox.Run(spec);
  close(*end);
  *end = -1;
  return result;
}

// A process of the run: `argv` in `dir` (its workdir, with its stdout.txt and stderr.txt), stdin
// on `stdin_fd`, under the request's wall limit.
ProcessSpec SideSpec(const RunnerRequest& request, const std::vector<std::string>& argv,
                     const std::filesystem::path& dir, int stdin_fd) {
  ProcessSpec spec = GpuDeviceSpec(argv, dir);
  spec.stdin_fd = stdin_fd;
  spec.stdout_path = dir / "stdout.txt";
  spec.stderr_path = dir / "stderr.txt";
  if (const char* visible = std::getenv("CUDA_VISIBLE_DEVICES"))
    spec.env.push_back(std::string("CUDA_VISIBLE_DEVICES=") + visible);
  spec.limits.wall_seconds = request.wall_seconds;
  spec.limits.file_size_bytes = 256ULL << 20;
  return spec;
}

// The process that writes the result lines: the single-process runner, or the checker.
ProcessSpec ResultsSpec(const RunnerRequest& request, const std::vector<std::string>& argv,
                        const std::filesystem::path& dir, int stdin_fd) {
  ProcessSpec spec = SideSpec(request, argv, dir, stdin_fd);
  spec.argv.insert(spec.argv.end(), {"--cases", (dir / "cases.json").string(), "--out",
                                     (dir / "results.jsonl").string()});
  return spec;
}

std::string FirstLine(const std::string& text) {
  const std::string line = text.substr(0, text.find('\n'));
  return line.size() > 300 ? line.substr(0, 300) + "..." : line;
}

// What ended a runner that left `unfinished` without a line; `who` ended ("runner", "checker").
void MarkUnfinished(const ProcessResult& run, const char* who, double wall_seconds,
                    GpuCaseResult* unfinished) {
  std::ostringstream detail;
  if (run.wall_timeout) {
    unfinished->verdict = Verdict::kTimeLimitExceeded;
    detail << "the run passed its time limit of " << wall_seconds << " s during this case";
  } else {
    unfinished->verdict = Verdict::kRuntimeError;
    if (run.term_signal)
      detail << "the " << who << " died by signal " << run.term_signal << " ("
             << strsignal(run.term_signal) << ")";
    else
      detail << "the " << who << " exited with code " << run.exit_code << " during this case";
  }
  unfinished->detail = detail.str();
}

}  // namespace

ProcessSpec GpuDeviceSpec(const std::vector<std::string>& argv,
                          const std::filesystem::path& scratch) {
  ProcessSpec spec;
  spec.argv = argv;
  spec.workdir = scratch;
  spec.env = JudgedEnvironment();
  for (const std::string& variable : CudaSearchPaths()) spec.env.push_back(variable);
  spec.limits.open_files = 1024;
  spec.limits.processes = 512;  // the CUDA driver starts threads
  spec.isolation.syscalls = SyscallSet::kGpu;
  spec.isolation.gpu_devices = true;
  spec.isolation.writable_workdir = true;  // the runner's result lines
  if (!argv.empty())
    spec.isolation.read_only_paths.push_back(std::filesystem::path(argv[0]).parent_path());
  // CUDA libraries outside /usr (the pip wheels' nvidia/*/lib folders, say).
  if (const char* paths = std::getenv("LD_LIBRARY_PATH")) {
    std::stringstream list(paths);
    for (std::string folder; std::getline(list, folder, ':');)
      if (!folder.empty() && std::filesystem::is_directory(folder))
        spec.isolation.read_only_paths.push_back(folder);
  }
  return spec;
}

GpuCaseResult ParseCaseLine(const nlohmann::json& line) {
  GpuCaseResult result;
  result.name = line.value("name", "");
  result.group = line.value("group", "");
  result.verdict = ParseVerdict(line.value("verdict", ""));
  result.detail = line.value("detail", "");
  result.max_error = line.value("max_error", 0.0);
  result.tolerance = line.value("tolerance", 0.0);
  if (line.contains("timing") && line["timing"].is_object()) {
    const nlohmann::json& timing = line["timing"];
    result.timed = true;
    result.timing.median = timing.value("median_s", 0.0);
    result.timing.min = timing.value("min_s", 0.0);
    result.timing.max = timing.value("max_s", 0.0);
    result.timing.spread = timing.value("spread", 0.0);
    result.timing.repetitions = timing.value("repetitions", 0);
  }
  result.floor_seconds = line.value("floor_s", 0.0);
  if (line.contains("figures") && line["figures"].is_object())
    for (const auto& [name, value] : line["figures"].items())
      if (value.is_number()) result.figures.emplace_back(name, value.get<double>());
  return result;
}

namespace {

// How the process that writes the result lines ended, and, for a case it left without one, the
// process whose ending decides that case's verdict.
struct RunEnding {
  ProcessResult results_side;  // the single-process runner, or the checker
  ProcessResult unfinished_by;
  const char* unfinished_who = "runner";
};

bool RunSingleProcess(const RunnerRequest& request, Sandbox& sandbox, RunEnding* ending,
                      std::string* err) {
  const RunnerSecrets secrets(request, err);
  if (secrets.read_end() < 0) return false;
  ending->results_side =
      sandbox.Run(ResultsSpec(request, request.argv, request.scratch_dir, secrets.read_end()));
  if (!ending->results_side.started)
    return Fail("cannot start the runner: " + ending->results_side.start_error, err);
  ending->unfinished_by = ending->results_side;
  return true;
}

// The checker and the runner at once, each in its own folder under the scratch folder: the runner
// must not see or write the checker's results.jsonl, nor read its cases.
bool RunCheckedApart(const RunnerRequest& request, Sandbox& sandbox, RunEnding* ending,
                     std::string* err) {
  const auto checker_dir = request.scratch_dir / "checker";
  const auto runner_dir = request.scratch_dir / "runner";
  std::error_code ec;
  std::filesystem::remove_all(runner_dir, ec);
  if (!std::filesystem::create_directories(runner_dir, ec))
    return Fail(runner_dir.string() + ": cannot create the runner's folder", err);
  CheckerSocket socket(request, err);
  if (!socket.ok()) return false;
  ProcessSpec checker_spec =
      ResultsSpec(request, request.checker_argv, checker_dir, socket.checker_end());
  // Past the runner's limit, so that the checker sees a runner killed at it end and says so.
  checker_spec.limits.wall_seconds += kCheckerSlackSeconds;
  const ProcessSpec runner_spec = SideSpec(request, request.argv, runner_dir, socket.runner_end());
  std::thread checker_thread(
      [&] { ending->results_side = RunSide(sandbox, checker_spec, &socket.checker_end()); });
  const ProcessResult runner = RunSide(sandbox, runner_spec, &socket.runner_end());
  checker_thread.join();
  if (!ending->results_side.started)
    return Fail("cannot start the checker: " + ending->results_side.start_error, err);
  if (!runner.started) return Fail("cannot start the runner: " + runner.start_error, err);
  // The checker lost the runner mid-case: the runner's ending decides that case.
  if (ending->results_side.exit_code == kRunnerStoppedAnswering) {
    ending->unfinished_by = runner;
    ending->unfinished_who = "runner";
  } else {
    ending->unfinished_by = ending->results_side;
    ending->unfinished_who = "checker";
  }
  return true;
}

}  // namespace

bool RunRunner(const RunnerRequest& request, Sandbox& sandbox, RunnerOutcome* out,
               std::string* err) {
  const bool apart = !request.checker_argv.empty();
  const auto dir = apart ? request.scratch_dir / "checker" : request.scratch_dir;
  const auto out_path = dir / "results.jsonl";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::filesystem::remove(out_path, ec);
  if (!WriteFileAtomic(dir / "cases.json", request.case_list.dump(1), err)) return false;
  RunEnding ending;
  if (!(apart ? RunCheckedApart(request, sandbox, &ending, err)
              : RunSingleProcess(request, sandbox, &ending, err)))
    return false;
  const ProcessResult& run = ending.results_side;
  bool truncated = false;
  const std::string stderr_text = ReadFilePrefix(dir / "stderr.txt", 4096, &truncated);
  if (run.exit_code == kRunnerNoDevice) {
    out->no_device = true;
    out->no_device_reason = FirstLine(stderr_text);
    return true;
  }
  if (apart && run.exit_code == kCannotShareMemory) {
    out->cannot_share_memory = true;
    out->cannot_share_memory_reason = FirstLine(stderr_text);
    return true;
  }
  if (run.exit_code == kRunnerBadUsage || run.exit_code == kRunnerInternalError)
    return Fail("the GPU harness failed (not the submission): " + FirstLine(stderr_text), err);
  std::ifstream lines(out_path);
  std::vector<GpuCaseResult> finished;
  for (std::string text; std::getline(lines, text);) {
    const nlohmann::json line = nlohmann::json::parse(text, nullptr, false);
    if (line.is_discarded() || !line.is_object())
      return Fail(out_path.string() + ": a line that is not a JSON object", err);
    if (line.value("type", "") == "device")
      out->device = line;
    else if (line.value("type", "") == "case")
      finished.push_back(ParseCaseLine(line));
    if (!finished.empty() && !finished.back().verdict)
      return Fail(
          out_path.string() + ": case " + finished.back().name + " has no verdict the judge knows",
          err);
  }
  out->cases.clear();
  for (size_t i = 0; i < request.case_list.size(); ++i) {
    const nlohmann::json& entry = request.case_list[i];
    if (i < finished.size()) {
      if (finished[i].name != entry.value("name", ""))
        return Fail("the runner reported case " + finished[i].name + " out of order", err);
      out->cases.push_back(finished[i]);
      continue;
    }
    GpuCaseResult missing;
    missing.name = entry.value("name", "");
    missing.group = entry.value("group", "");
    // Only the first unfinished case was running; the rest never started.
    if (i == finished.size() && run.exit_code != kRunnerCudaError)
      MarkUnfinished(ending.unfinished_by, ending.unfinished_who, request.wall_seconds, &missing);
    out->cases.push_back(missing);
  }
  return true;
}

}  // namespace judge::gpu
