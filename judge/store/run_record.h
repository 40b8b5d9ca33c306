// One judged run as the store keeps it: who, what, the verdict, per-test figures, and the
// timing figures of a timing run (judge/timing/timing_figures.h; absent for runs that did not
// measure them). A GPU run also has its device and figures (gpu); its timing, when the problem's
// reference was timed in the same run, holds the ratio that ranks it (record_gpu_run.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "judge/store/gpu_run_figures.h"
#include "judge/timing/timing_figures.h"

namespace judge {

struct TestRecord {
  std::string name;
  std::string verdict;  // AC, WA, ...
  double time_ms = 0;
  int64_t memory_kb = 0;
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
  std::optional<TimingFigures> timing;
  std::optional<GrowthFigures> growth;
  std::vector<TestRecord> tests;
  std::optional<GpuRunFigures> gpu;  // GPU runs only
};

}  // namespace judge
