// judge/companion/: what `judge listen` does with a POST body from the network. The whole input
// is the body. Whatever the parser takes must become a problem the judge loads (the writer
// checks that before it puts the problem in place), with a slug the judge accepts; whatever it
// refuses, it says why.
//
// Seeds: fuzz/corpus/companion_task/.
#include <regex>
#include <string>

#include "judge/companion/companion_problem.h"
#include "judge/files/files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  judge::CompanionTask task;
  std::string err;
  if (!judge::ParseCompanionTask(body, &task, &err)) {
    if (err.empty()) std::abort();
    return 0;
  }
  static const std::regex kSlug("[a-z0-9]+(-[a-z0-9]+)*");
  if (!std::regex_match(judge::SlugFromName(task.name), kSlug)) std::abort();
  const judge::TempDir root;
  const judge::Workspace workspace{root.path(), root.path() / "cache"};
  judge::CompanionOutcome outcome;
  if (!judge::WriteCompanionProblem(workspace, task, &outcome, &err)) std::abort();
  return 0;
}
