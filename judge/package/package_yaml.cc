#include "judge/package/package_yaml.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <set>
#include <sstream>

#include "judge/error.h"
#include "judge/files/files.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

// Fields of problem.yaml (legacy and 2023-07 versions of the format) that do not change how a
// submission is judged here.
const std::set<std::string> kIgnoredFields = {"problem_format_version",
                                              "uuid",
                                              "version",
                                              "author",
                                              "credits",
                                              "source",
                                              "source_url",
                                              "license",
                                              "rights_owner",
                                              "keywords",
                                              "languages",
                                              "constants",
                                              "embargo_until",
                                              "grading",
                                              "scoring",
                                              "allow_file_writing"};
const std::set<std::string> kIgnoredLimits = {"time_multiplier",
                                              "time_multipliers",
                                              "time_safety_margin",
                                              "time_resolution",
                                              "code",
                                              "compilation_time",
                                              "compilation_memory",
                                              "validation_time",
                                              "validation_memory",
                                              "validation_output",
                                              "validation_passes"};

bool LoadYaml(const fs::path& file, const std::string& shown, YAML::Node* out, std::string* err) {
  std::string text;
  if (!ReadFile(file, &text, err)) return false;
  try {
    *out = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Fail(shown + ": not valid YAML: line " + std::to_string(e.mark.line + 1) + ": " + e.msg,
                err);
  }
  if (!out->IsNull() && !out->IsMap())
    return Fail(shown + ": expected a map of fields at the top", err);
  return true;
}

template <typename T>
bool Scalar(const YAML::Node& node, const std::string& where, const char* expected, T* out,
            std::string* err) {
  try {
    if (!node.IsScalar()) throw YAML::Exception(YAML::Mark::null_mark(), "");
    *out = node.as<T>();
    return true;
  } catch (const YAML::Exception&) {
    return Fail("problem.yaml: " + where + ": expected " + expected, err);
  }
}

// A map's key as text; "" for a key that is not a scalar (`? [a, b]: c`), which no field has.
std::string Key(const YAML::Node& key) { return key.IsScalar() ? key.Scalar() : ""; }

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// A string, or a list of strings (joined with spaces), as some packages write flags.
bool Flags(const YAML::Node& node, const std::string& where, std::vector<std::string>* out,
           std::string* err) {
  std::string joined;
  if (node.IsSequence()) {
    for (const auto& item : node) {
      std::string word;
      if (!Scalar(item, where, "a string of flags", &word, err)) return false;
      joined += word + " ";
    }
  } else if (!node.IsNull() && !Scalar(node, where, "a string of flags", &joined, err)) {
    return false;
  }
  *out = Words(joined);
  return true;
}

bool ReadName(const YAML::Node& node, std::string* out, std::string* err) {
  if (node.IsMap()) {  // {en: "Hello", sv: "Hej"}
    const YAML::Node en = node["en"];
    if (en) return Scalar(en, "name.en", "a string", out, err);
    if (node.size() == 0) return true;
    return Scalar(node.begin()->second, "name", "a string", out, err);
  }
  return Scalar(node, "name", "a string (or a map of languages to strings)", out, err);
}

bool ReadLimits(const YAML::Node& limits, PackageSettings* out, std::string* err) {
  if (!limits.IsMap()) return Fail("problem.yaml: limits: expected a map", err);
  for (const auto& item : limits) {
    const std::string key = Key(item.first);
    const std::string where = "limits." + key;
    if (key == "time_limit") {
      double seconds = 0;
      if (!Scalar(item.second, where, "a number of seconds", &seconds, err)) return false;
      if (!(seconds > 0) || !std::isfinite(seconds))
        return Fail("problem.yaml: " + where + ": expected a positive number of seconds", err);
      out->time_limit_seconds = seconds;
    } else if (key == "memory" || key == "output") {
      int mib = 0;
      if (!Scalar(item.second, where, "a whole number of MiB", &mib, err)) return false;
      if (mib <= 0) return Fail("problem.yaml: " + where + ": expected a positive number", err);
      (key == "memory" ? out->memory_mb : out->output_mb) = mib;
    } else if (!kIgnoredLimits.count(key)) {
      return Fail("problem.yaml: " + where + ": not a limit of the problem package format", err);
    }
  }
  return true;
}

bool ReadValidation(const std::string& value, PackageSettings* out, std::string* err) {
  const std::vector<std::string> words = Words(value);
  if (words.size() == 1 && words[0] == "default") return true;
  if (!words.empty() && words[0] == "custom") {
    out->custom_validation = true;
    if (words.size() == 1) return true;
    if (words.size() == 2 && words[1] == "interactive") {
      out->interactive = true;
      return true;
    }
  }
  return Fail("problem.yaml: validation: unknown value \"" + value +
                  "\" (the judge takes default, custom or custom interactive)",
              err);
}

// type (2023-07): pass-fail, or interactive; scoring and multi-pass are not judged here.
bool ReadType(const YAML::Node& node, PackageSettings* out, std::string* err) {
  std::vector<std::string> types;
  if (!Flags(node, "type", &types, err)) return false;
  for (const std::string& type : types) {
    if (type == "pass-fail") continue;
    if (type == "interactive") {
      out->custom_validation = out->interactive = true;
      continue;
    }
    return Fail("problem.yaml: type: \"" + type +
                    "\" is not judged here (pass-fail and interactive problems are)",
                err);
  }
  return true;
}

bool ParseTolerance(const std::vector<std::string>& flags, size_t* i, double* out,
                    std::string* err) {
  const std::string& flag = flags[*i];
  if (++*i >= flags.size())
    return Fail("problem.yaml: validator_flags: " + flag + " needs a number after it", err);
  try {
    size_t used = 0;
    *out = std::stod(flags[*i], &used);
    if (used == flags[*i].size() && *out >= 0 && std::isfinite(*out)) return true;
  } catch (const std::exception&) {
  }
  return Fail("problem.yaml: validator_flags: " + flag +
                  ": expected a non-negative number (got \"" + flags[*i] + "\")",
              err);
}

// The default output validator's flags as our checkers: tokens, or float when a tolerance is
// given; case-insensitive unless case_sensitive, as the default validator is.
bool DefaultChecker(const std::vector<std::string>& flags, CheckerSpec* out, std::string* err) {
  bool case_sensitive = false, space_sensitive = false, tolerance = false;
  double abs = 0, rel = 0;
  for (size_t i = 0; i < flags.size(); ++i) {
    const std::string& flag = flags[i];
    if (flag == "case_sensitive") {
      case_sensitive = true;
    } else if (flag == "space_change_sensitive") {
      space_sensitive = true;
    } else if (flag == "float_tolerance" || flag == "float_absolute_tolerance" ||
               flag == "float_relative_tolerance") {
      double value = 0;
      if (!ParseTolerance(flags, &i, &value, err)) return false;
      if (flag != "float_relative_tolerance") abs = value;
      if (flag != "float_absolute_tolerance") rel = value;
      tolerance = true;
    } else {
      return Fail(
          "problem.yaml: validator_flags: unknown flag \"" + flag + "\" for the default validator",
          err);
    }
  }
  out->args = nlohmann::json::object();
  if (space_sensitive) {  // the exact checker compares the whole text, spacing and case
    if (case_sensitive && !tolerance) {
      out->name = "exact";
      return true;
    }
    return Fail(
        "problem.yaml: validator_flags: space_change_sensitive is supported only with "
        "case_sensitive and no tolerance (the judge's exact checker)",
        err);
  }
  out->name = tolerance ? "float" : "tokens";
  if (tolerance) {
    out->args["abs"] = abs;
    out->args["rel"] = rel;
  }
  if (!case_sensitive) out->args["ignore_case"] = true;
  return true;
}

bool ReadTimelimitFile(const fs::path& package, PackageSettings* out, std::string* err) {
  const fs::path file = package / ".timelimit";
  std::error_code ec;
  if (out->time_limit_seconds || !fs::exists(file, ec)) return true;
  std::string text;
  if (!ReadFile(file, &text, err)) return false;
  try {
    size_t used = 0;
    const double seconds = std::stod(text, &used);
    if (seconds > 0 && std::isfinite(seconds) && Words(text.substr(used)).empty()) {
      out->time_limit_seconds = seconds;
      return true;
    }
  } catch (const std::exception&) {
  }
  return Fail(".timelimit: expected a positive number of seconds", err);
}

}  // namespace

bool ReadPackageSettings(const fs::path& package, PackageSettings* out, std::string* err) {
  *out = PackageSettings();
  std::error_code ec;
  if (!fs::is_regular_file(package / "problem.yaml", ec))
    return Fail("problem.yaml: missing (a problem package has one at its top)", err);
  YAML::Node root;
  if (!LoadYaml(package / "problem.yaml", "problem.yaml", &root, err)) return false;
  std::vector<std::string> flags;
  for (const auto& item : root) {
    const std::string key = Key(item.first);
    bool ok = true;
    if (key == "name")
      ok = ReadName(item.second, &out->title, err);
    else if (key == "limits")
      ok = ReadLimits(item.second, out, err);
    else if (key == "type")
      ok = ReadType(item.second, out, err);
    else if (key == "validation") {
      std::string value;
      ok = Scalar(item.second, "validation", "a string", &value, err) &&
           ReadValidation(value, out, err);
    } else if (key == "validator_flags")
      ok = Flags(item.second, "validator_flags", &flags, err);
    else if (!kIgnoredFields.count(key))
      return Fail("problem.yaml: " + key + ": not a field of the problem package format", err);
    if (!ok) return false;
  }
  if (out->custom_validation)
    out->validator_args = flags;
  else if (!DefaultChecker(flags, &out->default_checker, err))
    return false;
  return ReadTimelimitFile(package, out, err);
}

bool ReadInputValidatorFlags(const fs::path& package, const fs::path& folder,
                             std::vector<std::string>* out, std::string* err) {
  out->clear();
  const fs::path data = package / "data";
  for (fs::path dir = folder;; dir = dir.parent_path()) {
    const fs::path file = dir / "testdata.yaml";
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) {
      const std::string shown = fs::relative(file, package, ec).string();
      YAML::Node root;
      if (!LoadYaml(file, shown, &root, err)) return false;
      if (root["output_validator_flags"])
        return Fail(shown +
                        ": output_validator_flags: flags for one group's output validation "
                        "are not supported (give them in problem.yaml's validator_flags)",
                    err);
      if (const YAML::Node flags = root["input_validator_flags"]) {
        if (!Flags(flags, "input_validator_flags", out, err))
          return Fail(shown + ": input_validator_flags: expected a string of flags", err);
        return true;
      }
    }
    if (dir == data || dir == package || !dir.has_parent_path()) return true;
  }
}

}  // namespace judge
