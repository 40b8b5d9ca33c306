#include "judge/store/record_gpu_run.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "judge/files/files.h"
#include "judge/files/sha256.h"
#include "judge/gpu/gpu_figures.h"
#include "judge/store/record_run.h"

namespace judge {
namespace {

// A figure of the runner's lines by name; 0 when absent.
double FigureNamed(const std::vector<gpu::Figure>& figures, const std::string& name) {
  for (const auto& [figure, value] : figures)
    if (figure == name) return value;
  return 0;
}

// The main figure and its fraction of the device's ceiling: the harness writes the main one
// under the submission's score_figure and the fraction as "fraction_of_..." (of the matmul rate
// for attention, of the physical floor for allreduce on one GPU).
double CeilingFraction(const std::vector<gpu::Figure>& figures) {
  for (const auto& [figure, value] : figures)
    if (figure.rfind("fraction_of_", 0) == 0) return value;
  return 0;
}

double RateNamed(const nlohmann::json& device, const char* name) {
  if (!device.contains("figures") || !device["figures"].is_object()) return 0;
  const nlohmann::json& value = device["figures"].value(name, nlohmann::json());
  return value.is_number() ? value.get<double>() : 0;
}

// The sum of the timed cases' medians in milliseconds, with their min and max.
void TimedTotals(const gpu::GpuSubmissionResult& submission, double* median, double* min,
                 double* max) {
  *median = *min = *max = 0;
  for (const gpu::GpuCaseResult& result : submission.cases)
    if (result.timed) {
      *median += result.timing.median * 1e3;
      *min += result.timing.min * 1e3;
      *max += result.timing.max * 1e3;
    }
}

}  // namespace

RunRecord MakeGpuRunRecord(const gpu::GpuJudgement& judgement,
                           const gpu::GpuSubmissionResult& submission, const std::string& user) {
  RunRecord run;
  run.user = user;
  run.problem = judgement.problem;
  run.language = "cuda";
  run.source_name = std::filesystem::path(submission.file).filename().string();
  std::string source, err;
  if (ReadFile(submission.file, &source, &err)) run.source_sha256 = Sha256Hex(source);
  run.verdict = submission.verdict ? std::string(VerdictCode(*submission.verdict)) : "JE";
  run.cpu_model = CpuModel();
  run.cores = static_cast<int>(std::thread::hardware_concurrency());
  if (submission.verdict == Verdict::kCompileError) run.reason = submission.build.first_error;
  if (submission.verdict == Verdict::kJudgeError) run.reason = submission.judge_error;

  GpuRunFigures g;
  const nlohmann::json& device = judgement.device;
  g.device_name = device.value("name", "");
  g.compute_capability = device.value("compute_capability", "");
  g.runner_isolated = judgement.runner_isolated;
  g.checked_apart = judgement.checked_apart;
  g.driver_version = device.value("driver_version", 0);
  g.matmul_tflops = RateNamed(device, "matmul_bf16_tflops");
  g.copy_gbps = RateNamed(device, "copy_gbps");
  g.score_figure = submission.score_figure;
  g.score = submission.score;
  g.size_axis = gpu::GpuSizeAxis(judgement.problem);
  double log_fractions = 0;
  int fractions = 0;
  for (const gpu::GpuCaseResult& result : submission.cases) {
    GpuCaseFigures c;
    c.name = result.name;
    c.group = result.group;
    c.verdict = result.verdict ? std::string(VerdictCode(*result.verdict)) : "";
    c.detail = result.detail;
    c.timed = result.timed;
    c.median_ms = result.timing.median * 1e3;
    c.spread = result.timing.spread;
    c.figure_value = FigureNamed(result.figures, submission.score_figure);
    c.ceiling_fraction = CeilingFraction(result.figures);
    c.size = result.size;
    if (c.ceiling_fraction > 0) {
      log_fractions += std::log(c.ceiling_fraction);
      ++fractions;
    }
    run.tests_passed += result.verdict == Verdict::kAccepted;
    if (run.failed_test.empty() && result.verdict && result.verdict != Verdict::kAccepted)
      run.failed_test = result.name;
    if (run.reason.empty() && result.verdict && result.verdict != Verdict::kAccepted)
      run.reason = result.detail;
    run.max_time_ms = std::max(run.max_time_ms, c.median_ms);
    g.cases.push_back(std::move(c));
  }
  run.tests_total = static_cast<int>(submission.cases.size());
  if (fractions > 0) g.ceiling_fraction = std::exp(log_fractions / fractions);

  const gpu::GpuSubmissionResult* reference = judgement.reference();
  const auto ratio = gpu::RatioToReference(judgement, submission);
  if (ratio && reference) {
    g.reference_name = std::filesystem::path(reference->file).filename().string();
    g.reference_score = reference->score;
    TimingFigures timing;
    TimedTotals(submission, &timing.median_ms, &timing.min_ms, &timing.max_ms);
    double reference_min = 0, reference_max = 0;
    TimedTotals(*reference, &timing.reference_median_ms, &reference_min, &reference_max);
    for (const gpu::GpuCaseResult& result : submission.cases)
      if (result.timed)
        timing.repetitions = std::max(timing.repetitions, result.timing.repetitions);
    timing.ratio = *ratio;
    // The per-case ratios' range: how much the figure's standing varies across shapes.
    double low = 0, high = 0;
    for (const gpu::GpuCaseResult& mine : submission.cases)
      for (const gpu::GpuCaseResult& theirs : reference->cases)
        if (mine.timed && theirs.timed && mine.name == theirs.name && theirs.timing.median > 0) {
          const double r = mine.timing.median / theirs.timing.median;
          low = low == 0 ? r : std::min(low, r);
          high = std::max(high, r);
        }
    timing.ratio_spread = low > 0 ? high / low : 0;
    timing.counters_note = "GPU run: the reference's score over this one's, same device and run";
    run.timing = timing;
  }
  run.gpu = std::move(g);
  return run;
}

}  // namespace judge
