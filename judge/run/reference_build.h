// Building a problem's reference solution (for generated answers, and as the yardstick of
// timing runs). A reference that does not build is the problem's fault, so it is an error.
#pragma once

#include <filesystem>

#include "judge/lang/language.h"
#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/run/execution.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

// `reference` is a file under solutions/<slug>/; *language is set to its language.
bool BuildReference(const Workspace& workspace, const Problem& problem,
                    const std::filesystem::path& reference, Sandbox& sandbox, BuildResult* build,
                    const LanguageInfo** language, std::string* err);

// The reference gets room to spare: it defines the answers, so it must never fail for time.
ExecutionLimits ReferenceLimits(const Problem& problem, const LanguageInfo& language);

}  // namespace judge
