// A practice problem as read from problems/<slug>/problem.json (see problems/FORMAT.md).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "judge/problem/signature.h"

namespace judge {

// kGpu: a CUDA kernel judged by `judge gpu run` (gpu/README.md); no signature, no CPU tests.
enum class Style { kInterview, kCompetitive, kGpu };

struct Limits {
  int time_ms = 1000;         // per test, before the language's multiplier
  int memory_mb = 256;        // per test, the solution's own memory
  int output_kb = 64 * 1024;  // what the program may print, per run
};

// Which checker compares outputs, with its arguments: {"name": "float", "abs": 1e-6}.
struct CheckerSpec {
  std::string name = "exact";
  nlohmann::json args = nlohmann::json::object();
};

// How to grow one generated test for the empirical complexity of timing runs: the named test's
// generator is run again with these params scaled down ("n", or "fixed.k" for a member of
// "fixed"), keeping their proportions.
struct GrowthSpec {
  std::string test;                // "performance/random-1e6"
  std::vector<std::string> scale;  // the first is the size the growth is reported against
};

struct Problem {
  std::string slug;
  std::string title;
  std::string difficulty;  // easy, medium, hard
  std::vector<std::string> tags;
  Limits limits;  // for GPU problems time_ms bounds one runner: all cases, trials and timing
  Style style = Style::kInterview;
  Signature signature;  // interview style only
  CheckerSpec checker;
  std::string expected_complexity;  // e.g. "O(n)", shown to the person; may be empty
  std::optional<GrowthSpec> growth;
  std::string reference = "reference.cpp";  // under solutions/<slug>/; answers generated cases
  // An interactive problem (competitive style only): the interactor's source, relative to dir,
  // run as `interactor INPUT_FILE ANSWER_FILE FEEDBACK_DIR interactor_args...` with pipes to and
  // from the submission (judge/run/interactive_execution.cc). Empty: not interactive.
  std::string interactor;
  std::vector<std::string> interactor_args;
  std::filesystem::path dir;  // problems/<slug>
};

inline bool IsInteractive(const Problem& problem) { return !problem.interactor.empty(); }

// "interview", "competitive", "gpu": as problem.json spells it.
const char* StyleName(Style style);

// Loads problems/<slug>/problem.json from `dir`. Errors name the file and the field.
bool LoadProblem(const std::filesystem::path& dir, Problem* out, std::string* err);

// Every problem under `problems_root`, sorted by slug. A malformed one does not stop the others:
// *out holds every problem that loaded, and false + *err names the first broken one (and how
// many more there are).
bool LoadAllProblems(const std::filesystem::path& problems_root, std::vector<Problem>* out,
                     std::string* err);

}  // namespace judge
