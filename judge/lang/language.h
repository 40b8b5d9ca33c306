// Languages a submission may be written in. A language is one file in judge/lang/ implementing
// Language (how to build a source, the starter file `judge new` writes, a hello program that
// proves its toolchain), plus one row in the table in language_table.cc (name, extensions, time
// multiplier, whether it has an interview harness). CONTRIBUTING.md walks through adding one.
//
// Building turns a source file into a runnable Program: for C and C++ a compiled binary (the
// generated harness around the solution for interview problems), for Python a checked copy of
// the source beside the harness. Builds are cached by a hash of everything that goes into them,
// so judging an unchanged file again does not compile.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/sandbox/sandbox.h"

namespace judge {

// A file compiled with a source without being one: a header it includes.
struct SourceFile {
  std::string name;  // a base name, "validate.h"
  std::string text;
};

struct BuildRequest {
  const Problem* problem = nullptr;
  std::string source_text;
  std::string source_name;  // base name shown in errors and tracebacks, e.g. "solution.cpp"
  std::filesystem::path cache_dir;
  // Build with the language's sanitizers (its row's `sanitizers`): AddressSanitizer and
  // UndefinedBehaviorSanitizer for C++. Ignored by a language without them.
  bool sanitize = false;
  // Written beside the source before compiling, so that `#include "testlib.h"` finds them: the
  // headers a problem's own program (a validator, an interactor) ships in its folder. C and C++
  // only; part of the build's key.
  std::vector<SourceFile> headers = {};
};

// How to start the built program. Interview problems append the harness protocol's arguments
// (judge/interview/PROTOCOL.md).
struct Program {
  std::vector<std::string> argv;
  // Built with sanitizers: it is run without an address-space limit (their shadow memory
  // reserves terabytes) and with their options, and reports its heap's peak itself
  // (judge/run/sanitizers.h).
  bool sanitized = false;
  // What the program may call (sandbox.h): a compiled program, or the Python interpreter.
  SyscallSet syscalls = SyscallSet::kNative;
};

struct BuildResult {
  bool compiled = false;    // false: a compile error, described below
  std::string first_error;  // the compiler's first error line
  std::string log;          // the compiler's output, shortened
  bool from_cache = false;
  double seconds = 0;  // time spent building (0 when cached)
  Program program;
};

class Language {
 public:
  virtual ~Language() = default;
  // Returns false only when the judge itself failed (no compiler, cache not writable); a
  // compile error is a successful build with compiled=false. Interview problems are only asked
  // of languages whose row says they have a harness.
  virtual bool Build(const BuildRequest& request, Sandbox& sandbox, BuildResult* out,
                     std::string* err) = 0;
  // The file `judge new` writes: the class to fill in, in LeetCode's layout, for an interview
  // problem; a program that reads stdin for a competitive one.
  virtual std::string Starter(const Problem& problem) const = 0;
  // A competitive program that prints "hello": SelfTestLanguage builds and runs it.
  virtual std::string HelloProgram() const = 0;
  // The toolchain as `judge selftest` names it: "g++ 12.2.0", "/usr/bin/python3".
  virtual std::string Toolchain() const = 0;
};

struct LanguageInfo {
  const char* name;                     // "cpp", "python", "c": --lang values
  const char* display;                  // "C++20 (g++ -O2)"
  std::vector<std::string> extensions;  // the first is the one `judge new` writes
  double time_multiplier;               // why each value: problems/FORMAT.md
  bool interview;  // has an interview harness (judge/interview/): may judge interview problems
  // Builds with sanitizers on request (BuildRequest::sanitize), for the groups that ask for them.
  bool sanitizers;
  std::unique_ptr<Language> (*make)();
};

const std::vector<LanguageInfo>& Languages();
const LanguageInfo* FindLanguage(const std::string& name);
const LanguageInfo* LanguageForFile(const std::filesystem::path& file);
// {"cpp", "python", ...}: for --lang checks and messages.
std::vector<std::string> LanguageNames();
// Whether `language` can judge `problem`: any language a competitive one, a language with an
// interview harness an interview one.
bool Supports(const LanguageInfo& language, const Problem& problem);
// The languages that can judge `problem`; "cpp, python" for messages.
std::string LanguagesFor(const Problem& problem);
// Supports, and if not, *err says so and which languages can.
bool CanJudge(const LanguageInfo& language, const Problem& problem, std::string* err);

// Builds the language's hello program as a competitive program, runs it, and checks it prints
// "hello". *detail names the toolchain and how the build went, or what failed.
bool SelfTestLanguage(const LanguageInfo& info, Sandbox& sandbox,
                      const std::filesystem::path& cache_dir, std::string* detail);

}  // namespace judge
