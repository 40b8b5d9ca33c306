#include "judge/http/serve_loop.h"

#include <httplib.h>

#include <thread>

namespace judge {

// Both sides write their flag before reading the other's (sequentially consistent atomics): when
// Serve() misses the stop, Stop() sees serving_ and waits for httplib's loop to be running, which
// is when its stop() takes effect.
void ServeLoop::Serve() {
  serving_ = true;
  if (!stop_requested_) server_->listen_after_bind();
  serving_ = false;
}

void ServeLoop::Stop() {
  stop_requested_ = true;
  while (serving_ && !server_->is_running()) std::this_thread::yield();
  server_->stop();
}

}  // namespace judge
