// The checkers a problem can name. A new checker is one file in judge/check/ plus one row here.
#include <sstream>
#include <string_view>

#include "judge/check/checker.h"
#include "judge/error.h"

namespace judge {

// What each checker file defines. `args` is the problem's "checker" object without its "name"
// (a "name" member, if present, is ignored); the table has already rejected argument names the
// checker does not take, so a factory checks only the values. Errors name the field:
// "checker.abs: ...".
using CheckerFactory = std::unique_ptr<Checker>(const nlohmann::json& args,
                                                const std::filesystem::path& problem_dir,
                                                Sandbox& sandbox, std::string* err);

// One per file in this folder, defined there.
CheckerFactory MakeExactChecker;
CheckerFactory MakeUnorderedChecker;
CheckerFactory MakeFloatChecker;
CheckerFactory MakeTokensChecker;
CheckerFactory MakeCustomChecker;
CheckerFactory MakeValidatorChecker;

namespace {

struct CheckerEntry {
  const char* name;
  // Space-separated argument names the checker takes, so a misspelt one ("tol" for "abs") is an
  // error instead of a silently ignored default.
  const char* arguments;
  CheckerFactory* factory;
};

constexpr CheckerEntry kCheckers[] = {
    {"exact", "", &MakeExactChecker},
    {"unordered", "nested", &MakeUnorderedChecker},
    {"float", "abs rel ignore_case", &MakeFloatChecker},
    {"tokens", "ignore_case", &MakeTokensChecker},
    {"custom", "program args", &MakeCustomChecker},
    {"validator", "program args", &MakeValidatorChecker},
};

std::string CheckerNames() {
  std::string names;
  for (const CheckerEntry& entry : kCheckers)
    names += (names.empty() ? "" : ", ") + std::string(entry.name);
  return names;
}

bool TakesArgument(const CheckerEntry& entry, const std::string& key) {
  std::istringstream words(entry.arguments);
  for (std::string word; words >> word;)
    if (word == key) return true;
  return false;
}

bool CheckArgumentNames(const CheckerEntry& entry, const nlohmann::json& args, std::string* err) {
  for (const auto& [key, value] : args.items()) {
    if (key == "name" || TakesArgument(entry, key)) continue;
    std::string_view takes = entry.arguments;
    return Fail(
        "checker." + key + ": unknown argument for checker \"" + entry.name + "\" (" +
            (takes.empty() ? std::string("it takes none") : "it takes " + std::string(takes)) + ")",
        err);
  }
  return true;
}

}  // namespace

std::unique_ptr<Checker> MakeChecker(const CheckerSpec& spec,
                                     const std::filesystem::path& problem_dir, Sandbox& sandbox,
                                     std::string* err) {
  for (const CheckerEntry& entry : kCheckers) {
    if (spec.name != entry.name) continue;
    // A default-constructed json is null; treat it as "no arguments".
    nlohmann::json args = spec.args.is_null() ? nlohmann::json::object() : spec.args;
    if (!args.is_object()) {
      *err = "checker: expected an object";
      return nullptr;
    }
    if (!CheckArgumentNames(entry, args, err)) return nullptr;
    return entry.factory(args, problem_dir, sandbox, err);
  }
  *err = "checker.name: unknown checker \"" + spec.name + "\" (expected one of " + CheckerNames() +
         ")";
  return nullptr;
}

}  // namespace judge
