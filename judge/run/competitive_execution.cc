// Runs competitive cases one process each: stdin from the case, stdout is the answer.
#include <cmath>
#include <fstream>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/run/competitive_case.h"
#include "judge/run/execution.h"
#include "judge/run/sanitizers.h"
#include "judge/sandbox/program_paths.h"

namespace judge {
namespace {

// The interpreter or runtime's own mappings sit above the solution's memory; RLIMIT_AS gets this
// much headroom and the peak resident figure decides MLE.
constexpr uint64_t kRuntimeAllowance = 128ULL << 20;

ProcessLimits CaseLimits(const ExecutionLimits& limits, bool sanitized) {
  ProcessLimits process;
  process.cpu_seconds = std::ceil(limits.time_ms / 1000) + 1;
  process.wall_seconds = limits.wall_ms() / 1000;
  if (sanitized) {
    process.address_space_bytes = kSanitizedAddressSpaceBytes;
    process.memory_bytes = WholeRunMemoryBytes(limits);
  } else {
    process.address_space_bytes =
        static_cast<uint64_t>(limits.memory_kb) * 1024 + kRuntimeAllowance;
  }
  process.file_size_bytes = static_cast<uint64_t>(limits.output_bytes) + 1;
  return process;
}

// "heap_peak_kb N", written at exit by a sanitized program (harness_heap_report.h); -1 if absent.
long ReportedHeapPeakKb(const std::filesystem::path& file) {
  bool truncated = false;
  const std::string text = ReadFilePrefix(file, 64, &truncated);
  long kb = -1;
  if (std::sscanf(text.c_str(), "heap_peak_kb %ld", &kb) != 1 || kb < 0) return -1;
  return kb;
}

}  // namespace

ProcessSpec CompetitiveSpec(const Program& program, const ExecutionLimits& limits,
                            const std::filesystem::path& dir) {
  ProcessSpec spec;
  spec.argv = program.argv;
  spec.workdir = dir;
  spec.stdin_path = dir / "stdin";
  spec.stdout_path = dir / "stdout";
  spec.stderr_path = dir / "stderr";
  spec.env = JudgedEnvironment();
  spec.limits = CaseLimits(limits, program.sanitized);
  if (program.sanitized) {
    const auto options = SanitizerEnvironment(limits);
    spec.env.insert(spec.env.end(), options.begin(), options.end());
    spec.fd3_path = dir / "heap";
  }
  spec.isolation.read_only_paths = ArgumentDirectories(program.argv);
  spec.isolation.syscalls = program.syscalls;
  return spec;
}

Execution CollectCompetitive(const Program& program, const ExecutionLimits& limits,
                             const ProcessSpec& spec, const ProcessResult& process) {
  Execution e;
  e.time_ms = process.cpu_seconds * 1000;
  const long heap_kb = program.sanitized ? ReportedHeapPeakKb(spec.fd3_path) : -1;
  const long memory_kb = heap_kb >= 0 ? heap_kb : process.max_rss_kb;
  e.memory_kb = process.memory_limit_hit ? std::max(memory_kb, limits.memory_kb + 1) : memory_kb;
  e.signal = process.term_signal;
  e.exit_code = process.exit_code;
  e.wall_timeout = process.wall_timeout;
  bool truncated = false;
  std::string stdout_text =
      ReadFilePrefix(spec.stdout_path, static_cast<size_t>(limits.output_bytes), &truncated);
  std::string stderr_text = ReadFilePrefix(spec.stderr_path, 1 << 20, &truncated);
  std::error_code ec;
  e.output_bytes = static_cast<long>(std::filesystem::file_size(spec.stdout_path, ec) +
                                     std::filesystem::file_size(spec.stderr_path, ec));
  e.debug_output = Shorten(stderr_text, 2048);
  e.stderr_tail =
      stderr_text.size() > 1500 ? stderr_text.substr(stderr_text.size() - 1500) : stderr_text;
  if (program.sanitized) e.sanitizer_report = SanitizerReportText(stderr_text);
  const bool clean_exit =
      process.term_signal == 0 && process.exit_code == 0 && !process.wall_timeout;
  e.outcome = clean_exit ? Execution::Outcome::kReturned : Execution::Outcome::kCrashed;
  e.output = std::move(stdout_text);
  return e;
}

namespace {

Execution RunCase(const Program& program, const TestCase& test, const ExecutionLimits& limits,
                  Sandbox& sandbox, const std::filesystem::path& dir, std::string* err) {
  if (!WriteFileAtomic(dir / "stdin", test.input.get<std::string>(), err)) return Execution();
  const ProcessSpec spec = CompetitiveSpec(program, limits, dir);
  const ProcessResult process = sandbox.Run(spec);
  if (!process.started) {
    *err = "cannot start the solution: " + process.start_error;
    return Execution();
  }
  return CollectCompetitive(program, limits, spec, process);
}

}  // namespace

bool ExecuteCompetitive(const Problem& problem, const Program& program,
                        const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
                        Sandbox& sandbox, const Program* interactor, std::vector<Execution>* out,
                        std::string* err) {
  if (IsInteractive(problem))
    return ExecuteInteractive(problem, program, interactor, tests, limits, sandbox, out, err);
  out->clear();
  // One folder per thread, for every case it runs: the sandbox keeps one box for runs whose
  // spec is the same (local_sandbox.h), and its paths are part of the spec.
  thread_local TempDir work;
  if (!work.ok()) return Fail("cannot create a folder to run in", err);
  for (const TestCase* test : tests) {
    out->push_back(RunCase(program, *test, limits, sandbox, work.path(), err));
    if (!err->empty()) return false;
  }
  return true;
}

}  // namespace judge
