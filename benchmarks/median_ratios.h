// Ratios of benchmark medians measured side by side in one run, so that a noisy, shared machine
// slows both sides alike: the collector keeps each benchmark's median time per iteration, and
// PrintRatio prints one line per ratio with its target.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace judge::bench {

class MedianCollector : public benchmark::ConsoleReporter {
 public:
  // CPU time suits code that runs in the benchmark's own thread: what other processes on a
  // shared machine do barely moves it. Wall time is for benchmarks that wait on child processes.
  enum class Clock { kWall, kCpu };
  explicit MedianCollector(Clock clock = Clock::kWall) : clock_(clock) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs)
      if (run.aggregate_name == "median")
        medians_[run.run_name.function_name] =
            (clock_ == Clock::kCpu ? run.cpu_accumulated_time : run.real_accumulated_time) /
            static_cast<double>(run.iterations);
    ConsoleReporter::ReportRuns(runs);
  }
  // Seconds per iteration, or a negative number when the benchmark did not run (a
  // --benchmark_filter).
  double Median(const std::string& name) const {
    const auto it = medians_.find(name);
    return it == medians_.end() ? -1 : it->second;
  }

 private:
  Clock clock_;
  std::map<std::string, double> medians_;
};

// Prints (numerator / num_scale) / denominator; a target of 0 means "no target, just the figure".
inline void PrintRatio(const MedianCollector& medians, const std::string& what,
                       const std::string& numerator, double num_scale,
                       const std::string& denominator, double target) {
  const double num = medians.Median(numerator), den = medians.Median(denominator);
  if (num < 0 || den < 0) return;
  const double ratio = num / num_scale / den;
  char verdict[64] = "";
  if (target > 0)
    std::snprintf(verdict, sizeof verdict, "(target <= %.2f: %s)", target,
                  ratio <= target ? "met" : "MISSED");
  std::printf("%-62s %8.4f %s\n", what.c_str(), ratio, verdict);
}

inline void PrintRatiosHeader() {
  std::printf("\nRatios (medians, measured side by side in this run):\n");
}

}  // namespace judge::bench
