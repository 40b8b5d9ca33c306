// validator: an output validator in the Kattis / ICPC problem package convention, the checker
// of imported packages ("checker": {"name": "validator", "program": "...", "args": [...]}).
// It runs as
//   program INPUT_FILE ANSWER_FILE FEEDBACK_DIR ARGS...   (stdin: the submission's output)
// and exit 42 accepts, 43 rejects, anything else is the validator's own failure (a judge
// error, CheckOutcome::checker_failed). The first line of FEEDBACK_DIR/judgemessage.txt is the
// reason shown. Competitive problems only: input, expected and received are texts.
//
// `program` names a source file: the run layer builds it (judge/run/problem_checker.h) and hands
// the built program to MakeBuiltValidatorChecker. Through the checker table the program must
// already be an executable file, which is run as it is. Like the custom checker, one Check runs
// at a time through the Sandbox it was made with.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "judge/check/checker.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

// The Kattis / ICPC exit codes, which output validators, interactors and input validators share
// (42: accepted or valid, 43: rejected).
inline constexpr int kKattisAcceptedExit = 42;
inline constexpr int kKattisRejectedExit = 43;

// How to start the validator (a built program's argv and what it may call).
struct ValidatorProgram {
  std::vector<std::string> argv;
  SyscallSet syscalls = SyscallSet::kNative;
};

// Reads the checker's arguments: *program is the absolute path of "program" (which must be a
// file under `problem_dir`), *extra its "args". Errors name the field ("checker.program: ...").
bool ReadValidatorArguments(const nlohmann::json& args, const std::filesystem::path& problem_dir,
                            std::filesystem::path* program, std::vector<std::string>* extra,
                            std::string* err);

std::unique_ptr<Checker> MakeBuiltValidatorChecker(ValidatorProgram program,
                                                   std::vector<std::string> extra,
                                                   Sandbox& sandbox);

}  // namespace judge
