#include "judge/serve/serve_api.h"

#include <map>

#include "judge/files/files.h"
#include "judge/gpu/gpu_cases.h"
#include "judge/lang/language.h"
#include "judge/report/json_report.h"
#include "judge/serve/markdown_html.h"
#include "judge/testset/test_case.h"

namespace judge {
namespace {

using json = nlohmann::json;

// The user's best ratio to the reference, from the problem's leaderboard (best per user).
bool BestRatios(Store& store, const std::vector<Problem>& problems, const std::string& user,
                std::map<std::string, double>* out, std::string* err) {
  for (const auto& problem : problems) {
    std::vector<RunRecord> entries;
    if (!store.Leaderboard(problem.slug, &entries, err)) return false;
    for (const auto& entry : entries)
      if (entry.user == user && entry.timing) (*out)[problem.slug] = entry.timing->ratio;
  }
  return true;
}

// The cases of the group files whose group `wanted` takes, as the files hold them (literal cases
// only: nothing is generated for a page).
template <typename Wanted>
json GroupCases(const Workspace& workspace, const Problem& problem, Wanted wanted) {
  json cases = json::array();
  std::vector<std::filesystem::path> files;
  std::string err;
  // A problem without test files shows none.
  ListJsonFiles(workspace.testcases() / problem.slug, "test files", &files, &err);
  for (const auto& file : files) {
    std::string text;
    if (!ReadFile(file, &text, &err)) continue;
    const json group = json::parse(text, nullptr, false);
    if (!group.is_object() || !wanted(group.value("group", ""))) continue;
    for (const auto& c : group.value("cases", json::array()))
      if (c.is_object() && c.contains("name")) {
        json one = c;
        one["group"] = group.value("group", "");
        cases.push_back(one);
      }
  }
  return cases;
}

json Samples(const Workspace& workspace, const Problem& problem) {
  json samples = json::array();
  for (const auto& c : GroupCases(workspace, problem, IsSampleGroup))
    if (c.contains("input"))
      samples.push_back(
          {{"name", c["name"]}, {"input", c["input"]}, {"expected", c.value("expected", json())}});
  return samples;
}

// A GPU problem's shapes: each case's group (from its file's name, as `judge gpu run` reads them)
// and name ("b1-h8-s4096-d128-fp16-causal"). Cases that do not load show none.
json GpuShapes(const Workspace& workspace, const Problem& problem) {
  json shapes = json::array();
  const gpu::GpuProblemKind* kind = gpu::FindGpuProblemKind(problem.slug);
  std::vector<gpu::GpuTestCase> cases;
  std::string err;
  if (!kind || !gpu::LoadGpuCases(workspace.testcases() / problem.slug, *kind, &cases, &err))
    return shapes;
  for (const gpu::GpuTestCase& c : cases) shapes.push_back({{"group", c.group}, {"name", c.name}});
  return shapes;
}

}  // namespace

bool ProblemListJson(const std::vector<Problem>& problems, Store* store, const std::string& user,
                     json* out, std::string* err) {
  std::map<std::string, ProblemAttempts> attempts;
  std::map<std::string, double> ratios;
  if (store) {
    std::vector<ProblemAttempts> list;
    if (!store->Attempts(user, &list, err) || !BestRatios(*store, problems, user, &ratios, err))
      return false;
    for (auto& a : list) attempts[a.problem] = std::move(a);
  }
  json rows = json::array();
  for (const auto& p : problems) {
    const ProblemAttempts& a = attempts[p.slug];
    const auto ratio = ratios.find(p.slug);
    rows.push_back({{"slug", p.slug},
                    {"title", p.title},
                    {"difficulty", p.difficulty},
                    {"tags", p.tags},
                    {"style", StyleName(p.style)},
                    {"status", a.status()},
                    {"runs", a.runs},
                    {"best_ratio", ratio == ratios.end() ? json() : json(ratio->second)}});
  }
  *out = {{"user", user}, {"problems", rows}};
  return true;
}

bool ProblemPageJson(const Workspace& workspace, const Problem& problem, json* out,
                     std::string* err) {
  std::string statement;
  if (!ReadFile(problem.dir / "statement.md", &statement, err)) return false;
  json starters = json::object();
  json languages = json::array();
  if (problem.style != Style::kGpu)
    for (const auto& language : Languages()) {
      if (!Supports(language, problem)) continue;
      starters[language.name] = language.make()->Starter(problem);
      languages.push_back({{"name", language.name}, {"display", language.display}});
    }
  *out = {{"slug", problem.slug},
          {"title", problem.title},
          {"difficulty", problem.difficulty},
          {"tags", problem.tags},
          {"style", StyleName(problem.style)},
          {"interactive", IsInteractive(problem)},
          {"limits",
           {{"time_ms", problem.limits.time_ms},
            {"memory_mb", problem.limits.memory_mb},
            {"output_kb", problem.limits.output_kb}}},
          {"expected_complexity", problem.expected_complexity},
          {"statement_html", MarkdownToHtml(statement)},
          {"samples", Samples(workspace, problem)},
          {"starters", starters},
          {"languages", languages}};
  if (problem.style == Style::kGpu)
    (*out)["gpu"] = {{"has_device", std::filesystem::exists("/dev/nvidiactl")},
                     {"command", "judge gpu run " + problem.slug + " FILE"},
                     {"shapes", GpuShapes(workspace, problem)}};
  return true;
}

bool HistoryJson(Store* store, const std::string& user, const std::string& slug, json* out,
                 std::string* err) {
  json rows = json::array();
  std::vector<RunRecord> runs;
  if (store && !store->History(user, slug, 200, &runs, err)) return false;
  for (const auto& run : runs) rows.push_back(HistoryRowJson(run));
  *out = {{"user", user}, {"problem", slug}, {"runs", rows}};
  return true;
}

bool LeaderboardJson(Store* store, const std::string& slug, json* out, std::string* err) {
  std::vector<RunRecord> entries;
  std::vector<double> ratios;
  if (store &&
      (!store->Leaderboard(slug, &entries, err) || !store->AcceptedRatios(slug, &ratios, err)))
    return false;
  json rows = json::array();
  for (size_t i = 0; i < entries.size(); ++i)
    rows.push_back(LeaderboardEntryJson(static_cast<int>(i + 1), entries[i],
                                        FasterThanPercent(entries[i].timing->ratio, ratios)));
  *out = {{"problem", slug}, {"accepted_entries", ratios.size()}, {"entries", rows}};
  return true;
}

}  // namespace judge
