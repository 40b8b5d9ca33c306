// How a subcommand ends: its exit code (documented in the README and relied on by scripts) and
// the one-line message on stderr that goes with a failure. Only the CLI prints; the library
// returns errors as values.
#pragma once

#include <string>

namespace judge::cli {

constexpr int kExitAccepted = 0;      // accepted / success
constexpr int kExitNotAccepted = 1;   // judged, and not accepted
constexpr int kExitUsage = 2;         // bad usage or bad input files
constexpr int kExitNoGpu = 3;         // `judge gpu run` on a machine without a CUDA device
constexpr int kExitNotJudgedYet = 4;  // `judge status`: the job is still queued or running

// Prints "judge: <message>" on stderr and returns kExitUsage.
int PrintError(const std::string& message);

}  // namespace judge::cli
