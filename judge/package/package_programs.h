// The programs a problem package ships besides submissions: output validators (and
// interactors) in output_validators/, input validators in input_validators/. Each is a single
// source file, or a folder holding exactly one source file in a language of the table (beside
// headers or data it reads), and is compiled like a competitive program.
//
// Input validators follow the format's convention: the test input on stdin, the folder's
// input_validator_flags as arguments, exit 42 when the input is valid. RunInputValidators runs
// every one on every input of an import and names the first input one rejects.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "judge/package/package_tests.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct PackageProgram {
  std::string name;              // the file's stem or the folder's name
  std::filesystem::path root;    // the file, or the folder
  std::filesystem::path source;  // the source file to build (root itself for a file)
};

// The programs in the first of `folders` under <package> that exists (the format's versions
// name them differently: output_validators or output_validator, input_validators or
// input_format_validators), by name. A program in no language of the table is an error naming
// it ("output_validators/check.java: ..."), or, with `skipped`, is listed there instead.
bool FindPackagePrograms(const std::filesystem::path& package,
                         const std::vector<std::string>& folders, std::vector<PackageProgram>* out,
                         std::vector<std::string>* skipped, std::string* err);

// Builds each input validator and runs it on every case's input; *checked counts the runs.
// Errors name the input: "data/secret/3.in: rejected by input validator range (exit 43): ...".
bool RunInputValidators(const std::filesystem::path& package,
                        const std::vector<PackageProgram>& validators,
                        const std::vector<PackageGroup>& groups,
                        const std::filesystem::path& cache_dir, Sandbox& sandbox, int* checked,
                        std::string* err);

}  // namespace judge
