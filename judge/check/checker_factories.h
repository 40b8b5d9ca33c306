// Internal to judge/check: the factory each checker file exports, listed by name in the table
// in checker_table.cc. `args` is the problem's "checker" object without its "name" (a "name"
// member, if present, is ignored); the table has already rejected argument names the checker
// does not take, so a factory checks only the values. Errors name the field: "checker.abs: ...".
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "judge/check/checker.h"

namespace judge {

using CheckerFactory = std::unique_ptr<Checker> (*)(const nlohmann::json& args,
                                                    const std::filesystem::path& problem_dir,
                                                    std::string* err);

std::unique_ptr<Checker> MakeExactChecker(const nlohmann::json& args,
                                          const std::filesystem::path& problem_dir,
                                          std::string* err);
std::unique_ptr<Checker> MakeUnorderedChecker(const nlohmann::json& args,
                                              const std::filesystem::path& problem_dir,
                                              std::string* err);
std::unique_ptr<Checker> MakeFloatChecker(const nlohmann::json& args,
                                          const std::filesystem::path& problem_dir,
                                          std::string* err);
std::unique_ptr<Checker> MakeTokensChecker(const nlohmann::json& args,
                                           const std::filesystem::path& problem_dir,
                                           std::string* err);
std::unique_ptr<Checker> MakeCustomChecker(const nlohmann::json& args,
                                           const std::filesystem::path& problem_dir,
                                           std::string* err);

// Competitive output split on any whitespace (space, tab, newline, CR, VT, FF); shared by the
// tokens checker and the float checker's text mode. Defined in tokens_checker.cc.
std::vector<std::string_view> SplitTokens(std::string_view text);

}  // namespace judge
