#include "judge/stress/stress_run.h"

#include <algorithm>
#include <chrono>

#include "judge/error.h"
#include "judge/run/verdict.h"

namespace judge {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Batches start small, so that an early failure is reported at once, and grow while they are
// quick: a process start costs the same for 8 interview cases as for 512.
constexpr size_t kFirstBatch = 8;
constexpr size_t kLargestBatch = 512;
constexpr double kQuickBatchSeconds = 0.25;
// Batches in a row in which the brute force answered nothing: it cannot answer these cases.
constexpr int kUnansweredBatches = 3;

bool Interrupted(const StressLimits& limits) { return limits.interrupted && limits.interrupted(); }

void Report(const StressLimits& limits, const StressResult& result, Clock::time_point start,
            bool shrinking) {
  if (limits.progress)
    limits.progress({result.tried, Since(start), shrinking, result.shrink_steps});
}

// Judges fresh cases until one fails or a limit stops it.
bool Search(CaseSource& source, StressJudge& judge, const StressLimits& limits, StressResult* out,
            std::string* err) {
  const auto start = Clock::now();
  size_t batch_size = kFirstBatch;
  int unanswered = 0;
  std::vector<SmallCase> batch;
  while (true) {
    out->seconds = Since(start);
    if (limits.cases > 0 && out->tried >= limits.cases) {
      out->stop = StressStop::kCount;
      return true;
    }
    if (limits.seconds > 0 && out->seconds >= limits.seconds) {
      out->stop = StressStop::kTime;
      return true;
    }
    size_t count = batch_size;
    if (limits.cases > 0) count = std::min(count, limits.cases - out->tried);
    const auto batch_start = Clock::now();
    BatchOutcome outcome;
    if (!source.Fresh(count, &batch, err) || !judge.Judge(batch, true, &outcome, err)) return false;
    if (Interrupted(limits)) {
      out->stop = StressStop::kInterrupted;
      out->seconds = Since(start);
      return true;
    }
    out->tried += outcome.judged;
    out->skipped += outcome.skipped;
    if (out->skip_reason.empty()) out->skip_reason = outcome.skip_reason;
    unanswered = outcome.judged == 0 ? unanswered + 1 : 0;
    if (unanswered >= kUnansweredBatches)
      return Fail(judge.brute_file().string() + " answers none of the cases: " + out->skip_reason,
                  err);
    if (!outcome.failures.empty()) {
      FailedCase& first = outcome.failures.front();
      out->stop = StressStop::kDisagreement;
      out->minimal = std::move(batch[first.index]);
      out->verdict = std::move(first.result);
      out->first_size = out->minimal.size;
      out->seconds = Since(start);
      Report(limits, *out, start, false);
      return true;
    }
    if (Since(batch_start) < kQuickBatchSeconds)
      batch_size = std::min(2 * batch_size, kLargestBatch);
    Report(limits, *out, start, false);
  }
}

// Replaces out->minimal with smaller failing cases while the source has any to offer.
bool Shrink(CaseSource& source, StressJudge& judge, const StressLimits& limits, StressResult* out,
            std::string* err) {
  const auto start = Clock::now();
  out->shrink_method = source.ShrinkMethod();
  std::vector<SmallCase> batch;
  for (int round = 0; round < kMaxShrinkBatches; ++round) {
    if (Interrupted(limits)) {
      out->shrink_interrupted = true;
      break;
    }
    if (!source.Smaller(out->minimal, &batch, err)) return false;
    if (batch.empty()) break;
    BatchOutcome outcome;
    if (!judge.Judge(batch, false, &outcome, err)) return false;
    if (Interrupted(limits)) {
      out->shrink_interrupted = true;
      break;
    }
    out->shrink_tried += outcome.judged;
    out->shrink_failed += outcome.failures.size();
    FailedCase* best = nullptr;
    for (FailedCase& failure : outcome.failures)
      if (batch[failure.index].size < (best ? batch[best->index].size : out->minimal.size))
        best = &failure;
    if (best) {
      out->minimal = std::move(batch[best->index]);
      out->verdict = std::move(best->result);
      ++out->shrink_steps;
    }
    out->shrink_seconds = Since(start);
    Report(limits, *out, start, true);
  }
  out->shrink_seconds = Since(start);
  return true;
}

nlohmann::json SizeJson(const CaseSize& size) {
  return {{"elements", size.elements}, {"values", size.values}, {"text", size.text}};
}

}  // namespace

const char* StressStopName(StressStop stop) {
  switch (stop) {
    case StressStop::kCount:
      return "count";
    case StressStop::kTime:
      return "time";
    case StressStop::kInterrupted:
      return "interrupted";
    case StressStop::kDisagreement:
      return "disagreement";
  }
  return "";
}

void to_json(nlohmann::json& j, const StressResult& result) {
  j = {{"stop", StressStopName(result.stop)},
       {"tried", result.tried},
       {"skipped", result.skipped},
       {"seconds", result.seconds},
       {"cases_per_second", result.seconds > 0 ? double(result.tried) / result.seconds : 0.0}};
  if (result.skipped > 0) j["skip_reason"] = result.skip_reason;
  if (result.stop != StressStop::kDisagreement) return;
  j["verdict"] = std::string(VerdictCode(result.verdict.verdict));
  j["reason"] = result.verdict.reason;
  j["input"] = result.minimal.test.input;
  j["expected"] = result.minimal.test.expected;
  j["received"] = result.verdict.received;
  j["origin"] = result.minimal.origin;
  j["shrink"] = {{"steps", result.shrink_steps},
                 {"tried", result.shrink_tried},
                 {"failed", result.shrink_failed},
                 {"seconds", result.shrink_seconds},
                 {"interrupted", result.shrink_interrupted},
                 {"method", result.shrink_method},
                 {"first_size", SizeJson(result.first_size)},
                 {"size", SizeJson(result.minimal.size)}};
}

bool RunStress(CaseSource& source, StressJudge& judge, const StressLimits& limits,
               StressResult* out, std::string* err) {
  *out = StressResult();
  if (!Search(source, judge, limits, out, err)) return false;
  if (out->stop != StressStop::kDisagreement) return true;
  return Shrink(source, judge, limits, out, err);
}

}  // namespace judge
