// A practice problem as read from problems/<slug>/problem.json (see problems/FORMAT.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "judge/problem/signature.h"

namespace judge {

enum class Style { kInterview, kCompetitive };

struct Limits {
  int time_ms = 1000;       // per test, before the language's multiplier
  int memory_mb = 256;      // per test, the solution's own memory
  int output_kb = 64 * 1024;  // what the program may print, per run
};

// Which checker compares outputs, with its arguments: {"name": "float", "abs": 1e-6}.
struct CheckerSpec {
  std::string name = "exact";
  nlohmann::json args = nlohmann::json::object();
};

struct Problem {
  std::string slug;
  std::string title;
  std::string difficulty;  // easy, medium, hard
  std::vector<std::string> tags;
  Limits limits;
  Style style = Style::kInterview;
  Signature signature;  // interview style only
  CheckerSpec checker;
  std::string expected_complexity;  // e.g. "O(n)", shown to the person; may be empty
  std::string reference = "reference.cpp";  // under solutions/<slug>/; answers generated cases
  std::filesystem::path dir;        // problems/<slug>
};

// Loads problems/<slug>/problem.json from `dir`. Errors name the file and the field.
bool LoadProblem(const std::filesystem::path& dir, Problem* out, std::string* err);

// Every problem under `problems_root`, sorted by slug. Stops at the first malformed one.
bool LoadAllProblems(const std::filesystem::path& problems_root, std::vector<Problem>* out,
                     std::string* err);

}  // namespace judge
