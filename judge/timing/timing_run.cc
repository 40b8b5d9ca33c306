#include "judge/timing/timing_run.h"

#include <algorithm>
#include <cstdio>

namespace judge {
namespace {

// One pass over the tests: each test's time (the measured call, or the process for competitive
// problems); empty when the program did not return on every test.
std::optional<std::vector<double>> TimeOnePass(const Problem& problem,
                                               const std::vector<const TestCase*>& tests,
                                               const Timed& side, Sandbox& sandbox,
                                               std::string* err, bool* failed) {
  std::vector<Execution> runs;
  *failed = false;
  if (!Execute(problem, side.program, tests, side.limits, sandbox, &runs, err)) return std::nullopt;
  *failed =
      runs.size() != tests.size() || std::any_of(runs.begin(), runs.end(), [](const Execution& r) {
        return r.outcome != Execution::Outcome::kReturned;
      });
  std::vector<double> times;
  for (const auto& run : runs) times.push_back(run.time_ms);
  return times;
}

double Sum(const std::vector<double>& values) {
  double total = 0;
  for (double v : values) total += v;
  return total;
}

// Each test's fastest pass, summed: load on a shared machine only ever adds time, so the
// fastest of several passes is the steadiest estimate of the program's own cost.
double SumOfBest(const std::vector<std::vector<double>>& passes) {
  std::vector<double> best = passes.front();
  for (const auto& pass : passes)
    for (size_t i = 0; i < best.size(); ++i) best[i] = std::min(best[i], pass[i]);
  return Sum(best);
}

// A side's floor is confirmed when another pass came within kAgreement of its fastest (or
// within kAgreementMs, the timer's own jitter, for a group that runs in a few milliseconds): a
// busy machine only ever adds time, so two passes that agree at the bottom show the program's
// own cost, while a lone fastest pass may still sit above it.
constexpr double kAgreement = 0.03;
constexpr double kAgreementMs = 0.05;
constexpr int kMostPassesPerRepetition = 4;

bool FloorConfirmed(const std::vector<std::vector<double>>& passes) {
  std::vector<double> totals;
  for (const auto& pass : passes) totals.push_back(Sum(pass));
  if (totals.size() < 2) return false;
  std::sort(totals.begin(), totals.end());
  return totals[1] <= std::max(totals[0] * (1 + kAgreement), totals[0] + kAgreementMs);
}

}  // namespace

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

bool MeasureTiming(const Problem& problem, const std::vector<const TestCase*>& tests,
                   const Timed& submission, const Timed& reference, int repetitions,
                   Sandbox& sandbox, TimingFigures* out, std::string* note, std::string* err) {
  const int least = std::max(1, repetitions);
  const int most = least * kMostPassesPerRepetition;
  std::vector<std::vector<double>> mine, theirs;
  std::vector<double> ratios;
  while (
      static_cast<int>(mine.size()) < most &&
      (static_cast<int>(mine.size()) < least || !FloorConfirmed(mine) || !FloorConfirmed(theirs))) {
    bool failed = false;
    const auto reference_ms = TimeOnePass(problem, tests, reference, sandbox, err, &failed);
    if (!reference_ms) return false;
    if (failed) {
      *note = "the reference failed while being timed";
      return true;
    }
    const auto submission_ms = TimeOnePass(problem, tests, submission, sandbox, err, &failed);
    if (!submission_ms) return false;
    if (failed) {
      *note = "the submission failed while being timed (a time limit it only just meets?)";
      return true;
    }
    mine.push_back(*submission_ms);
    theirs.push_back(*reference_ms);
    ratios.push_back(Sum(*submission_ms) / std::max(Sum(*reference_ms), 1e-3));
  }
  const double lowest_ratio = *std::min_element(ratios.begin(), ratios.end());
  const double highest_ratio = *std::max_element(ratios.begin(), ratios.end());
  if (!FloorConfirmed(mine) || !FloorConfirmed(theirs)) {
    char text[256];
    std::snprintf(text, sizeof text,
                  "no steady figure: the machine was too busy (single passes gave ratios %.2f to "
                  "%.2f over %zu passes, and no fastest pass was matched by another); time it "
                  "again when it is quieter",
                  lowest_ratio, highest_ratio, mine.size());
    *note = text;
    return true;
  }
  std::vector<double> totals;
  for (const auto& pass : mine) totals.push_back(Sum(pass));
  out->repetitions = static_cast<int>(mine.size());
  out->median_ms = Median(totals);
  out->min_ms = *std::min_element(totals.begin(), totals.end());
  out->max_ms = *std::max_element(totals.begin(), totals.end());
  std::vector<double> reference_totals;
  for (const auto& pass : theirs) reference_totals.push_back(Sum(pass));
  out->reference_median_ms = Median(reference_totals);
  out->ratio = SumOfBest(mine) / std::max(SumOfBest(theirs), 1e-3);
  out->ratio_spread = highest_ratio / std::max(lowest_ratio, 1e-9);
  return true;
}

}  // namespace judge
