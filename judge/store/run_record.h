// One judged run as the store keeps it: who, what, the verdict, per-test figures, and the
// timing figures of a timing run (absent for runs that did not measure them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace judge {

struct TestRecord {
  std::string name;
  std::string verdict;  // AC, WA, ...
  double time_ms = 0;
  int64_t memory_kb = 0;
};

// Repetitions of the performance group, the submission and the reference interleaved in one
// run (see judge/timing/TIMING.md).
struct TimingRecord {
  int repetitions = 0;
  double median_ms = 0;            // the submission's total over the performance tests
  double min_ms = 0, max_ms = 0;   // its spread over the repetitions
  double reference_median_ms = 0;
  double ratio = 0;                // each test's best pass, summed, over the same for the reference
  double ratio_spread = 0;         // max / min of the per-repetition ratios
  std::optional<int64_t> instructions;  // retired, when hardware counters exist
  std::string counters_note;            // why instructions are absent
};

struct GrowthPoint {
  int64_t size = 0;
  double time_ms = 0;
};

// How time grows with the input, fitted on generated cases of growing size.
struct GrowthRecord {
  double exponent = 0;         // slope of log time against log size
  std::string model;           // "n", "n log n", "n^2", ...
  double confidence = 0;       // 0..1: how much better the model fits than the runner-up
  double reference_exponent = 0;
  std::string reference_model;
  std::vector<GrowthPoint> points, reference_points;
};

struct RunRecord {
  int64_t id = 0;
  std::string created_at;  // UTC, ISO 8601
  std::string user;
  std::string problem;
  std::string language;
  std::string source_name;
  std::string source_sha256;
  std::string verdict;
  std::string reason;
  std::string failed_test;
  int tests_passed = 0;
  int tests_total = 0;
  double max_time_ms = 0;
  int64_t max_memory_kb = 0;
  std::string cpu_model;
  int cores = 0;
  std::optional<TimingRecord> timing;
  std::optional<GrowthRecord> growth;
  std::vector<TestRecord> tests;
};

}  // namespace judge
