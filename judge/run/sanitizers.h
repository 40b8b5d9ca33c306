// Running a program built with AddressSanitizer and UndefinedBehaviorSanitizer, and reading what
// they report. Test groups ask for the sanitizers (TestCase::sanitize, by default all but the
// performance group), the language builds the program with them (BuildRequest::sanitize), and
// here is how such a run differs: its limits, its environment, and its findings, which the
// verdict turns into RE with the kind and the submission's line (or MLE, for the allocator's
// own out-of-memory reports). judge/SANDBOX.md says what each finding means for a person.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "judge/run/execution.h"

namespace judge {

// The sanitizers slow a program two to three times; the groups they run on are small.
inline constexpr double kSanitizedTimeFactor = 3;

// A group's limits when it runs sanitized: more CPU time, the same memory (measured as the heap
// the program holds, not the sanitizers' shadow: judge/interview/cpp/heap_meter.h).
ExecutionLimits SanitizedLimits(const ExecutionLimits& limits);

// AddressSanitizer reserves about 20 TiB of address space for its shadow and allocator, so a
// sanitized run's RLIMIT_AS is this far larger figure: not a memory limit, only a hard limit that
// the program cannot raise, like every other.
inline constexpr uint64_t kSanitizedAddressSpaceBytes = 1ULL << 46;  // 64 TiB

// ASAN_OPTIONS and UBSAN_OPTIONS for a sanitized run, appended to JudgedEnvironment().
std::vector<std::string> SanitizerEnvironment(const ExecutionLimits& limits);

// What the whole run may hold, shadow memory and quarantine included (the cgroup, and the
// sanitizer's own hard RSS limit where there is no cgroup). Interview harnesses get it sanitized
// or not: they hold every case at once.
uint64_t WholeRunMemoryBytes(const ExecutionLimits& limits);

struct SanitizerFinding {
  std::string tool;            // "AddressSanitizer", "UndefinedBehaviorSanitizer"
  std::string kind;            // "heap-buffer-overflow", "load of null pointer of type 'int'"
  std::string location;        // "solution.cpp:12": the first frame in the submission; may be empty
  bool out_of_memory = false;  // the allocator's own report of an allocation past the limit

  // "AddressSanitizer: heap-buffer-overflow at solution.cpp:12".
  std::string Describe() const;
};

// The part of a program's stderr from its first sanitizer report on (at most 16 KiB), or "":
// what Execution keeps, since the report may sit far from the end of a chatty stderr.
std::string SanitizerReportText(const std::string& stderr_text);

// Reads a report SanitizerReportText kept; false when there is none.
bool FindSanitizerReport(const std::string& report, SanitizerFinding* out);

}  // namespace judge
