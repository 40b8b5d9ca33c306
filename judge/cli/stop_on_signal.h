// For the commands that serve until stopped (listen, serve): Ctrl-C or SIGTERM calls `stop` from
// a thread of its own, since stopping a server is not something a signal handler may do.
#pragma once

#include <functional>

namespace judge::cli {

// Call before anything starts threads (the server's, a judging queue's): they inherit the blocked
// signals, and a thread that did not would die of the signal, taking the process with it. Each
// signal calls `stop` again.
void StopOnSignal(std::function<void()> stop);

}  // namespace judge::cli
