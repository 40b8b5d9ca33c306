// Reading the YAML files of a Kattis / ICPC problem package: problem.yaml (the problem's name,
// limits and how outputs are validated) and each data folder's testdata.yaml (the flags its
// input validators get). Only what the judge uses is kept; fields of the format that do not
// change judging (author, license, uuid, ...) are accepted and ignored, and a field the format
// does not have, or one whose value the judge cannot honour, is an error naming the file and
// the field: "problem.yaml: validation: unknown value "custom score" (...)".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "judge/problem/problem.h"

namespace judge {

struct PackageSettings {
  std::string title;  // name (English if it is a map of languages); empty when absent
  std::optional<double> time_limit_seconds;  // limits.time_limit, else the .timelimit file
  std::optional<int> memory_mb;              // limits.memory (MiB)
  std::optional<int> output_mb;              // limits.output (MiB)
  bool custom_validation = false;            // validation: custom ...
  bool interactive = false;                  // validation: custom interactive (or type)
  // The default validator's flags mapped to one of our checkers (tokens or float), for
  // packages without custom validation.
  CheckerSpec default_checker;
  // validator_flags split on whitespace: a custom validator's (or interactor's) arguments.
  std::vector<std::string> validator_args;
};

// Reads <package>/problem.yaml and <package>/.timelimit. Errors name "problem.yaml".
bool ReadPackageSettings(const std::filesystem::path& package, PackageSettings* out,
                         std::string* err);

// The input_validator_flags that apply to the test files of `folder` (under <package>/data):
// those of the nearest testdata.yaml from `folder` up to data/. Errors name the file.
bool ReadInputValidatorFlags(const std::filesystem::path& package,
                             const std::filesystem::path& folder, std::vector<std::string>* out,
                             std::string* err);

}  // namespace judge
