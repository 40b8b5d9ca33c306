// Compiling one source file into a native program in the sandbox, through the build cache: the
// shared body of the compiled languages (C, C++). A language decides the compiler's command line
// and what goes into the cache key; this runs the compiler under the compile limits, keeps its
// log, names its first error, and stores the result.
//
// A submission's compile is hostile too (judge/SANDBOX.md): `#include "/dev/zero"`, template
// explosions and error floods stop at the compile limits and end in CE.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "judge/lang/language.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct NativeCompile {
  std::string key;        // a hash of everything that goes into the program
  std::string unit_name;  // the file the compiler reads, in its working folder
  std::string unit_text;
  // The compiler's command line: reads unit_name, writes "program", in its working folder.
  std::vector<std::string> argv;
  // What the compiler reads besides its folder and the system (a precompiled header's folder).
  std::vector<std::filesystem::path> read_only_paths;
};

// A compile error is a successful call with out->compiled = false; false + *err only when the
// judge itself failed (the compiler would not start, the cache is not writable).
bool BuildNative(const NativeCompile& compile, const std::filesystem::path& cache_dir,
                 Sandbox& sandbox, BuildResult* out, std::string* err);

// Runs a compiler in `workdir` (writable) under the compile limits, its output in compile.log
// there. `large` raises the limits for the judge's own precompiled headers.
ProcessResult RunCompiler(Sandbox& sandbox, const std::vector<std::string>& argv,
                          const std::filesystem::path& workdir,
                          const std::vector<std::filesystem::path>& read_only_paths, bool large);

// "g++ 12.2.0": the compiler's name and version, part of every cache key so that an upgrade
// rebuilds everything. Asked once per compiler and process.
std::string CompilerIdentity(const std::string& compiler);

}  // namespace judge
