#include "judge/package/package_programs.h"

#include <algorithm>

#include "judge/check/validator_checker.h"
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"
#include "judge/package/package_yaml.h"
#include "judge/run/problem_program.h"
#include "judge/sandbox/program_paths.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

constexpr double kValidatorWallSeconds = 30;

bool FolderProgram(const fs::path& package, const fs::path& dir, PackageProgram* out,
                   std::string* err) {
  std::vector<fs::path> sources;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file() && LanguageForFile(entry.path())) sources.push_back(entry.path());
  const std::string shown = fs::relative(dir, package, ec).generic_string();
  if (sources.size() != 1)
    return Fail(shown + ": " + std::to_string(sources.size()) +
                    " source files in a language the judge knows (it builds exactly one)",
                err);
  *out = {dir.filename().string(), dir, sources.front()};
  return true;
}

std::string FirstLine(const fs::path& file) {
  bool truncated = false;
  std::string text = ReadFilePrefix(file, 400, &truncated);
  return text.substr(0, text.find('\n'));
}

// One run of a validator on one input: "" when valid, else why not.
std::string Validate(const Program& program, const std::vector<std::string>& flags,
                     const fs::path& input, Sandbox& sandbox) {
  TempDir dir;
  if (!dir.ok()) return "cannot create a temporary folder";
  ProcessSpec spec;
  spec.argv = program.argv;
  spec.argv.insert(spec.argv.end(), flags.begin(), flags.end());
  spec.workdir = dir.path();
  spec.stdin_path = fs::absolute(input);
  spec.stdout_path = dir.path() / "stdout";
  spec.stderr_path = dir.path() / "stderr";
  spec.env = JudgedEnvironment();
  spec.limits.wall_seconds = kValidatorWallSeconds;
  spec.limits.file_size_bytes = 1 << 20;
  spec.isolation.syscalls = program.syscalls;
  spec.isolation.read_only_paths = ArgumentDirectories(spec.argv);
  const ProcessResult result = sandbox.Run(spec);
  if (!result.started) return "did not start: " + result.start_error;
  if (result.wall_timeout) return "timed out";
  if (result.term_signal != 0) return "crashed (signal " + std::to_string(result.term_signal) + ")";
  if (result.exit_code == kKattisAcceptedExit) return "";
  std::string said = FirstLine(spec.stderr_path);
  if (said.empty()) said = FirstLine(spec.stdout_path);
  return "exit " + std::to_string(result.exit_code) + (said.empty() ? "" : ": " + said);
}

}  // namespace

bool FindPackagePrograms(const fs::path& package, const std::vector<std::string>& folders,
                         std::vector<PackageProgram>* out, std::vector<std::string>* skipped,
                         std::string* err) {
  out->clear();
  std::error_code ec;
  const auto found = std::find_if(folders.begin(), folders.end(), [&](const std::string& name) {
    return fs::is_directory(package / name, ec);
  });
  if (found == folders.end()) return true;
  const std::string& folder = *found;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(package / folder, ec))
    entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    PackageProgram program;
    std::string why;
    if (fs::is_directory(entry, ec)) {
      if (!FolderProgram(package, entry, &program, &why)) {
        if (!skipped) return Fail(why, err);
        skipped->push_back(why);
        continue;
      }
    } else if (LanguageForFile(entry)) {
      program = {entry.stem().string(), entry, entry};
    } else {
      why = folder + "/" + entry.filename().string() +
            ": not a program in a language the judge knows";
      if (!skipped) return Fail(why, err);
      skipped->push_back(why);
      continue;
    }
    out->push_back(program);
  }
  return true;
}

bool RunInputValidators(const fs::path& package, const std::vector<PackageProgram>& validators,
                        const std::vector<PackageGroup>& groups, const fs::path& cache_dir,
                        Sandbox& sandbox, int* checked, std::string* err) {
  *checked = 0;
  for (const PackageProgram& validator : validators) {
    Program program;
    if (!BuildProblemProgram(validator.source, cache_dir, sandbox, &program, err)) return false;
    for (const PackageGroup& group : groups) {
      std::vector<std::string> flags;
      if (!ReadInputValidatorFlags(package, group.folder, &flags, err)) return false;
      for (const PackageCase& test : group.cases) {
        const std::string why = Validate(program, flags, test.input, sandbox);
        std::error_code ec;
        if (!why.empty())
          return Fail(fs::relative(test.input, package, ec).generic_string() +
                          ": rejected by input validator " + validator.name + " (" + why + ")",
                      err);
        ++*checked;
      }
    }
  }
  return true;
}

}  // namespace judge
