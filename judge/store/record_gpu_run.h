// Turns one submission of a GPU judgement (`judge gpu run`, judge/gpu/gpu_judgement.h) into the
// record the store keeps: the plain run (user, file hash, verdict, cases passed), its device and
// the rates measured on it in that run, each case's figures, the score, and, when the problem's
// reference was scored in the same run, the ratio that ranks it (timing->ratio: the reference's
// score over this one's, lower is faster, as the CPU track's ratio of times).
#pragma once

#include <string>

#include "judge/gpu/gpu_judgement.h"
#include "judge/store/run_record.h"

namespace judge {

// Only for a judgement that ran on a device (device_present) and a submission that was judged
// there or failed to compile.
RunRecord MakeGpuRunRecord(const gpu::GpuJudgement& judgement,
                           const gpu::GpuSubmissionResult& submission, const std::string& user);

}  // namespace judge
