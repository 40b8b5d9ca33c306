// problems/<slug>/problem.json, as LoadProblem reads it from its folder: the JSON, the fields,
// the limits, the checker's spec, the growth spec and the signature. When it loads, the checker
// it names is built as the judge builds it (arguments checked; a custom checker's program is
// looked up but never run).
//
// Seeds: fuzz/corpus/problem_json/, one problem.json each.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "judge/check/checker.h"
#include "judge/files/files.h"
#include "judge/problem/problem.h"
#include "judge/sandbox/fake_sandbox.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One folder for the whole run, named as a slug must be.
  static const judge::TempDir scratch;
  static const std::filesystem::path dir = [] {
    std::filesystem::create_directories(scratch.path() / "fuzzed-problem");
    return scratch.path() / "fuzzed-problem";
  }();
  std::ofstream(dir / "problem.json", std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));

  judge::Problem problem;
  std::string err;
  if (!judge::LoadProblem(dir, &problem, &err)) {
    if (err.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  judge::FakeSandbox sandbox;
  std::string checker_err;
  if (!judge::MakeChecker(problem.checker, dir, sandbox, &checker_err) && checker_err.empty())
    std::abort();
  return 0;
}
