#include "judge/run/reference_build.h"

#include <algorithm>

#include "judge/error.h"
#include "judge/files/files.h"

namespace judge {

bool BuildReference(const Workspace& workspace, const Problem& problem,
                    const std::filesystem::path& reference, Sandbox& sandbox, BuildResult* build,
                    const LanguageInfo** language, std::string* err) {
  *language = LanguageForFile(reference);
  if (!*language) return Fail(reference.string() + ": the reference's language is unknown", err);
  std::string source;
  if (!ReadFile(reference, &source, err)) return false;
  BuildRequest request{&problem, source, reference.filename().string(), workspace.cache};
  if (!(*language)->make()->Build(request, sandbox, build, err)) return false;
  if (!build->compiled)
    return Fail(reference.string() + ": the reference does not compile: " + build->first_error,
                err);
  return true;
}

ExecutionLimits ReferenceLimits(const Problem& problem, const LanguageInfo& language) {
  ExecutionLimits limits;
  limits.time_ms = problem.limits.time_ms * language.time_multiplier * 10;
  limits.memory_kb = problem.limits.memory_mb * 1024L * 4;
  limits.output_bytes = std::max(problem.limits.output_kb * 1024L, 256L << 20);
  return limits;
}

}  // namespace judge
