#include "judge/lang/native_build.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/lang/build_cache.h"

namespace judge {
namespace {

// The judge's own precompiled header is large, and slower to build than any submission.
ProcessLimits CompileLimits(bool large) {
  ProcessLimits limits;
  limits.cpu_seconds = large ? 60 : 20;
  limits.wall_seconds = large ? 60 : 30;
  limits.address_space_bytes = 4ULL << 30;
  limits.memory_bytes = 2ULL << 30;
  limits.file_size_bytes = large ? 512ULL << 20 : 64ULL << 20;
  limits.tmp_bytes = 512ULL << 20;
  return limits;
}

// A compiler's run in `workdir` (writable), its output in compile.log there.
ProcessSpec CompilerSpec(const std::vector<std::string>& argv, const std::filesystem::path& workdir,
                         const std::vector<std::filesystem::path>& read_only_paths, bool large) {
  ProcessSpec spec;
  spec.argv = argv;
  spec.workdir = workdir;
  spec.stdout_path = workdir / "compile.log";
  spec.stderr_path = workdir / "compile.log";
  spec.env = JudgedEnvironment();
  spec.limits = CompileLimits(large);
  spec.isolation.syscalls = SyscallSet::kTool;  // gcc runs cc1, as, collect2, ld
  spec.isolation.writable_workdir = true;
  spec.isolation.read_only_paths = read_only_paths;
  return spec;
}

}  // namespace

ProcessResult RunCompiler(Sandbox& sandbox, const std::vector<std::string>& argv,
                          const std::filesystem::path& workdir,
                          const std::vector<std::filesystem::path>& read_only_paths, bool large) {
  return sandbox.Run(CompilerSpec(argv, workdir, read_only_paths, large));
}

std::string CommandLine(const std::vector<std::string>& argv) {
  std::string line;
  for (const std::string& arg : argv) line += arg + " ";
  return line;
}

std::string CompilerIdentity(const std::string& compiler) {
  static std::mutex mutex;
  static std::map<std::string, std::string> identities;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, inserted] = identities.try_emplace(compiler, compiler);
  if (inserted) {
    const std::string command = compiler + " -dumpfullversion -dumpversion 2>/dev/null";
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[128] = {};
      if (fgets(buffer, sizeof buffer, pipe)) it->second += std::string(" ") + buffer;
      pclose(pipe);
    }
    while (!it->second.empty() && it->second.back() == '\n') it->second.pop_back();
  }
  return it->second;
}

std::string HeadersKey(const std::vector<SourceFile>& headers) {
  std::string key;
  for (const SourceFile& header : headers)
    key += "\n" + std::to_string(header.name.size()) + ":" + header.name +
           std::to_string(header.text.size()) + ":" + header.text;
  return key;
}

bool BuildNative(const NativeCompile& compile, const std::filesystem::path& cache_dir,
                 Sandbox& sandbox, BuildResult* out, std::string* err) {
  BuildCache cache(cache_dir);
  if (cache.Lookup(compile.key, out)) return true;
  TempDir staging(cache.StagingParent());
  if (!staging.ok())
    return Fail(cache.StagingParent().string() + ": cannot create a build folder", err);
  if (!WriteFileAtomic(staging.path() / compile.unit_name, compile.unit_text, err)) return false;
  for (const SourceFile& header : compile.headers)
    if (!WriteFileAtomic(staging.path() / header.name, header.text, err)) return false;

  ProcessSpec spec = CompilerSpec(compile.argv, staging.path(), compile.read_only_paths, false);
  if (compile.limits) spec.limits = *compile.limits;
  if (!compile.env.empty()) {
    spec.env.clear();
    for (std::string variable : compile.env) {
      if (const size_t token = variable.find("{dir}"); token != std::string::npos)
        variable.replace(token, 5, staging.path().string());
      spec.env.push_back(std::move(variable));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const ProcessResult run = sandbox.Run(spec);
  BuildResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!run.started) return Fail("cannot run " + compile.argv.at(0) + ": " + run.start_error, err);
  bool truncated = false;
  const std::string log = ReadFilePrefix(staging.path() / "compile.log", 64 * 1024, &truncated);
  result.compiled = run.exit_code == 0 && std::filesystem::exists(staging.path() / compile.output);
  result.log = ShortenLog(log);
  if (result.compiled && compile.check_build) {
    if (std::string refusal = compile.check_build(staging.path()); !refusal.empty()) {
      result.compiled = false;
      result.log += (result.log.empty() ? "" : "\n") + refusal;
      result.first_error = refusal;
    }
  }
  if (!result.compiled && result.first_error.empty()) {
    result.first_error =
        run.wall_timeout || run.term_signal
            ? compile.compiler_name + " was stopped: it ran past its time or memory limit"
            : FirstErrorLine(log);
  }
  result.program.argv = {"{dir}/" + compile.output};
  return cache.Store(compile.key, staging.path(), result, out, err);
}

}  // namespace judge
