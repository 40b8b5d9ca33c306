#include "judge/run/expected_answers.h"

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/files/sha256.h"
#include "judge/lang/language.h"
#include "judge/run/execution.h"
#include "judge/run/reference_build.h"

namespace judge {
namespace {

bool RunReference(const Workspace& workspace, const Problem& problem,
                  const std::filesystem::path& reference, const std::vector<TestCase*>& missing,
                  Sandbox& sandbox, std::string* err) {
  BuildResult build;
  const LanguageInfo* info = nullptr;
  if (!BuildReference(workspace, problem, reference, sandbox, &build, &info, err)) return false;
  std::vector<const TestCase*> tests(missing.begin(), missing.end());
  std::vector<Execution> runs;
  if (!Execute(problem, build.program, tests, ReferenceLimits(problem, *info), sandbox, &runs, err))
    return false;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i >= runs.size() || runs[i].outcome != Execution::Outcome::kReturned) {
      const std::string why = i < runs.size() ? runs[i].message + runs[i].stderr_tail : "not run";
      return Fail(reference.string() + ": the reference failed on " + missing[i]->name + ": " + why,
                  err);
    }
    missing[i]->expected = runs[i].output;
  }
  return true;
}

}  // namespace

bool FillExpectedAnswers(const Workspace& workspace, const Problem& problem,
                         std::vector<TestCase>* tests, Sandbox& sandbox, std::string* err) {
  const auto reference = workspace.solutions() / problem.slug / problem.reference;
  std::string source;
  bool needed = false;
  for (const auto& test : *tests) needed |= test.generated;
  if (!needed) return true;
  if (IsInteractive(problem))
    return Fail((workspace.testcases() / problem.slug).string() +
                    ": generated cases need the reference's output as their answer; an "
                    "interactive problem takes literal cases only",
                err);
  if (!ReadFile(reference, &source, err)) {
    *err += " (the reference solution, needed for generated tests)";
    return false;
  }
  const auto answers_dir = workspace.cache / "answers" / problem.slug;
  const std::string reference_key = source + "\n" + problem.signature.raw.dump() + "\n";
  std::vector<TestCase*> missing;
  std::vector<std::filesystem::path> missing_files;
  for (auto& test : *tests) {
    if (!test.generated) continue;
    const auto file = answers_dir / (Sha256Hex(reference_key + test.generator_key) + ".json");
    std::string cached, ignored;
    if (ReadFile(file, &cached, &ignored)) {
      try {
        test.expected = nlohmann::json::parse(cached);
        continue;
      } catch (const nlohmann::json::exception&) {
        // A damaged cache entry is recomputed below.
      }
    }
    missing.push_back(&test);
    missing_files.push_back(file);
  }
  if (missing.empty()) return true;
  if (!RunReference(workspace, problem, reference, missing, sandbox, err)) return false;
  for (size_t i = 0; i < missing.size(); ++i)
    if (!WriteFileAtomic(missing_files[i], missing[i]->expected.dump(), err)) return false;
  return true;
}

}  // namespace judge
