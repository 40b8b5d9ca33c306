// C++: g++ -std=c++20 -O2 with LeetCode's implicit prelude precompiled once per compiler, and on
// request the same with AddressSanitizer and UndefinedBehaviorSanitizer, as LeetCode compiles.
//
// Interview problems compile the generated harness (judge/interview/cpp_harness.h) around the
// solution; competitive problems compile the file as it is, with <bits/stdc++.h> force-included
// from the precompiled header, so a `#include <bits/stdc++.h>` costs nothing.
#include <algorithm>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/files/sha256.h"
#include "judge/interview/cpp_harness.h"
#include "judge/lang/build_cache.h"
#include "judge/lang/native_build.h"

namespace judge {
namespace {

const char kCompiler[] = "g++";
const std::vector<std::string> kFlags = {"-std=c++20", "-O2", "-pipe", "-fdiagnostics-color=never"};
// A finding stops the program (no recovery: UB must not go on to a plausible answer); -g1 gives
// the line tables that put the submission's line in the report, at little compile cost.
const std::vector<std::string> kSanitizerFlags = {
    "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer", "-g1"};
const std::string kPreludeName(kCppPreludeName);
const std::string kRuntimeObjectName(kCppRuntimeObjectName);
const char kRuntimeUnitName[] = "harness_runtime.cc";

std::vector<std::string> CompileFlags(bool sanitize) {
  std::vector<std::string> flags = kFlags;
  if (sanitize) flags.insert(flags.end(), kSanitizerFlags.begin(), kSanitizerFlags.end());
  return flags;
}

// Runs one of the judge's own compiles in `dir`; false with its first error, named by `what`.
bool CompileOwnPart(Sandbox& sandbox, const std::vector<std::string>& argv,
                    const std::filesystem::path& dir, const std::string& what, std::string* err) {
  if (RunCompiler(sandbox, argv, dir, {}, /*large=*/true).exit_code == 0) return true;
  bool truncated = false;
  const std::string log = ReadFilePrefix(dir / "compile.log", 4096, &truncated);
  return Fail("cannot " + what + ": " + FirstErrorLine(log), err);
}

// <cache>/pch/<key>/: judge_prelude.h and its .gch, and with the interview prelude the harness
// runtime's object, built once per prelude, flags and compiler (g++ ignores a .gch made with
// other flags: the sanitizers define macros of their own).
bool EnsurePrecompiledPrelude(const std::string& prelude, bool interview,
                              const std::vector<std::string>& flags, const BuildCache& cache,
                              Sandbox& sandbox, std::filesystem::path* dir, std::string* err) {
  const std::string key =
      Sha256Hex("pch\n" + CompilerIdentity(kCompiler) + "\n" + CommandLine(flags) + prelude);
  *dir = cache.StagingParent().parent_path() / "pch" / key;
  // The folder is renamed into place whole; this is the file the build needs from it.
  const auto last = *dir / (interview ? kRuntimeObjectName : kPreludeName + ".gch");
  if (std::filesystem::exists(last)) return true;
  TempDir staging(cache.StagingParent());
  if (!WriteFileAtomic(staging.path() / kPreludeName, prelude, err)) return false;
  std::vector<std::string> argv = {kCompiler};
  argv.insert(argv.end(), flags.begin(), flags.end());
  std::vector<std::string> header = argv;
  header.insert(header.end(), {"-x", "c++-header", kPreludeName, "-o", kPreludeName + ".gch"});
  if (!CompileOwnPart(sandbox, header, staging.path(), "precompile the C++ prelude", err))
    return false;
  if (interview) {
    if (!WriteFileAtomic(staging.path() / kRuntimeUnitName, CppRuntimeUnit(), err)) return false;
    argv.insert(argv.end(), {"-c", kRuntimeUnitName, "-o", kRuntimeObjectName});
    if (!CompileOwnPart(sandbox, argv, staging.path(), "compile the C++ harness runtime", err))
      return false;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir->parent_path(), ec);
  std::filesystem::rename(staging.path(), *dir, ec);
  if (ec && !std::filesystem::exists(last))
    return Fail(dir->string() + ": cannot store the precompiled prelude: " + ec.message(), err);
  return true;
}

// LeetCode passes arrays by reference and scalars (strings included) by value.
std::string CppParams(const std::vector<Param>& params) {
  std::string out;
  for (size_t i = 0; i < params.size(); ++i) {
    const bool is_array = params[i].type.ends_with("[]");
    out += (i > 0 ? ", " : "") + CppType(params[i].type, /*qualified=*/false) +
           (is_array ? "& " : " ") + params[i].name;
  }
  return out;
}

// The class in LeetCode's layout: a blank line between members, bodies holding `// TODO`.
std::string InterviewStarter(const Signature& sig) {
  const std::string body = " {\n        // TODO\n    }\n";
  std::string out = "class " + sig.class_name + " {\npublic:\n";
  bool first = true;
  const auto separate = [&] {
    if (!first) out += "\n";
    first = false;
  };
  for (const auto& params : sig.constructors) {
    separate();
    out += "    " + sig.class_name + "(" + CppParams(params) + ")" + body;
  }
  for (const Method& method : sig.methods) {
    separate();
    const std::string returns =
        method.returns == "void" ? "void" : CppType(method.returns, /*qualified=*/false);
    out += "    " + returns + " " + method.name + "(" + CppParams(method.params) + ")" + body;
  }
  return out + "};\n";
}

// The build cache keeps how to start a program, not how it was built.
bool MarkSanitized(const BuildRequest& request, BuildResult* out) {
  out->program.sanitized = request.sanitize;
  return true;
}

class CppLanguage : public Language {
 public:
  bool Build(const BuildRequest& request, Sandbox& sandbox, BuildResult* out,
             std::string* err) override {
    const bool interview = request.problem->style == Style::kInterview;
    const std::vector<std::string> flags = CompileFlags(request.sanitize);
    NativeCompile compile;
    compile.unit_text = interview ? GenerateCppHarness(request.problem->signature,
                                                       request.source_text, request.source_name)
                                  : request.source_text;
    const std::string prelude = interview ? CppPrelude() : CppCompetitivePrelude(request.sanitize);
    compile.key =
        Sha256Hex("cpp\n" + CompilerIdentity(kCompiler) + "\n" + CommandLine(flags) + "\n" +
                  prelude + "\n" + compile.unit_text + HeadersKey(request.headers));
    BuildCache cache(request.cache_dir);
    if (cache.Lookup(compile.key, out)) return MarkSanitized(request, out);

    std::filesystem::path pch_dir;
    if (!EnsurePrecompiledPrelude(prelude, interview, flags, cache, sandbox, &pch_dir, err))
      return false;
    // Competitive sources keep their own name so errors read "solution.cpp:3:5: error: ...";
    // the interview harness carries #line directives that name the solution file.
    compile.unit_name = interview ? std::string(kCppHarnessName) : request.source_name;
    compile.headers = request.headers;
    compile.argv = {kCompiler};
    compile.argv.insert(compile.argv.end(), flags.begin(), flags.end());
    compile.argv.push_back("-I" + pch_dir.string());
    if (!interview) compile.argv.insert(compile.argv.end(), {"-include", kPreludeName});
    compile.argv.push_back(compile.unit_name);
    if (interview) compile.argv.push_back((pch_dir / kRuntimeObjectName).string());
    compile.argv.insert(compile.argv.end(), {"-o", "program"});
    compile.read_only_paths = {pch_dir};
    return BuildNative(compile, request.cache_dir, sandbox, out, err) &&
           MarkSanitized(request, out);
  }

  std::string Starter(const Problem& problem) const override {
    if (problem.style == Style::kInterview) return InterviewStarter(problem.signature);
    return "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n}\n";
  }

  std::string HelloProgram() const override {
    return "#include <bits/stdc++.h>\nint main() { std::cout << \"hello\\n\"; }\n";
  }

  std::string Toolchain() const override { return CompilerIdentity(kCompiler); }
};

}  // namespace

std::unique_ptr<Language> MakeCppLanguage() { return std::make_unique<CppLanguage>(); }

}  // namespace judge
