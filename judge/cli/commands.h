// The judge's subcommands. Each lives in its own file, adds its options to a CLI11 subcommand
// and sets a callback that calls into the library; main.cc lists them in one table.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "judge/problem/problem.h"
#include "judge/store/store.h"
#include "judge/run/workspace.h"

namespace judge::cli {

// Exit codes: documented in the README and relied on by scripts.
constexpr int kExitAccepted = 0;     // accepted / success
constexpr int kExitNotAccepted = 1;  // judged, and not accepted
constexpr int kExitUsage = 2;        // bad usage or bad input files
constexpr int kExitNoGpu = 3;        // `judge gpu run` on a machine without a CUDA device

struct Context {
  std::string root;   // --root
  std::string store;  // --store; empty: DefaultStorePath()
  int exit_code = kExitAccepted;
};

using CommandSetup = void (*)(CLI::App* command, Context* context);

void SetupListCommand(CLI::App* command, Context* context);
void SetupShowCommand(CLI::App* command, Context* context);
void SetupNewCommand(CLI::App* command, Context* context);
void SetupRunCommand(CLI::App* command, Context* context);
void SetupSelftestCommand(CLI::App* command, Context* context);
void SetupVerifyCommand(CLI::App* command, Context* context);
void SetupLeaderboardCommand(CLI::App* command, Context* context);
void SetupHistoryCommand(CLI::App* command, Context* context);
void SetupReportCommand(CLI::App* command, Context* context);
void SetupGpuCommand(CLI::App* command, Context* context);

// Prints "judge: <message>" on stderr and returns kExitUsage.
int Fail(const std::string& message);
// For CPU commands given a GPU problem: says to use `judge gpu run`; returns kExitUsage.
int FailGpuProblem(const std::string& slug);
// Finds the workspace and loads one problem; on failure prints why and returns false.
bool OpenProblem(const Context& context, const std::string& slug, Workspace* workspace,
                 Problem* problem);
// Opens --store (or the default store); on failure prints why and returns null.
std::unique_ptr<Store> OpenStore(const Context& context);
// Finds the workspace and loads every problem; on failure prints why and returns false.
bool OpenAllProblems(const Context& context, Workspace* workspace, std::vector<Problem>* problems);

}  // namespace judge::cli
