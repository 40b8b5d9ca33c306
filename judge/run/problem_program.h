// Builds a program the problem itself ships (an output validator, an interactor): a source
// file in any language of the table, compiled as a competitive program through the build
// cache. A program that does not compile is the problem's fault: false, and *err says
// "<file>: does not compile: <first error>".
#pragma once

#include <filesystem>
#include <string>

#include "judge/lang/language.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

bool BuildProblemProgram(const std::filesystem::path& source,
                         const std::filesystem::path& cache_dir, Sandbox& sandbox, Program* out,
                         std::string* err);

}  // namespace judge
