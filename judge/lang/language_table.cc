// The languages the judge knows. A new language is one file in judge/lang/ plus one row here.
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"
#include "judge/sandbox/program_paths.h"

namespace judge {

// One per file in this folder, defined there.
std::unique_ptr<Language> MakeCppLanguage();
std::unique_ptr<Language> MakePythonLanguage();
std::unique_ptr<Language> MakeCLanguage();

const std::vector<LanguageInfo>& Languages() {
  static const std::vector<LanguageInfo> table = {
      // name, display, extensions, time multiplier, interview, sanitizers, factory
      {"cpp",
       "C++20 (g++ -O2)",
       {".cpp", ".cc", ".cxx", ".c++"},
       1.0,
       true,
       true,
       &MakeCppLanguage},
      {"python", "Python 3", {".py"}, 5.0, true, false, &MakePythonLanguage},
      {"c", "C17 (gcc -O2)", {".c"}, 1.0, false, false, &MakeCLanguage},
  };
  return table;
}

const LanguageInfo* FindLanguage(const std::string& name) {
  for (const auto& info : Languages())
    if (name == info.name) return &info;
  return nullptr;
}

const LanguageInfo* LanguageForFile(const std::filesystem::path& file) {
  const auto ext = file.extension().string();
  for (const auto& info : Languages())
    for (const auto& e : info.extensions)
      if (ext == e) return &info;
  return nullptr;
}

std::vector<std::string> LanguageNames() {
  std::vector<std::string> names;
  for (const auto& info : Languages()) names.push_back(info.name);
  return names;
}

bool Supports(const LanguageInfo& language, const Problem& problem) {
  return language.interview || problem.style != Style::kInterview;
}

std::string LanguagesFor(const Problem& problem) {
  std::string names;
  for (const auto& info : Languages())
    if (Supports(info, problem)) names += (names.empty() ? "" : ", ") + std::string(info.name);
  return names;
}

bool CanJudge(const LanguageInfo& language, const Problem& problem, std::string* err) {
  if (Supports(language, problem)) return true;
  return Fail(problem.slug + " is an interview problem, and " + language.display +
                  " has no interview harness (judge it in " + LanguagesFor(problem) + ")",
              err);
}

bool SelfTestLanguage(const LanguageInfo& info, Sandbox& sandbox,
                      const std::filesystem::path& cache_dir, std::string* detail) {
  const auto language = info.make();
  const std::string name = std::string("hello") + info.extensions.front();
  Problem problem;
  problem.style = Style::kCompetitive;
  BuildResult build;
  if (!language->Build(BuildRequest{&problem, language->HelloProgram(), name, cache_dir}, sandbox,
                       &build, detail))
    return false;
  if (!build.compiled) return Fail(name + " did not compile: " + build.first_error, detail);
  TempDir dir;
  ProcessSpec spec;
  spec.argv = build.program.argv;
  spec.workdir = dir.path();
  spec.stdout_path = dir.path() / "out";
  spec.env = JudgedEnvironment();
  spec.isolation.read_only_paths = ArgumentDirectories(spec.argv);
  spec.isolation.syscalls = build.program.syscalls;
  ProcessResult run = sandbox.Run(spec);
  bool truncated = false;
  if (run.exit_code != 0 || ReadFilePrefix(spec.stdout_path, 64, &truncated) != "hello\n")
    return Fail(name + " built but did not print hello", detail);
  *detail = language->Toolchain() + ", " +
            (build.from_cache ? "cached build"
                              : "built in " + std::to_string(int(build.seconds * 1000)) + " ms");
  return true;
}

}  // namespace judge
