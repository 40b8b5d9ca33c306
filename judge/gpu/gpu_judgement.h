// What `judge gpu run` found: per submission its verdict, build and per-case results, the device
// it ran on; and their JSON form, as `judge gpu run --json` prints it ("problem", "arch",
// "device_present", "submissions", each with "file", "verdict" and "cases"). Verdicts are codes
// from judge/run/verdict.h, "" for what did not run. Plain values, filled by gpu_judge.h.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gpu/harness/gpu_problem.h"
#include "gpu/harness/stats.h"
#include "judge/lang/language.h"
#include "judge/run/verdict.h"

namespace judge::gpu {

struct GpuCaseResult {
  std::string name;
  std::string group;
  // AC, WA, RE, TLE; none: not run (an earlier case ended the runner).
  std::optional<Verdict> verdict;
  std::string detail;
  double max_error = 0;
  double tolerance = 0;
  bool timed = false;
  TimingSummary timing;
  double floor_seconds = 0;
  std::vector<Figure> figures;  // the first is the main one: "tflops", "busbw_gbps"
  double size = 0;              // on the problem's plot axis (gpu_case_size.h); 0: none
};

struct GpuSubmissionResult {
  std::string file;
  // CE, AC, WA, RE, TLE; JE when the harness failed on this submission's run (its reason in
  // judge_error; the other submissions are still judged); none: compiled, not run (no device).
  std::optional<Verdict> verdict;
  std::string judge_error;
  BuildResult build;
  std::vector<GpuCaseResult> cases;
  std::string score_figure;  // the main figure's name; empty when nothing was timed
  double score = 0;          // its geometric mean over the timed cases
  // The problem's reference (problem.json's "reference"), timed in the same run for the ratio;
  // `submitted` is false when the judge added it (not one of the files asked for).
  bool is_reference = false;
  bool submitted = true;
};

struct GpuJudgement {
  std::string problem;  // the slug
  bool device_present = false;
  std::string no_device_reason;
  std::string arch;       // what the submissions were compiled for
  nlohmann::json device;  // the runner's device line: name, compute capability, rates
  // Whether the runners ran in the isolated sandbox; when not, isolation_note says why.
  bool runner_isolated = false;
  std::string isolation_note;
  // Whether the problem's checker, a process apart, checked the runners; when not, they checked
  // themselves: asked for (--one-process), or because gpu_probe found that device memory cannot
  // be lent between processes here, which checked_apart_note then says.
  bool checked_apart = false;
  std::string checked_apart_note;
  std::vector<GpuSubmissionResult> submissions;

  // The reference's entry, when one was judged; null otherwise.
  const GpuSubmissionResult* reference() const;
};

// The reference's score over this submission's (the same main figure, the same run and device):
// how many times slower than the reference it is, lower is faster, as the CPU track's ratio of
// times. None when either was not scored (not accepted, not timed, or no reference).
std::optional<double> RatioToReference(const GpuJudgement& judgement,
                                       const GpuSubmissionResult& submission);

// Timing, floor and figures only for a timed case.
void to_json(nlohmann::json& j, const GpuCaseResult& result);
// "compile_error" for a CE, "judge_error" for a JE, "score" ({"figure", "geomean"}) when something
// was timed, "reference": true for the problem's reference.
void to_json(nlohmann::json& j, const GpuSubmissionResult& submission);
// "device", "runner_isolated" and "checked_apart" with a device, "no_device_reason" without; each
// scored submission's "ratio_to_reference" when the reference was scored too.
void to_json(nlohmann::json& j, const GpuJudgement& judgement);

}  // namespace judge::gpu
