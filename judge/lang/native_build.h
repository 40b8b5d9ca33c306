// Compiling one source file into a native program in the sandbox, through the build cache: the
// shared body of the compiled languages (C, C++) and of GPU runners (nvcc, judge/gpu/). The
// caller decides the compiler's command line and what goes into the cache key; this runs the
// compiler under the compile limits, keeps its log, names its first error, and stores the result.
//
// A submission's compile is hostile too (judge/SANDBOX.md): `#include "/dev/zero"`, template
// explosions and error floods stop at the compile limits and end in CE.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "judge/lang/language.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct NativeCompile {
  std::string key;        // a hash of everything that goes into the program
  std::string unit_name;  // the file the compiler reads, in its working folder
  std::string unit_text;
  std::vector<SourceFile> headers = {};  // written beside the unit (BuildRequest::headers)
  // The compiler's command line: reads unit_name, writes `output`, in its working folder.
  std::vector<std::string> argv;
  std::string output = "program";
  // What the compiler reads besides its folder and the system (a precompiled header's folder).
  std::vector<std::filesystem::path> read_only_paths;
  // Instead of the compile limits of a C or C++ source, and of JudgedEnvironment(), when set;
  // "{dir}" in an env entry stands for the build folder.
  std::optional<ProcessLimits> limits = {};
  std::vector<std::string> env = {};
  // Who a CE says was stopped at the limits.
  std::string compiler_name = "the compiler";
  // Looks at a successful build's folder before it is cached: a non-empty answer makes the build
  // a compile error with that line (a GPU runner's harness check, judge/gpu/harness_symbols.h).
  std::function<std::string(const std::filesystem::path& dir)> check_build = {};
};

// The headers as they go into a build's key: each name and text, length-prefixed.
std::string HeadersKey(const std::vector<SourceFile>& headers);

// A compile error is a successful call with out->compiled = false; false + *err only when the
// judge itself failed (the compiler would not start, the cache is not writable).
bool BuildNative(const NativeCompile& compile, const std::filesystem::path& cache_dir,
                 Sandbox& sandbox, BuildResult* out, std::string* err);

// Runs a compiler in `workdir` (writable) under the compile limits, its output in compile.log
// there. `large` raises the limits for the judge's own precompiled headers.
ProcessResult RunCompiler(Sandbox& sandbox, const std::vector<std::string>& argv,
                          const std::filesystem::path& workdir,
                          const std::vector<std::filesystem::path>& read_only_paths, bool large);

// "g++ -std=c++20 -O2 ": a command line as one string, for cache keys.
std::string CommandLine(const std::vector<std::string>& argv);

// "g++ 12.2.0": the compiler's name and version, part of every cache key so that an upgrade
// rebuilds everything. Asked once per compiler and process.
std::string CompilerIdentity(const std::string& compiler);

}  // namespace judge
