// Python 3: "compiling" is checking the source compiles (the harness's --check mode), so a
// syntax error is a CE with its line, like LeetCode. Interview problems run the generic harness
// (judge/harness/python/harness.py), which reads the signature and imports LeetCode's names.
#include <cstdlib>

#include "judge/harness/embedded_files.h"
#include "judge/lang/build_cache.h"
#include "judge/lang/languages.h"
#include "judge/util/files.h"
#include "judge/util/sha256.h"

namespace judge {
namespace {

// $JUDGE_PYTHON, else Debian's interpreter (not a version-manager shim that starts slowly).
std::string PythonExecutable() {
  if (const char* python = std::getenv("JUDGE_PYTHON"); python && *python) return python;
  if (std::filesystem::exists("/usr/bin/python3")) return "/usr/bin/python3";
  return "python3";
}

class PythonLanguage : public Language {
 public:
  bool Build(const BuildRequest& request, Sandbox& sandbox, BuildResult* out,
             std::string* err) override {
    const bool interview = request.problem->style == Style::kInterview;
    const std::string harness(EmbeddedFile("harness.py"));
    const std::string signature = interview ? request.problem->signature.raw.dump() : "";
    const std::string python = PythonExecutable();
    const std::string key = Sha256Hex("python\n" + python + "\n" + request.source_name + "\n" +
                                      harness + "\n" + signature + "\n" + request.source_text);
    BuildCache cache(request.cache_dir);
    if (cache.Lookup(key, out)) return true;

    TempDir staging(cache.StagingParent());
    if (!staging.ok()) {
      *err = cache.StagingParent().string() + ": cannot create a build folder";
      return false;
    }
    const auto& dir = staging.path();
    if (!WriteFileAtomic(dir / request.source_name, request.source_text, err) ||
        !WriteFileAtomic(dir / "harness.py", harness, err) ||
        (interview && !WriteFileAtomic(dir / "signature.json", signature, err)))
      return false;

    ProcessSpec spec;
    spec.argv = {python, "harness.py", "--check", request.source_name};
    spec.workdir = dir;
    spec.stderr_path = dir / "check.log";
    spec.env = JudgedEnvironment();
    spec.limits.wall_seconds = 30;
    spec.limits.cpu_seconds = 30;
    spec.limits.address_space_bytes = 1ULL << 30;  // compiling a source is hostile too
    spec.limits.file_size_bytes = 16 << 20;
    ProcessResult run = sandbox.Run(spec);
    if (!run.started) {
      *err = "cannot run " + python + ": " + run.start_error;
      return false;
    }
    BuildResult result;
    result.seconds = run.wall_seconds;
    bool truncated = false;
    const std::string log = ReadFilePrefix(dir / "check.log", 64 * 1024, &truncated);
    result.compiled = run.exit_code == 0;
    result.log = ShortenLog(log);
    if (!result.compiled) result.first_error = log.substr(0, log.find('\n'));
    result.program.argv = {python};
    if (interview)
      result.program.argv.insert(result.program.argv.end(),
                                 {"{dir}/harness.py", "{dir}/" + request.source_name, "{dir}/signature.json"});
    else
      result.program.argv.push_back("{dir}/" + request.source_name);
    return cache.Store(key, dir, result, out, err);
  }

  bool SelfTest(Sandbox& sandbox, const std::filesystem::path& cache_dir,
                std::string* detail) override {
    std::string build;
    if (!BuildAndRunHello(*this, "print('hello')\n", "hello.py", sandbox, cache_dir, &build)) {
      *detail = build;
      return false;
    }
    *detail = PythonExecutable() + ", " + build;
    return true;
  }
};

}  // namespace

std::unique_ptr<Language> MakePythonLanguage() { return std::make_unique<PythonLanguage>(); }

}  // namespace judge
