// For the commands that serve until stopped (listen, serve): Ctrl-C or SIGTERM calls `stop` from
// a thread of its own, since stopping a server is not something a signal handler may do.
#pragma once

#include <functional>

namespace judge::cli {

// Call before the server starts its threads: they inherit the blocked signals.
void StopOnSignal(std::function<void()> stop);

}  // namespace judge::cli
