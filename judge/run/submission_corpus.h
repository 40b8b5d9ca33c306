// The submissions kept beside a problem's reference, each in a folder named by the verdict it
// must earn: solutions/<slug>/accepted/, wrong_answer/, time_limit_exceeded/, ... The reference
// itself must be accepted. `judge verify` and the end-to-end test judge them all.
#pragma once

#include <filesystem>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/run/verdict.h"
#include "judge/run/workspace.h"

namespace judge {

struct ExpectedSubmission {
  std::filesystem::path file;
  Verdict expected;
};

// The reference first, then each verdict folder's files (those in a known language), sorted.
std::vector<ExpectedSubmission> ListExpectedSubmissions(const Workspace& workspace,
                                                        const Problem& problem);

}  // namespace judge
