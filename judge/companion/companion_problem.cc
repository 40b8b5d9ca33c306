#include "judge/companion/companion_problem.h"

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/problem/problem.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kMaxSlugChars = 60;

// In the order a person reads problem.json: what it is, then how it is judged.
nlohmann::ordered_json ProblemJson(const CompanionTask& task) {
  nlohmann::ordered_json source = {{"url", task.url}, {"group", task.group}};
  return {{"title", task.name},
          {"difficulty", "unrated"},
          {"tags", nlohmann::ordered_json::array()},
          {"style", "competitive"},
          {"limits", {{"time_ms", task.time_ms}, {"memory_mb", task.memory_mb}}},
          // What Codeforces-like sites do for all but floating-point answers.
          {"checker", {{"name", "tokens"}}},
          {"source", source}};
}

std::string Fenced(const std::string& text) {
  std::string fence = "```";
  while (text.find(fence) != std::string::npos) fence += '`';
  return fence + "\n" + text + (text.empty() || text.back() != '\n' ? "\n" : "") + fence + "\n";
}

std::string Statement(const CompanionTask& task) {
  std::string md = "# " + task.name + "\n\n";
  if (!task.url.empty())
    md += "The statement is on the site: <" + task.url + ">" +
          (task.group.empty() ? "" : " (" + task.group + ")") + ".\n\n";
  md += "Time limit " + std::to_string(task.time_ms) + " ms, memory limit " +
        std::to_string(task.memory_mb) + " MB. The samples below are the judge's tests; outputs " +
        "are compared token by token (for answers with a tolerance, set the `float` checker in " +
        "problem.json).\n";
  if (task.test_type == "multiNumber") md += "\nThe input starts with the number of test cases.\n";
  for (size_t i = 0; i < task.tests.size(); ++i) {
    md += "\n## Sample " + std::to_string(i + 1) + "\n\nInput\n\n" + Fenced(task.tests[i].input);
    md += "\nOutput\n\n" + Fenced(task.tests[i].output);
  }
  return md;
}

nlohmann::ordered_json SamplesJson(const CompanionTask& task) {
  nlohmann::ordered_json cases = nlohmann::ordered_json::array();
  for (size_t i = 0; i < task.tests.size(); ++i)
    cases.push_back({{"name", "sample-" + std::to_string(i + 1)},
                     {"input", task.tests[i].input},
                     {"expected", task.tests[i].output}});
  return {{"group", "samples"}, {"cases", cases}};
}

// The URL a problem of the workspace was taken from, or "" (not from a site, or unreadable).
std::string SourceUrl(const fs::path& problem_dir) {
  std::ifstream in(problem_dir / "problem.json", std::ios::binary);
  const json problem = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!problem.is_object() || !problem.contains("source") || !problem["source"].is_object())
    return "";
  const json& url = problem["source"].value("url", json());
  return url.is_string() ? url.get<std::string>() : "";
}

// The slug for the task: its name's, unless that names a problem from another URL.
std::string ChooseSlug(const Workspace& workspace, const CompanionTask& task, bool* replaces) {
  const std::string base = SlugFromName(task.name);
  for (int n = 1;; ++n) {
    const std::string slug = n == 1 ? base : base + "-" + std::to_string(n);
    const bool taken =
        fs::exists(workspace.problems() / slug) || fs::exists(workspace.testcases() / slug);
    if (!taken) {
      *replaces = false;
      return slug;
    }
    if (!task.url.empty() && SourceUrl(workspace.problems() / slug) == task.url) {
      *replaces = true;
      return slug;
    }
  }
}

// Renames `staged` to `target`; an existing `target` is moved aside first and removed after,
// so that at every moment one whole version is in place.
bool Install(const fs::path& staged, const fs::path& target, std::string* err) {
  std::error_code ec;
  const fs::path aside = staged.string() + ".old";
  const bool existed = fs::exists(target, ec);
  if (existed) fs::rename(target, aside, ec);
  if (!ec) fs::rename(staged, target, ec);
  if (ec) return Fail(target.string() + ": cannot put in place: " + ec.message(), err);
  if (existed) fs::remove_all(aside, ec);
  return true;
}

}  // namespace

std::string SlugFromName(const std::string& name) {
  std::string slug;
  for (unsigned char c : name) {
    if (std::isalnum(c) && c < 128) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  if (slug.size() > kMaxSlugChars) slug.resize(kMaxSlugChars);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "problem" : slug;
}

bool WriteCompanionProblem(const Workspace& workspace, const CompanionTask& task,
                           CompanionOutcome* out, std::string* err) {
  std::error_code ec;
  for (const fs::path& folder : {workspace.problems(), workspace.testcases()}) {
    fs::create_directories(folder, ec);
    if (ec) return Fail(folder.string() + ": cannot create: " + ec.message(), err);
  }
  bool replaces = false;
  const std::string slug = ChooseSlug(workspace, task, &replaces);

  // Staged under the workspace so that the renames stay on one file system.
  const TempDir staging(workspace.root);
  if (!staging.ok()) return Fail(workspace.root.string() + ": cannot create a folder in it", err);
  const fs::path problem_dir = staging.path() / "problem";
  const fs::path tests_dir = staging.path() / "tests";
  fs::create_directory(problem_dir, ec);
  fs::create_directory(tests_dir, ec);
  if (ec) return Fail(staging.path().string() + ": cannot create: " + ec.message(), err);
  if (!WriteFileAtomic(problem_dir / "problem.json", ProblemJson(task).dump(2) + "\n", err) ||
      !WriteFileAtomic(problem_dir / "statement.md", Statement(task), err) ||
      !WriteFileAtomic(tests_dir / "01-samples.json", SamplesJson(task).dump(2) + "\n", err))
    return false;
  // What was written must load as the judge loads problems: the check before it is in place.
  Problem loaded;
  std::vector<TestCase> tests;
  if (!LoadProblem(problem_dir, &loaded, err) || !LoadTestCases(loaded, tests_dir, &tests, err))
    return false;

  if (!Install(problem_dir, workspace.problems() / slug, err) ||
      !Install(tests_dir, workspace.testcases() / slug, err))
    return false;
  *out = {slug, replaces};
  return true;
}

}  // namespace judge
