// The content hash a queued submission carries, so that a worker judges it only against the same
// problem it was queued against: SHA-256 over the problem's files (problem.json with its limits,
// checkers and the like, but not statement.md, whose wording does not change a verdict) and its
// tests (every file under testcases/<slug>/), each named by its path in the problem, in order.
#pragma once

#include <string>

#include "judge/problem/workspace.h"

namespace judge {

bool ProblemContentHash(const Workspace& workspace, const std::string& slug, std::string* hash,
                        std::string* err);

}  // namespace judge
