// Running a built program on test cases, before any checking: what each test did.
//
// Interview problems run every case in one harness process (judge/interview/PROTOCOL.md);
// competitive problems run one process per case. Either way the result is one Execution per
// case that was run, in order; a case that ended its process early is the last one returned.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "judge/lang/language.h"
#include "judge/problem/problem.h"
#include "judge/sandbox/sandbox.h"
#include "judge/testset/test_case.h"

namespace judge {

// Limits after the language's multiplier.
struct ExecutionLimits {
  double time_ms = 1000;  // CPU time per test
  long memory_kb = 256 * 1024;
  long output_bytes = 64 << 20;

  // The wall-clock limit per test: a program that sleeps or waits for input is stopped here.
  // The one place the rule lives; the sandbox's watchdog and the harnesses (on their command
  // line) are given it.
  double wall_ms() const { return 2 * time_ms + 1000; }
};

// An interactive test's interactor (interactive_execution.cc): how it ended.
struct InteractorOutcome {
  enum class Kind {
    kAccepted,     // exit 42
    kWrongAnswer,  // exit 43, or it died writing to a submission that had stopped reading
    kFailed,       // anything else: the problem's fault, a judge error
  };
  Kind kind = Kind::kFailed;
  std::string message;       // judgemessage.txt's first line, or how the interactor failed
  bool ended_first = false;  // it ended before the submission did
};

struct Execution {
  enum class Outcome {
    kReturned,     // output is the returned value (interview) or stdout text (competitive)
    kThrew,        // message names the exception
    kOutOfMemory,  // an allocation failed under the memory limit
    kBadInput,     // the harness could not read the case: the judge's fault
    kCrashed,      // the process ended abnormally during this case: see signal / exit_code
  };
  Outcome outcome = Outcome::kCrashed;
  nlohmann::json output;
  std::string message;
  double time_ms = 0;
  long memory_kb = 0;
  int signal = 0;
  int exit_code = 0;
  bool wall_timeout = false;
  long output_bytes = 0;     // what the program printed during this case (stdout + stderr)
  std::string debug_output;  // the solution's own prints during this case, shortened
  std::string stderr_tail;   // the end of stderr, for crashes
  // A sanitized program's report (sanitizers.h), from its start; empty when there is none.
  std::string sanitizer_report;
  // Interactive problems: the interactor's side of the test; the rest is the submission's.
  std::optional<InteractorOutcome> interactor;
};

// Runs `tests` (in order) and returns one Execution per case run; stops after a case that
// ended its process. `err` is set, and false returned, only when the judge itself failed. An
// interactive problem needs its built interactor (judge.cc builds it once per judgement).
bool Execute(const Problem& problem, const Program& program,
             const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
             Sandbox& sandbox, std::vector<Execution>* out, std::string* err,
             const Program* interactor = nullptr);

bool ExecuteInterview(const Problem& problem, const Program& program,
                      const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
                      Sandbox& sandbox, std::vector<Execution>* out, std::string* err);
bool ExecuteCompetitive(const Problem& problem, const Program& program,
                        const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
                        Sandbox& sandbox, const Program* interactor, std::vector<Execution>* out,
                        std::string* err);
// One process per test for the submission and one for `interactor`, joined by pipes; the two
// run at once on `sandbox` (sandbox.h). False, and *err, when interactor is null.
bool ExecuteInteractive(const Problem& problem, const Program& program, const Program* interactor,
                        const std::vector<const TestCase*>& tests, const ExecutionLimits& limits,
                        Sandbox& sandbox, std::vector<Execution>* out, std::string* err);

// The harness's input line for a case: the arguments in signature order, or [ops, args].
std::string HarnessLine(const Signature& signature, const nlohmann::json& input);

// Text shortened for a terminal: at most `max_bytes`, cut with a note of how much was left out.
std::string Shorten(const std::string& text, size_t max_bytes);

}  // namespace judge
