// One competitive test's process, in two halves that interactive tests share
// (interactive_execution.cc): the spec it runs under, and the Execution read back from its
// result and files. Internal to judge/run/.
#pragma once

#include <filesystem>

#include "judge/lang/language.h"
#include "judge/run/execution.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

// Runs `program` in `dir`: stdin from dir/stdin, stdout and stderr to files there, the case's
// limits (sanitized or not).
ProcessSpec CompetitiveSpec(const Program& program, const ExecutionLimits& limits,
                            const std::filesystem::path& dir);

// What the run did, from its result and the files its spec names (which must exist).
Execution CollectCompetitive(const Program& program, const ExecutionLimits& limits,
                             const ProcessSpec& spec, const ProcessResult& process);

}  // namespace judge
