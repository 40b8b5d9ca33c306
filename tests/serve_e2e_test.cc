// `judge serve` end to end over HTTP (the browser's part is tests/serve_browser_test.py): the
// built judge serves on a free port, and each refusal is checked (no token, a wrong token, the
// wrong Host, a cross-origin request, an oversized body), then real judging through the API:
// Run and Submit, with Submit recorded in the store as `judge run` records it, and 50
// submissions at once, all judged, none lost, at most --jobs at a time.
#include <gtest/gtest.h>
#include <httplib.h>

#include <future>
#include <nlohmann/json.hpp>

#include "judge/files/files.h"
#include "judge/store/temporary_pg_server.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using judge::testing::JudgeProcess;
using nlohmann::json;

constexpr int kJobs = 2;

std::string Source(const std::string& path) {
  std::string text, err;
  ReadFile(fs::path(JUDGE_DEFAULT_ROOT) / "solutions" / path, &text, &err);
  return text;
}

// A running `judge serve` on a free port, with the address and token it printed.
class ServeTestBase : public ::testing::Test {
 protected:
  void Connect(JudgeProcess& server) {
    // "judge serve: open http://127.0.0.1:PORT/?token=TOKEN"
    const std::string line = server.Line();
    const size_t at = line.find("127.0.0.1:");
    const size_t token_at = line.find("token=");
    ASSERT_NE(at, std::string::npos) << "judge serve did not print its address: " << line;
    ASSERT_NE(token_at, std::string::npos) << line;
    port_ = std::atoi(line.c_str() + at + 10);
    token_ = line.substr(token_at + 6, 32);
    host_ = "127.0.0.1:" + std::to_string(port_);
  }

  httplib::Headers Headers(const std::string& token) const {
    return {{"Host", host_}, {"X-Judge-Token", token}};
  }
  httplib::Result Get(const std::string& path, httplib::Headers headers) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(120, 0);
    return client.Get(path.c_str(), headers);
  }
  httplib::Result Get(const std::string& path) const { return Get(path, Headers(token_)); }
  // A browser waits minutes for an answer; httplib's client would give up after 5 s.
  httplib::Result PostJudge(const std::string& body, httplib::Headers headers) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(120, 0);
    return client.Post("/api/judge", headers, body, "application/json");
  }
  // Queues a job and waits for its last event, polling as a page that reconnects would.
  json Judge(const std::string& slug, const std::string& language, const std::string& source,
             const std::string& mode, const json& custom_input = nullptr) const {
    json body = {{"slug", slug}, {"language", language}, {"source", source}, {"mode", mode}};
    if (!custom_input.is_null()) body["custom_input"] = custom_input;
    auto posted = PostJudge(body.dump(), Headers(token_));
    if (!posted || posted->status != 200)
      return {{"last",
               {{"type", "post failed: " + (posted ? posted->body : to_string(posted.error()))}}}};
    const int64_t id = json::parse(posted->body)["id"];
    json events = json::array();
    for (int polls = 0; polls < 600; ++polls) {
      auto reply =
          Get("/api/jobs/" + std::to_string(id) + "/events?from=" + std::to_string(events.size()));
      if (!reply || reply->status != 200)
        return {{"last",
                 {{"type", "poll failed: " + (reply ? reply->body : to_string(reply.error()))}}}};
      for (size_t start = 0; (start = reply->body.find("data: ", start)) != std::string::npos;) {
        const size_t end = reply->body.find("\n\n", start);
        events.push_back(json::parse(reply->body.substr(start + 6, end - start - 6)));
        start = end;
      }
      const std::string last = events.empty() ? "" : events.back().value("type", "");
      if (last == "done" || last == "error" || last == "cancelled")
        return {{"last", events.back()}, {"events", events}};
    }
    return {{"last", {{"type", "never finished"}}}};
  }

  int port_ = 0;
  std::string token_, host_;
};

// On a SQLite store of its own.
class ServeTest : public ServeTestBase {
 protected:
  void SetUp() override { Connect(server_); }
  TempDir store_dir_;
  JudgeProcess server_{{"serve", "--port", "0", "--jobs", std::to_string(kJobs), "--user",
                        "serve-test", "--store", (store_dir_.path() / "judge.db").string()}};
};

TEST_F(ServeTest, ServesThePageAndDebiansLibrariesWithoutAToken) {
  auto page = Get("/", {{"Host", host_}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/app.js"), std::string::npos);
  for (const char* path : {"/app.js", "/style.css", "/vendor/codemirror/codemirror.js",
                           "/vendor/katex/katex.min.js", "/vendor/highlight.js/highlight.min.js"}) {
    auto reply = Get(path, {{"Host", host_}});
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 200) << path;
  }
  for (const char* path : {"/vendor/jquery/jquery.js", "/vendor/katex/.hidden",
                           "/vendor/katex//etc/passwd", "/nothing"}) {
    auto reply = Get(path, {{"Host", host_}});
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 404) << path;
  }
}

TEST_F(ServeTest, RefusesTheApiWithoutTheToken) {
  for (const std::string& token : {std::string(), std::string(32, '0')}) {
    auto reply = Get("/api/problems", Headers(token));
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 401);
    EXPECT_NE(reply->body.find("token"), std::string::npos) << reply->body;
    auto judge =
        PostJudge(R"({"slug":"maximum-gap","language":"python","source":""})", Headers(token));
    ASSERT_TRUE(judge);
    EXPECT_EQ(judge->status, 401);
  }
  EXPECT_EQ(Get("/api/problems")->status, 200);
}

TEST_F(ServeTest, RefusesAnotherHostEvenWithTheToken) {
  httplib::Headers headers = {{"Host", "rebound.example:" + std::to_string(port_)},
                              {"X-Judge-Token", token_}};
  auto reply = Get("/api/problems", headers);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 403);
  EXPECT_NE(reply->body.find("rebound.example"), std::string::npos);
  EXPECT_EQ(Get("/", headers)->status, 403) << "not even the page";
}

TEST_F(ServeTest, RefusesCrossOriginRequests) {
  httplib::Headers origin = Headers(token_);
  origin.emplace("Origin", "http://attacker.example");
  auto reply = PostJudge(R"({"slug":"maximum-gap","language":"python","source":""})", origin);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 403);
  EXPECT_NE(reply->body.find("cross-origin"), std::string::npos) << reply->body;
  httplib::Headers site = Headers(token_);
  site.emplace("Sec-Fetch-Site", "cross-site");
  EXPECT_EQ(Get("/api/problems", site)->status, 403);
}

TEST_F(ServeTest, RefusesAnOversizedBody) {
  const std::string big(2 << 20, 'x');
  auto reply =
      PostJudge(json{{"slug", "maximum-gap"}, {"language", "python"}, {"source", big}}.dump(),
                Headers(token_));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(json::parse(Get("/api/queue")->body)["finished"], 0) << "nothing was queued";
}

TEST_F(ServeTest, DoesNotShareItsPortWithASecondServer) {
  JudgeProcess second({"serve", "--port", std::to_string(port_), "--store",
                       (store_dir_.path() / "judge.db").string()});
  const std::string said = second.Line();
  EXPECT_NE(said.find("cannot listen on 127.0.0.1:" + std::to_string(port_)), std::string::npos)
      << said;
}

TEST_F(ServeTest, StopsOnCtrlC) {
  std::string rest;
  EXPECT_EQ(server_.Interrupt(&rest), 0);
  EXPECT_NE(rest.find("stopped"), std::string::npos) << rest;
}

TEST_F(ServeTest, RefusesMalformedJudgeRequests) {
  for (const char* body :
       {"not json", R"({"slug":"maximum-gap"})",
        R"({"slug":"maximum-gap","language":"python","source":"","mode":"x"})"}) {
    auto reply = PostJudge(body, Headers(token_));
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 400) << body;
  }
  const json unknown = Judge("no-such-problem", "python", "print(1)", "run");
  EXPECT_EQ(unknown["last"]["type"], "error");
  EXPECT_NE(unknown["last"]["message"].get<std::string>().find("no problem"), std::string::npos);
  const json gpu = Judge("attention", "cpp", "", "run");
  EXPECT_NE(gpu["last"]["message"].get<std::string>().find("judge gpu run"), std::string::npos);
}

TEST_F(ServeTest, RunJudgesTheSamplesAndSubmitRecordsTheRun) {
  const json run = Judge("maximum-gap", "python", Source("maximum-gap/reference.py"), "run");
  ASSERT_EQ(run["last"]["type"], "done") << run.dump();
  EXPECT_EQ(run["last"]["judgement"]["verdict"], "AC");
  EXPECT_FALSE(run["last"].contains("run_id")) << "Run records nothing";
  int tests = 0;
  for (const auto& event : run["events"]) tests += event["type"] == "test";
  EXPECT_EQ(tests, 3) << "each sample's verdict came as an event";

  const json wrong =
      Judge("maximum-gap", "python", Source("maximum-gap/wrong_answer/max_minus_min.py"), "submit");
  ASSERT_EQ(wrong["last"]["type"], "done") << wrong.dump();
  const json& judgement = wrong["last"]["judgement"];
  EXPECT_EQ(judgement["verdict"], "WA");
  EXPECT_EQ(judgement["tests"].back()["expected"], "3")
      << "the first failure, as judge run shows it";
  EXPECT_EQ(judgement["tests"].back()["received"], "8");
  ASSERT_TRUE(wrong["last"].contains("run_id"));

  const json history = json::parse(Get("/api/problems/maximum-gap/history")->body);
  ASSERT_EQ(history["runs"].size(), 1u);
  EXPECT_EQ(history["runs"][0]["run_id"], wrong["last"]["run_id"]);
  EXPECT_EQ(history["runs"][0]["verdict"], "WA");
  const json list = json::parse(Get("/api/problems")->body);
  for (const auto& p : list["problems"]) {
    if (p["slug"] == "maximum-gap") {
      EXPECT_EQ(p["status"], "attempted");
    }
  }
}

TEST_F(ServeTest, RunOnYourOwnInputTakesItsAnswerFromTheReference) {
  const json input = {{"nums", {1, 10, 4, 20}}};  // sorted 1 4 10 20: the gap is 10
  const json right =
      Judge("maximum-gap", "python", Source("maximum-gap/reference.py"), "run", input);
  ASSERT_EQ(right["last"]["type"], "done") << right.dump();
  EXPECT_EQ(right["last"]["judgement"]["verdict"], "AC");
  ASSERT_EQ(right["last"]["judgement"]["tests"].size(), 1u) << "only your input, not the samples";
  json test;
  for (const auto& event : right["events"])
    if (event["type"] == "test") test = event;
  EXPECT_EQ(test["expected"], "10") << "shown even when it matches";
  EXPECT_EQ(test["received"], "10");

  const json wrong = Judge("maximum-gap", "python",
                           Source("maximum-gap/wrong_answer/max_minus_min.py"), "run", input);
  ASSERT_EQ(wrong["last"]["type"], "done") << wrong.dump();
  EXPECT_EQ(wrong["last"]["judgement"]["verdict"], "WA");
  EXPECT_EQ(wrong["last"]["judgement"]["tests"][0]["received"], "19");

  const json bad = Judge("maximum-gap", "python", Source("maximum-gap/reference.py"), "run",
                         json{{"numbers", {1, 2}}});
  EXPECT_EQ(bad["last"]["type"], "error");
  EXPECT_NE(bad["last"]["message"].get<std::string>().find("custom input"), std::string::npos)
      << bad.dump();
}

TEST_F(ServeTest, JudgesFiftySubmissionsAtOnceAtMostJobsAtATime) {
  const std::string right = Source("maximum-gap/reference.py");
  const std::string wrong = Source("maximum-gap/wrong_answer/max_minus_min.py");
  std::vector<std::future<json>> pending;
  for (int i = 0; i < 50; ++i)
    pending.push_back(std::async(std::launch::async, [&, i] {
      return Judge("maximum-gap", "python", i % 2 ? wrong : right, "run");
    }));
  for (int i = 0; i < 50; ++i) {
    const json result = pending[i].get();
    ASSERT_EQ(result["last"]["type"], "done") << i << ": " << result.dump();
    EXPECT_EQ(result["last"]["judgement"]["verdict"], i % 2 ? "WA" : "AC") << i;
  }
  const json queue = json::parse(Get("/api/queue")->body);
  EXPECT_EQ(queue["finished"], 50);
  EXPECT_EQ(queue["cancelled"], 0);
  EXPECT_LE(queue["peak_running"].get<int>(), kJobs);
  EXPECT_GE(queue["peak_running"].get<int>(), 1);
}

// The page over a PostgreSQL store (issue 19's second engine), started here: Submit records the
// run there, and the history and the list read it back.
class ServePgTest : public ServeTestBase {
 protected:
  void SetUp() override {
    std::string err, url;
    ASSERT_TRUE(pg_.Start(&err)) << err;
    ASSERT_TRUE(pg_.CreateDatabase("serve", &url, &err)) << err;
    server_ = std::make_unique<JudgeProcess>(
        std::vector<std::string>{"serve", "--port", "0", "--user", "serve-pg", "--store", url});
    Connect(*server_);
  }
  TemporaryPgServer pg_;
  std::unique_ptr<JudgeProcess> server_;
};

TEST_F(ServePgTest, SubmitRecordsInThePostgresqlStore) {
  const json done = Judge("maximum-gap", "python", Source("maximum-gap/reference.py"), "submit");
  ASSERT_EQ(done["last"]["type"], "done") << done.dump();
  EXPECT_EQ(done["last"]["judgement"]["verdict"], "AC");
  const json history = json::parse(Get("/api/problems/maximum-gap/history")->body);
  ASSERT_EQ(history["runs"].size(), 1u) << history.dump();
  EXPECT_EQ(history["runs"][0]["run_id"], done["last"]["run_id"]);
  const json list = json::parse(Get("/api/problems")->body);
  for (const auto& p : list["problems"]) {
    if (p["slug"] == "maximum-gap") {
      EXPECT_EQ(p["status"], "solved");
    }
  }
}

}  // namespace
}  // namespace judge
