// Fills the expected answers of generated test cases by running the problem's reference
// solution on them, and caches each answer under <cache>/answers/<slug>/ keyed by a hash of the
// reference source, the signature and the case's generator, params and seed.
#pragma once

#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"
#include "judge/testset/test_case.h"

namespace judge {

bool FillExpectedAnswers(const Workspace& workspace, const Problem& problem,
                         std::vector<TestCase>* tests, Sandbox& sandbox, std::string* err);

}  // namespace judge
