// The JSON the page reads, built from the same library as the CLI's commands: the problem list
// with the user's status (as `judge list`), one problem's page (statement, limits, samples,
// starter code per language), the user's history of a problem (as `judge history`) and its
// leaderboard (as `judge leaderboard`). A store that does not exist yet reads as empty.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "judge/problem/problem.h"
#include "judge/problem/workspace.h"
#include "judge/store/store.h"

namespace judge {

// {"user", "problems": [{slug, title, difficulty, tags, style, status, runs, best_ratio}]};
// `store` may be null (none yet).
bool ProblemListJson(const std::vector<Problem>& problems, Store* store, const std::string& user,
                     nlohmann::json* out, std::string* err);

// {slug, title, difficulty, tags, style, interactive, limits, expected_complexity,
//  statement_html, samples: [{name, input, expected}], starters: {cpp: "...", python: "..."},
//  languages: [{name, display}], gpu: {...} for a GPU problem}.
bool ProblemPageJson(const Workspace& workspace, const Problem& problem, nlohmann::json* out,
                     std::string* err);

// {"runs": [...]}, newest first, as `judge history --json` prints them.
bool HistoryJson(Store* store, const std::string& user, const std::string& slug,
                 nlohmann::json* out, std::string* err);

// {"entries": [...], "accepted_entries": N}, as `judge leaderboard --json` prints them.
bool LeaderboardJson(Store* store, const std::string& slug, nlohmann::json* out, std::string* err);

}  // namespace judge
