// Languages a submission may be written in. Each is one file in judge/lang/ implementing
// Language, plus one row in the table in language_table.cc (name, extensions, time multiplier).
//
// Building turns a source file into a runnable Program: for C++ a compiled binary (the generated
// harness around the solution for interview problems), for Python a checked copy of the source
// beside the harness. Builds are cached by a hash of everything that goes into them, so judging
// an unchanged file again does not compile.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

struct BuildRequest {
  const Problem* problem = nullptr;
  std::string source_text;
  std::string source_name;  // base name shown in errors and tracebacks, e.g. "solution.cpp"
  std::filesystem::path cache_dir;
};

// How to start the built program. Interview problems append the harness protocol's arguments
// (cases file, time limit, memory limit: judge/harness/PROTOCOL.md).
struct Program {
  std::vector<std::string> argv;
};

struct BuildResult {
  bool compiled = false;     // false: a compile error, described below
  std::string first_error;   // the compiler's first error line
  std::string log;           // the compiler's output, shortened
  bool from_cache = false;
  double seconds = 0;        // time spent building (0 when cached)
  Program program;
};

class Language {
 public:
  virtual ~Language() = default;
  // Returns false only when the judge itself failed (no compiler, cache not writable); a
  // compile error is a successful build with compiled=false.
  virtual bool Build(const BuildRequest& request, Sandbox& sandbox, BuildResult* out,
                     std::string* err) = 0;
  // Proves the toolchain works by building and running a hello program; *detail says what ran.
  virtual bool SelfTest(Sandbox& sandbox, const std::filesystem::path& cache_dir,
                        std::string* detail) = 0;
};

struct LanguageInfo {
  const char* name;  // "cpp", "python": --lang values and starter/harness names
  const char* display;  // "C++20 (g++ -O2)"
  std::vector<std::string> extensions;
  double time_multiplier;  // why each value: problems/FORMAT.md
  std::unique_ptr<Language> (*make)();
};

const std::vector<LanguageInfo>& Languages();
const LanguageInfo* FindLanguage(const std::string& name);
const LanguageInfo* LanguageForFile(const std::filesystem::path& file);
// {"cpp", "python"}: for --lang checks and messages.
std::vector<std::string> LanguageNames();

// Builds `source` as a competitive program, runs it, and checks it prints "hello": the shared
// body of each language's SelfTest. *detail says how the build went or what failed.
bool BuildAndRunHello(Language& language, const std::string& source, const std::string& name,
                      Sandbox& sandbox, const std::filesystem::path& cache_dir,
                      std::string* detail);

// The environment every judged process gets: a fixed PATH, a C.UTF-8 locale, nothing inherited.
std::vector<std::string> JudgedEnvironment();

}  // namespace judge
