#include "judge/run/problem_program.h"

#include "judge/error.h"
#include "judge/files/files.h"

namespace judge {

bool BuildProblemProgram(const std::filesystem::path& source,
                         const std::filesystem::path& cache_dir, Sandbox& sandbox, Program* out,
                         std::string* err) {
  const LanguageInfo* language = LanguageForFile(source);
  if (!language) return Fail(source.string() + ": not a language the judge knows", err);
  std::string text;
  if (!ReadFile(source, &text, err)) return false;
  // Built as a stdin/stdout program: that is what a validator or an interactor is.
  Problem as_competitive;
  as_competitive.style = Style::kCompetitive;
  BuildRequest request{&as_competitive, text, source.filename().string(), cache_dir};
  BuildResult build;
  if (!language->make()->Build(request, sandbox, &build, err)) return false;
  if (!build.compiled)
    return Fail(source.string() + ": does not compile: " + build.first_error, err);
  *out = build.program;
  return true;
}

}  // namespace judge
