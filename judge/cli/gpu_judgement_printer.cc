#include "judge/cli/gpu_judgement_printer.h"

#include <algorithm>
#include <cstdio>

#include "judge/cli/judgement_printer.h"
#include "judge/cli/terminal.h"

namespace judge::cli {
namespace {

std::string Figures(const std::vector<gpu::Figure>& figures) {
  std::string out;
  char buffer[96];
  for (const auto& [name, value] : figures) {
    std::snprintf(buffer, sizeof buffer, "  %s %.4g", name.c_str(), value);
    out += buffer;
  }
  return out;
}

// The verdict's code, painted and padded to `width` (colour codes take no room); "--" for one
// that did not run.
std::string ShownVerdict(const std::optional<Verdict>& verdict, const Terminal& term,
                         size_t width = 0) {
  const size_t shown = verdict ? VerdictCode(*verdict).size() : 2;
  return (verdict ? PaintVerdict(*verdict, term) : "--") +
         std::string(width > shown ? width - shown : 0, ' ');
}

void PrintCase(const gpu::GpuCaseResult& result, size_t name_width, const Terminal& term) {
  std::string line;
  char buffer[160];
  if (!result.verdict) {
    line = "not run";
  } else if (result.verdict == Verdict::kAccepted && result.timed) {
    std::snprintf(buffer, sizeof buffer, "%.4g ms (spread %.1f%%, %d reps)",
                  result.timing.median * 1e3, result.timing.spread * 100,
                  result.timing.repetitions);
    line = buffer + Figures(result.figures);
  } else if (result.verdict == Verdict::kAccepted) {
    std::snprintf(buffer, sizeof buffer, "max error %.3g, tolerance %.3g", result.max_error,
                  result.tolerance);
    line = buffer;
  } else {
    line = result.detail;
  }
  std::printf("  %-12s %-*s %s  %s\n", result.group.c_str(), static_cast<int>(name_width),
              result.name.c_str(), ShownVerdict(result.verdict, term, 3).c_str(), line.c_str());
}

// Several submissions of one run, one line each, so versions compare at a glance.
void PrintSummary(const gpu::GpuJudgement& judgement, const Terminal& term) {
  size_t width = 0;
  for (const auto& submission : judgement.submissions)
    width = std::max(width, submission.file.size());
  std::printf("side by side\n");
  for (const auto& submission : judgement.submissions) {
    std::printf("  %-*s %s", static_cast<int>(width), submission.file.c_str(),
                ShownVerdict(submission.verdict, term).c_str());
    if (submission.score > 0)
      std::printf("  %.4g %s", submission.score, submission.score_figure.c_str());
    if (submission.is_reference)
      std::printf("  (the reference)");
    else if (const auto ratio = gpu::RatioToReference(judgement, submission))
      std::printf("  ratio %.2f to the reference (lower is faster)", *ratio);
    std::printf("\n");
  }
}

}  // namespace

void PrintGpuJudgement(const gpu::GpuJudgement& judgement) {
  Terminal term(stdout);
  if (judgement.device_present) {
    std::string rates;
    if (judgement.device.contains("figures"))
      for (const auto& [name, value] : judgement.device["figures"].items())
        if (value.is_number()) rates += "; " + name + " " + std::to_string(value.get<double>());
    std::printf("%s on %s (compute %s), compiled for %s%s\n\n", judgement.problem.c_str(),
                judgement.device.value("name", "?").c_str(),
                judgement.device.value("compute_capability", "?").c_str(), judgement.arch.c_str(),
                rates.c_str());
  }
  for (const gpu::GpuSubmissionResult& submission : judgement.submissions) {
    const bool compile_error = submission.verdict == Verdict::kCompileError;
    if (!judgement.device_present && !compile_error) continue;  // compiled; nothing ran
    std::printf("%s%s  %s", term.Paint(submission.file, Color::kBold).c_str(),
                submission.is_reference ? " (the problem's reference, timed beside)" : "",
                ShownVerdict(submission.verdict, term).c_str());
    if (compile_error) {
      std::printf("  %s\n%s\n", submission.build.first_error.c_str(),
                  term.Paint(submission.build.log, Color::kDim).c_str());
      continue;
    }
    if (submission.verdict == Verdict::kJudgeError) {
      std::printf("  %s\n\n", submission.judge_error.c_str());
      continue;
    }
    if (submission.score > 0)
      std::printf("  score %.4g %s (geometric mean over the timed cases)", submission.score,
                  submission.score_figure.c_str());
    std::printf("\n");
    size_t name_width = 0;
    for (const auto& result : submission.cases)
      name_width = std::max(name_width, result.name.size());
    for (const auto& result : submission.cases) PrintCase(result, name_width, term);
    std::printf("\n");
  }
  if (judgement.device_present && judgement.submissions.size() > 1) PrintSummary(judgement, term);
}

}  // namespace judge::cli
