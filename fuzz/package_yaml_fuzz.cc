// A problem package's problem.yaml, as `judge import` reads it from the package folder (the
// YAML, the fields, the limits, the validation and the default validator's flags), then the
// checker those flags map to built as the judge builds it; and its LaTeX statement, converted
// to Markdown. A refusal always says why, and names problem.yaml.
//
// Seeds: fuzz/corpus/package_yaml/, a problem.yaml, then a line "---", then a LaTeX statement.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "fuzz/fuzz_input.h"
#include "judge/check/checker.h"
#include "judge/files/files.h"
#include "judge/package/package_statement.h"
#include "judge/package/package_yaml.h"
#include "judge/sandbox/fake_sandbox.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const judge::TempDir scratch;
  const std::vector<std::string> parts = judge_fuzz::SplitParts(data, size, 2);
  std::ofstream(scratch.path() / "problem.yaml", std::ios::binary | std::ios::trunc) << parts[0];

  judge::PackageSettings settings;
  std::string err;
  if (!judge::ReadPackageSettings(scratch.path(), &settings, &err)) {
    if (err.rfind("problem.yaml: ", 0) != 0 && err.rfind(".timelimit: ", 0) != 0) std::abort();
  } else if (!settings.custom_validation) {
    judge::FakeSandbox sandbox;
    std::string checker_err;
    if (!judge::MakeChecker(settings.default_checker, scratch.path(), sandbox, &checker_err))
      std::abort();  // the flags always map to a checker the table takes
  }
  std::string title;
  (void)judge::LatexToMarkdown(parts[1], &title);
  return 0;
}
