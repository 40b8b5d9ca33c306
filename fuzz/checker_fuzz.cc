// judge/check/: a checker's spec from problem.json, and each checker comparing a received answer
// with the expected one. Four parts (fuzz_input.h), a line "---" between them:
//   the "checker" object of problem.json;
//   the expected answer and the received one: compared as competitive output (text, any bytes)
//     by every checker, and, where both parse as JSON, as interview answers (values);
//   what a custom checker prints: its first line is the reason the judge shows.
// The spec's checker compares too when it builds; a custom one runs through a FakeSandbox that
// prints the fourth part and exits with 0 or 1.
//
// Seeds: fuzz/corpus/checker/.
#include <fstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.h"
#include "judge/check/checker.h"
#include "judge/files/files.h"
#include "judge/sandbox/fake_sandbox.h"

namespace {

using nlohmann::json;

// A problem folder holding an executable "checker" for custom specs to name.
const std::filesystem::path& ProblemDir() {
  static const judge::TempDir dir;
  static const bool written = [] {
    const auto program = dir.path() / "checker";
    std::ofstream(program) << "#!/bin/sh\nexit 0\n";
    std::filesystem::permissions(program, std::filesystem::perms::owner_all);
    return true;
  }();
  (void)written;
  return dir.path();
}

void Compare(const judge::Checker& checker, const json& expected, const json& received) {
  const judge::CheckOutcome outcome = checker.Check(json(), expected, received);
  if (!outcome.accepted && outcome.reason.empty()) std::abort();  // a rejection says why
  // Reasons are stored and printed as JSON: they must be valid UTF-8.
  (void)json(outcome.reason).dump();
}

// `before` runs before each comparison: it scripts the custom checker's run.
template <class Before>
void CompareBothWays(const judge::Checker& checker, const std::string& expected,
                     const std::string& received, Before before) {
  before();
  Compare(checker, json(expected), json(received));
  const json e = json::parse(expected, nullptr, /*allow_exceptions=*/false);
  const json r = json::parse(received, nullptr, /*allow_exceptions=*/false);
  if (e.is_discarded() || r.is_discarded()) return;
  before();
  Compare(checker, e, r);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<std::string> parts = judge_fuzz::SplitParts(data, size, 4);
  judge::FakeSandbox sandbox;
  std::string err;
  static const std::vector<judge::CheckerSpec> defaults = {{"exact", json::object()},
                                                           {"unordered", json::object()},
                                                           {"unordered", {{"nested", true}}},
                                                           {"float", json::object()},
                                                           {"tokens", json::object()}};
  for (const judge::CheckerSpec& spec : defaults) {
    auto checker = judge::MakeChecker(spec, ProblemDir(), sandbox, &err);
    if (!checker) std::abort();
    CompareBothWays(*checker, parts[1], parts[2], [] {});
  }

  const json object = json::parse(parts[0], nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return 0;
  judge::CheckerSpec spec;
  if (object.contains("name") && object["name"].is_string()) spec.name = object["name"];
  spec.args = object;
  spec.args.erase("name");
  auto checker = judge::MakeChecker(spec, ProblemDir(), sandbox, &err);
  if (!checker) {
    if (err.empty()) std::abort();
    return 0;
  }
  for (int exit_code : {0, 1}) {
    CompareBothWays(*checker, parts[1], parts[2], [&] {
      sandbox.Script({.result = judge::FakeSandbox::Exited(exit_code), .stdout_text = parts[3]});
    });
  }
  return 0;
}
