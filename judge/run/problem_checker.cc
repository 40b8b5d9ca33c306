#include "judge/run/problem_checker.h"

#include "judge/check/validator_checker.h"
#include "judge/lang/language.h"
#include "judge/run/problem_program.h"

namespace judge {

std::unique_ptr<Checker> MakeProblemChecker(const Problem& problem,
                                            const std::filesystem::path& cache_dir,
                                            Sandbox& sandbox, std::string* err) {
  if (problem.checker.name != "validator")
    return MakeChecker(problem.checker, problem.dir, sandbox, err);
  std::filesystem::path source;
  std::vector<std::string> extra;
  if (!ReadValidatorArguments(problem.checker.args, problem.dir, &source, &extra, err))
    return nullptr;
  if (!LanguageForFile(source))  // an executable as it is
    return MakeChecker(problem.checker, problem.dir, sandbox, err);
  Program program;
  if (!BuildProblemProgram(source, cache_dir, sandbox, &program, err)) return nullptr;
  return MakeBuiltValidatorChecker({program.argv, program.syscalls}, std::move(extra), sandbox);
}

}  // namespace judge
