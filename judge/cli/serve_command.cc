// judge serve [--host H] [--port P] [--jobs N] [--user U] [--open]: the practice page in the
// browser, over the same library as the other commands (judge/serve/).
#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "judge/cli/commands.h"
#include "judge/cli/stop_on_signal.h"
#include "judge/sandbox/local_sandbox.h"
#include "judge/serve/serve_server.h"
#include "judge/store/record_run.h"
#include "judge/store/store_location.h"

namespace judge::cli {
namespace {

struct ServeCommandOptions {
  std::string host = "127.0.0.1";
  int port = 0;
  int jobs = 0;
  std::string user;
  bool open = false;
};

int RunServe(const Context& context, const ServeCommandOptions& options) {
  Workspace workspace;
  std::string err;
  if (!FindWorkspace(context.root, &workspace, &err)) return PrintError(err);
  ServeOptions serve;
  serve.workspace = workspace;
  serve.store = StoreLocation(context);
  serve.make_sandbox = [] { return std::make_unique<LocalSandbox>(); };
  serve.user = options.user.empty() ? DefaultUser() : options.user;
  serve.jobs = options.jobs > 0 ? options.jobs : OnePerCore();
  // Opened first, so that a bad --store fails now rather than on the first page.
  if (!OpenStore(context)) return kExitUsage;
  if (options.host == "0.0.0.0" || options.host == "::" || options.host.empty())
    return PrintError("--host " + options.host +
                      ": give the one address to serve on (the page refuses requests whose Host "
                      "is not the address it listens on)");
  if (!IsLoopbackHost(options.host))
    std::fprintf(stderr,
                 "judge: warning: --host %s: the page runs code on this machine; anyone who can "
                 "reach %s and learns the address below can judge code here\n",
                 options.host.c_str(), options.host.c_str());
  // The server's and the queue's threads start in its constructor, after the signals are blocked.
  auto running = std::make_shared<std::atomic<ServeServer*>>(nullptr);
  StopOnSignal([running] {
    if (ServeServer* server = running->load()) server->Stop();
  });
  ServeServer server(serve);
  if (!server.Bind(options.host, options.port, &err)) return PrintError(err);
  running->store(&server);
  const std::string url = ServeUrl(server.address());
  std::printf(
      "judge serve: open %s\n  %d judgement%s at a time, as user %s, store %s (Ctrl-C "
      "stops)\n",
      url.c_str(), serve.jobs, serve.jobs == 1 ? "" : "s", serve.user.c_str(),
      MaskedLocation(serve.store).c_str());
  std::fflush(stdout);
  if (options.open && std::system(("xdg-open '" + url + "' > /dev/null 2>&1 &").c_str()) != 0)
    std::fprintf(stderr, "judge: --open: could not start a browser; open the address above\n");
  server.Serve();
  running->store(nullptr);
  std::printf("stopped\n");
  return kExitAccepted;
}

}  // namespace

void SetupServeCommand(CLI::App* command, Context* context) {
  auto options = std::make_shared<ServeCommandOptions>();
  command->add_option("--host", options->host,
                      "Address to listen on (default 127.0.0.1; another is warned about)");
  command->add_option("--port", options->port, "Port (default 0: any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--jobs", options->jobs, "Judgements at once (default: one per core)")
      ->check(CLI::Range(1, 256));
  command->add_option("--user", options->user, "Whose runs the page shows and records ($USER)");
  command->add_flag("--open", options->open, "Open the page in the default browser");
  command->callback([context, options] { context->exit_code = RunServe(*context, *options); });
}

}  // namespace judge::cli
