// judge list [--tag T] [--difficulty D] [--status S] [--user U] [--json]: the problems, with the
// user's status on each from the store (solved, attempted, not tried).
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "judge/cli/commands.h"
#include "judge/cli/terminal.h"
#include "judge/store/record_run.h"

namespace judge::cli {
namespace {

struct ListOptions {
  std::string tag;
  std::string difficulty;
  std::string status;
  std::string user;
  bool json = false;
};

// The user's attempts by problem. Listing never creates a store: with none yet, every problem is
// "not tried"; a store that cannot be read is named on stderr and the list goes on without it.
std::map<std::string, ProblemAttempts> AttemptsByProblem(const Context& context,
                                                         const std::string& user) {
  std::map<std::string, ProblemAttempts> out;
  const std::string location = StoreLocation(context);
  if (!IsPostgresLocation(location) && !std::filesystem::exists(location)) return out;
  std::string err;
  std::vector<ProblemAttempts> attempts;
  auto store = Store::Open(location, &err);
  if (!store || !store->Attempts(user, &attempts, &err)) {
    std::fprintf(stderr, "judge: no status column: --store: %s\n", err.c_str());
    return out;
  }
  for (auto& a : attempts) out[a.problem] = std::move(a);
  return out;
}

bool Matches(const Problem& p, const ListOptions& o) {
  if (!o.difficulty.empty() && p.difficulty != o.difficulty) return false;
  return o.tag.empty() || std::find(p.tags.begin(), p.tags.end(), o.tag) != p.tags.end();
}

// "solved 7 of 12: easy 1/1, medium 5/8, hard 1/3", as LeetCode counts them, over the problems
// listed.
std::string SolvedCounts(const std::vector<Problem>& problems,
                         std::map<std::string, ProblemAttempts>& attempts) {
  const char* const order[] = {"easy", "medium", "hard", "unrated"};
  std::map<std::string, std::pair<int, int>> by_difficulty;  // solved, total
  int solved = 0;
  for (const auto& p : problems) {
    const bool done = attempts[p.slug].solved();
    solved += done;
    by_difficulty[p.difficulty].first += done;
    ++by_difficulty[p.difficulty].second;
  }
  std::string out = "solved " + std::to_string(solved) + " of " + std::to_string(problems.size());
  const char* separator = ": ";
  for (const char* difficulty : order) {
    const auto it = by_difficulty.find(difficulty);
    if (it == by_difficulty.end()) continue;
    out += separator + std::string(difficulty) + " " + std::to_string(it->second.first) + "/" +
           std::to_string(it->second.second);
    separator = ", ";
  }
  return out;
}

int RunList(const Context& context, const ListOptions& options) {
  Workspace workspace;
  std::vector<Problem> problems;
  // A broken problem.json is named on stderr; the others are still listed, and the exit is 2.
  const bool all_loaded = OpenAllProblems(context, &workspace, &problems);
  if (!all_loaded && problems.empty()) return kExitUsage;
  std::map<std::string, ProblemAttempts> attempts =
      AttemptsByProblem(context, options.user.empty() ? DefaultUser() : options.user);
  std::erase_if(problems, [&](const Problem& p) {
    return !Matches(p, options) ||
           (!options.status.empty() && attempts[p.slug].status() != options.status);
  });
  // Columns as wide as their longest entry; padded before painting (colour codes have no width).
  size_t slug_width = 0, title_width = 0;
  for (const auto& p : problems) {
    slug_width = std::max(slug_width, p.slug.size());
    title_width = std::max(title_width, p.title.size());
  }
  auto pad = [](const std::string& text, size_t width) {
    return text + std::string(width - text.size(), ' ');
  };
  nlohmann::json out = nlohmann::json::array();
  Terminal term(stdout);
  for (const auto& p : problems) {
    std::string tags;
    for (const auto& t : p.tags) tags += (tags.empty() ? "" : ", ") + t;
    const char* style = StyleName(p.style);
    const ProblemAttempts& mine = attempts[p.slug];
    out.push_back({{"slug", p.slug},
                   {"title", p.title},
                   {"difficulty", p.difficulty},
                   {"style", style},
                   {"tags", p.tags},
                   {"status", mine.status()},
                   {"runs", mine.runs}});
    const Color status_color = mine.solved() ? Color::kGreen : Color::kYellow;
    if (!options.json)
      std::printf("%s  %s  %-7s %-12s %s %s\n",
                  term.Paint(pad(p.slug, slug_width), Color::kBold).c_str(),
                  pad(p.title, title_width).c_str(), p.difficulty.c_str(), style,
                  term.Paint(pad(mine.runs ? mine.status() : "", 10), status_color).c_str(),
                  term.Paint(tags, Color::kDim).c_str());
  }
  if (options.json)
    std::printf("%s\n", nlohmann::json{{"problems", out}}.dump(2).c_str());
  else if (out.empty())
    std::printf("no problem matches\n");
  else
    std::printf("\n%s\n", term.Paint(SolvedCounts(problems, attempts), Color::kBold).c_str());
  return all_loaded ? kExitAccepted : kExitUsage;
}

}  // namespace

void SetupListCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<ListOptions>();
  command->add_option("--tag", options->tag, "Only problems with this tag");
  command
      ->add_option("--difficulty", options->difficulty,
                   "Only easy, medium, hard or unrated problems")
      ->check(CLI::IsMember({"easy", "medium", "hard", "unrated"}));
  command->add_option("--status", options->status, "Only solved, attempted or not tried problems")
      ->check(CLI::IsMember({"solved", "attempted", "not tried"}));
  command->add_option("--user", options->user, "Whose status to show (default: the login name)");
  command->add_flag("--json", options->json, "Print one JSON object");
  command->callback([context, options] { context->exit_code = RunList(*context, *options); });
}

}  // namespace judge::cli
