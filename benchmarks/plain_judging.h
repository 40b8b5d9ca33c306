// The judge's own costs are measured on the plain path: a submission judged without the
// sanitizers (one build, no ASan), so that the ratios compare the sandbox, the harness and the
// cache, not AddressSanitizer's slowdown.
#pragma once

#include "judge/run/judge.h"

namespace judge::bench {

inline JudgeOptions PlainJudging() {
  JudgeOptions options;
  options.sanitize = false;
  return options;
}

}  // namespace judge::bench
