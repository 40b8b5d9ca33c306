// How `judge gpu run` shows a GpuJudgement to a person: a block per submission, a line per case,
// and the device's own rates the figures are fractions of. (Its JSON form is the judgement's own
// to_json, judge/gpu/gpu_judgement.h.)
#pragma once

#include "judge/gpu/gpu_judgement.h"

namespace judge::cli {

void PrintGpuJudgement(const gpu::GpuJudgement& judgement);

}  // namespace judge::cli
