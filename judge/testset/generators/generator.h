// Named generators of test inputs. Each lives in its own file in this folder and is listed in the
// table in generator_table.cc; a test file picks one by name (see problems/FORMAT.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "judge/testset/generators/prng.h"

namespace judge {

// Makes one case's input (the same shape as a literal case's "input") from the group file's
// params. Errors name the parameter: "params.n: expected a positive integer".
using Generator = bool(const nlohmann::json& params, SplitMix64& rng, nlohmann::json* input,
                       std::string* err);
using GeneratorFn = Generator*;

// nullptr if no generator has that name.
GeneratorFn FindGenerator(const std::string& name);
// "int_array, ..." for error messages.
std::string GeneratorNames();

}  // namespace judge
