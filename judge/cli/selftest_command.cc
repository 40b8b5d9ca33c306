// judge selftest: builds and runs a hello program in every language (in the sandbox), then lists
// which sandbox protections are active on this machine.
#include <cstdio>

#include "judge/cli/commands.h"
#include "judge/cli/terminal.h"
#include "judge/lang/language.h"
#include "judge/problem/workspace.h"
#include "judge/sandbox/local_sandbox.h"

namespace judge::cli {
namespace {

int RunSelftest() {
  Terminal term(stdout);
  LocalSandbox sandbox;
  int failures = 0;
  for (const auto& info : Languages()) {
    std::string detail;
    const bool ok = SelfTestLanguage(info, sandbox, CacheDir(), &detail);
    failures += !ok;
    std::printf(
        "%s  %-18s %s\n",
        ok ? term.Paint("ok  ", Color::kGreen).c_str() : term.Paint("FAIL", Color::kRed).c_str(),
        info.display, detail.c_str());
  }
  // What the sandbox gives submissions on this machine (judge/SANDBOX.md): missing protections
  // are reported, not failed; the judge falls back to what remains.
  std::printf("\nsandbox protections:\n");
  for (const Protection& p : SandboxProtections())
    std::printf("%s  %-18s %s\n",
                p.active ? term.Paint("on  ", Color::kGreen).c_str()
                         : term.Paint("off ", Color::kYellow).c_str(),
                p.name.c_str(), p.detail.c_str());
  return failures == 0 ? kExitAccepted : kExitNotAccepted;
}

}  // namespace

void SetupSelftestCommand(CLI::App* command, Context* context) {
  command->callback([context] { context->exit_code = RunSelftest(); });
}

}  // namespace judge::cli
