// Python 3: "compiling" is checking the source compiles (the harness's --check mode), so a
// syntax error is a CE with its line, like LeetCode. Interview problems run the generic harness
// (judge/interview/python/harness.py), which reads the signature and imports LeetCode's names.
#include <algorithm>
#include <cstdlib>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/files/sha256.h"
#include "judge/interview/embedded_files.h"
#include "judge/lang/build_cache.h"

namespace judge {
namespace {

// $JUDGE_PYTHON, else Debian's interpreter (not a version-manager shim that starts slowly).
std::string PythonExecutable() {
  if (const char* python = std::getenv("JUDGE_PYTHON"); python && *python) return python;
  if (std::filesystem::exists("/usr/bin/python3")) return "/usr/bin/python3";
  return "python3";
}

std::string PythonType(const std::string& type) {
  if (type.ends_with("[]")) return "List[" + PythonType(type.substr(0, type.size() - 2)) + "]";
  if (type == "int" || type == "long") return "int";
  if (type == "double") return "float";
  if (type == "bool") return "bool";
  if (type == "string") return "str";
  return "None";  // "void"
}

// Python has one __init__ for every constructor: parameters past the shortest constructor's
// count default to None.
std::string PythonInit(const std::vector<std::vector<Param>>& constructors) {
  size_t shortest = constructors.empty() ? 0 : constructors[0].size();
  std::vector<Param> longest;
  for (const auto& params : constructors) {
    shortest = std::min(shortest, params.size());
    if (params.size() > longest.size()) longest = params;
  }
  std::string out = "    def __init__(self";
  for (size_t i = 0; i < longest.size(); ++i) {
    out += ", " + longest[i].name + ": ";
    out += i < shortest ? PythonType(longest[i].type)
                        : "Optional[" + PythonType(longest[i].type) + "] = None";
  }
  return out + "):\n        pass\n";
}

// The class in LeetCode's layout, bodies holding `pass`.
std::string InterviewStarter(const Signature& sig) {
  std::string out = "class " + sig.class_name + ":\n";
  bool first = true;
  const auto separate = [&] {
    if (!first || sig.is_design) out += "\n";  // LeetCode opens a design class with a blank line
    first = false;
  };
  if (sig.is_design) {
    separate();
    out += PythonInit(sig.constructors);
  }
  for (const Method& method : sig.methods) {
    separate();
    out += "    def " + method.name + "(self";
    for (const Param& param : method.params)
      out += ", " + param.name + ": " + PythonType(param.type);
    out += ") -> " + PythonType(method.returns) + ":\n        pass\n";
  }
  return out;
}

// The build cache keeps how to start a program, not what it may call.
bool Interpreted(BuildResult* out) {
  out->program.syscalls = SyscallSet::kPython;
  return true;
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
    if (cache.Lookup(key, out)) return Interpreted(out);

    TempDir staging(cache.StagingParent());
    if (!staging.ok())
      return Fail(cache.StagingParent().string() + ": cannot create a build folder", err);
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
    spec.isolation.syscalls = SyscallSet::kPython;
    spec.limits.wall_seconds = 30;
    spec.limits.cpu_seconds = 30;
    spec.limits.address_space_bytes = 1ULL << 30;  // compiling a source is hostile too
    spec.limits.file_size_bytes = 16 << 20;
    ProcessResult run = sandbox.Run(spec);
    if (!run.started) return Fail("cannot run " + python + ": " + run.start_error, err);
    BuildResult result;
    result.seconds = run.wall_seconds;
    bool truncated = false;
    const std::string log = ReadFilePrefix(dir / "check.log", 64 * 1024, &truncated);
    result.compiled = run.exit_code == 0;
    result.log = ShortenLog(log);
    if (!result.compiled) result.first_error = log.substr(0, log.find('\n'));
    result.program.argv = {python};
    if (interview)
      result.program.argv.insert(
          result.program.argv.end(),
          {"{dir}/harness.py", "{dir}/" + request.source_name, "{dir}/signature.json"});
    else
      result.program.argv.push_back("{dir}/" + request.source_name);
    return cache.Store(key, dir, result, out, err) && Interpreted(out);
  }

  std::string Starter(const Problem& problem) const override {
    if (problem.style == Style::kInterview) return InterviewStarter(problem.signature);
    return "import sys\n\n\ndef main():\n    data = sys.stdin.read().split()\n\n\nmain()\n";
  }

  std::string HelloProgram() const override { return "print('hello')\n"; }

  std::string Toolchain() const override { return PythonExecutable(); }
};

}  // namespace

std::unique_ptr<Language> MakePythonLanguage() { return std::make_unique<PythonLanguage>(); }

}  // namespace judge
