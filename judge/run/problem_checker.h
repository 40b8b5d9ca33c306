// The checker a problem names, with the programs it ships built first: a "validator" checker's
// program given as a source file (output_validators/check/check.cpp) is compiled through the
// build cache (problem_program.h) and run as built; every other checker comes from the checker
// table as it is (judge/check/checker.h).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "judge/check/checker.h"
#include "judge/problem/problem.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

// Null and *err (naming the field, or the source that does not compile) when it cannot be made.
std::unique_ptr<Checker> MakeProblemChecker(const Problem& problem,
                                            const std::filesystem::path& cache_dir,
                                            Sandbox& sandbox, std::string* err);

}  // namespace judge
