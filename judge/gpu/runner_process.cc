#include "judge/gpu/runner_process.h"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

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

// What the runner must learn but the submission must not: the seed its inputs come from, and
// how many calls are trials, warm-up and timed (which would tell a submission which calls
// count). Not on the command line, which /proc shows to every process of the run: one JSON line
// through a pipe on the runner's stdin, which its main reads and closes. A submission that
// drains stdin before main leaves the runner without them, and the run fails.
class RunnerSecrets {
 public:
  RunnerSecrets(const RunnerRequest& request, std::string* err) {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) {
      *err = std::string("pipe: ") + std::strerror(errno);
      return;
    }
    const std::string line = nlohmann::json{{"seed", SecretSeed()},
                                            {"trials", request.trials},
                                            {"warmup", request.warmup},
                                            {"repetitions", request.repetitions}}
                                 .dump() +
                             "\n";
    // Far below a pipe's buffer: the write completes before the runner exists.
    const bool written =
        write(ends[1], line.data(), line.size()) == static_cast<ssize_t>(line.size());
    close(ends[1]);
    if (!written) {
      close(ends[0]);
      *err = "cannot write the runner's secrets to its pipe";
      return;
    }
    read_end_ = ends[0];
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

ProcessSpec RunnerSpec(const RunnerRequest& request, const std::filesystem::path& cases_path,
                       const std::filesystem::path& out_path, int secrets_fd) {
  ProcessSpec spec = GpuDeviceSpec(request.argv, request.scratch_dir);
  spec.argv.insert(spec.argv.end(), {"--cases", cases_path.string(), "--out", out_path.string()});
  spec.stdin_fd = secrets_fd;
  spec.stdout_path = request.scratch_dir / "stdout.txt";
  spec.stderr_path = request.scratch_dir / "stderr.txt";
  if (const char* visible = std::getenv("CUDA_VISIBLE_DEVICES"))
    spec.env.push_back(std::string("CUDA_VISIBLE_DEVICES=") + visible);
  spec.limits.wall_seconds = request.wall_seconds;
  spec.limits.file_size_bytes = 256ULL << 20;
  return spec;
}

std::string FirstLine(const std::string& text) {
  const std::string line = text.substr(0, text.find('\n'));
  return line.size() > 300 ? line.substr(0, 300) + "..." : line;
}

// What ended a runner that left `case_name` unfinished.
void MarkUnfinished(const ProcessResult& run, double wall_seconds, GpuCaseResult* unfinished) {
  std::ostringstream detail;
  if (run.wall_timeout) {
    unfinished->verdict = Verdict::kTimeLimitExceeded;
    detail << "the run passed its time limit of " << wall_seconds << " s during this case";
  } else {
    unfinished->verdict = Verdict::kRuntimeError;
    if (run.term_signal)
      detail << "the runner died by signal " << run.term_signal << " ("
             << strsignal(run.term_signal) << ")";
    else
      detail << "the runner exited with code " << run.exit_code << " during this case";
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

bool RunRunner(const RunnerRequest& request, Sandbox& sandbox, RunnerOutcome* out,
               std::string* err) {
  const auto cases_path = request.scratch_dir / "cases.json";
  const auto out_path = request.scratch_dir / "results.jsonl";
  std::filesystem::remove(out_path);
  if (!WriteFileAtomic(cases_path, request.case_list.dump(1), err)) return false;
  const RunnerSecrets secrets(request, err);
  if (secrets.read_end() < 0) return false;
  const ProcessResult run =
      sandbox.Run(RunnerSpec(request, cases_path, out_path, secrets.read_end()));
  if (!run.started) return Fail("cannot start the runner: " + run.start_error, err);
  bool truncated = false;
  const std::string stderr_text =
      ReadFilePrefix(request.scratch_dir / "stderr.txt", 4096, &truncated);
  if (run.exit_code == kRunnerNoDevice) {
    out->no_device = true;
    out->no_device_reason = FirstLine(stderr_text);
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
      MarkUnfinished(run, request.wall_seconds, &missing);
    out->cases.push_back(missing);
  }
  return true;
}

}  // namespace judge::gpu
