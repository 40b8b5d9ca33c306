#include "judge/timing/submission_timing.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "judge/run/reference_build.h"
#include "judge/testset/test_loader.h"
#include "judge/timing/growth_run.h"
#include "judge/timing/hardware_counters.h"
#include "judge/timing/timing_run.h"

namespace judge {
namespace {

// The reference in the submission's language when there is one (reference.py for a Python
// submission), so that the ratio compares like with like; else problem.json's reference.
std::filesystem::path ChooseReference(const Workspace& workspace, const Problem& problem,
                                      const std::string& language) {
  const auto dir = workspace.solutions() / problem.slug;
  if (const LanguageInfo* info = FindLanguage(language))
    for (const auto& ext : info->extensions)
      if (std::filesystem::exists(dir / ("reference" + ext))) return dir / ("reference" + ext);
  return dir / problem.reference;
}

}  // namespace

bool TimeSubmission(const Workspace& workspace, const Problem& problem, const Judgement& judged,
                    const TimingOptions& options, Sandbox& sandbox, SubmissionTiming* out,
                    std::string* err) {
  *out = SubmissionTiming();
  out->expected_complexity = problem.expected_complexity;
  // A submission too slow for the limit still has a growth to show: that is how it was too slow.
  const bool accepted = judged.verdict == Verdict::kAccepted;
  if (!accepted && judged.verdict != Verdict::kTimeLimitExceeded) {
    out->timing_note = out->growth_note = "only accepted and too slow submissions are timed";
    return true;
  }
  const auto reference_file = ChooseReference(workspace, problem, judged.language);
  out->reference = std::filesystem::relative(reference_file, workspace.solutions()).string();
  if (judged.build.program.sanitized) {  // its time is the sanitizers' as much as its own
    out->timing_note = out->growth_note =
        "not timed: only groups built with the sanitizers were judged (judge the performance "
        "group too, or use --no-sanitize)";
    return true;
  }
  BuildResult reference;
  const LanguageInfo* reference_language = nullptr;
  if (!BuildReference(workspace, problem, reference_file, sandbox, &reference, &reference_language,
                      err))
    return false;
  const Timed submission_side{judged.build.program, judged.limits};
  const Timed reference_side{reference.program, ReferenceLimits(problem, *reference_language)};

  std::vector<TestCase> tests;
  if (!LoadTestCases(problem, workspace.testcases() / problem.slug, &tests, err)) return false;

  std::vector<const TestCase*> performance;
  for (const auto& test : tests)
    if (test.group == kPerformanceGroup) performance.push_back(&test);
  if (!accepted) {
    out->timing_note = "only accepted submissions are ranked by time";
  } else if (performance.empty()) {
    out->timing_note = "the problem has no performance group to time";
  } else {
    TimingFigures timing;
    if (!MeasureTiming(problem, performance, submission_side, reference_side, options.repetitions,
                       sandbox, &timing, &out->timing_note, err))
      return false;
    if (out->timing_note.empty()) {
      const CounterSupport counters = ProbeHardwareCounters();
      timing.counters_note =
          counters.instructions
              ? "hardware counters exist, but the judge does not count instructions yet"
              : counters.why_not;
      out->timing = timing;
    }
  }

  if (!options.growth) {
    out->growth_note = "not asked for";
  } else if (!problem.growth) {
    out->growth_note = "the problem names no growth test";
  } else {
    std::vector<SizedTest> sized;
    if (!MakeGrowthTests(problem, tests, &sized, err)) return false;
    std::vector<GrowthPoint> points, reference_points;
    if (!MeasureGrowth(problem, sized, submission_side, sandbox, &points, err) ||
        !MeasureGrowth(problem, sized, reference_side, sandbox, &reference_points, err))
      return false;
    out->fit = FitMeasuredGrowth(points);
    out->reference_fit = FitMeasuredGrowth(reference_points);
    if (!out->fit.ok) {
      out->growth_note = out->fit.why_not;
    } else {
      GrowthFigures growth;
      growth.exponent = out->fit.exponent;
      growth.model = out->fit.Said();  // "n or n log n" when it cannot tell
      growth.confidence = out->fit.confidence;
      growth.reference_exponent = out->reference_fit.exponent;
      growth.reference_model = out->reference_fit.ok ? out->reference_fit.Said() : "";
      growth.points = std::move(points);
      growth.reference_points = std::move(reference_points);
      out->growth = std::move(growth);
    }
  }
  return true;
}

void to_json(nlohmann::json& j, const SubmissionTiming& timing) {
  j = {{"reference", timing.reference}};
  if (const auto& t = timing.timing) {
    j["timing"] = {
        {"repetitions", t->repetitions},
        {"median_ms", t->median_ms},
        {"min_ms", t->min_ms},
        {"max_ms", t->max_ms},
        {"reference_median_ms", t->reference_median_ms},
        {"ratio", t->ratio},
        {"ratio_spread", t->ratio_spread},
        {"instructions", t->instructions ? nlohmann::json(*t->instructions) : nlohmann::json()},
        {"counters_note", t->counters_note}};
  } else {
    j["timing"] = nullptr;
    j["timing_note"] = timing.timing_note;
  }
  auto fit_json = [](const GrowthFit& fit) {
    if (!fit.ok) return nlohmann::json{{"note", fit.why_not}};
    return nlohmann::json{{"exponent", fit.exponent},
                          {"model", fit.model},
                          {"big_o", BigO(fit)},
                          {"confidence", fit.confidence},
                          {"runner_up", fit.runner_up},
                          {"low", fit.low},
                          {"high", fit.high},
                          {"from_sizes_in_cache", fit.in_cache},
                          {"beyond_cache", fit.beyond_cache}};
  };
  if (timing.growth) {
    j["growth"] = {{"submission", fit_json(timing.fit)},
                   {"reference", fit_json(timing.reference_fit)},
                   {"expected", timing.expected_complexity}};
    for (const auto& p : timing.growth->points)
      j["growth"]["points"].push_back({p.size, p.time_ms});
    for (const auto& p : timing.growth->reference_points)
      j["growth"]["reference_points"].push_back({p.size, p.time_ms});
  } else {
    j["growth"] = nullptr;
    j["growth_note"] = timing.growth_note;
  }
}

}  // namespace judge
