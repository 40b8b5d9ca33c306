// judge listen [--port P] [--lang L] [--dir D]: takes the problems Competitive Companion sends
// from the browser and makes each a competitive problem of the workspace, with a starter file.
#include <cstdio>
#include <filesystem>

#include "judge/cli/commands.h"
#include "judge/cli/stop_on_signal.h"
#include "judge/companion/companion_problem.h"
#include "judge/companion/companion_server.h"
#include "judge/files/files.h"
#include "judge/lang/language.h"

namespace judge::cli {
namespace {

namespace fs = std::filesystem;

// cph's port, which the extension sends to out of the box.
constexpr int kCompanionPort = 27121;

struct ListenOptions {
  int port = kCompanionPort;
  std::string language = "cpp";
  std::string dir = ".";
};

// --root names where problems go; a folder without problems/ yet gets one, so that a fresh
// practice folder works.
bool OpenOrCreateWorkspace(const Context& context, Workspace* workspace) {
  std::string err;
  if (!context.root.empty() && fs::is_directory(context.root)) {
    std::error_code ec;
    fs::create_directory(fs::path(context.root) / "problems", ec);
  }
  if (FindWorkspace(context.root, workspace, &err)) return true;
  PrintError(err);
  return false;
}

// Writes the starter for the new problem, unless a file of that name is already there (the
// person's work on a problem sent again). Returns what to tell the person about it.
std::string WriteStarter(const Workspace& workspace, const std::string& slug, const fs::path& file,
                         const LanguageInfo& language) {
  if (fs::exists(file)) return "kept " + file.string() + ", which exists";
  Problem problem;
  std::string err;
  if (!LoadProblem(workspace.problems() / slug, &problem, &err) ||
      !WriteFileAtomic(file, language.make()->Starter(problem), &err))
    return "no starter: " + err;
  return "wrote " + file.string();
}

std::string Describe(const CompanionTask& task, const CompanionOutcome& outcome, int received) {
  std::string line = outcome.slug + (outcome.replaced ? " (replaced)" : "") + ": " +
                     std::to_string(task.tests.size()) + " sample" +
                     (task.tests.size() == 1 ? "" : "s") + ", " + std::to_string(task.time_ms) +
                     " ms, " + std::to_string(task.memory_mb) + " MB";
  if (!task.group.empty()) line += ", " + task.group;
  if (task.batch_size > 1)
    line +=
        " [" + std::to_string(received) + " of a batch of " + std::to_string(task.batch_size) + "]";
  return line;
}

int RunListen(const Context& context, const ListenOptions& options) {
  Workspace workspace;
  if (!OpenOrCreateWorkspace(context, &workspace)) return kExitUsage;
  const LanguageInfo* language = FindLanguage(options.language);
  if (!language) return PrintError("--lang: unknown language \"" + options.language + "\"");
  if (!fs::is_directory(options.dir))
    return PrintError("--dir: " + options.dir + " is not a folder");
  int received = 0;
  auto on_task = [&](const CompanionTask& task, std::string* reply, std::string* err) {
    CompanionOutcome outcome;
    if (!WriteCompanionProblem(workspace, task, &outcome, err)) {
      std::printf("refused \"%s\": %s\n", task.name.c_str(), err->c_str());
      std::fflush(stdout);
      return false;
    }
    ++received;
    const fs::path file = fs::path(options.dir) / (outcome.slug + language->extensions.front());
    const std::string starter = WriteStarter(workspace, outcome.slug, file, *language);
    *reply = "judge run " + outcome.slug + " " + file.string();
    std::printf("%s\n  %s; judge it with: %s\n", Describe(task, outcome, received).c_str(),
                starter.c_str(), reply->c_str());
    std::fflush(stdout);
    return true;
  };
  auto on_refused = [](int status, const std::string& why) {
    std::printf("refused a request (%d): %s\n", status, why.c_str());
    std::fflush(stdout);
  };
  CompanionServer server(on_task, on_refused);
  std::string err;
  if (!server.Bind(options.port, &err)) return PrintError(err);
  StopOnSignal([&server] { server.Stop(); });
  std::printf(
      "listening on http://127.0.0.1:%d for Competitive Companion; problems go to %s "
      "(Ctrl-C stops)\n",
      server.port(), workspace.problems().c_str());
  std::fflush(stdout);
  server.Serve();
  std::printf("stopped after %d problem%s\n", received, received == 1 ? "" : "s");
  return kExitAccepted;
}

}  // namespace

void SetupListenCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<ListenOptions>();
  command
      ->add_option("--port", options->port,
                   "Port on 127.0.0.1 (default 27121, cph's, which the extension sends to; 0: "
                   "any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--lang", options->language, "Language of the starter files (default: cpp)")
      ->check(CLI::IsMember(LanguageNames()));
  command->add_option("--dir", options->dir, "Folder for the starter files (default: .)");
  command->callback([context, options] { context->exit_code = RunListen(*context, *options); });
}

}  // namespace judge::cli
