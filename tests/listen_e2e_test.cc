// `judge listen` end to end: the built judge listens on a free port, payloads shaped as
// Competitive Companion sends them are POSTed to it, and the problems it makes are judged with
// `judge run`. Also each refusal (bad payload, a web page's request, the wrong Host), which
// must write nothing, and Ctrl-C, which ends it with a summary.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "judge/files/files.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using judge::testing::JudgeProcess;
using judge::testing::Quoted;
using judge::testing::RunJudgeCli;
using nlohmann::json;

json Payload(const std::string& name, const std::string& url, int batch_size = 1) {
  return {
      {"name", name},
      {"group", "Codeforces Beta Round #4 (Div. 2 Only)"},
      {"url", url},
      {"interactive", false},
      {"memoryLimit", 64},
      {"timeLimit", 1000},
      {"testType", "single"},
      {"input", {{"type", "stdin"}}},
      {"output", {{"type", "stdout"}}},
      {"languages", {{"java", {{"mainClass", "Main"}, {"taskClass", "AWatermelon"}}}}},
      {"tests", {{{"input", "8\n"}, {"output", "YES\n"}}, {{"input", "5\n"}, {"output", "NO\n"}}}},
      {"batch", {{"id", "4f2c0d0e-1b6a-4a53-9d43-0e6f1f2b7c11"}, {"size", batch_size}}}};
}

// The port from `judge listen`'s first line: "listening on http://127.0.0.1:PORT for ...".
int ListenerPort(judge::testing::JudgeProcess& listener) {
  const std::string line = listener.Line();
  const size_t at = line.find("127.0.0.1:");
  return at == std::string::npos ? 0 : std::atoi(line.c_str() + at + 10);
}

class ListenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directory(root_.path() / "work");
    port_ = ListenerPort(listener_);
    ASSERT_GT(port_, 0) << "judge listen did not say its port";
  }

  httplib::Result Post(const std::string& body, const httplib::Headers& headers = {},
                       const std::string& type = "application/json") {
    httplib::Client client("127.0.0.1", port_);
    return client.Post("/", headers, body, type.c_str());
  }
  std::vector<std::string> Problems() const {
    std::vector<std::string> slugs;
    for (const auto& entry : fs::directory_iterator(root_.path() / "problems"))
      slugs.push_back(entry.path().filename());
    std::sort(slugs.begin(), slugs.end());
    return slugs;
  }
  std::string Judge(const std::string& slug, const std::string& file, const std::string& source) {
    const fs::path path = root_.path() / "work" / file;
    std::ofstream(path) << source;
    return RunJudgeCli("run " + slug + " " + Quoted(path) + " --root " + Quoted(root_.path())).out;
  }

  TempDir root_;  // no problems/ folder: judge listen makes one
  JudgeProcess listener_{{"listen", "--port", "0", "--root", root_.path().string(), "--dir",
                          (root_.path() / "work").string()}};
  int port_ = 0;
};

TEST_F(ListenTest, MakesAProblemThatJudgesAcceptedAndWrongAnswer) {
  auto reply =
      Post(Payload("A. Watermelon", "https://codeforces.com/problemset/problem/4/A").dump());
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << reply->body;
  EXPECT_NE(reply->body.find("judge run a-watermelon "), std::string::npos) << reply->body;
  const std::string said = listener_.Line() + listener_.Line();
  EXPECT_NE(said.find("a-watermelon: 2 samples, 1000 ms, 64 MB"), std::string::npos) << said;
  EXPECT_NE(said.find("wrote " + (root_.path() / "work" / "a-watermelon.cpp").string()),
            std::string::npos)
      << said;
  EXPECT_TRUE(fs::exists(root_.path() / "work" / "a-watermelon.cpp"));

  const std::string right = Judge("a-watermelon", "right.cpp", R"(#include <iostream>
int main() { int w; std::cin >> w; std::cout << (w > 2 && w % 2 == 0 ? "YES" : "NO") << "\n"; })");
  EXPECT_NE(right.find("AC"), std::string::npos) << right;
  const std::string wrong = Judge("a-watermelon", "wrong.py", "w = int(input())\nprint('YES')\n");
  EXPECT_NE(wrong.find("WA"), std::string::npos) << wrong;
  EXPECT_NE(wrong.find("samples/sample-2"), std::string::npos) << wrong;

  std::string rest;
  EXPECT_EQ(listener_.Interrupt(&rest), 0);
  EXPECT_NE(rest.find("stopped after 1 problem"), std::string::npos) << rest;
}

TEST_F(ListenTest, BatchMakesOneProblemEachAndResendingReplaces) {
  const char* names[] = {"A. Watermelon", "B. Before an Exam", "C. Registration system"};
  for (int i = 0; i < 3; ++i) {
    auto reply =
        Post(Payload(names[i],
                     "https://codeforces.com/contest/4/problem/" + std::string(1, char('A' + i)), 3)
                 .dump());
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200) << reply->body;
  }
  EXPECT_EQ(Problems(), (std::vector<std::string>{"a-watermelon", "b-before-an-exam",
                                                  "c-registration-system"}));
  const std::string list = RunJudgeCli("list --root " + Quoted(root_.path())).out;
  EXPECT_NE(list.find("unrated"), std::string::npos) << list;

  // The same problem again replaces its own; another site's problem of the same name does not.
  auto again = Post(Payload("A. Watermelon", "https://codeforces.com/contest/4/problem/A").dump());
  auto other = Post(Payload("A. Watermelon", "https://atcoder.jp/contests/abc1/tasks/a").dump());
  ASSERT_TRUE(again && other);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(other->status, 200);
  EXPECT_EQ(Problems(), (std::vector<std::string>{"a-watermelon", "a-watermelon-2",
                                                  "b-before-an-exam", "c-registration-system"}));
}

TEST_F(ListenTest, RefusesBadPayloadsAndWebPagesWritingNothing) {
  json no_tests = Payload("A. Watermelon", "https://codeforces.com/contest/4/problem/A");
  no_tests["tests"] = json::array();
  json file_input = Payload("Mixing Milk", "http://usaco.org/index.php?cpid=855");
  file_input["input"] = {{"type", "file"}, {"fileName", "mixmilk.in"}};
  const std::string good =
      Payload("A. Watermelon", "https://codeforces.com/contest/4/problem/A").dump();
  struct Case {
    httplib::Result reply;
    int status;
    const char* body_part;
  };
  Case cases[] = {
      {Post("{\"name\": "), 400, "the body is not JSON"},
      {Post(no_tests.dump()), 400, "tests: no sample tests"},
      {Post(file_input.dump()), 400, "input: the problem uses a file (mixmilk.in)"},
      {Post(good, {{"Origin", "https://evil.example"}}), 403, "requests from web pages"},
      {Post(good, {}, "text/plain"), 415, "expected Content-Type application/json"},
      {Post(good, {{"Host", "evil.example:" + std::to_string(port_)}}), 403, "Host"},
      {Post(std::string(9 << 20, ' ')), 413, ""},
  };
  for (const Case& c : cases) {
    ASSERT_TRUE(c.reply);
    EXPECT_EQ(c.reply->status, c.status) << c.reply->body;
    EXPECT_NE(c.reply->body.find(c.body_part), std::string::npos) << c.reply->body;
  }
  EXPECT_TRUE(Problems().empty());
  EXPECT_FALSE(fs::exists(root_.path() / "testcases"));
  std::string rest;
  EXPECT_EQ(listener_.Interrupt(&rest), 0);
  EXPECT_NE(rest.find("stopped after 0 problems"), std::string::npos) << rest;
}

}  // namespace
}  // namespace judge
