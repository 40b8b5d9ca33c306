// Loads a problem's test groups from testcases/<slug>/*.json (format: problems/FORMAT.md):
// literal cases as written, generated cases made by their generator with `expected` left null
// for the reference solution to fill (see expected_answers.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/testset/test_case.h"

namespace judge {

// Cases of every group file in `dir`, files in name order. Errors name the file and the field.
bool LoadTestCases(const Problem& problem, const std::filesystem::path& dir,
                   std::vector<TestCase>* out, std::string* err);

// A group as its file declares it, without making its generated cases: for `judge show`.
struct TestGroup {
  std::string name;
  bool sanitize = true;  // TestCase::sanitize
  size_t cases = 0;      // literal and generated
};

// The groups of every file in `dir`, in name order.
bool ListTestGroups(const std::filesystem::path& dir, std::vector<TestGroup>* out,
                    std::string* err);

// Checks that a case's input has the shape the problem needs (every parameter present, design
// operations paired with argument lists, stdin text for competitive problems).
bool ValidateInput(const Problem& problem, const nlohmann::json& input, std::string* err);

}  // namespace judge
