// The submissions kept beside a problem's reference, each in a folder named by the verdict it
// must earn: solutions/<slug>/accepted/, wrong_answer/, time_limit_exceeded/, ... The references
// (reference.cpp, reference.py, ...) must be accepted, and so must the brute force
// (brute_force.*) on every test outside the performance group: an exhaustive solution written
// apart from the reference, it cross-checks every small case's expected answer.
// `judge verify` and the end-to-end test judge them all.
#pragma once

#include <filesystem>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/run/verdict.h"
#include "judge/testset/test_case.h"

namespace judge {

struct ExpectedSubmission {
  std::filesystem::path file;
  Verdict expected;
  std::vector<std::string> skip_groups;  // the test groups it is not judged on
};

// The references first (problem.json's one, then the other languages'), the brute force, then
// each verdict folder's files (those in a known language), sorted.
std::vector<ExpectedSubmission> ListExpectedSubmissions(const Workspace& workspace,
                                                        const Problem& problem);

}  // namespace judge
