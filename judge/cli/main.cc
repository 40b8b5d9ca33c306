// judge: a local judge for interview and competitive practice. See README.md.
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/sandbox/local_sandbox.h"

namespace {

struct CommandRow {
  const char* name;
  const char* description;
  judge::cli::CommandSetup setup;
};

constexpr CommandRow kCommands[] = {
    {"list", "List problems (filter by tag or difficulty)", &judge::cli::SetupListCommand},
    {"show", "Print a problem's statement, limits and signature", &judge::cli::SetupShowCommand},
    {"new", "Write a starter file with the problem's signature", &judge::cli::SetupNewCommand},
    {"run", "Judge a solution file against a problem's tests", &judge::cli::SetupRunCommand},
    {"verify",
     "Judge each problem's reference and kept submissions against their folders' verdicts",
     &judge::cli::SetupVerifyCommand},
    {"leaderboard", "Rank a problem's accepted, timed runs by their ratio to the reference",
     &judge::cli::SetupLeaderboardCommand},
    {"history", "List a user's judged runs, newest first", &judge::cli::SetupHistoryCommand},
    {"report", "Write an HTML, Markdown, JSON and CSV report: leaderboards and timing plots",
     &judge::cli::SetupReportCommand},
    {"stress", "Judge a solution against a brute force on fresh small cases; shrink a failure",
     &judge::cli::SetupStressCommand},
    {"listen", "Make problems of what Competitive Companion sends from the browser",
     &judge::cli::SetupListenCommand},
    {"serve", "Practise in the browser: problem list, statements, an editor, Run and Submit",
     &judge::cli::SetupServeCommand},
    {"gpu", "Judge CUDA kernels for GPU problems: correctness, then speed",
     &judge::cli::SetupGpuCommand},
    {"selftest", "Prove each language's toolchain works", &judge::cli::SetupSelftestCommand},
    {"import", "Make a Kattis / ICPC problem package (folder or .zip) a problem of the judge",
     &judge::cli::SetupImportCommand},
    {"export", "Write a competitive problem as a Kattis / ICPC problem package",
     &judge::cli::SetupExportCommand},
    {"submit", "Queue a solution in a PostgreSQL store for judge workers; print its job id",
     &judge::cli::SetupSubmitCommand},
    {"status", "Show a queued submission's state, and its judgement once judged",
     &judge::cli::SetupStatusCommand},
    {"worker", "Judge the submissions queued in a PostgreSQL store, until stopped",
     &judge::cli::SetupWorkerCommand},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"judge: compile, run and check solutions to practice problems"};
  app.require_subcommand(1);
  // --root and --store are accepted after the subcommand too (`judge run P F --store S`): a
  // subcommand passes the options it does not know up to here. Subcommands inherit this.
  app.fallthrough();
  judge::cli::Context context;
  app.add_option("--root", context.root,
                 "Folder holding problems/, testcases/ and solutions/ (default: $JUDGE_ROOT, else "
                 "the source tree)");
  app.add_option("--store", context.store,
                 "The store of judged runs: an SQLite file, or a postgresql:// URL (default: "
                 "$JUDGE_STORE, else "
                 "$XDG_DATA_HOME/judge/judge.db, else ~/.local/share/judge/judge.db)");
  for (const CommandRow& row : kCommands)
    row.setup(app.add_subcommand(row.name, row.description), &context);
  if (std::string err; !judge::CheckSandboxSwitches(&err)) return judge::cli::PrintError(err);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "judge: %s (see judge --help)\n", e.what());
    return judge::cli::kExitUsage;
  }
  return context.exit_code;
}
