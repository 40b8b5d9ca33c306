#include "judge/cli/stop_on_signal.h"

#include <pthread.h>

#include <csignal>
#include <thread>

namespace judge::cli {

void StopOnSignal(std::function<void()> stop) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([stop = std::move(stop), signals] {
    for (;;) {
      int signal = 0;
      sigwait(&signals, &signal);
      stop();
    }
  }).detach();
}

}  // namespace judge::cli
