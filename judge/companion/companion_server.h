// The HTTP side of `judge listen`: a server on the loopback address that takes the tasks
// Competitive Companion POSTs and hands each, parsed, to a callback. A page the person visits
// could POST there too, so a request is taken only when its Host names the bound address
// (against DNS rebinding), its Origin is absent or a browser extension's, and it is JSON (which a
// web page cannot send across origins without a preflight this server never answers).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "judge/companion/companion_task.h"
#include "judge/http/serve_loop.h"

namespace httplib {
class Server;
}

namespace judge {

// Whether to take a request, from its headers. False: *why says what was refused, for the 403
// or 415 reply.
bool AcceptCompanionRequest(const std::string& host, int port, const std::string& origin,
                            const std::string& content_type, int* status, std::string* why);

class CompanionServer {
 public:
  // Returns false and sets *err (sent back as a 400) when the task could not be made a problem;
  // *reply is the 200's body otherwise. Called from the server's threads, one request at a time.
  using OnTask = std::function<bool(const CompanionTask&, std::string* reply, std::string* err)>;
  // Told of every request refused before it reached on_task, with the status and the reason.
  using OnRefused = std::function<void(int status, const std::string& why)>;

  CompanionServer(OnTask on_task, OnRefused on_refused);
  ~CompanionServer();

  // Binds 127.0.0.1:port (0: any free port, see port()).
  bool Bind(int port, std::string* err);
  int port() const { return port_; }
  // Serves until Stop(), which any thread may call.
  void Serve();
  void Stop();

 private:
  std::unique_ptr<httplib::Server> server_;
  ServeLoop loop_{server_.get()};  // after server_, which it stops
  OnTask on_task_;
  OnRefused on_refused_;
  int port_ = 0;
};

}  // namespace judge
