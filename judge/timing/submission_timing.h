// Timing runs (`judge run --bench`): after a submission is judged, measure it against the
// problem's reference in the same run, so that its figures hold across machines:
//   - the performance group, repeated, the submission and the reference interleaved: medians,
//     their spread, and the ratio of the medians;
//   - the growth test (problem.json "growth") regenerated at growing sizes: the fitted growth of
//     both, against the problem's expected complexity.
// The method, and why it is fair on a noisy machine, is in judge/timing/TIMING.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "judge/problem/problem.h"
#include "judge/run/judge.h"
#include "judge/sandbox/sandbox.h"
#include "judge/timing/growth_fit.h"
#include "judge/timing/timing_figures.h"

namespace judge {

struct TimingOptions {
  int repetitions = 5;
  bool growth = true;
};

struct SubmissionTiming {
  std::optional<TimingFigures> timing;
  std::string timing_note;  // why there are no timing figures
  std::optional<GrowthFigures> growth;
  GrowthFit fit, reference_fit;
  std::string growth_note;          // why there is no growth figure
  std::string reference;            // the reference file measured against, relative to solutions/
  std::string expected_complexity;  // the problem's, shown beside the fitted growth
};

// The "bench" object of `judge run --bench --json`.
void to_json(nlohmann::json& j, const SubmissionTiming& timing);

// `judged` is the submission's Judgement from JudgeSubmission (its build is reused). Figures that
// cannot be taken (no performance group, the submission failed while timed) leave a note; false
// only when the judge itself failed.
bool TimeSubmission(const Workspace& workspace, const Problem& problem, const Judgement& judged,
                    const TimingOptions& options, Sandbox& sandbox, SubmissionTiming* out,
                    std::string* err);

}  // namespace judge
