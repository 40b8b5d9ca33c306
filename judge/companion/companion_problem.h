// Making a Competitive Companion task a competitive problem of the workspace: problem.json (the
// site's limits, the tokens checker, difficulty "unrated", the URL under "source"), a
// statement.md that links the site's statement and lists the samples, and
// testcases/<slug>/01-samples.json. Both folders are written whole beside their destination and
// renamed into place, so a judge stopped midway leaves no half-made problem.
#pragma once

#include <string>

#include "judge/companion/companion_task.h"
#include "judge/problem/workspace.h"

namespace judge {

// "G. Castle Defense" -> "g-castle-defense": lowercase letters and digits, runs of anything else
// as one dash, at most 60 characters; "problem" when nothing is left.
std::string SlugFromName(const std::string& name);

struct CompanionOutcome {
  std::string slug;
  // The same URL was sent before: its folders were replaced by this task's (new samples, new
  // limits). Otherwise a slug taken by another problem gets "-2", "-3", ... instead.
  bool replaced = false;
};

// Not safe to call from two threads at once on one workspace: the caller serialises.
bool WriteCompanionProblem(const Workspace& workspace, const CompanionTask& task,
                           CompanionOutcome* out, std::string* err);

}  // namespace judge
