// Serving with a cpp-httplib server until any thread stops it, without losing an early stop.
// httplib's stop() does nothing until listen_after_bind() has started its accept loop, so a Ctrl-C
// that arrived between binding and that moment (right after the address was printed) was lost and
// the server ran on.
#pragma once

#include <atomic>

namespace httplib {
class Server;
}

namespace judge {

class ServeLoop {
 public:
  explicit ServeLoop(httplib::Server* server) : server_(server) {}

  // Serves a bound server until Stop(); returns at once when Stop() came first.
  void Serve();
  // Any thread, at any time, as often as it likes.
  void Stop();

 private:
  httplib::Server* server_;
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> serving_{false};
};

}  // namespace judge
