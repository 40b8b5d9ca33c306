// C++: g++ -std=c++20 -O2 with LeetCode's implicit prelude precompiled once per compiler.
//
// Interview problems compile the generated harness (judge/harness/cpp_harness.h) around the
// solution; competitive problems compile the file as it is, with <bits/stdc++.h> force-included
// from the precompiled header, so a `#include <bits/stdc++.h>` costs nothing.
#include <chrono>
#include <cstdio>
#include <mutex>

#include "judge/harness/cpp_harness.h"
#include "judge/lang/build_cache.h"
#include "judge/lang/languages.h"
#include "judge/util/error.h"
#include "judge/util/files.h"
#include "judge/util/sha256.h"

namespace judge {
namespace {

const char kCompiler[] = "g++";
const std::vector<std::string> kFlags = {"-std=c++20", "-O2", "-pipe",
                                         "-fdiagnostics-color=never"};
const char kPreludeName[] = "judge_prelude.h";

// A submission's compile is hostile too (judge/SANDBOX.md): `#include "/dev/zero"`, template
// explosions and error floods stop at these limits and end in CE. The prelude is the judge's
// own header, and its precompiled form is large.
ProcessLimits CompileLimits(bool prelude) {
  ProcessLimits limits;
  limits.cpu_seconds = prelude ? 60 : 20;
  limits.wall_seconds = prelude ? 60 : 30;
  limits.address_space_bytes = 4ULL << 30;
  limits.memory_bytes = 2ULL << 30;
  limits.file_size_bytes = prelude ? 512ULL << 20 : 64ULL << 20;
  limits.tmp_bytes = 512ULL << 20;
  return limits;
}

// "g++ 12.2.0": part of every cache key, so a compiler upgrade rebuilds everything.
std::string CompilerIdentity() {
  static std::once_flag once;
  static std::string identity;
  std::call_once(once, [] {
    identity = kCompiler;
    if (FILE* pipe = popen("g++ -dumpfullversion -dumpversion 2>/dev/null", "r")) {
      char buffer[128] = {};
      if (fgets(buffer, sizeof buffer, pipe)) identity += std::string(" ") + buffer;
      pclose(pipe);
    }
  });
  return identity;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p + " ";
  return out;
}

class CppLanguage : public Language {
 public:
  bool Build(const BuildRequest& request, Sandbox& sandbox, BuildResult* out,
             std::string* err) override {
    const bool interview = request.problem->style == Style::kInterview;
    const std::string unit =
        interview ? GenerateCppHarness(request.problem->signature, request.source_text,
                                       request.source_name)
                  : request.source_text;
    const std::string prelude = interview ? CppPrelude() : "#include <bits/stdc++.h>\n";
    const std::string key =
        Sha256Hex("cpp\n" + CompilerIdentity() + Joined(kFlags) + "\n" + prelude + "\n" + unit);
    BuildCache cache(request.cache_dir);
    if (cache.Lookup(key, out)) return true;

    std::filesystem::path pch_dir;
    if (!EnsurePrecompiledPrelude(prelude, cache, sandbox, &pch_dir, err)) return false;

    TempDir staging(cache.StagingParent());
    if (!staging.ok()) return Fail(cache.StagingParent().string() + ": cannot create a build folder", err);
    // Competitive sources keep their own name so errors read "solution.cpp:3:5: error: ...";
    // the interview harness carries #line directives that name the solution file.
    const std::string unit_name = interview ? "judge-harness.cpp" : request.source_name;
    if (!WriteFileAtomic(staging.path() / unit_name, unit, err)) return false;

    std::vector<std::string> argv = {kCompiler};
    argv.insert(argv.end(), kFlags.begin(), kFlags.end());
    argv.push_back("-I" + pch_dir.string());
    if (!interview) argv.insert(argv.end(), {"-include", kPreludeName});
    argv.insert(argv.end(), {unit_name, "-o", "program"});

    const auto start = std::chrono::steady_clock::now();
    ProcessResult run = RunCompiler(sandbox, argv, staging.path(), pch_dir, CompileLimits(false));
    BuildResult result;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!run.started) return Fail("cannot run g++: " + run.start_error, err);
    bool truncated = false;
    const std::string log = ReadFilePrefix(staging.path() / "compile.log", 64 * 1024, &truncated);
    result.compiled = run.exit_code == 0;
    result.log = ShortenLog(log);
    if (!result.compiled) {
      result.first_error = run.wall_timeout || run.term_signal
                               ? "the compiler was stopped: it ran past its time or memory limit"
                               : FirstErrorLine(log);
    }
    result.program.argv = {"{dir}/program"};
    return cache.Store(key, staging.path(), result, out, err);
  }

  bool SelfTest(Sandbox& sandbox, const std::filesystem::path& cache_dir,
                std::string* detail) override {
    std::string build;
    if (!BuildAndRunHello(*this, "#include <bits/stdc++.h>\nint main() { std::cout << \"hello\\n\"; }\n",
                          "hello.cpp", sandbox, cache_dir, &build)) {
      *detail = build;
      return false;
    }
    *detail = CompilerIdentity();
    while (!detail->empty() && detail->back() == '\n') detail->pop_back();
    *detail += ", " + build;
    return true;
  }

 private:
  static ProcessResult RunCompiler(Sandbox& sandbox, const std::vector<std::string>& argv,
                                   const std::filesystem::path& workdir,
                                   const std::filesystem::path& pch_dir, const ProcessLimits& limits) {
    ProcessSpec spec;
    spec.argv = argv;
    spec.workdir = workdir;
    spec.stdout_path = workdir / "compile.log";
    spec.stderr_path = workdir / "compile.log";
    spec.env = JudgedEnvironment();
    spec.limits = limits;
    spec.isolation.allow_fork = true;  // g++ runs cc1plus, as, collect2, ld
    spec.isolation.writable_workdir = true;
    if (!pch_dir.empty()) spec.isolation.read_only_paths = {pch_dir};
    return sandbox.Run(spec);
  }

  // <cache>/pch/<key>/judge_prelude.h and its .gch, built once per prelude, flags and compiler.
  static bool EnsurePrecompiledPrelude(const std::string& prelude, const BuildCache& cache,
                                       Sandbox& sandbox, std::filesystem::path* dir,
                                       std::string* err) {
    const std::string key = Sha256Hex("pch\n" + CompilerIdentity() + Joined(kFlags) + prelude);
    *dir = cache.StagingParent().parent_path() / "pch" / key;
    if (std::filesystem::exists(*dir / (std::string(kPreludeName) + ".gch"))) return true;
    TempDir staging(cache.StagingParent());
    if (!WriteFileAtomic(staging.path() / kPreludeName, prelude, err)) return false;
    std::vector<std::string> argv = {kCompiler};
    argv.insert(argv.end(), kFlags.begin(), kFlags.end());
    argv.insert(argv.end(), {"-x", "c++-header", kPreludeName, "-o",
                             std::string(kPreludeName) + ".gch"});
    ProcessResult run = RunCompiler(sandbox, argv, staging.path(), {}, CompileLimits(true));
    if (run.exit_code != 0) {
      bool truncated = false;
      return Fail("cannot precompile the C++ prelude: " +
                      FirstErrorLine(ReadFilePrefix(staging.path() / "compile.log", 4096, &truncated)),
                  err);
    }
    std::error_code ec;
    std::filesystem::create_directories(dir->parent_path(), ec);
    std::filesystem::rename(staging.path(), *dir, ec);
    if (ec && !std::filesystem::exists(*dir / (std::string(kPreludeName) + ".gch")))
      return Fail(dir->string() + ": cannot store the precompiled prelude: " + ec.message(), err);
    return true;
  }
};

}  // namespace

std::unique_ptr<Language> MakeCppLanguage() { return std::make_unique<CppLanguage>(); }

}  // namespace judge
