// Problem packages end to end through the CLI: `judge import` of the packages in
// tests/packages/ into a private workspace, then `verify`, `run`, `list` and `show` on what it
// wrote; malformed packages refused with nothing left behind; and `judge export` of the real
// knapsack-01-stdio imported back under another slug, where every submission earns its verdict.
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "judge/files/files.h"
#include "judge/package/package_zip.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::CliResult;
using testing::Quoted;
using testing::RunJudgeCli;

const fs::path kSourceRoot = JUDGE_DEFAULT_ROOT;
const fs::path kPackages = kSourceRoot / "tests" / "packages";

json ReadJson(const fs::path& file) {
  std::string text, err;
  EXPECT_TRUE(ReadFile(file, &text, &err)) << err;
  return json::parse(text, nullptr, false);
}

std::string ReadText(const fs::path& file) {
  std::string text, err;
  EXPECT_TRUE(ReadFile(file, &text, &err)) << err;
  return text;
}

// Everything under `dir`, as relative paths: to show that a refused import wrote nothing.
std::vector<std::string> Listing(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    out.push_back(fs::relative(entry.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

class PackageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root() / "problems");
    fs::create_directories(root() / "testcases");
    fs::create_directories(root() / "solutions");
  }

  const fs::path& root() const { return root_.path(); }

  CliResult Judge(const std::string& args) const {
    return RunJudgeCli("--root " + Quoted(root()) + " " + args);
  }

  // `judge verify SLUG` with the verdict of every file: {"solutions/x/wrong_answer/a.py": "WA"}.
  std::map<std::string, std::string> Verify(const std::string& slug, int* exit_code) const {
    const CliResult r = Judge("verify " + slug + " --no-store --json -j 2");
    *exit_code = r.exit_code;
    std::map<std::string, std::string> verdicts;
    const json report = json::parse(r.out, nullptr, false);
    EXPECT_TRUE(report.contains("submissions")) << r.out;
    if (!report.contains("submissions")) return verdicts;
    for (const json& result : report["submissions"]) {
      EXPECT_EQ(result.at("verdict"), result.at("expected"))
          << result.at("file") << ": " << result.at("reason");
      verdicts[result.at("file")] = result.at("verdict");
    }
    return verdicts;
  }

  TempDir root_;
};

TEST_F(PackageTest, DefaultValidationImportsAndEveryFolderEarnsItsVerdict) {
  const CliResult r = Judge("import " + Quoted(kPackages / "parity"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("input validators: accepted all 4 runs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("warning: submissions/rejected: skipped"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("reference: submissions/accepted/parity.cpp"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("warning: submissions/accepted/legacy_py2.py: skipped (Python 2; the judge "
                       "runs Python 3)"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(root() / "solutions/parity/accepted/legacy_py2.py"));

  const json problem = ReadJson(root() / "problems/parity/problem.json");
  EXPECT_EQ(problem["title"], "Parity");
  EXPECT_EQ(problem["style"], "competitive");
  EXPECT_EQ(problem["limits"]["time_ms"], 1000);
  EXPECT_EQ(problem["limits"]["memory_mb"], 256);
  EXPECT_EQ(problem["checker"], json({{"name", "tokens"}, {"ignore_case", true}}));
  EXPECT_EQ(problem["reference"], "reference.cpp");
  const json secret = ReadJson(root() / "testcases/parity/02-secret.json");
  EXPECT_EQ(secret["group"], "secret");
  ASSERT_EQ(secret["cases"].size(), 3u);
  EXPECT_EQ(secret["cases"][1],
            json({{"name", "2-large"}, {"input", "1000000000000\n"}, {"expected", "even\n"}}));
  EXPECT_TRUE(fs::exists(root() / "testcases/parity/01-sample.json"));
  EXPECT_FALSE(fs::exists(root() / "solutions/parity/rejected"));

  int exit_code = -1;
  const auto verdicts = Verify("parity", &exit_code);
  EXPECT_EQ(exit_code, 0);
  const std::map<std::string, std::string> expected = {
      {"solutions/parity/reference.cpp", "AC"},
      {"solutions/parity/accepted/shouting.py", "AC"},
      {"solutions/parity/wrong_answer/negative_is_even.py", "WA"},
      {"solutions/parity/time_limit_exceeded/count_down.cpp", "TLE"},
      {"solutions/parity/runtime_error/int_overflow.py", "RE"}};
  EXPECT_EQ(verdicts, expected);

  const CliResult list = Judge("list");
  EXPECT_NE(list.out.find("parity"), std::string::npos) << list.out;
  const CliResult show = Judge("show parity");
  EXPECT_EQ(show.exit_code, 0) << show.out;
  EXPECT_NE(show.out.find("# Parity"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("Tests: sample (1), secret (3)"), std::string::npos) << show.out;
  const CliResult run = Judge("run parity " +
                              Quoted(kPackages / "parity/submissions/wrong_answer/"
                                                 "negative_is_even.py") +
                              " --no-store");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("expected \"odd\", received \"even\""), std::string::npos) << run.out;
}

TEST_F(PackageTest, ZippedPackageImportsLikeItsFolder) {
  const TempDir scratch;
  const fs::path zip = scratch.path() / "parity.zip";
  std::string err;
  ASSERT_TRUE(PackZip(kPackages / "parity", zip, &err)) << err;
  const CliResult r = Judge("import " + Quoted(zip));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(ReadJson(root() / "problems/parity/problem.json")["title"], "Parity");
  EXPECT_TRUE(fs::exists(root() / "solutions/parity/runtime_error/int_overflow.py"));
  // The archive's contents were unpacked in the staging folder, which is gone.
  EXPECT_EQ(Listing(root()).size(), Listing(root() / "problems").size() +
                                        Listing(root() / "testcases").size() +
                                        Listing(root() / "solutions").size() + 3);
}

TEST_F(PackageTest, NestedGroupsFloatToleranceAndLatexStatement) {
  const CliResult r = Judge("import " + Quoted(kPackages / "mean"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(root() / "testcases/mean"))
    files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, std::vector<std::string>({"01-sample.json", "02-large.json",
                                             "03-secret-large-tiny.json", "04-small.json",
                                             "05-secret-small-tiny.json"}));
  const json problem = ReadJson(root() / "problems/mean/problem.json");
  EXPECT_EQ(problem["title"], "Mean");
  EXPECT_EQ(problem["limits"]["time_ms"], 2500);  // from .timelimit
  EXPECT_EQ(problem["checker"],
            json({{"name", "float"}, {"abs", 1e-4}, {"rel", 1e-4}, {"ignore_case", true}}));
  const std::string statement = ReadText(root() / "problems/mean/statement.md");
  EXPECT_NE(statement.find("# Mean\n"), std::string::npos) << statement;
  EXPECT_NE(statement.find("## Input\n"), std::string::npos) << statement;
  EXPECT_NE(statement.find("- each $|a_i| \\le 10^6$;\n"), std::string::npos) << statement;
  EXPECT_NE(statement.find("their *mean*."), std::string::npos) << statement;
  EXPECT_EQ(statement.find("comment"), std::string::npos) << statement;

  int exit_code = -1;
  const auto verdicts = Verify("mean", &exit_code);
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(verdicts.at("solutions/mean/reference.cpp"), "AC");  // four_decimals.cpp, first
  EXPECT_EQ(verdicts.at("solutions/mean/accepted/mean.py"), "AC");
  EXPECT_EQ(verdicts.at("solutions/mean/wrong_answer/one_decimal.py"), "WA");
}

TEST_F(PackageTest, CustomOutputValidatorDecides) {
  const CliResult r = Judge("import " + Quoted(kPackages / "sumpair"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json problem = ReadJson(root() / "problems/sumpair/problem.json");
  EXPECT_EQ(problem["checker"], json({{"name", "validator"},
                                      {"program", "output_validators/pair_check/pair_check.cpp"},
                                      {"args", {"nonnegative"}}}));
  EXPECT_TRUE(fs::exists(root() / "problems/sumpair/output_validators/pair_check/pair_check.cpp"));

  int exit_code = -1;
  const auto verdicts = Verify("sumpair", &exit_code);
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(verdicts.at("solutions/sumpair/reference.py"), "AC");  // all_first.py, first
  EXPECT_EQ(verdicts.at("solutions/sumpair/accepted/half.cpp"), "AC");
  EXPECT_EQ(verdicts.at("solutions/sumpair/wrong_answer/off_by_one.py"), "WA");
  EXPECT_EQ(verdicts.at("solutions/sumpair/wrong_answer/negative.py"), "WA");
  // The validator's judgemessage.txt is the reason shown.
  const CliResult run =
      Judge("run sumpair " + Quoted(kPackages / "sumpair/submissions/wrong_answer/negative.py") +
            " --no-store");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("a negative number: -1"), std::string::npos) << run.out;

  // A validator that exits neither 42 nor 43 fails itself: JE, not the submission's WA; one
  // that does not compile is the problem's error, named.
  const fs::path validator =
      root() / "problems/sumpair/output_validators/pair_check/pair_check.cpp";
  const std::string half = Quoted(kPackages / "sumpair/submissions/accepted/half.cpp");
  std::ofstream(validator) << "int main() { return 1; }\n";
  const CliResult failed = Judge("run sumpair " + half + " --no-store");
  EXPECT_EQ(failed.exit_code, 1) << failed.out;
  EXPECT_NE(failed.out.find("JE on sample/1: output validator exited with code 1 (42 accepts, 43 "
                            "rejects)"),
            std::string::npos)
      << failed.out;
  std::ofstream(validator) << "int main() { return 1 }\n";
  const CliResult broken = Judge("run sumpair " + half + " --no-store");
  EXPECT_EQ(broken.exit_code, 2) << broken.out;
  EXPECT_NE(broken.out.find("pair_check.cpp: does not compile"), std::string::npos) << broken.out;
}

TEST_F(PackageTest, InteractivePackageNamesItsInteractor) {
  const CliResult r = Judge("import " + Quoted(kPackages / "guess"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json problem = ReadJson(root() / "problems/guess/problem.json");
  EXPECT_EQ(problem["interactor"], "output_validators/interactor/interactor.cpp");
  EXPECT_FALSE(problem.contains("checker"));
  EXPECT_TRUE(fs::exists(root() / "problems/guess/output_validators/interactor/interactor.cpp"));
  EXPECT_TRUE(fs::exists(root() / "solutions/guess/reference.py"));
  // An interactive package's .in may go without an .ans: the interactor's answer is empty.
  const json secret = ReadJson(root() / "testcases/guess/02-secret.json");
  EXPECT_EQ(secret["cases"][0], json({{"name", "1"}, {"input", "1000\n"}, {"expected", ""}}));
}

struct Malformed {
  const char* package;
  const char* message;  // the one-line error names the file
};

class MalformedPackageTest : public PackageTest, public ::testing::WithParamInterface<Malformed> {};

TEST_P(MalformedPackageTest, IsRefusedAndNothingIsWritten) {
  const CliResult r = Judge("import " + Quoted(kPackages / GetParam().package));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find(GetParam().message), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  EXPECT_EQ(Listing(root()), std::vector<std::string>({"problems", "solutions", "testcases"}));
}

INSTANTIATE_TEST_SUITE_P(
    Packages, MalformedPackageTest,
    ::testing::Values(
        Malformed{"bad-no-yaml", "bad-no-yaml/problem.yaml: missing"},
        Malformed{"bad-yaml", "bad-yaml/problem.yaml: not valid YAML: line 2"},
        Malformed{"bad-unpaired", "bad-unpaired/data/secret/2.in: no 2.ans beside it"},
        Malformed{"bad-validation",
                  "bad-validation/problem.yaml: validation: unknown value \"magic\""},
        Malformed{"bad-input",
                  "bad-input/data/secret/2.in: rejected by input validator positive (exit 43: "
                  "not positive)"}),
    [](const auto& info) {
      std::string name = info.param.package;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

TEST_F(PackageTest, ZipEntryOutsideThePackageIsRefused) {
  const TempDir scratch;
  const fs::path zip_path = scratch.path() / "evil.zip";
  int code = 0;
  zip_t* archive = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_EXCL, &code);
  ASSERT_NE(archive, nullptr);
  for (const char* name : {"evil/problem.yaml", "../evil"}) {
    static const char kText[] = "name: Evil\n";
    zip_source_t* source = zip_source_buffer(archive, kText, sizeof kText - 1, 0);
    ASSERT_GE(zip_file_add(archive, name, source, 0), 0) << zip_strerror(archive);
  }
  ASSERT_EQ(zip_close(archive), 0);
  const CliResult r = Judge("import " + Quoted(zip_path));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("evil.zip: ../evil: a path outside the package (refused)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(Listing(root()), std::vector<std::string>({"problems", "solutions", "testcases"}));
  EXPECT_FALSE(fs::exists(root().parent_path() / "evil"));
}

TEST_F(PackageTest, ExistingProblemIsReplacedOnlyWithForce) {
  ASSERT_EQ(Judge("import " + Quoted(kPackages / "parity")).exit_code, 0);
  const CliResult again = Judge("import " + Quoted(kPackages / "mean") + " --slug parity");
  EXPECT_EQ(again.exit_code, 2) << again.out;
  EXPECT_NE(again.out.find("already exists (--force replaces it)"), std::string::npos) << again.out;
  EXPECT_EQ(ReadJson(root() / "problems/parity/problem.json")["title"], "Parity");
  const CliResult forced = Judge("import " + Quoted(kPackages / "mean") + " --slug parity --force");
  ASSERT_EQ(forced.exit_code, 0) << forced.out;
  EXPECT_EQ(ReadJson(root() / "problems/parity/problem.json")["title"], "Mean");
  EXPECT_FALSE(fs::exists(root() / "testcases/parity/02-secret.json"));  // parity's, replaced
  EXPECT_FALSE(fs::exists(root() / "solutions/parity/runtime_error"));
}

TEST_F(PackageTest, ExportRefusesInterviewProblems) {
  const TempDir out;
  const CliResult r = RunJudgeCli("--root " + Quoted(kSourceRoot) + " export maximum-gap --out " +
                                  Quoted(out.path()));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("maximum-gap: an interview problem has no problem-package form"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(fs::is_empty(out.path()));
}

// knapsack-01-stdio out as a package (a folder, then a .zip) and back in under another slug:
// the tests (generated ones written out with their answers), the checker and the submissions.
class KnapsackRoundTripTest : public PackageTest {
 protected:
  void ExportAndImport() {
    const CliResult exported = RunJudgeCli(
        "--root " + Quoted(kSourceRoot) + " export knapsack-01-stdio --out " + Quoted(out_.path()));
    ASSERT_EQ(exported.exit_code, 0) << exported.out;
    const CliResult zipped =
        RunJudgeCli("--root " + Quoted(kSourceRoot) + " export knapsack-01-stdio --zip --out " +
                    Quoted(out_.path()));
    ASSERT_EQ(zipped.exit_code, 0) << zipped.out;
    const CliResult imported =
        Judge("import " + Quoted(out_.path() / "knapsack-01-stdio.zip") + " --slug knapsack-copy");
    ASSERT_EQ(imported.exit_code, 0) << imported.out;
  }

  TempDir out_;
};

TEST_F(KnapsackRoundTripTest, ExportWritesThePackageAndImportReadsItBack) {
  ASSERT_NO_FATAL_FAILURE(ExportAndImport());
  const fs::path package = out_.path() / "knapsack-01-stdio";
  EXPECT_NE(ReadText(package / "problem.yaml").find("validator_flags: case_sensitive"),
            std::string::npos);
  EXPECT_TRUE(fs::exists(package / "data/sample/01-example-1.in"));
  EXPECT_TRUE(fs::exists(package / "data/secret/performance/01-table-over-400mb-n1000-cap1e5.ans"));
  EXPECT_TRUE(fs::exists(package / "submissions/run_time_error/row_one_short.cpp"));
  EXPECT_TRUE(fs::exists(package / "submissions/accepted/reference.cpp"));
  EXPECT_FALSE(fs::exists(package / "submissions/accepted/brute_force.py"));

  const json problem = ReadJson(root() / "problems/knapsack-copy/problem.json");
  EXPECT_EQ(problem["checker"], json({{"name", "tokens"}}));
  EXPECT_EQ(problem["limits"]["time_ms"], 3000);
  EXPECT_EQ(problem["limits"]["memory_mb"], 256);
  std::vector<std::string> groups;
  for (const auto& entry : fs::directory_iterator(root() / "testcases/knapsack-copy"))
    groups.push_back(entry.path().filename().string());
  std::sort(groups.begin(), groups.end());
  EXPECT_EQ(groups,
            std::vector<std::string>({"01-sample.json", "02-edge.json", "03-performance.json"}));
}

TEST_F(KnapsackRoundTripTest, EverySubmissionEarnsItsVerdict) {
  ASSERT_NO_FATAL_FAILURE(ExportAndImport());
  int exit_code = -1;
  const auto verdicts = Verify("knapsack-copy", &exit_code);
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(verdicts.size(), 22u);
  std::set<std::string> earned;
  for (const auto& [file, verdict] : verdicts) earned.insert(verdict);
  EXPECT_EQ(earned, std::set<std::string>({"AC", "WA", "TLE", "MLE", "OLE", "RE", "CE"}));
}

}  // namespace
}  // namespace judge
