// Building a program the problem itself ships: an output validator or an interactor (the
// Kattis / ICPC convention, problems/FORMAT.md). It is a source file in any language of the
// table, compiled as a competitive program through the build cache, so a problem's C++ validator
// is compiled once per change, not once per judgement. Run it as competitive programs are run:
// its folders read-only (ArgumentDirectories), its system calls those of its Program.
#pragma once

#include <filesystem>
#include <string>

#include "judge/lang/language.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

// A program that does not compile is the problem's fault: false, and *err says
// "<file>: does not compile: <first error>"; so is a file of no known language.
bool BuildProblemProgram(const std::filesystem::path& source,
                         const std::filesystem::path& cache_dir, Sandbox& sandbox, Program* out,
                         std::string* err);

}  // namespace judge
