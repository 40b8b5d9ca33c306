// judge stress SLUG FILE [--brute B] [--gen G] [--count N] [--time S] [--size N] [--seed S]
//              [--lang L] [--no-sanitize] [--save] [--json]
// Judges FILE against a brute force on fresh small cases until they disagree, then shrinks the
// case; --save keeps it as a local test that `judge run` includes.
#include <csignal>
#include <cstdio>
#include <random>

#include "judge/cli/commands.h"
#include "judge/cli/judgement_printer.h"
#include "judge/cli/stress_printer.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/store/store.h"
#include "judge/stress/local_tests.h"
#include "judge/stress/stress_run.h"
#include "judge/stress/template_case_source.h"
#include "judge/stress/user_generator_source.h"
#include "judge/testset/test_loader.h"

namespace judge::cli {
namespace {

struct StressOptions {
  std::string slug;
  std::string file;
  std::string language;
  std::string brute;
  std::string gen;
  size_t count = 0;
  double seconds = -1;  // unset: 10 s, or no limit when --count is given
  int64_t size = 10;
  int64_t seed = -1;  // unset: a random one, printed
  bool no_sanitize = false;
  bool save = false;
  bool json = false;
};

constexpr double kDefaultSeconds = 10;

// Ctrl-C: the run stops after the batch in flight and prints its summary. The handler resets
// itself, so a second Ctrl-C ends the judge at once.
volatile std::sig_atomic_t interrupted = 0;
extern "C" void OnInterrupt(int) { interrupted = 1; }

class InterruptGuard {
 public:
  InterruptGuard() {
    interrupted = 0;
    struct sigaction action = {};
    action.sa_handler = OnInterrupt;
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_);
  }
  ~InterruptGuard() { sigaction(SIGINT, &previous_, nullptr); }

 private:
  struct sigaction previous_ = {};
};

bool CheckFile(const std::string& flag, const std::string& path) {
  if (path.empty() || std::filesystem::is_regular_file(path)) return true;
  PrintError(flag + path + ": no such file");
  return false;
}

// The problem's generators scaled down, or the person's generator.
std::unique_ptr<CaseSource> MakeSource(const Workspace& workspace, const Problem& problem,
                                       const StressOptions& options, uint64_t seed,
                                       Sandbox& sandbox, std::string* err) {
  if (!options.gen.empty())
    return UserGeneratorSource::Make(workspace, problem, options.gen, sandbox, seed, err);
  std::vector<TestCase> tests;
  std::vector<CaseTemplate> templates;
  if (!LoadTestCases(problem, workspace.testcases() / problem.slug, &tests, err)) return nullptr;
  if (!FindCaseTemplates(tests, &templates, err)) {
    *err = problem.slug + ": " + *err;
    if (problem.style == Style::kCompetitive) *err += "; give a generator of yours with --gen";
    return nullptr;
  }
  return std::make_unique<TemplateCaseSource>(problem, std::move(templates), options.size, seed);
}

// False, with the message printed, when the case could not be saved.
bool Save(const Context& context, const Problem& problem, const StressResult& result,
          const std::string& file, nlohmann::json* json) {
  const auto store = LocalFilesAnchor(StoreLocation(context));
  const auto dir = LocalTestsDir(store, problem.slug);
  std::string name, err;
  if (!SaveLocalTest(dir, result.minimal.test.input, result.minimal.test.expected, &name, &err)) {
    PrintError("--save: " + err);
    return false;
  }
  const std::string path = LocalTestsFile(dir).string();
  if (json) {
    (*json)["saved"] = {{"test", std::string(kLocalTestGroup) + "/" + name}, {"file", path}};
    return true;
  }
  std::printf(
      "Saved as %s/%s in %s, with the brute force's answer as expected:\n"
      "`judge run %s %s` includes it from now on.\n",
      kLocalTestGroup, name.c_str(), path.c_str(), problem.slug.c_str(), file.c_str());
  return true;
}

int RunStressCommand(const Context& context, const StressOptions& options) {
  Workspace workspace;
  Problem problem;
  if (!OpenProblem(context, options.slug, &workspace, &problem)) return kExitUsage;
  if (problem.style == Style::kGpu) return RefuseGpuProblem(options.slug);
  // Stress compares two programs' answers; an interactive test has no answer of its own to
  // compare, only the interactor's verdict on a conversation.
  if (IsInteractive(problem))
    return PrintError(options.slug +
                      " is interactive: judge stress compares answers and cannot "
                      "play against its interactor (judge run plays its tests)");
  if (!CheckFile("", options.file) || !CheckFile("--brute: ", options.brute) ||
      !CheckFile("--gen: ", options.gen))
    return kExitUsage;
  if (!options.gen.empty() && problem.style != Style::kCompetitive)
    return PrintError("--gen: only for competitive problems; " + problem.slug +
                      " is an interview problem, whose cases come from its own generators");

  const uint64_t seed = options.seed >= 0 ? uint64_t(options.seed) : std::random_device()();
  LocalSandbox file_sandbox, brute_sandbox, tools_sandbox;
  std::string err, compile_error;
  auto source = MakeSource(workspace, problem, options, seed, tools_sandbox, &err);
  if (!source) return PrintError(err);
  StressSetup setup{options.file, options.language, options.brute, !options.no_sanitize};
  auto judge =
      StressJudge::Make(workspace, problem, setup, {file_sandbox, brute_sandbox, tools_sandbox},
                        &compile_error, &err);
  const std::string file_name = std::filesystem::path(options.file).filename().string();
  const Terminal term(stdout);
  if (!judge && !compile_error.empty()) {
    if (options.json)
      std::printf("%s\n",
                  nlohmann::json{{"verdict", "CE"}, {"reason", compile_error}}.dump(2).c_str());
    else
      std::printf("%s  %s does not compile: %s\n",
                  PaintVerdict(Verdict::kCompileError, term).c_str(), file_name.c_str(),
                  compile_error.c_str());
    return kExitNotAccepted;
  }
  if (!judge) return PrintError(err);
  const std::string brute_name = judge->brute_file().filename().string();
  if (!options.json)
    std::printf("%s  %s  %s%s  against %s  (seed %llu)\n",
                term.Paint(problem.slug, Color::kBold).c_str(), file_name.c_str(),
                judge->file_language().c_str(), judge->sanitized() ? ", sanitized" : "",
                brute_name.c_str(), static_cast<unsigned long long>(seed));
  std::fflush(stdout);

  StressLimits limits;
  limits.cases = options.count;
  limits.seconds = options.seconds >= 0 ? options.seconds : options.count > 0 ? 0 : kDefaultSeconds;
  limits.interrupted = [] { return interrupted != 0; };
  const Terminal progress_term(stderr);
  double last_line = 0;
  bool was_shrinking = false;
  limits.progress = [&](const StressProgress& p) {
    if (options.json) return;
    if (p.shrinking != was_shrinking) last_line = 0;  // shrinking counts its own seconds
    was_shrinking = p.shrinking;
    if (progress_term.is_tty()) {
      std::fprintf(stderr, "\r\033[K  %s", ProgressText(p).c_str());
    } else if (p.seconds - last_line >= 1) {  // a log, not a terminal: a line a second
      std::fprintf(stderr, "  %s\n", ProgressText(p).c_str());
      last_line = p.seconds;
    }
    std::fflush(stderr);
  };
  StressResult result;
  {
    InterruptGuard guard;
    const bool ok = RunStress(*source, *judge, limits, &result, &err);
    if (progress_term.is_tty() && !options.json) std::fprintf(stderr, "\r\033[K");
    if (!ok) return PrintError(err);
  }

  const bool found = result.stop == StressStop::kDisagreement;
  nlohmann::json json = result;
  if (options.json) json["seed"] = seed;
  if (!options.json) PrintStressResult(result, file_name, brute_name, term, stdout);
  if (options.save && found &&
      !Save(context, problem, result, options.file, options.json ? &json : nullptr))
    return kExitUsage;
  if (options.save && !found && !options.json) std::printf("Nothing to save.\n");
  if (options.json) std::printf("%s\n", json.dump(2).c_str());
  return found ? kExitNotAccepted : kExitAccepted;
}

}  // namespace

void SetupStressCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<StressOptions>();
  command->add_option("slug", options->slug, "The problem")->required();
  command->add_option("file", options->file, "The solution under test (.cpp, .py, .c)")->required();
  command->add_option("--brute", options->brute,
                      "The brute force to compare with (default: solutions/SLUG/brute_force.*, "
                      "else the reference)");
  command->add_option("--gen", options->gen,
                      "Competitive problems: your generator, run as `GEN SEED`, printing one input "
                      "(default: the problem's own generators, scaled down)");
  command->add_option("--count", options->count, "Stop after this many cases")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--time", options->seconds,
                   "Stop after this many seconds (default 10, none with --count; 0: none)")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--size", options->size, "The most elements a case has (default 10)")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  command->add_option("--seed", options->seed, "The first seed (default: a random one, printed)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--lang", options->language, "Language, instead of guessing from the extension")
      ->check(CLI::IsMember(LanguageNames()));
  command->add_flag("--no-sanitize", options->no_sanitize,
                    "Run the file plain (-O2), not under AddressSanitizer and UBSan");
  command->add_flag("--save", options->save,
                    "Keep the smallest failing case as a local test that `judge run` includes");
  command->add_flag("--json", options->json, "Print one JSON object");
  command->callback(
      [context, options] { context->exit_code = RunStressCommand(*context, *options); });
}

}  // namespace judge::cli
