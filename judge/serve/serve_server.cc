#include "judge/serve/serve_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <map>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/report/html_report.h"
#include "judge/report/report_model.h"
#include "judge/serve/page_files.h"
#include "judge/serve/serve_api.h"
#include "judge/serve/serve_judging.h"

namespace judge {
namespace {

using json = nlohmann::json;

constexpr int kListenBacklog = 512;

// The browser libraries the page loads, as Debian installs them: /vendor/<name>/... is served
// from these folders and nowhere else.
const std::map<std::string, std::string> kVendorFolders = {
    {"codemirror", "/usr/share/javascript/codemirror"},
    {"highlight.js", "/usr/share/javascript/highlight.js"},
    {"katex", "/usr/share/javascript/katex"},
};

const char* ContentType(const std::string& path) {
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot);
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".svg") return "image/svg+xml";
  return "application/octet-stream";
}

void Reply(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json");
}

void ReplyError(httplib::Response& response, int status, const std::string& message) {
  Reply(response, status, {{"error", message}});
}

// A path under a vendor folder: plain names only, no "..", no hidden files.
bool SafeRelativePath(const std::string& path) {
  if (path.empty()) return false;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part.empty() || part[0] == '.') return false;
    start = end + 1;
  }
  return true;
}

bool ParseId(const std::string& text, int64_t* id) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  *id = std::stoll(text);
  return true;
}

size_t FromParam(const httplib::Request& request) {
  const std::string from = request.get_param_value("from");
  int64_t value = 0;
  return ParseId(from, &value) ? static_cast<size_t>(value) : 0;
}

}  // namespace

ServeServer::ServeServer(ServeOptions options)
    : options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  const ServeJudging judging{options_.workspace, options_.store, options_.make_sandbox};
  queue_ = std::make_unique<JudgingQueue>(
      options_.jobs, options_.abandon_after,
      [judging](const JobRequest& request, const JudgingQueue::Emit& emit,
                const JudgingQueue::Cancelled& cancelled) {
        return JudgeServeJob(judging, request, emit, cancelled);
      });
  server_->set_payload_max_length(kMaxServeBodyBytes);
  // SO_REUSEADDR but not cpp-httplib's default SO_REUSEPORT, which would let a second server
  // share the port and take some of the page's requests. The socket is kept for its backlog.
  server_->set_socket_options([this](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = socket;
  });
  // Event streams hold a thread each while they last: room for a class's worth of open tabs.
  server_->new_task_queue = [] { return new httplib::ThreadPool(64); };
  Routes();
}

ServeServer::~ServeServer() {
  Stop();
  queue_.reset();
}

bool ServeServer::Bind(const std::string& host, int port, std::string* err) {
  address_.host = host;
  address_.token = NewServeToken();
  address_.port =
      port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (address_.port > 0) {
    // cpp-httplib listens with a backlog of 5: a burst of submissions would overflow it, and
    // the kernel drops what does not fit. Listening again only raises the backlog.
    if (listen_socket_ >= 0) listen(listen_socket_, kListenBacklog);
    return true;
  }
  return Fail("cannot listen on " + host + ":" + std::to_string(port) +
                  " (in use, or not an address of this machine? choose one with --port)",
              err);
}

void ServeServer::Serve() { loop_.Serve(); }

void ServeServer::Stop() { loop_.Stop(); }

bool ServeServer::Accept(const httplib::Request& request, httplib::Response& response,
                         bool needs_token) {
  ServeRequestHeaders headers{request.get_header_value("Host"), request.get_header_value("Origin"),
                              request.get_header_value("Sec-Fetch-Site"),
                              request.get_header_value("X-Judge-Token")};
  int status = 403;
  std::string why;
  if (AcceptServeRequest(address_, headers, needs_token, &status, &why)) return true;
  ReplyError(response, status, why);
  return false;
}

Store* ServeServer::ReadStore(std::string* err) {
  if (!store_) store_ = Store::Open(options_.store, err);
  return store_.get();
}

void ServeServer::Routes() {
  auto page = [this](const std::string& name) {
    return [this, name](const httplib::Request& request, httplib::Response& response) {
      if (!Accept(request, response, false)) return;
      const std::string_view text = PageFile(name);
      response.set_content(std::string(text), ContentType(name));
    };
  };
  server_->Get("/", page("index.html"));
  server_->Get("/app.js", page("app.js"));
  server_->Get("/style.css", page("style.css"));

  server_->Get(R"(/vendor/([^/]+)/(.+))",
               [this](const httplib::Request& request, httplib::Response& response) {
                 if (!Accept(request, response, false)) return;
                 const auto folder = kVendorFolders.find(request.matches[1]);
                 const std::string rest = request.matches[2];
                 std::string text, err;
                 if (folder == kVendorFolders.end() || !SafeRelativePath(rest) ||
                     !ReadFile(std::filesystem::path(folder->second) / rest, &text, &err))
                   return ReplyError(response, 404, "no such file");
                 response.set_header("Cache-Control", "max-age=3600");
                 response.set_content(text, ContentType(rest));
               });

  server_->Get("/api/problems",
               [this](const httplib::Request& request, httplib::Response& response) {
                 if (!Accept(request, response, true)) return;
                 std::vector<Problem> problems;
                 std::string err;
                 LoadAllProblems(options_.workspace.problems(), &problems, &err);
                 json out;
                 std::lock_guard<std::mutex> lock(store_mutex_);
                 Store* store = ReadStore(&err);
                 if (!store || !ProblemListJson(problems, store, options_.user, &out, &err))
                   return ReplyError(response, 500, err);
                 Reply(response, 200, out);
               });

  // One problem's page, history or leaderboard.
  server_->Get(R"(/api/problems/([a-z0-9][a-z0-9-]*)(/history|/leaderboard)?)",
               [this](const httplib::Request& request, httplib::Response& response) {
                 if (!Accept(request, response, true)) return;
                 const std::string slug = request.matches[1];
                 const std::string part = request.matches[2];
                 Problem problem;
                 std::string err;
                 if (!LoadProblem(options_.workspace.problems() / slug, &problem, &err))
                   return ReplyError(response, 404, "no problem \"" + slug + "\"");
                 json out;
                 bool ok = false;
                 if (part.empty()) {
                   ok = ProblemPageJson(options_.workspace, problem, &out, &err);
                 } else {
                   std::lock_guard<std::mutex> lock(store_mutex_);
                   Store* store = ReadStore(&err);
                   ok = store &&
                        (part == "/history" ? HistoryJson(store, options_.user, slug, &out, &err)
                                            : LeaderboardJson(store, slug, &out, &err));
                 }
                 if (!ok) return ReplyError(response, 500, err);
                 Reply(response, 200, out);
               });

  // The HTML report of `judge report`, for the page to show in a frame.
  server_->Get("/api/report", [this](const httplib::Request& request, httplib::Response& response) {
    if (!Accept(request, response, true)) return;
    std::vector<Problem> problems;
    std::string err;
    LoadAllProblems(options_.workspace.problems(), &problems, &err);
    std::map<std::string, std::string> titles;
    for (const auto& p : problems) titles[p.slug] = p.title;
    ReportModel model;
    err.clear();
    std::lock_guard<std::mutex> lock(store_mutex_);
    Store* store = ReadStore(&err);
    if (!store || !BuildReportModel(*store, options_.user, titles, &model, &err))
      return ReplyError(response, 500, err);
    response.set_content(RenderHtmlReport(model), "text/html; charset=utf-8");
  });

  server_->Post("/api/judge", [this](const httplib::Request& request, httplib::Response& response) {
    if (!Accept(request, response, true)) return;
    if (request.get_header_value("Content-Type").rfind("application/json", 0) != 0)
      return ReplyError(response, 415, "expected Content-Type application/json");
    const json body = json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.value("slug", json()).is_string() ||
        !body.value("language", json()).is_string() || !body.value("source", json()).is_string())
      return ReplyError(response, 400, "expected {\"slug\", \"language\", \"source\", \"mode\"}");
    const std::string mode = body.value("mode", "run");
    if (mode != "run" && mode != "submit")
      return ReplyError(response, 400, "mode: expected \"run\" or \"submit\"");
    const bool bench = body.value("bench", json(false)) == true;
    const json custom_input = body.value("custom_input", json());
    if (!custom_input.is_null() && !custom_input.is_object() && !custom_input.is_string())
      return ReplyError(response, 400, "custom_input: expected an object of arguments or text");
    JobRequest job{body["slug"], body["language"], body["source"], options_.user, mode == "submit",
                   bench,        custom_input};
    Reply(response, 200, {{"id", queue_->Add(std::move(job))}});
  });

  // A job's events: as a stream of server-sent events (/events), or what is there now (JSON).
  server_->Get(R"(/api/jobs/(\d+)(/events)?)", [this](const httplib::Request& request,
                                                      httplib::Response& response) {
    if (!Accept(request, response, true)) return;
    int64_t id = 0;
    if (!ParseId(request.matches[1], &id)) return ReplyError(response, 404, "no such job");
    size_t from = FromParam(request);
    std::vector<json> events;
    bool finished = false;
    if (!queue_->Events(id, from, std::chrono::milliseconds(0), &events, &finished))
      return ReplyError(response, 404, "no such job");
    if (std::string(request.matches[2]).empty())
      return Reply(response, 200, {{"events", events}, {"finished", finished}});
    response.set_header("Cache-Control", "no-store");
    response.set_chunked_content_provider(
        "text/event-stream", [this, id, from](size_t, httplib::DataSink& sink) mutable {
          std::vector<json> events;
          bool finished = false;
          if (!queue_->Events(id, from, std::chrono::milliseconds(1000), &events, &finished)) {
            sink.done();
            return true;
          }
          std::string chunk = events.empty() ? ": waiting\n\n" : "";
          for (const auto& event : events) chunk += "data: " + event.dump() + "\n\n";
          from += events.size();
          // A closed tab shows here as a failed write; the job then goes unwatched.
          if (!sink.is_writable() || !sink.write(chunk.data(), chunk.size())) return false;
          if (finished) sink.done();
          return true;
        });
  });

  server_->Get("/api/queue", [this](const httplib::Request& request, httplib::Response& response) {
    if (!Accept(request, response, true)) return;
    const QueueStats stats = queue_->Stats();
    Reply(response, 200,
          {{"workers", stats.workers},
           {"queued", stats.queued},
           {"running", stats.running},
           {"peak_running", stats.peak_running},
           {"finished", stats.finished},
           {"cancelled", stats.cancelled}});
  });
}

}  // namespace judge
