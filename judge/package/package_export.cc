#include "judge/package/package_export.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/package/package_verdicts.h"
#include "judge/package/package_zip.h"
#include "judge/run/expected_answers.h"
#include "judge/run/submission_corpus.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string FormatFlagNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// How the package validates: "default" with flags, or "custom" with the validator's folder.
struct Validation {
  std::string kind = "default";
  std::string flags;
  fs::path program_dir;  // custom: the folder copied to output_validators/
};

bool ChooseValidation(const Problem& problem, Validation* out, std::string* err) {
  const json& args = problem.checker.args;
  const bool ignore_case = args.value("ignore_case", false);
  const std::string& name = problem.checker.name;
  if (name == "tokens") {
    out->flags = ignore_case ? "" : "case_sensitive";
  } else if (name == "float") {
    out->flags = "float_absolute_tolerance " + FormatFlagNumber(args.value("abs", 1e-6)) +
                 " float_relative_tolerance " + FormatFlagNumber(args.value("rel", 1e-6)) +
                 (ignore_case ? "" : " case_sensitive");
  } else if (name == "exact") {
    out->flags = "case_sensitive space_change_sensitive";
  } else if (name == "validator") {
    out->kind = "custom";
    out->program_dir = (problem.dir / args.value("program", "")).parent_path();
    if (args.contains("args"))
      for (const auto& arg : args["args"])
        out->flags += (out->flags.empty() ? "" : " ") + arg.get<std::string>();
  } else {
    return Fail(problem.slug + ": its \"" + name +
                    "\" checker has no form in a problem package (tokens, float, exact and "
                    "validator do)",
                err);
  }
  return true;
}

bool WriteProblemYaml(const Problem& problem, const Validation& validation, const fs::path& dir,
                      std::string* err) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << problem.title;
  out << YAML::Key << "source" << YAML::Value << "judge (exported by judge export)";
  out << YAML::Key << "validation" << YAML::Value << validation.kind;
  if (!validation.flags.empty())
    out << YAML::Key << "validator_flags" << YAML::Value << validation.flags;
  out << YAML::Key << "limits" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "time_limit" << YAML::Value << problem.limits.time_ms / 1000.0;
  out << YAML::Key << "memory" << YAML::Value << problem.limits.memory_mb;
  out << YAML::Key << "output" << YAML::Value << (problem.limits.output_kb + 1023) / 1024;
  out << YAML::EndMap << YAML::EndMap;
  return WriteFileAtomic(dir / "problem.yaml", std::string(out.c_str()) + "\n", err) &&
         WriteFileAtomic(dir / ".timelimit",
                         FormatFlagNumber(problem.limits.time_ms / 1000.0) + "\n", err);
}

// "example-1" from "samples/example-1", made a valid file name of the format.
std::string CaseFileStem(const TestCase& test, size_t index, size_t count) {
  std::string name = test.name.substr(test.name.find('/') + 1);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  const int width = count >= 100 ? 3 : 2;  // keeps the cases' order in file-name order
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%0*zu-", width, index + 1);
  return prefix + name;
}

bool WriteTests(const Workspace& workspace, const Problem& problem, const fs::path& dir,
                Sandbox& sandbox, ExportReport* report, std::string* err) {
  std::vector<TestCase> tests;
  if (!LoadTestCases(problem, workspace.testcases() / problem.slug, &tests, err) ||
      !FillExpectedAnswers(workspace, problem, &tests, sandbox, err))
    return false;
  std::error_code ec;
  fs::create_directories(dir / "data" / "sample", ec);
  fs::create_directories(dir / "data" / "secret", ec);
  for (size_t i = 0; i < tests.size();) {
    size_t end = i;
    while (end < tests.size() && tests[end].group == tests[i].group) ++end;
    const std::string& group = tests[i].group;
    const fs::path folder =
        IsSampleGroup(group) ? dir / "data" / "sample" : dir / "data" / "secret" / group;
    fs::create_directories(folder, ec);
    for (size_t j = i; j < end; ++j) {
      const std::string stem = CaseFileStem(tests[j], j - i, end - i);
      if (!tests[j].input.is_string() || !tests[j].expected.is_string())
        return Fail(tests[j].name + ": input and answer must be text", err);
      if (!WriteFileAtomic(folder / (stem + ".in"), tests[j].input.get<std::string>(), err) ||
          !WriteFileAtomic(folder / (stem + ".ans"), tests[j].expected.get<std::string>(), err))
        return false;
      ++report->tests;
    }
    i = end;
  }
  return true;
}

// The references go to accepted/; the brute force, too slow for the performance tests by
// design, stays behind.
bool WriteSubmissions(const Workspace& workspace, const Problem& problem, const fs::path& dir,
                      ExportReport* report, std::string* err) {
  const fs::path solutions = workspace.solutions() / problem.slug;
  for (const ExpectedSubmission& submission : ListExpectedSubmissions(workspace, problem)) {
    if (!submission.skip_groups.empty()) continue;
    const bool kept = submission.file.parent_path() != solutions;
    const std::string folder =
        kept ? PackageFolderForVerdict(submission.file.parent_path().filename().string())
             : "accepted";
    const fs::path target = dir / "submissions" / folder / submission.file.filename();
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    fs::copy_file(submission.file, target, ec);
    if (ec) return Fail(submission.file.string() + ": cannot copy: " + ec.message(), err);
    ++report->submissions;
  }
  return true;
}

bool WritePackage(const Workspace& workspace, const Problem& problem, const fs::path& dir,
                  Sandbox& sandbox, ExportReport* report, std::string* err) {
  Validation validation;
  std::string statement;
  std::error_code ec;
  fs::create_directories(dir / "problem_statement", ec);
  if (!ChooseValidation(problem, &validation, err) ||
      !WriteProblemYaml(problem, validation, dir, err) ||
      !ReadFile(problem.dir / "statement.md", &statement, err) ||
      !WriteFileAtomic(dir / "problem_statement" / "problem.md", statement, err) ||
      !WriteTests(workspace, problem, dir, sandbox, report, err) ||
      !WriteSubmissions(workspace, problem, dir, report, err))
    return false;
  if (validation.kind == "custom") {
    const fs::path to = dir / "output_validators" / validation.program_dir.filename();
    fs::create_directories(to.parent_path(), ec);
    fs::copy(validation.program_dir, to, fs::copy_options::recursive, ec);
    if (ec) return Fail(validation.program_dir.string() + ": cannot copy: " + ec.message(), err);
  }
  return true;
}

}  // namespace

bool ExportPackage(const Workspace& workspace, const Problem& problem, const ExportOptions& options,
                   Sandbox& sandbox, ExportReport* report, std::string* err) {
  *report = ExportReport();
  if (problem.style != Style::kCompetitive)
    return Fail(problem.slug + ": a" + (problem.style == Style::kGpu ? " GPU" : "n interview") +
                    " problem has no problem-package form (only competitive problems, which "
                    "read stdin and write stdout, export)",
                err);
  std::error_code ec;
  std::string text;
  if (ReadFile(problem.dir / "problem.json", &text, err) &&
      json::parse(text, nullptr, false).contains("interactor"))
    return Fail(problem.slug + ": exporting an interactive problem is not supported yet", err);
  const fs::path target = options.out_dir / (problem.slug + (options.zip ? ".zip" : ""));
  if (fs::exists(target, ec)) return Fail(target.string() + ": already exists", err);
  fs::create_directories(options.out_dir, ec);
  const TempDir stage(options.out_dir);
  if (!stage.ok()) return Fail(options.out_dir.string() + ": cannot create a folder there", err);
  const fs::path folder = stage.path() / problem.slug;
  if (!WritePackage(workspace, problem, folder, sandbox, report, err)) return false;
  fs::path made = folder;
  if (options.zip) {
    made = stage.path() / (problem.slug + ".zip");
    if (!PackZip(folder, made, err)) return false;
  }
  fs::rename(made, target, ec);
  if (ec) return Fail(target.string() + ": cannot write: " + ec.message(), err);
  report->written = target;
  return true;
}

}  // namespace judge
