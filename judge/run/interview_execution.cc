// Runs interview cases through the harness, all in one process: the judge's cost per case is
// a line of JSON each way, far below a process start (see benchmarks/).
#include <fstream>
#include <sstream>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/run/execution.h"
#include "judge/run/sanitizers.h"
#include "judge/sandbox/program_paths.h"

namespace judge {
namespace {

constexpr size_t kDebugOutputShown = 2048;
// Results travel through a file too; RLIMIT_FSIZE covers it, so leave room for large returns.
constexpr uint64_t kResultsAllowance = 256ULL << 20;

ProcessLimits HarnessProcessLimits(const ExecutionLimits& limits, size_t cases) {
  // Per-case limits are the harness's own timers; these only bound the process as a whole,
  // including reading the cases (a 10^6-element case takes a while in Python).
  ProcessLimits process;
  const double per_case_wall = limits.wall_ms() / 1000 + 2;
  process.wall_seconds = 10 + per_case_wall * static_cast<double>(cases);
  process.cpu_seconds = process.wall_seconds;
  process.file_size_bytes = static_cast<uint64_t>(limits.output_bytes) + kResultsAllowance;
  // The harness holds every case at once; the cgroup's cap only stops what the per-call limit
  // (the harness's own RLIMIT_AS, or under the sanitizers their allocation limit) cannot:
  // threads, tmpfs files, the sanitizers' shadow memory.
  process.memory_bytes = WholeRunMemoryBytes(limits);
  return process;
}

// One line of the harness's results; *stdout_end is the stdout offset after the call.
Execution ParseResultLine(const std::string& line, long* stdout_end, std::string* err) {
  Execution e;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
    *stdout_end = j.value("stdout_bytes", -1L);
    const std::string status = j.at("status").get<std::string>();
    e.time_ms = j.value("time_ns", 0.0) / 1e6;
    e.memory_kb = j.value("memory_kb", 0L);
    if (status == "ok") {
      e.outcome = Execution::Outcome::kReturned;
      e.output = std::move(j.at("output"));
    } else if (status == "exception") {
      e.outcome = Execution::Outcome::kThrew;
    } else if (status == "memory") {
      e.outcome = Execution::Outcome::kOutOfMemory;
    } else if (status == "input_error") {
      e.outcome = Execution::Outcome::kBadInput;
    } else {
      *err = "the harness reported an unknown status \"" + status + "\"";
    }
    e.message = j.value("message", "");
  } catch (const nlohmann::json::exception&) {
    *err = "the harness wrote a result the judge cannot read: " + Shorten(line, 120);
  }
  return e;
}

std::string ReadSlice(std::ifstream& in, long from, long to) {
  if (to <= from) return "";
  const long shown = std::min<long>(to - from, kDebugOutputShown);
  std::string data(static_cast<size_t>(shown), '\0');
  in.clear();
  in.seekg(from);
  in.read(data.data(), shown);
  data.resize(static_cast<size_t>(in.gcount()));
  if (to - from > shown) data += "... (" + std::to_string(to - from - shown) + " more bytes)";
  return data;
}

// Attributes the run's stdout to cases by the offsets the harness reported after each call.
void AttachDebugOutput(const std::filesystem::path& stdout_path, std::vector<Execution>& runs,
                       const std::vector<long>& offsets) {
  std::ifstream in(stdout_path, std::ios::binary);
  long previous = 0;
  for (size_t i = 0; i < runs.size(); ++i) {
    long end = i < offsets.size() ? offsets[i] : -1;
    if (end < 0) {  // the case that ended the process: everything after the last offset
      std::error_code ec;
      end = static_cast<long>(std::filesystem::file_size(stdout_path, ec));
    }
    runs[i].output_bytes = std::max(0L, end - previous);
    runs[i].debug_output = ReadSlice(in, previous, end);
    previous = std::max(previous, end);
  }
}

}  // namespace

bool ExecuteInterview(const Problem& problem, const Program& program,
                      const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
                      Sandbox& sandbox, std::vector<Execution>* out, std::string* err) {
  out->clear();
  if (tests.empty()) return true;
  // One folder per thread: the sandbox keeps one box for runs whose spec is the same
  // (local_sandbox.h), and its paths are part of the spec.
  thread_local TempDir work;
  if (!work.ok()) return Fail("cannot create a folder to run in", err);
  {
    std::ofstream cases(work.path() / "cases.jsonl", std::ios::binary);
    for (const TestCase* test : tests) cases << HarnessLine(problem.signature, test->input) << '\n';
    if (!cases.flush()) return Fail((work.path() / "cases.jsonl").string() + ": cannot write", err);
  }
  ProcessSpec spec;
  spec.argv = program.argv;
  spec.argv.insert(
      spec.argv.end(),
      {(work.path() / "cases.jsonl").string(), std::to_string(static_cast<long>(limits.time_ms)),
       std::to_string(static_cast<long>(limits.wall_ms())), std::to_string(limits.memory_kb)});
  spec.workdir = work.path();
  spec.stdout_path = work.path() / "stdout";
  spec.stderr_path = work.path() / "stderr";
  spec.fd3_path = work.path() / "results.jsonl";
  spec.env = JudgedEnvironment();
  if (program.sanitized) {
    const auto options = SanitizerEnvironment(limits);
    spec.env.insert(spec.env.end(), options.begin(), options.end());
  }
  spec.limits = HarnessProcessLimits(limits, tests.size());
  spec.isolation.read_only_paths = ArgumentDirectories(program.argv);
  spec.isolation.syscalls = program.syscalls;
  const ProcessResult process = sandbox.Run(spec);
  if (!process.started) return Fail("cannot start the solution: " + process.start_error, err);

  std::ifstream results(spec.fd3_path, std::ios::binary);
  std::vector<long> offsets;
  std::string line;
  while (out->size() < tests.size() && std::getline(results, line)) {
    if (line.empty()) continue;
    long stdout_end = -1;
    Execution e = ParseResultLine(line, &stdout_end, err);
    if (!err->empty()) return false;
    offsets.push_back(stdout_end);
    out->push_back(std::move(e));
  }
  if (out->size() < tests.size()) {
    // The case in progress when the process ended: the first one without a result.
    Execution crashed;
    crashed.outcome = Execution::Outcome::kCrashed;
    crashed.signal = process.term_signal;
    crashed.exit_code = process.exit_code;
    crashed.wall_timeout = process.wall_timeout;
    if (process.memory_limit_hit)
      crashed.memory_kb = limits.memory_kb + 1;  // the cgroup's OOM kill
    bool truncated = false;
    std::string tail = ReadFilePrefix(spec.stderr_path, 1 << 20, &truncated);
    crashed.stderr_tail = tail.size() > 1500 ? tail.substr(tail.size() - 1500) : tail;
    if (program.sanitized) crashed.sanitizer_report = SanitizerReportText(tail);
    out->push_back(std::move(crashed));
  }
  AttachDebugOutput(spec.stdout_path, *out, offsets);
  std::error_code ec;
  if (!out->empty())
    out->back().output_bytes += static_cast<long>(std::filesystem::file_size(spec.stderr_path, ec));
  return true;
}

}  // namespace judge
