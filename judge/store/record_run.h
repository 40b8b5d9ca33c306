// Turns a judged (and perhaps timed) submission into the record the store keeps.
#pragma once

#include <string>

#include "judge/run/judge.h"
#include "judge/store/run_record.h"
#include "judge/timing/submission_timing.h"

namespace judge {

// `bench` may be null (not a timing run).
RunRecord MakeRunRecord(const Judgement& judgement, const SubmissionTiming* bench,
                        const std::string& user);

// The login name: $USER, else the passwd entry, else "anonymous".
std::string DefaultUser();

// "Intel(R) Xeon(R) ...", from /proc/cpuinfo; "unknown" when it says nothing.
std::string CpuModel();

}  // namespace judge
