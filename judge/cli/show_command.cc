// judge show SLUG: the statement, then the limits and what to implement.
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"
#include "judge/run/sanitizers.h"
#include "judge/testset/test_loader.h"

namespace judge::cli {
namespace {

// "Tests: samples (4), edge (12), performance (5)", and which groups run sanitized in which
// languages.
bool PrintTestGroups(const Workspace& workspace, const Problem& problem) {
  std::vector<TestGroup> groups;
  std::string err;
  if (!ListTestGroups(workspace.testcases() / problem.slug, &groups, &err)) {
    PrintError(err);
    return false;
  }
  std::string all, sanitized, languages;
  for (const auto& group : groups) {
    all += (all.empty() ? "" : ", ") + group.name + " (" + std::to_string(group.cases) + ")";
    if (group.sanitize) sanitized += (sanitized.empty() ? "" : ", ") + group.name;
  }
  for (const auto& info : Languages())
    if (info.sanitizers && Supports(info, problem))
      languages += (languages.empty() ? "" : ", ") + std::string(info.name);
  std::printf("Tests: %s\n", all.c_str());
  if (!sanitized.empty() && !languages.empty())
    std::printf(
        "Sanitized in %s (AddressSanitizer and UBSan, time limit x%g): %s; the rest plain -O2\n",
        languages.c_str(), kSanitizedTimeFactor, sanitized.c_str());
  return true;
}

int RunShow(const Context& context, const std::string& slug) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, slug, &workspace, &problem)) return kExitUsage;
  std::string statement, err;
  if (!ReadFile(problem.dir / "statement.md", &statement, &err)) return PrintError(err);
  std::printf("%s\n", statement.c_str());
  if (problem.style == Style::kGpu) {
    std::printf(
        "---\nLimits: %d s of wall-clock time per run (all cases, checks and timing)\n"
        "Judge a .cu file with: judge gpu run %s FILE\n",
        problem.limits.time_ms / 1000, slug.c_str());
    return kExitAccepted;
  }
  std::string per_language;
  for (const auto& info : Languages())
    if (Supports(info, problem))
      per_language +=
          (per_language.empty() ? "" : ", ") + std::string(info.name) + " " +
          std::to_string(static_cast<int>(problem.limits.time_ms * info.time_multiplier)) + " ms";
  std::printf("---\nLimits: CPU time per test %s; memory %d MB; output %d KB\n",
              per_language.c_str(), problem.limits.memory_mb, problem.limits.output_kb);
  if (!problem.expected_complexity.empty())
    std::printf("Expected complexity: %s\n", problem.expected_complexity.c_str());
  if (!PrintTestGroups(workspace, problem)) return kExitUsage;
  if (problem.style == Style::kInterview)
    std::printf("\nImplement (C++):\n\n%s\n",
                FindLanguage("cpp")->make()->Starter(problem).c_str());
  else if (IsInteractive(problem))
    std::printf(
        "\nInteractive: talk to the interactor (%s) through stdin and stdout, flushing "
        "each line.\n",
        problem.interactor.c_str());
  else
    std::printf("\nRead the input from stdin and write the answer to stdout.\n");
  std::string names;
  for (const auto& info : Languages())
    if (Supports(info, problem)) names += (names.empty() ? "" : "|") + std::string(info.name);
  std::printf("Start with: judge new %s --lang %s\n", slug.c_str(), names.c_str());
  return kExitAccepted;
}

}  // namespace

void SetupShowCommand(CLI::App* command, Context* context) {
  auto slug = std::make_shared<std::string>();
  command->add_option("slug", *slug, "The problem, as listed by judge list")->required();
  command->callback([context, slug] { context->exit_code = RunShow(*context, *slug); });
}

}  // namespace judge::cli
