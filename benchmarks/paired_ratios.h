// Ratios of two benchmarks measured in rounds, for a shared machine whose load comes and goes:
// a round runs each side once, back to back (which side goes first alternates from round to
// round), and gives one ratio, so that a burst of load falls on both sides of that ratio rather
// than on every repetition of one side. A ratio is reported as the median of its rounds, with
// their spread (min..max) and their number. Times are CPU time per iteration, for code that runs
// in the benchmark's own thread. Single-threaded: main runs the rounds one after another.
#pragma once

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace judge::bench {

// Prints every run as the console reporter does, but the machine's description and the column
// header only once for the many calls of RunSpecifiedBenchmarks that the rounds make; keeps each
// run's CPU time per iteration until TakeSeconds.
class RoundCollector : public benchmark::ConsoleReporter {
 public:
  // name_width: the longest benchmark name to come, so that the columns stay aligned.
  explicit RoundCollector(size_t name_width)
      : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_Defaults : OO_Tabular),
        name_width_(name_width) {}

  bool ReportContext(const Context& context) override {
    if (!printed_context_) ConsoleReporter::ReportContext(context);
    printed_context_ = true;
    name_field_width_ = std::max(name_field_width_, name_width_);
    return true;
  }

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs)
      if (run.run_type == Run::RT_Iteration && !run.error_occurred && run.iterations > 0)
        seconds_.push_back(run.cpu_accumulated_time / static_cast<double>(run.iterations));
    ConsoleReporter::ReportRuns(runs);
  }

  // Seconds per iteration of the runs reported since the last call (their median, should
  // --benchmark_repetitions make several), or a negative number when none ran.
  double TakeSeconds() {
    if (seconds_.empty()) return -1;
    std::sort(seconds_.begin(), seconds_.end());
    const double median = seconds_[seconds_.size() / 2];
    seconds_.clear();
    return median;
  }

 private:
  size_t name_width_;
  bool printed_context_ = false;
  std::vector<double> seconds_;
};

struct PairedRatio {
  std::string what;                    // "heapq: reference / std::priority_queue"
  std::string numerator, denominator;  // benchmark names, as registered with BENCHMARK
  double target = 0;                   // the most the ratio may be; 0: no target
  std::vector<double> rounds;          // numerator / denominator, one per round
};

// Runs the benchmark registered as `name` (with whatever suffixes its options add, such as
// "/iterations:1") once; returns its seconds per iteration, or a negative number.
inline double RunOnce(RoundCollector& collector, const std::string& name) {
  std::string escaped;  // benchmark names may hold regex characters: "BM_Run<Solution>"
  for (const char c : name) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) escaped += '\\';
    escaped += c;
  }
  benchmark::RunSpecifiedBenchmarks(&collector, "^" + escaped + "(/|$)");
  return collector.TakeSeconds();
}

// One round of `ratio`: both sides once, the numerator first when numerator_first. Returns false,
// adding nothing, when either side did not run.
inline bool RunRound(RoundCollector& collector, PairedRatio& ratio, bool numerator_first) {
  const std::string& first = numerator_first ? ratio.numerator : ratio.denominator;
  const std::string& second = numerator_first ? ratio.denominator : ratio.numerator;
  const double first_seconds = RunOnce(collector, first);
  const double second_seconds = RunOnce(collector, second);
  if (first_seconds <= 0 || second_seconds <= 0) return false;
  ratio.rounds.push_back(numerator_first ? first_seconds / second_seconds
                                         : second_seconds / first_seconds);
  return true;
}

inline void PrintPairedRatiosHeader(int rounds) {
  std::printf(
      "\nRatios of CPU time per iteration: the median of %d rounds (each runs both sides back to "
      "back,\nalternating which goes first), then min..max of the rounds:\n",
      rounds);
}

// "met" only when every round is within the target: a lead that holds on a quiet run alone is
// not one to count on.
inline void PrintPairedRatio(const PairedRatio& ratio) {
  if (ratio.rounds.empty()) return;
  std::vector<double> sorted = ratio.rounds;
  std::sort(sorted.begin(), sorted.end());
  const size_t n = sorted.size();
  const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  char verdict[96] = "";
  if (ratio.target > 0)
    std::snprintf(verdict, sizeof verdict, "target <= %.2f: %s", ratio.target,
                  sorted.back() <= ratio.target ? "met in every round"
                  : median <= ratio.target      ? "met by the median, not every round"
                                                : "MISSED");
  std::printf("%-52s %7.4f  (%.4f..%.4f, %zu rounds)  %s\n", ratio.what.c_str(), median,
              sorted.front(), sorted.back(), n, verdict);
}

}  // namespace judge::bench
