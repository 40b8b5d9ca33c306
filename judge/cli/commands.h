// The judge's subcommands. Each lives in its own file, adds its options to a CLI11 subcommand
// and sets a callback that calls into the library; main.cc lists them in one table.
#pragma once

#include <CLI/CLI.hpp>

#include "judge/cli/context.h"

namespace judge::cli {

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
void SetupListenCommand(CLI::App* command, Context* context);
void SetupServeCommand(CLI::App* command, Context* context);
void SetupStressCommand(CLI::App* command, Context* context);
void SetupImportCommand(CLI::App* command, Context* context);
void SetupExportCommand(CLI::App* command, Context* context);
void SetupSubmitCommand(CLI::App* command, Context* context);
void SetupStatusCommand(CLI::App* command, Context* context);
void SetupWorkerCommand(CLI::App* command, Context* context);

}  // namespace judge::cli
