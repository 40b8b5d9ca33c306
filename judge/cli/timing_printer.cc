#include "judge/cli/timing_printer.h"

#include <cmath>

#include "judge/format_number.h"
#include "judge/timing/growth_fit.h"

namespace judge::cli {
namespace {

const char* Sureness(double confidence) {
  if (confidence >= 0.8) return "sure";
  if (confidence >= 0.5) return "fairly sure";
  return "unsure";
}

// The verdict on the growth against the problem's expected complexity, when it names one.
std::string Expectation(const Problem& problem, const GrowthFit& fit) {
  const std::string expected = ModelOfBigO(problem.expected_complexity);
  if (expected.empty() || !fit.ok) return "";
  if (fit.model == expected) return "as the problem asks (" + problem.expected_complexity + ")";
  if (fit.Allows(expected))
    return "consistent with the problem's " + problem.expected_complexity + " (" + fit.Said() +
           " cannot be told apart here)";
  return "the problem asks for " + problem.expected_complexity;
}

}  // namespace

std::string DescribeFit(const GrowthFit& fit) {
  if (!fit.ok) return "unknown (" + fit.why_not + ")";
  std::string said;
  if (fit.Undecided()) {
    said = BigO(fit) + ": cannot tell them apart at these sizes (" +
           (fit.in_cache ? "the sizes that fit in the cache against all of them"
                         : fit.runner_up + " fits almost as well") +
           ")";
  } else {
    // 1 - best/second = c  =>  the runner-up's squared error is 1 / (1 - c) times the best's.
    const double worse = fit.confidence < 1 ? 1 / (1 - fit.confidence) : INFINITY;
    said = BigO(fit.model) + ", " + Sureness(fit.confidence) + " (" + fit.runner_up + " fits " +
           (std::isinf(worse) ? std::string("far") : FormatNumber("%.1fx", worse)) + " worse)";
  }
  if (!fit.beyond_cache.empty())
    said += " while the data fits in the cache; beyond it " + fit.beyond_cache;
  return said;
}

void PrintTiming(const Problem& problem, const SubmissionTiming& timing,
                 std::optional<double> faster_than, const Terminal& terminal, FILE* out) {
  std::fprintf(
      out, "\n%s\n",
      terminal.Paint("Timing (against " + timing.reference + ", in this run)", Color::kBold)
          .c_str());
  if (const auto& t = timing.timing) {
    std::fprintf(out,
                 "  performance group: median %.1f ms over %d repetitions (%.1f-%.1f ms); "
                 "reference %.1f ms\n",
                 t->median_ms, t->repetitions, t->min_ms, t->max_ms, t->reference_median_ms);
    std::fprintf(
        out, "  ratio to the reference: %s (spread of the per-repetition ratios %.2f)%s\n",
        terminal.Paint(FormatNumber("%.2f", t->ratio), Color::kBold).c_str(), t->ratio_spread,
        faster_than
            ? (", faster than " + FormatNumber("%.0f", *faster_than) + "% of accepted entries")
                  .c_str()
            : "");
    std::fprintf(out, "  instructions retired: %s\n",
                 t->instructions ? std::to_string(*t->instructions).c_str()
                                 : ("not counted: " + t->counters_note).c_str());
  } else {
    std::fprintf(out, "  no ratio: %s\n", timing.timing_note.c_str());
  }
  if (timing.fit.ok) {
    std::fprintf(out, "  growth: yours grows like n^%.2f, %s\n", timing.fit.exponent,
                 DescribeFit(timing.fit).c_str());
    if (timing.reference_fit.ok)
      std::fprintf(out, "          the reference like n^%.2f, %s\n", timing.reference_fit.exponent,
                   DescribeFit(timing.reference_fit).c_str());
    if (timing.reference_fit.ok) {
      // Telling n from n log n by timing alone is fragile (caches make a linear pass look
      // superlinear), so the comparison that matters is with the reference, measured alike.
      std::string said;
      switch (CompareGrowth(timing.fit, timing.reference_fit)) {
        case GrowthComparison::kLike:
          said = terminal.Paint("grows like the reference", Color::kGreen);
          break;
        case GrowthComparison::kSlower:
          said = terminal.Paint("grows slower than the reference: it pulls ahead as inputs grow",
                                Color::kGreen);
          break;
        case GrowthComparison::kFaster:
          said = terminal.Paint(
              "grows faster than the reference: it falls further behind as inputs grow",
              Color::kYellow);
          break;
        case GrowthComparison::kUndecided:
          said = "grows like the reference or a log factor apart: cannot tell at these sizes";
          break;
      }
      std::fprintf(out, "          %s\n", said.c_str());
    }
    const std::string expectation = Expectation(problem, timing.fit);
    if (!expectation.empty())
      std::fprintf(
          out, "          %s\n",
          terminal
              .Paint(expectation,
                     expectation.rfind("the problem asks", 0) == 0 ? Color::kYellow : Color::kGreen)
              .c_str());
  } else {
    std::fprintf(out, "  growth: %s\n", timing.growth_note.c_str());
  }
}

}  // namespace judge::cli
