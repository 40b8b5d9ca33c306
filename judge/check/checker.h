// Checkers decide whether a received output is right. One checker per file, all with this
// signature, chosen by name in problem.json ("checker": {"name": "unordered", ...}); the table
// in checker_table.cc maps names to the factory each file defines.
//
// Interview style: `expected` and `received` are the JSON values the method returned.
// Competitive style: both are JSON strings holding the whole stdout text.
// Checkers are immutable once built and safe to call from several threads, but for the custom
// checker: it runs the problem's program through the Sandbox it was made with, one at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "judge/problem/problem.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct CheckOutcome {
  bool accepted = false;
  // Why not, shortly, for the person: "at [3]: expected 7, received 8".
  std::string reason;
  // The checker itself failed (an output validator that crashed or exited neither 42 nor 43):
  // the problem's fault, judged JE rather than WA.
  bool checker_failed = false;
};

class Checker {
 public:
  virtual ~Checker() = default;
  virtual CheckOutcome Check(const nlohmann::json& input, const nlohmann::json& expected,
                             const nlohmann::json& received) const = 0;
};

// Builds the checker a problem names. `problem_dir` resolves a custom checker's program path,
// which runs through `sandbox` (kept by reference: it must outlive the checker). Unknown names
// or bad arguments: nullptr and *err names the field ("checker.abs: expected a non-negative
// number").
std::unique_ptr<Checker> MakeChecker(const CheckerSpec& spec,
                                     const std::filesystem::path& problem_dir, Sandbox& sandbox,
                                     std::string* err);

}  // namespace judge
