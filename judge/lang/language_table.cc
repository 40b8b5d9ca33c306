#include "judge/lang/language.h"

#include "judge/lang/languages.h"
#include "judge/sandbox/program_paths.h"
#include "judge/util/files.h"

namespace judge {

const std::vector<LanguageInfo>& Languages() {
  static const std::vector<LanguageInfo> table = {
      {"cpp", "C++20 (g++ -O2)", {".cpp", ".cc", ".cxx", ".c++"}, 1.0, &MakeCppLanguage},
      {"python", "Python 3", {".py"}, 5.0, &MakePythonLanguage},
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

bool BuildAndRunHello(Language& language, const std::string& source, const std::string& name,
                      Sandbox& sandbox, const std::filesystem::path& cache_dir,
                      std::string* detail) {
  Problem problem;
  problem.style = Style::kCompetitive;
  BuildResult build;
  if (!language.Build(BuildRequest{&problem, source, name, cache_dir}, sandbox, &build, detail))
    return false;
  if (!build.compiled) {
    *detail = name + " did not compile: " + build.first_error;
    return false;
  }
  TempDir dir;
  ProcessSpec spec;
  spec.argv = build.program.argv;
  spec.workdir = dir.path();
  spec.stdout_path = dir.path() / "out";
  spec.env = JudgedEnvironment();
  spec.isolation.read_only_paths = ArgumentDirectories(spec.argv);
  ProcessResult run = sandbox.Run(spec);
  bool truncated = false;
  if (run.exit_code != 0 || ReadFilePrefix(spec.stdout_path, 64, &truncated) != "hello\n") {
    *detail = name + " built but did not print hello";
    return false;
  }
  *detail = build.from_cache ? "cached build"
                             : "built in " + std::to_string(int(build.seconds * 1000)) + " ms";
  return true;
}

std::vector<std::string> JudgedEnvironment() {
  return {"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
          "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0", "HOME=/tmp"};
}

}  // namespace judge
