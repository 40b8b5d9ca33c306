#include "judge/gpu/gpu_judgement.h"

namespace judge::gpu {
namespace {

// "AC", ... as the JSON spells it; "" for one that did not run.
std::string VerdictText(const std::optional<Verdict>& verdict) {
  return verdict ? std::string(VerdictCode(*verdict)) : "";
}

}  // namespace

void to_json(nlohmann::json& j, const GpuCaseResult& result) {
  j = {{"name", result.name},
       {"group", result.group},
       {"verdict", VerdictText(result.verdict)},
       {"detail", result.detail},
       {"max_error", result.max_error},
       {"tolerance", result.tolerance}};
  if (!result.timed) return;
  j["timing"] = {{"median_s", result.timing.median},
                 {"min_s", result.timing.min},
                 {"max_s", result.timing.max},
                 {"spread", result.timing.spread},
                 {"repetitions", result.timing.repetitions}};
  j["floor_s"] = result.floor_seconds;
  nlohmann::json figures = nlohmann::json::object();
  for (const auto& [name, value] : result.figures) figures[name] = value;
  j["figures"] = figures;
  if (result.size > 0) j["size"] = result.size;
}

void to_json(nlohmann::json& j, const GpuSubmissionResult& submission) {
  nlohmann::json cases = nlohmann::json::array();
  for (const GpuCaseResult& result : submission.cases) cases.push_back(result);
  j = {{"file", submission.file}, {"verdict", VerdictText(submission.verdict)}, {"cases", cases}};
  if (submission.verdict == Verdict::kCompileError)
    j["compile_error"] = submission.build.first_error;
  if (submission.verdict == Verdict::kJudgeError) j["judge_error"] = submission.judge_error;
  if (submission.score > 0)
    j["score"] = {{"figure", submission.score_figure}, {"geomean", submission.score}};
  if (submission.is_reference) j["reference"] = true;
}

const GpuSubmissionResult* GpuJudgement::reference() const {
  for (const GpuSubmissionResult& submission : submissions)
    if (submission.is_reference) return &submission;
  return nullptr;
}

std::optional<double> RatioToReference(const GpuJudgement& judgement,
                                       const GpuSubmissionResult& submission) {
  const GpuSubmissionResult* reference = judgement.reference();
  if (!reference || reference->score <= 0 || submission.score <= 0 ||
      reference->score_figure != submission.score_figure)
    return std::nullopt;
  return reference->score / submission.score;
}

void to_json(nlohmann::json& j, const GpuJudgement& judgement) {
  nlohmann::json submissions = nlohmann::json::array();
  for (const GpuSubmissionResult& submission : judgement.submissions) {
    submissions.push_back(submission);
    if (const auto ratio = RatioToReference(judgement, submission))
      submissions.back()["ratio_to_reference"] = *ratio;
  }
  j = {{"problem", judgement.problem},
       {"arch", judgement.arch},
       {"device_present", judgement.device_present},
       {"submissions", submissions}};
  if (judgement.device_present) {
    j["device"] = judgement.device;
    j["runner_isolated"] = judgement.runner_isolated;
    if (!judgement.isolation_note.empty()) j["isolation_note"] = judgement.isolation_note;
    j["checked_apart"] = judgement.checked_apart;
    if (!judgement.checked_apart_note.empty())
      j["checked_apart_note"] = judgement.checked_apart_note;
  } else
    j["no_device_reason"] = judgement.no_device_reason;
}

}  // namespace judge::gpu
