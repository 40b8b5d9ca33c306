// The stress loop: fresh small cases, batch after batch, until the file under test disagrees
// with the brute force or a stop condition (a count, a time, an interruption); then shrinking:
// smaller cases from the source in place of the failing one while they still fail. The result
// is the smallest failing case found, with both answers, and the counts to report.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "judge/stress/case_source.h"
#include "judge/stress/stress_judge.h"

namespace judge {

struct StressProgress {
  size_t tried = 0;  // fresh cases judged
  double seconds = 0;
  bool shrinking = false;
  int shrink_steps = 0;
};

struct StressLimits {
  size_t cases = 0;     // stop after this many fresh cases; 0: no count
  double seconds = 10;  // stop searching after this long; 0: no time limit
  // Polled after every batch: true stops the run, and the batch in flight is not counted (its
  // processes may have been interrupted too).
  std::function<bool()> interrupted;
  std::function<void(const StressProgress&)> progress;  // after every batch; may be empty
};

// Batches of shrinking: each is one candidate size or width on several seeds.
inline constexpr int kMaxShrinkBatches = 200;

enum class StressStop { kCount, kTime, kInterrupted, kDisagreement };

struct StressResult {
  StressStop stop = StressStop::kCount;
  size_t tried = 0;    // fresh cases judged, the failing one included
  size_t skipped = 0;  // cases the brute force could not answer
  std::string skip_reason;
  double seconds = 0;  // searching, not shrinking

  // When stop is kDisagreement:
  SmallCase minimal;    // the smallest failing case; expected is the brute force's answer
  TestResult verdict;   // the file's on it
  CaseSize first_size;  // of the first failing case, before shrinking
  int shrink_steps = 0;
  size_t shrink_tried = 0;   // cases judged while shrinking
  size_t shrink_failed = 0;  // of those, the ones that failed too
  double shrink_seconds = 0;
  bool shrink_interrupted = false;
  std::string shrink_method;
};

// "count", "time", "interrupted", "disagreement".
const char* StressStopName(StressStop stop);

// `judge stress --json`'s object.
void to_json(nlohmann::json& j, const StressResult& result);

bool RunStress(CaseSource& source, StressJudge& judge, const StressLimits& limits,
               StressResult* out, std::string* err);

}  // namespace judge
