#include "judge/companion/companion_server.h"

#include <httplib.h>

#include <mutex>

#include "judge/error.h"

namespace judge {
namespace {

// A contest's samples are kilobytes; a body past this is not the extension's.
constexpr size_t kMaxBodyBytes = 8 << 20;
constexpr char kLoopback[] = "127.0.0.1";

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

void Reply(httplib::Response& response, int status, const std::string& text) {
  response.status = status;
  response.set_content(text + "\n", "text/plain; charset=utf-8");
}

}  // namespace

bool AcceptCompanionRequest(const std::string& host, int port, const std::string& origin,
                            const std::string& content_type, int* status, std::string* why) {
  const std::string suffix = ":" + std::to_string(port);
  if (host != kLoopback + suffix && host != "localhost" + suffix) {
    *status = 403;
    return Fail("Host \"" + host + "\" is not this server's address (localhost" + suffix + ")",
                why);
  }
  // The extension's requests carry its own origin, or none; a web page's carry the page's.
  if (!origin.empty() && !StartsWith(origin, "chrome-extension://") &&
      !StartsWith(origin, "moz-extension://")) {
    *status = 403;
    return Fail("requests from web pages (Origin " + origin + ") are refused", why);
  }
  if (!StartsWith(content_type, "application/json")) {
    *status = 415;
    return Fail("expected Content-Type application/json", why);
  }
  return true;
}

CompanionServer::CompanionServer(OnTask on_task, OnRefused on_refused)
    : server_(std::make_unique<httplib::Server>()),
      on_task_(std::move(on_task)),
      on_refused_(std::move(on_refused)) {
  server_->set_payload_max_length(kMaxBodyBytes);
  // One task at a time: a contest's batch arrives as simultaneous POSTs, and each may have to
  // choose a slug the one before it just took.
  auto serial = std::make_shared<std::mutex>();
  server_->Post("/", [this, serial](const httplib::Request& request, httplib::Response& response) {
    int status = 400;
    std::string why;
    CompanionTask task;
    if (!AcceptCompanionRequest(request.get_header_value("Host"), port_,
                                request.get_header_value("Origin"),
                                request.get_header_value("Content-Type"), &status, &why) ||
        !ParseCompanionTask(request.body, &task, &why)) {
      std::lock_guard<std::mutex> lock(*serial);
      on_refused_(status, why);
      return Reply(response, status, why);
    }
    std::lock_guard<std::mutex> lock(*serial);
    std::string reply;
    if (!on_task_(task, &reply, &why)) return Reply(response, 400, why);
    Reply(response, 200, reply);
  });
  server_->Get("/", [](const httplib::Request&, httplib::Response& response) {
    Reply(response, 405, "judge listen takes Competitive Companion's POSTs here");
  });
}

CompanionServer::~CompanionServer() = default;

bool CompanionServer::Bind(int port, std::string* err) {
  if (port == 0) {
    port_ = server_->bind_to_any_port(kLoopback);
    if (port_ > 0) return true;
  } else if (server_->bind_to_port(kLoopback, port)) {
    port_ = port;
    return true;
  }
  return Fail(std::string("cannot listen on ") + kLoopback + ":" + std::to_string(port) +
                  " (is another tool, such as cph, using it? choose one with --port)",
              err);
}

void CompanionServer::Serve() { loop_.Serve(); }

void CompanionServer::Stop() { loop_.Stop(); }

}  // namespace judge
