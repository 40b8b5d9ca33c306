// problem.yaml as the import reads it: each field it honours, the default validator's flags
// mapped to a checker, and the one-line errors for what it cannot take. Table-driven.
#include "judge/package/package_yaml.h"

#include <gtest/gtest.h>

#include <fstream>

#include "judge/files/files.h"
#include "judge/package/package_statement.h"

namespace judge {
namespace {

using nlohmann::json;

bool Read(const std::string& yaml, PackageSettings* out, std::string* err) {
  TempDir dir;
  std::ofstream(dir.path() / "problem.yaml") << yaml;
  return ReadPackageSettings(dir.path(), out, err);
}

struct FlagsCase {
  const char* yaml;
  const char* checker;  // the checker spec as JSON, name included
};

TEST(PackageYamlTest, DefaultValidatorFlagsBecomeACheckerSpec) {
  const FlagsCase cases[] = {
      {"name: A\n", R"({"name": "tokens", "ignore_case": true})"},
      {"validator_flags: case_sensitive\n", R"({"name": "tokens"})"},
      {"validator_flags: float_tolerance 1e-6\n",
       R"({"name": "float", "abs": 1e-6, "rel": 1e-6, "ignore_case": true})"},
      {"validator_flags: float_absolute_tolerance 0.5 case_sensitive\n",
       R"({"name": "float", "abs": 0.5, "rel": 0.0})"},
      {"validator_flags: float_relative_tolerance 1e-3\n",
       R"({"name": "float", "abs": 0.0, "rel": 1e-3, "ignore_case": true})"},
      {"validator_flags: case_sensitive space_change_sensitive\n", R"({"name": "exact"})"},
  };
  for (const FlagsCase& c : cases) {
    PackageSettings settings;
    std::string err;
    ASSERT_TRUE(Read(c.yaml, &settings, &err)) << c.yaml << err;
    json spec = settings.default_checker.args;
    spec["name"] = settings.default_checker.name;
    EXPECT_EQ(spec, json::parse(c.checker)) << c.yaml;
  }
}

TEST(PackageYamlTest, FieldsItHonours) {
  PackageSettings settings;
  std::string err;
  ASSERT_TRUE(
      Read("name: {sv: Hej, en: Hello}\nauthor: x\nlimits: {time_limit: 2.5, memory: "
           "512, output: 16, time_multiplier: 5}\nvalidation: custom interactive\n"
           "validator_flags: a b\n",
           &settings, &err))
      << err;
  EXPECT_EQ(settings.title, "Hello");
  EXPECT_EQ(settings.time_limit_seconds, 2.5);
  EXPECT_EQ(settings.memory_mb, 512);
  EXPECT_EQ(settings.output_mb, 16);
  EXPECT_TRUE(settings.custom_validation);
  EXPECT_TRUE(settings.interactive);
  EXPECT_EQ(settings.validator_args, std::vector<std::string>({"a", "b"}));
}

TEST(PackageYamlTest, WhatItRefusesIsNamed) {
  const std::pair<const char*, const char*> cases[] = {
      {"name: [x\n", "problem.yaml: not valid YAML: line 2"},
      {"- a\n- b\n", "problem.yaml: expected a map of fields at the top"},
      {"colour: red\n", "problem.yaml: colour: not a field of the problem package format"},
      {"validation: custom score\n", "problem.yaml: validation: unknown value \"custom score\""},
      {"type: scoring\n", "problem.yaml: type: \"scoring\" is not judged here"},
      {"limits: {time_limit: -1}\n", "problem.yaml: limits.time_limit: expected a positive"},
      {"limits: {memory: lots}\n", "problem.yaml: limits.memory: expected a whole number of MiB"},
      {"limits: {speed: 3}\n", "problem.yaml: limits.speed: not a limit"},
      {"validator_flags: float_tolerance\n",
       "problem.yaml: validator_flags: float_tolerance needs a number after it"},
      {"validator_flags: float_tolerance x\n",
       "problem.yaml: validator_flags: float_tolerance: expected a non-negative number"},
      {"validator_flags: loose\n", "problem.yaml: validator_flags: unknown flag \"loose\""},
      {"validator_flags: space_change_sensitive\n",
       "problem.yaml: validator_flags: space_change_sensitive is supported only with"},
  };
  for (const auto& [yaml, message] : cases) {
    PackageSettings settings;
    std::string err;
    EXPECT_FALSE(Read(yaml, &settings, &err)) << yaml;
    EXPECT_EQ(err.rfind(message, 0), 0u) << yaml << " gave: " << err;
  }
}

TEST(PackageYamlTest, MissingProblemYaml) {
  TempDir dir;
  PackageSettings settings;
  std::string err;
  EXPECT_FALSE(ReadPackageSettings(dir.path(), &settings, &err));
  EXPECT_EQ(err, "problem.yaml: missing (a problem package has one at its top)");
}

TEST(PackageStatementTest, LatexBecomesMarkdown) {
  std::string title;
  const std::string markdown = LatexToMarkdown(
      "\\problemname{Sum}\n% note\nAdd \\textbf{two} numbers, ``fast''.\n\\section*{Input}\n"
      "\\begin{enumerate}\n\\item $a \\le 10^9$ and 50\\% of \\texttt{b}\n\\end{enumerate}\n",
      &title);
  EXPECT_EQ(title, "Sum");
  EXPECT_EQ(markdown,
            "# Sum\n\nAdd **two** numbers, \"fast\".\n## Input\n1. $a \\le 10^9$ and 50% of `b`\n");
}

}  // namespace
}  // namespace judge
