// The HTTP side of `judge serve`: the page (judge/serve/page/, embedded), the browser libraries
// Debian ships (/usr/share/javascript: CodeMirror, highlight.js, KaTeX; no CDN), and the API the
// page calls, each request checked by AcceptServeRequest first. Judging goes through a
// JudgingQueue; a job's events stream to the page as server-sent events.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "judge/http/serve_loop.h"
#include "judge/problem/workspace.h"
#include "judge/sandbox/sandbox.h"
#include "judge/serve/judging_queue.h"
#include "judge/serve/serve_guard.h"
#include "judge/store/store.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace judge {

struct ServeOptions {
  Workspace workspace;
  std::string store;                                       // the store's location
  std::function<std::unique_ptr<Sandbox>()> make_sandbox;  // one per judgement
  std::string user;
  int jobs = 1;  // judgements at once
  // A job nobody watches for this long is cancelled (the page reconnects within seconds).
  std::chrono::milliseconds abandon_after{30000};
};

class ServeServer {
 public:
  explicit ServeServer(ServeOptions options);
  ~ServeServer();

  // Binds host:port (port 0: any free port) and makes the token. False: *err says why.
  bool Bind(const std::string& host, int port, std::string* err);
  const ServeAddress& address() const { return address_; }
  // Serves until Stop(), which any thread may call.
  void Serve();
  void Stop();

 private:
  void Routes();
  // Guards a handler: the request is refused (and answered) unless AcceptServeRequest takes it.
  bool Accept(const httplib::Request& request, httplib::Response& response, bool needs_token);
  // The store for reading, opened once and shared by the request threads under store_mutex_.
  Store* ReadStore(std::string* err);

  ServeOptions options_;
  ServeAddress address_;
  std::unique_ptr<httplib::Server> server_;
  ServeLoop loop_{server_.get()};  // after server_, which it stops
  std::unique_ptr<JudgingQueue> queue_;
  std::mutex store_mutex_;
  std::unique_ptr<Store> store_;
  int listen_socket_ = -1;
};

}  // namespace judge
