#include "judge/report/report_model.h"

#include <set>

namespace judge {
namespace {

// The user's scored GPU runs, the newest of each source, loaded with their cases.
bool GpuVersions(Store& store, const std::string& user, ProblemReport* out, std::string* err) {
  std::vector<RunRecord> runs;
  if (!store.History(user, out->slug, 0, &runs, err)) return false;
  std::set<std::string> sources;
  for (const RunRecord& run : runs) {
    if (!run.gpu) continue;
    out->gpu = true;
    if (run.gpu->score <= 0 || out->gpu_versions.size() >= kGpuVersionsPlotted ||
        !sources.insert(run.source_sha256).second)
      continue;
    RunRecord loaded;
    if (!store.Load(run.id, &loaded, err)) return false;
    out->gpu_versions.push_back(std::move(loaded));
  }
  return true;
}

bool BuildProblemReport(Store& store, const std::string& user, ProblemReport* out,
                        std::string* err) {
  std::vector<RunRecord> entries;
  if (!store.Leaderboard(out->slug, &entries, err) ||
      !store.AcceptedRatios(out->slug, &out->accepted_ratios, err))
    return false;
  for (auto& entry : entries) {
    if (!entry.timing) continue;  // Leaderboard only returns timed runs; be safe regardless
    LeaderboardRow row;
    row.rank = static_cast<int>(out->leaderboard.size()) + 1;
    row.faster_than_percent = FasterThanPercent(entry.timing->ratio, out->accepted_ratios);
    row.is_user = entry.user == user;
    row.run = std::move(entry);
    if (row.is_user) out->user_row = out->leaderboard.size();
    out->leaderboard.push_back(std::move(row));
  }
  if (!GpuVersions(store, user, out, err)) return false;
  for (const auto& row : out->leaderboard) out->gpu |= row.run.gpu.has_value();
  RunRecord growth;
  bool found = false;
  if (!store.BestGrowthRun(user, out->slug, &growth, &found, err)) return false;
  if (found) out->growth_run = std::move(growth);
  return true;
}

}  // namespace

std::optional<double> ProblemReport::user_ratio() const {
  if (!user_row) return std::nullopt;
  return leaderboard[*user_row].run.timing->ratio;
}

bool BuildReportModel(Store& store, const std::string& user,
                      const std::map<std::string, std::string>& titles, ReportModel* out,
                      std::string* err) {
  *out = ReportModel{};
  out->user = user;
  out->generated_at = NowUtc();
  out->store_path = store.location();
  std::vector<std::string> slugs;
  std::vector<ProblemAttempts> attempts;
  if (!store.Problems(&slugs, err) || !store.Attempts(user, &attempts, err)) return false;
  std::map<std::string, ProblemAttempts> attempts_by_slug;
  for (auto& a : attempts) attempts_by_slug[a.problem] = std::move(a);
  for (const auto& slug : slugs) {
    ProblemReport problem;
    problem.slug = slug;
    problem.attempts = attempts_by_slug[slug];
    const auto title = titles.find(slug);
    problem.title = title == titles.end() ? slug : title->second;
    if (!BuildProblemReport(store, user, &problem, err)) return false;
    out->problems.push_back(std::move(problem));
  }
  return true;
}

}  // namespace judge
