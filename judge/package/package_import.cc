#include "judge/package/package_import.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"
#include "judge/package/package_programs.h"
#include "judge/package/package_statement.h"
#include "judge/package/package_tests.h"
#include "judge/package/package_verdicts.h"
#include "judge/package/package_yaml.h"
#include "judge/package/package_zip.h"
#include "judge/package/staged_install.h"
#include "judge/problem/problem.h"
#include "judge/run/problem_checker.h"
#include "judge/testset/test_loader.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;  // problem.json keeps the order people write it in

// Where the format leaves a limit unsaid: its own defaults for memory and output, and one
// second of time (the format derives a time limit from its accepted submissions' times, which
// an import does not measure).
constexpr int kDefaultTimeMs = 1000;
constexpr int kDefaultMemoryMb = 2048;
constexpr int kDefaultOutputMb = 8;

bool IsArchive(const fs::path& path) {
  return path.extension() == ".zip" || path.extension() == ".kpp";
}

// The package's top folder: the unpacked archive itself, or its one folder holding problem.yaml.
fs::path PackageRoot(const fs::path& unpacked) {
  std::error_code ec;
  if (fs::exists(unpacked / "problem.yaml", ec)) return unpacked;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(unpacked, ec))
    if (entry.is_directory()) folders.push_back(entry.path());
  if (folders.size() == 1 && fs::exists(folders.front() / "problem.yaml", ec))
    return folders.front();
  return unpacked;
}

bool ChooseSlug(const ImportOptions& options, std::string* slug, std::string* err) {
  *slug = options.slug;
  if (slug->empty()) {
    fs::path named = fs::absolute(options.package).lexically_normal();
    if (named.filename().empty()) named = named.parent_path();  // "pkg/"
    *slug = IsArchive(named) ? named.stem().string() : named.filename().string();
  }
  if (!std::regex_match(*slug, std::regex("[a-z0-9]+(-[a-z0-9]+)*")))
    return Fail(
        "\"" + *slug + "\" is not a slug (lowercase letters, digits, dashes): name one with --slug",
        err);
  return true;
}

bool CopyTree(const fs::path& from, const fs::path& to, std::string* err) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  fs::copy(from, to, fs::copy_options::recursive, ec);
  if (ec) return Fail(from.string() + ": cannot copy: " + ec.message(), err);
  return true;
}

// Test data as JSON text: a file that is not UTF-8 cannot be kept, and is named.
bool ReadText(const fs::path& package, const fs::path& file, std::string* out, std::string* err) {
  if (!ReadFile(file, out, err)) return false;
  try {
    (void)json(*out).dump();
  } catch (const json::exception&) {
    std::error_code ec;
    return Fail(fs::relative(file, package, ec).generic_string() +
                    ": not UTF-8 text (the judge keeps tests as JSON text)",
                err);
  }
  return true;
}

bool WriteTests(const fs::path& package, const std::vector<PackageGroup>& groups,
                const fs::path& dir, ImportReport* report, std::string* err) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  for (size_t i = 0; i < groups.size(); ++i) {
    json cases = json::array();
    for (const PackageCase& test : groups[i].cases) {
      std::string input, answer;
      if (!ReadText(package, test.input, &input, err) ||
          (!test.answer.empty() && !ReadText(package, test.answer, &answer, err)))
        return false;
      cases.push_back({{"name", test.name}, {"input", input}, {"expected", answer}});
    }
    const std::string number = std::to_string(i + 1);
    const std::string prefix = (number.size() < 2 ? "0" : "") + number + "-";
    const json group = {{"group", groups[i].name}, {"cases", cases}};
    if (!WriteFileAtomic(dir / (prefix + groups[i].name + ".json"), group.dump(1) + "\n", err))
      return false;
    report->groups.emplace_back(groups[i].name, groups[i].cases.size());
  }
  return true;
}

// A .py file whose first line asks for python2 (packages keep Python 2 submissions beside
// Python 3 ones under the same extension).
bool IsPython2(const fs::path& file) {
  if (file.extension() != ".py") return false;
  bool truncated = false;
  const std::string head = ReadFilePrefix(file, 256, &truncated);
  const std::string first_line = head.substr(0, head.find('\n'));
  return first_line.rfind("#!", 0) == 0 && first_line.find("python2") != std::string::npos;
}

// The package's submissions in the verdict folders; the first accepted one in a language of
// the table is the reference. Returns the reference's file name under solutions/<slug>/.
bool WriteSubmissions(const fs::path& package, const fs::path& dir, ImportReport* report,
                      std::string* reference, std::string* err) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(package / "submissions", ec))
    folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  std::map<std::string, size_t> counts;
  for (const fs::path& folder : folders) {
    const std::string shown = "submissions/" + folder.filename().string();
    const std::optional<std::string> ours = VerdictFolderForPackage(folder.filename().string());
    if (!fs::is_directory(folder, ec) || !ours) {
      report->warnings.push_back(shown + ": skipped (not a folder of one verdict)");
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      const std::string name = shown + "/" + file.filename().string();
      if (!fs::is_regular_file(file, ec) || !LanguageForFile(file)) {
        report->warnings.push_back(name + ": skipped (not one file in a language the judge knows)");
        continue;
      }
      if (IsPython2(file)) {
        report->warnings.push_back(name + ": skipped (Python 2; the judge runs Python 3)");
        continue;
      }
      fs::path target = dir / *ours / file.filename();
      if (*ours == "accepted" && reference->empty()) {
        *reference = "reference" + file.extension().string();
        report->reference = name;
        target = dir / *reference;
      } else {
        ++counts[*ours];
      }
      if (!CopyTree(file, target, err)) return false;
    }
  }
  for (const auto& [folder, count] : counts) report->submissions.emplace_back(folder, count);
  if (reference->empty())
    report->warnings.push_back(
        "submissions/accepted: no file in a language the judge knows, so "
        "the problem has no reference solution");
  return true;
}

// The checker, or the interactor, and the validator's source copied under the problem folder.
bool WriteValidation(const fs::path& package, const PackageSettings& settings,
                     const fs::path& problem_dir, ordered_json* problem_json, ImportReport* report,
                     std::string* err) {
  std::vector<PackageProgram> programs;
  if (!FindPackagePrograms(package, {"output_validators", "output_validator"}, &programs,
                           settings.custom_validation ? nullptr : &report->warnings, err))
    return false;
  if (!settings.custom_validation) {
    if (!programs.empty())
      report->warnings.push_back(
          "output_validators/: not used (problem.yaml's validation is "
          "default)");
    ordered_json checker = {{"name", settings.default_checker.name}};
    for (const auto& [key, value] : settings.default_checker.args.items())
      checker[key] = ordered_json::parse(value.dump());
    (*problem_json)["checker"] = checker;
    const json& args = settings.default_checker.args;
    report->checker = settings.default_checker.name + (args.empty() ? "" : " " + args.dump());
    return true;
  }
  if (programs.size() != 1)
    return Fail(
        "output_validators: validation is custom, so exactly one output validator is "
        "needed (found " +
            std::to_string(programs.size()) + ")",
        err);
  const PackageProgram& program = programs.front();
  const fs::path copied = fs::path("output_validators") / program.name;
  const fs::path source = fs::is_directory(program.root)
                              ? copied / fs::relative(program.source, program.root)
                              : copied / program.source.filename();
  if (!CopyTree(program.root,
                fs::is_directory(program.root) ? problem_dir / copied : problem_dir / source, err))
    return false;
  if (settings.interactive) {
    (*problem_json)["interactor"] = source.generic_string();
    if (!settings.validator_args.empty())
      (*problem_json)["interactor_args"] = settings.validator_args;
    report->checker = "interactor " + source.generic_string();
    return true;
  }
  (*problem_json)["checker"] =
      ordered_json{{"name", "validator"}, {"program", source.generic_string()}};
  if (!settings.validator_args.empty())
    (*problem_json)["checker"]["args"] = settings.validator_args;
  report->checker = "validator " + source.generic_string();
  return true;
}

ordered_json ProblemJson(const PackageSettings& settings, const std::string& title) {
  const int time_ms = settings.time_limit_seconds
                          ? std::max(1, int(std::lround(*settings.time_limit_seconds * 1000)))
                          : kDefaultTimeMs;
  return {{"title", title},
          {"difficulty", "unrated"},  // a package does not say
          {"tags", {"imported"}},
          {"style", "competitive"},
          {"limits",
           {{"time_ms", time_ms},
            {"memory_mb", settings.memory_mb.value_or(kDefaultMemoryMb)},
            {"output_kb", settings.output_mb.value_or(kDefaultOutputMb) * 1024}}}};
}

// What `run` and `verify` will do with the staged problem, done once now: it loads, its tests
// load, its checker is made (a validator compiled). An interactive problem's interactor is
// the interactive judge's to build.
bool CheckStaged(const Workspace& workspace, const fs::path& problem_dir, const fs::path& tests_dir,
                 Sandbox& sandbox, std::string* err) {
  Problem problem;
  std::vector<TestCase> tests;
  if (!LoadProblem(problem_dir, &problem, err) || !LoadTestCases(problem, tests_dir, &tests, err))
    return false;
  if (problem.checker.name == "exact" && problem.checker.args.empty()) return true;
  const auto checker = MakeProblemChecker(problem, workspace.cache, sandbox, err);
  return checker != nullptr;
}

struct Staged {
  fs::path package;  // the package's top folder (in the staging folder for an archive)
  fs::path problem, tests, solutions;
};

bool Stage(const Workspace& workspace, const Staged& at, Sandbox& sandbox, ImportReport* report,
           std::string* err) {
  PackageSettings settings;
  std::vector<PackageGroup> groups;
  std::vector<PackageProgram> input_validators;
  std::string statement, title;
  std::vector<std::string> not_run;  // input validators in languages the judge does not know
  if (!ReadPackageSettings(at.package, &settings, err) ||
      !CollectTestGroups(at.package, settings.interactive, &groups, err) ||
      !ReadPackageStatement(at.package, &statement, &title, err) ||
      !FindPackagePrograms(at.package, {"input_validators", "input_format_validators"},
                           &input_validators, &not_run, err) ||
      !RunInputValidators(at.package, input_validators, groups, workspace.cache, sandbox,
                          &report->inputs_validated, err))
    return false;
  for (const std::string& why : not_run) report->warnings.push_back(why + " (not run)");
  if (!settings.title.empty()) title = settings.title;
  if (title.empty()) title = report->slug;
  report->title = title;
  ordered_json problem_json = ProblemJson(settings, title);
  std::string reference;
  std::error_code ec;
  fs::create_directories(at.problem, ec);
  if (!WriteValidation(at.package, settings, at.problem, &problem_json, report, err) ||
      !WriteTests(at.package, groups, at.tests, report, err) ||
      !WriteSubmissions(at.package, at.solutions, report, &reference, err))
    return false;
  if (!reference.empty()) problem_json["reference"] = reference;
  if (statement.rfind("# ", 0) != 0) statement = "# " + title + "\n\n" + statement;
  return WriteFileAtomic(at.problem / "problem.json", problem_json.dump(2) + "\n", err) &&
         WriteFileAtomic(at.problem / "statement.md", statement, err) &&
         CheckStaged(workspace, at.problem, at.tests, sandbox, err);
}

}  // namespace

bool ImportPackage(const Workspace& workspace, const ImportOptions& options, Sandbox& sandbox,
                   ImportReport* report, std::string* err) {
  *report = ImportReport();
  std::error_code ec;
  if (!fs::exists(options.package, ec))
    return Fail(options.package.string() + ": no such file or folder", err);
  if (!ChooseSlug(options, &report->slug, err)) return false;
  const std::string& slug = report->slug;
  const fs::path problem = workspace.problems() / slug, tests = workspace.testcases() / slug,
                 solutions = workspace.solutions() / slug;
  const std::vector<fs::path> existing =
      ExistingTargets({{"", problem}, {"", tests}, {"", solutions}});
  if (!existing.empty() && !options.force)
    return Fail(existing.front().string() + ": already exists (--force replaces it)", err);

  const TempDir stage(workspace.root);  // removed, with anything left in it, on return
  if (!stage.ok()) return Fail(workspace.root.string() + ": cannot create a staging folder", err);
  Staged at{options.package, stage.path() / "problems" / slug, stage.path() / "testcases" / slug,
            stage.path() / "solutions" / slug};
  if (IsArchive(options.package) && fs::is_regular_file(options.package, ec)) {
    const fs::path unpacked = stage.path() / "package";
    fs::create_directories(unpacked, ec);
    if (!UnpackZip(options.package, unpacked, err)) return false;
    at.package = PackageRoot(unpacked);
  } else if (!fs::is_directory(options.package, ec)) {
    return Fail(options.package.string() + ": not a folder, .zip or .kpp", err);
  }
  if (!Stage(workspace, at, sandbox, report, err)) {
    // Errors name the file in the package: "PKG/data/secret/3.in: ...", "PKG.zip: ...".
    const std::string shown = options.package.string();
    if (IsArchive(options.package)) return Fail(shown + ": " + *err, err);
    return Fail(shown + (shown.back() == '/' ? "" : "/") + *err, err);
  }
  return InstallStaged({{at.problem, problem}, {at.tests, tests}, {at.solutions, solutions}},
                       options.force, stage.path() / "replaced", err);
}

}  // namespace judge
