// A stop that comes before or while the server starts still ends it (the Ctrl-C that
// ServeTest.StopsOnCtrlC sends right after `judge serve` prints its address).
#include "judge/http/serve_loop.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>

namespace judge {
namespace {

using namespace std::chrono_literals;

// Whether Serve() returned within 10 s. If it did not, httplib's own stop() (which works once its
// loop runs) ends it, so that a failing test fails instead of hanging.
bool EndsSoon(std::future<void>& served, httplib::Server& server) {
  if (served.wait_for(10s) == std::future_status::ready) return true;
  while (served.wait_for(10ms) != std::future_status::ready) server.stop();
  return false;
}

TEST(ServeLoopTest, AStopBeforeServingEndsItAtOnce) {
  httplib::Server server;
  ASSERT_GT(server.bind_to_any_port("127.0.0.1"), 0);
  ServeLoop loop(&server);
  loop.Stop();
  auto served = std::async(std::launch::async, [&] { loop.Serve(); });
  EXPECT_TRUE(EndsSoon(served, server));
}

TEST(ServeLoopTest, AStopAtAnyMomentOfTheStartEndsIt) {
  for (int delay = 0; delay < 200; ++delay) {
    httplib::Server server;
    ASSERT_GT(server.bind_to_any_port("127.0.0.1"), 0);
    ServeLoop loop(&server);
    auto served = std::async(std::launch::async, [&] { loop.Serve(); });
    // A wait of `delay` steps that the compiler cannot drop: each step reads a volatile.
    volatile int steps = delay * 50;
    for (int spin = 0; spin < steps; ++spin) {
    }
    loop.Stop();
    ASSERT_TRUE(EndsSoon(served, server)) << "stopped after " << delay * 50 << " spins";
  }
}

TEST(ServeLoopTest, AStopWhileServingEndsIt) {
  httplib::Server server;
  const int port = server.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("up", "text/plain");
  });
  ServeLoop loop(&server);
  auto served = std::async(std::launch::async, [&] { loop.Serve(); });
  httplib::Client client("127.0.0.1", port);
  auto reply = client.Get("/");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "up");
  loop.Stop();
  loop.Stop();
  EXPECT_TRUE(EndsSoon(served, server));
}

}  // namespace
}  // namespace judge
