// The figures a timing run (`judge run --bench`) measures, as plain values: the ratio to the
// reference on the performance group and the growth of time with input size. The timing code
// fills them; the store records them and the reports draw them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace judge {

// Repetitions of the performance group, the submission and the reference interleaved in one
// run (see judge/timing/TIMING.md).
struct TimingFigures {
  int repetitions = 0;
  double median_ms = 0;           // the submission's total over the performance tests
  double min_ms = 0, max_ms = 0;  // its spread over the repetitions
  double reference_median_ms = 0;
  double ratio = 0;         // each test's best pass, summed, over the same for the reference
  double ratio_spread = 0;  // max / min of the per-repetition ratios
  std::optional<int64_t> instructions;  // retired, when hardware counters exist
  std::string counters_note;            // why instructions are absent
};

struct GrowthPoint {
  int64_t size = 0;
  double time_ms = 0;
  // For telling which sizes fit in the cache (not stored): the input's size as text, and the
  // run's peak memory.
  long input_kb = 0;
  long memory_kb = 0;
};

// How time grows with the input, fitted on generated cases of growing size.
struct GrowthFigures {
  double exponent = 0;    // slope of log time against log size
  std::string model;      // "n", "n log n", "n^2", ..., or "n or n log n" when undecided
  double confidence = 0;  // 0..1: how much better the model fits than the runner-up
  double reference_exponent = 0;
  std::string reference_model;
  std::vector<GrowthPoint> points, reference_points;
};

}  // namespace judge
