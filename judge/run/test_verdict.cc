#include "judge/run/test_verdict.h"

#include <cmath>
#include <csignal>
#include <cstring>
#include <sstream>

#include "judge/json/short_json.h"
#include "judge/run/sanitizers.h"

namespace judge {
namespace {

bool Mentions(const std::string& text, const char* needle) {
  return text.find(needle) != std::string::npos;
}

// The last non-empty line: for a Python traceback, the exception itself.
std::string LastLine(const std::string& text) {
  std::istringstream in(text);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last;
}

std::string Ms(double ms) { return std::to_string(static_cast<long>(ms)) + " ms"; }

// Processes that ended abnormally; the order of the checks matters: a CPU timer firing is a
// TLE even though it arrives as a signal, and an allocation failure is an MLE even though it
// aborts the process.
void DecideCrash(const Execution& e, const ExecutionLimits& limits, TestResult* r) {
  if (e.signal == SIGPROF || e.signal == SIGXCPU || e.signal == SIGALRM || e.wall_timeout) {
    r->verdict = Verdict::kTimeLimitExceeded;
    r->time_ms = std::max(e.time_ms, limits.time_ms);
    r->reason = e.signal == SIGALRM || e.wall_timeout
                    ? "still running after the wall-clock limit (" + Ms(limits.wall_ms()) + ")"
                    : "stopped after using more than " + Ms(limits.time_ms) + " of CPU time";
    return;
  }
  if (e.signal == SIGXFSZ) {
    r->verdict = Verdict::kOutputLimitExceeded;
    r->reason = "printed more than " + std::to_string(limits.output_bytes / 1024) + " KB";
    return;
  }
  if (SanitizerFinding finding; FindSanitizerReport(e.sanitizer_report, &finding)) {
    r->verdict = finding.out_of_memory ? Verdict::kMemoryLimitExceeded : Verdict::kRuntimeError;
    r->reason = finding.out_of_memory
                    ? "needed more than " + std::to_string(limits.memory_kb / 1024) + " MB (" +
                          finding.Describe() + ")"
                    : finding.Describe();
    return;
  }
  if (Mentions(e.stderr_tail, "bad_alloc") || Mentions(e.stderr_tail, "MemoryError") ||
      e.memory_kb > limits.memory_kb) {
    r->verdict = Verdict::kMemoryLimitExceeded;
    r->reason = "needed more than " + std::to_string(limits.memory_kb / 1024) + " MB";
    return;
  }
  r->verdict = Verdict::kRuntimeError;
  if (e.signal != 0) {
    r->reason = "killed by " + DescribeSignal(e.signal);
  } else {
    r->reason = "exited with code " + std::to_string(e.exit_code);
  }
  if (const std::string last = LastLine(e.stderr_tail); !last.empty())
    r->reason += ": " + last.substr(0, 200);
}

// An interactive test's interactor decided first when it failed (the problem's fault, whatever
// the submission did), or when it rejected the interaction before the submission ended: a
// submission that then died of the closed pipe (SIGPIPE; Python's BrokenPipeError, or EOFError on
// reading) or ran on past its limits waiting for an answer was stopped by the rejection.
bool InteractorDecidedFirst(const Execution& e) {
  using Kind = InteractorOutcome::Kind;
  if (!e.interactor) return false;
  if (e.interactor->kind == Kind::kFailed) return true;
  return e.interactor->kind == Kind::kWrongAnswer &&
         (e.interactor->ended_first || e.signal == SIGPIPE ||
          Mentions(e.stderr_tail, "BrokenPipeError") || Mentions(e.stderr_tail, "EOFError"));
}

void DecideByInteractor(const InteractorOutcome& outcome, TestResult* r) {
  switch (outcome.kind) {
    case InteractorOutcome::Kind::kAccepted:
      r->verdict = Verdict::kAccepted;
      return;
    case InteractorOutcome::Kind::kWrongAnswer:
      r->verdict = Verdict::kWrongAnswer;
      r->reason = "the interactor: " + outcome.message;
      return;
    case InteractorOutcome::Kind::kFailed:
      r->verdict = Verdict::kJudgeError;
      r->reason =
          "the interactor failed (the problem's fault, not the submission's): " + outcome.message;
      return;
  }
}

TestResult DecideVerdict(const TestCase& test, const Execution& e, const Checker& checker,
                         const ExecutionLimits& limits) {
  TestResult r;
  r.name = test.name;
  r.group = test.group;
  r.time_ms = e.time_ms;
  r.memory_kb = e.memory_kb;
  r.debug_output = e.debug_output;
  if (InteractorDecidedFirst(e)) {
    DecideByInteractor(*e.interactor, &r);
    return r;
  }
  // Printing past the limit is OLE however it ended: C++ dies of SIGXFSZ, while Python ignores
  // that signal and fails inside the call with "File too large".
  if (e.output_bytes > limits.output_bytes || Mentions(e.message, "File too large") ||
      Mentions(e.stderr_tail, "File too large")) {
    r.verdict = Verdict::kOutputLimitExceeded;
    r.reason = "printed more than the " + std::to_string(limits.output_bytes / 1024) + " KB limit";
    return r;
  }
  switch (e.outcome) {
    case Execution::Outcome::kCrashed:
      DecideCrash(e, limits, &r);
      return r;
    case Execution::Outcome::kThrew:
      r.verdict = Verdict::kRuntimeError;
      r.reason = "uncaught exception: " + e.message;
      return r;
    case Execution::Outcome::kOutOfMemory:
      r.verdict = Verdict::kMemoryLimitExceeded;
      r.reason = "an allocation failed at the " + std::to_string(limits.memory_kb / 1024) +
                 " MB limit (" + e.message + ")";
      return r;
    case Execution::Outcome::kBadInput:
      r.verdict = Verdict::kJudgeError;
      r.reason = "the harness could not read the case: " + e.message;
      return r;
    case Execution::Outcome::kReturned:
      break;
  }
  if (e.time_ms > limits.time_ms) {
    r.verdict = Verdict::kTimeLimitExceeded;
    r.reason = "took " + Ms(e.time_ms) + ", more than the " + Ms(limits.time_ms) + " limit";
  } else if (e.memory_kb > limits.memory_kb) {
    r.verdict = Verdict::kMemoryLimitExceeded;
    r.reason = "used " + std::to_string(e.memory_kb / 1024) + " MB, more than the " +
               std::to_string(limits.memory_kb / 1024) + " MB limit";
  } else if (e.interactor) {
    DecideByInteractor(*e.interactor, &r);
  } else {
    const CheckOutcome check = checker.Check(test.input, test.expected, e.output);
    r.verdict = check.accepted         ? Verdict::kAccepted
                : check.checker_failed ? Verdict::kJudgeError
                                       : Verdict::kWrongAnswer;
    r.reason = check.reason;
  }
  return r;
}

}  // namespace

std::string DescribeSignal(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  const char* description = strsignal(signal);
  std::string text = abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
  if (description) text += std::string(" (") + description + ")";
  return text;
}

TestResult DecideTest(const TestCase& test, const Execution& e, const Checker& checker,
                      const ExecutionLimits& limits) {
  TestResult r = DecideVerdict(test, e, checker, limits);
  // Only a failure is shown in detail (and a person's own input); copying a 10^6-element input
  // for every passed test would cost more than running it.
  if (r.verdict != Verdict::kAccepted || test.show_values) {
    r.input = test.input;
    r.expected = test.expected;
    // An interactive submission's output went to the interactor, whose message is the reason;
    // an empty answer file is not worth a line.
    if (e.interactor && test.expected == "") r.expected = nullptr;
    if (e.outcome == Execution::Outcome::kReturned && !e.interactor) r.received = e.output;
  }
  return r;
}

namespace {

// A verdict code as written by to_json; JE for one this judge does not know.
Verdict VerdictOf(const nlohmann::json& j) {
  return ParseVerdict(j.at("verdict").get<std::string>()).value_or(Verdict::kJudgeError);
}

}  // namespace

void from_json(const nlohmann::json& j, TestResult& test) {
  test.name = j.at("name").get<std::string>();
  test.group = j.value("group", "");
  test.verdict = VerdictOf(j);
  test.reason = j.value("reason", "");
  test.time_ms = j.value("time_ms", 0.0);
  test.memory_kb = j.value("memory_kb", 0L);
  test.input = j.value("input", nlohmann::json());
  test.expected = j.value("expected", nlohmann::json());
  test.received = j.value("received", nlohmann::json());
  test.debug_output = j.value("stdout", "");
}

void to_json(nlohmann::json& j, const TestResult& test) {
  j = {{"name", test.name},
       {"group", test.group},
       {"verdict", VerdictCode(test.verdict)},
       {"time_ms", std::round(test.time_ms * 1000) / 1000},
       {"memory_kb", test.memory_kb}};
  if (test.verdict != Verdict::kAccepted) {
    j["reason"] = test.reason;
    j["input"] = ShortJson(test.input, kShownValueChars);
    j["expected"] = ShortJson(test.expected, kShownValueChars);
    if (!test.received.is_null()) j["received"] = ShortJson(test.received, kShownValueChars);
  }
  if (!test.debug_output.empty()) j["stdout"] = test.debug_output;
}

}  // namespace judge
