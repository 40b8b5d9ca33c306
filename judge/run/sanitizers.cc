#include "judge/run/sanitizers.h"

#include <regex>
#include <sstream>

namespace judge {
namespace {

constexpr size_t kReportKept = 16 * 1024;

// What the sanitizers print first: "==42==ERROR: AddressSanitizer: ..." and
// "solution.cpp:4:46: runtime error: ...".
constexpr const char* kReportMarkers[] = {"ERROR: AddressSanitizer",
                                          ": runtime error: ", "ERROR: LeakSanitizer"};

// AddressSanitizer's names for an allocation it refused: the memory limit, not a bug.
constexpr const char* kOutOfMemoryKinds[] = {"out-of-memory", "allocation-size-too-big",
                                             "rss-limit-exceeded", "malloc-limit-exceeded",
                                             "calloc-overflow"};

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Frames of the judge's own code, the system's and the runtime's are not the submission's:
// the generated harness and prelude, headers under /usr, glibc's and libsanitizer's sources
// (named relative to their build: "../sysdeps/...").
bool IsSubmissionFile(const std::string& path) {
  const std::string base = BaseName(path);
  return !path.empty() && !StartsWith(path, "/usr/") && !StartsWith(path, "../") &&
         base != "judge_prelude.h" && base != "judge-harness.cpp";
}

// "    #3 0x55d0c1 in Solution::f(std::vector<int>&) /tmp/b/solution.cpp:12" (":7" may follow).
bool FrameLocation(const std::string& line, std::string* location) {
  static const std::regex frame(R"(^\s*#\d+ 0x[0-9a-f]+ in .* (\S+?):(\d+)(:\d+)?$)");
  std::smatch m;
  if (!std::regex_match(line, m, frame) || !IsSubmissionFile(m[1])) return false;
  *location = BaseName(m[1]) + ":" + m[2].str();
  return true;
}

}  // namespace

ExecutionLimits SanitizedLimits(const ExecutionLimits& limits) {
  ExecutionLimits sanitized = limits;
  sanitized.time_ms = limits.time_ms * kSanitizedTimeFactor;
  return sanitized;
}

uint64_t WholeRunMemoryBytes(const ExecutionLimits& limits) {
  return 2 * static_cast<uint64_t>(limits.memory_kb) * 1024 + (1ULL << 30);
}

std::vector<std::string> SanitizerEnvironment(const ExecutionLimits& limits) {
  const long limit_mb = std::max(1L, limits.memory_kb / 1024);
  const long run_mb = static_cast<long>(WholeRunMemoryBytes(limits) >> 20);
  // detect_leaks=0: LeetCode's solutions leak by design (lists, trees), and LeakSanitizer needs
  // ptrace, which the sandbox refuses. allocator_may_return_null and max_allocation_size_mb make
  // an allocation past the limit fail as RLIMIT_AS makes it fail in a plain run. The quarantine
  // of freed blocks (which catches use after free) is kept small: it counts against the run.
  std::ostringstream asan;
  asan << "ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1:max_allocation_size_mb="
       << limit_mb << ":hard_rss_limit_mb=" << run_mb
       << ":quarantine_size_mb=32:print_legend=0:detect_stack_use_after_return=0";
  return {asan.str(), "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"};
}

std::string SanitizerReportText(const std::string& stderr_text) {
  size_t start = std::string::npos;
  for (const char* marker : kReportMarkers) {
    size_t at = stderr_text.find(marker);
    if (at == std::string::npos) continue;
    at = stderr_text.rfind('\n', at);
    at = at == std::string::npos ? 0 : at + 1;
    start = std::min(start, at);
  }
  return start == std::string::npos ? "" : stderr_text.substr(start, kReportKept);
}

std::string SanitizerFinding::Describe() const {
  return tool + ": " + kind + (location.empty() ? "" : " at " + location);
}

bool FindSanitizerReport(const std::string& report, SanitizerFinding* out) {
  static const std::regex asan_error(R"(ERROR: (AddressSanitizer|LeakSanitizer): (.*)$)");
  static const std::regex asan_summary(R"(^SUMMARY: AddressSanitizer: (\S+))");
  static const std::regex ub_error(R"(^(\S+?):(\d+):(\d+): runtime error: (.*)$)");
  std::istringstream in(report);
  std::string line;
  bool found = false, in_first_stack = false, zero_page = false;
  std::smatch m;
  while (std::getline(in, line)) {
    if (!found && std::regex_search(line, m, asan_error)) {
      found = in_first_stack = true;
      out->tool = m[1];
      out->kind = m[2];
      // "heap-buffer-overflow on address 0x6030... at pc ...": the summary names it shorter.
      if (const size_t on = out->kind.find(" on "); on != std::string::npos) out->kind.resize(on);
    } else if (!found && std::regex_match(line, m, ub_error)) {
      found = in_first_stack = true;
      out->tool = "UndefinedBehaviorSanitizer";
      out->kind = m[4];
      if (IsSubmissionFile(m[1])) out->location = BaseName(m[1]) + ":" + m[2].str();
    } else if (found && std::regex_search(line, m, asan_summary)) {
      out->kind = m[1];
    } else if (found && line.find("address points to the zero page") != std::string::npos) {
      zero_page = true;
    } else if (in_first_stack && out->location.empty()) {
      std::string location;
      if (FrameLocation(line, &location)) out->location = location;
    }
    // The first stack is the faulting access; "allocated by" and "freed by" stacks follow it.
    if (found && line.empty()) in_first_stack = false;
  }
  if (!found) return false;
  if (zero_page) out->kind += " (a null pointer)";
  for (const char* kind : kOutOfMemoryKinds)
    out->out_of_memory = out->out_of_memory || StartsWith(out->kind, kind);
  if (out->kind.find("hard rss limit exhausted") != std::string::npos) out->out_of_memory = true;
  return true;
}

}  // namespace judge
