// How `judge gpu run` shows its results: a block per submission, a line per case, and the
// device's own rates the figures are fractions of; or the same as one JSON object.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "judge/gpu/gpu_judge.h"

namespace judge::cli {

void PrintGpuReport(const std::string& slug, const gpu::GpuJudgeReport& report);
nlohmann::json GpuReportJson(const std::string& slug, const gpu::GpuJudgeReport& report);

}  // namespace judge::cli
