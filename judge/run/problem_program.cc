#include "judge/run/problem_program.h"

#include "judge/error.h"
#include "judge/files/files.h"

namespace judge {

bool BuildProblemProgram(const std::filesystem::path& source,
                         const std::filesystem::path& cache_dir, Sandbox& sandbox, Program* out,
                         std::string* err) {
  const LanguageInfo* info = LanguageForFile(source);
  if (!info)
    return Fail(source.string() + ": not in a language the judge knows (" +
                    source.extension().string() + ")",
                err);
  std::string text;
  if (!ReadFile(source, &text, err)) return false;
  Problem problem;
  problem.style = Style::kCompetitive;
  BuildResult build;
  if (!info->make()->Build(BuildRequest{&problem, text, source.filename().string(), cache_dir},
                           sandbox, &build, err))
    return false;
  if (!build.compiled)
    return Fail(source.string() + ": does not compile: " + build.first_error, err);
  *out = build.program;
  return true;
}

}  // namespace judge
