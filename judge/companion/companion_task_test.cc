// The extension's payload as its README documents it, and each way a payload is refused.
#include "judge/companion/companion_task.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace judge {
namespace {

using nlohmann::json;

// The example of Competitive Companion's README ("The format"), with the batch newer versions add.
json Example() {
  return json::parse(R"json({
    "name": "G. Castle Defense",
    "group": "Educational Codeforces Round 40 (Rated for Div. 2)",
    "url": "https://codeforces.com/problemset/problem/954/G",
    "interactive": false, "memoryLimit": 256, "timeLimit": 1500, "testType": "single",
    "input": {"type": "stdin"}, "output": {"type": "stdout"},
    "languages": {"java": {"mainClass": "Main", "taskClass": "GCastleDefense"}},
    "tests": [{"input": "5 0 6\n5 4 3 4 9\n", "output": "5\n"},
              {"input": "4 2 0\n1 2 3 4\n", "output": "6\n"},
              {"input": "5 1 1\n2 1 2 1 2\n", "output": "3\n"}],
    "batch": {"id": "123e67c8-03c6-44a4-a3f9-5918bb3a2c72", "size": 7}})json");
}

TEST(CompanionTaskTest, ReadsTheDocumentedExample) {
  CompanionTask task;
  std::string err;
  ASSERT_TRUE(ParseCompanionTask(Example().dump(), &task, &err)) << err;
  EXPECT_EQ(task.name, "G. Castle Defense");
  EXPECT_EQ(task.group, "Educational Codeforces Round 40 (Rated for Div. 2)");
  EXPECT_EQ(task.url, "https://codeforces.com/problemset/problem/954/G");
  EXPECT_EQ(task.time_ms, 1500);
  EXPECT_EQ(task.memory_mb, 256);
  EXPECT_EQ(task.test_type, "single");
  ASSERT_EQ(task.tests.size(), 3u);
  EXPECT_EQ(task.tests[1].input, "4 2 0\n1 2 3 4\n");
  EXPECT_EQ(task.tests[2].output, "3\n");
  EXPECT_EQ(task.batch_id, "123e67c8-03c6-44a4-a3f9-5918bb3a2c72");
  EXPECT_EQ(task.batch_size, 7);
}

TEST(CompanionTaskTest, OptionalFieldsMayBeAbsent) {
  json payload = Example();
  for (const char* field :
       {"group", "url", "interactive", "testType", "input", "output", "batch", "languages"})
    payload.erase(field);
  CompanionTask task;
  std::string err;
  ASSERT_TRUE(ParseCompanionTask(payload.dump(), &task, &err)) << err;
  EXPECT_EQ(task.batch_size, 1);
  EXPECT_TRUE(task.url.empty());
}

TEST(CompanionTaskTest, RefusesWhatItCannotJudgeNamingTheField) {
  struct Case {
    const char* what;
    std::function<void(json&)> change;
    const char* error_part;
  };
  const Case cases[] = {
      {"no name", [](json& p) { p.erase("name"); }, "name: missing"},
      {"blank name", [](json& p) { p["name"] = "  "; }, "name: empty"},
      {"limit as text", [](json& p) { p["timeLimit"] = "1s"; }, "timeLimit: expected a number"},
      {"zero memory", [](json& p) { p["memoryLimit"] = 0; }, "memoryLimit: expected a number"},
      {"no tests", [](json& p) { p["tests"] = json::array(); }, "tests: no sample tests"},
      {"tests not a list", [](json& p) { p["tests"] = "x"; }, "tests: expected an array"},
      {"output missing", [](json& p) { p["tests"][1].erase("output"); },
       "tests[1].output: missing"},
      {"input a number", [](json& p) { p["tests"][2]["input"] = 5; },
       "tests[2].input: expected a string"},
      {"file input",
       [](json& p) {
         p["input"] = {{"type", "file"}, {"fileName", "mixmilk.in"}};
       },
       "input: the problem uses a file (mixmilk.in)"},
      {"regex output",
       [](json& p) {
         p["output"] = {{"type", "regex"}};
       },
       "output.type: \"regex\" is not"},
      {"interactive", [](json& p) { p["interactive"] = true; }, "interactive: "},
      {"batch size", [](json& p) { p["batch"]["size"] = -1; }, "batch.size: expected a number"},
  };
  for (const Case& c : cases) {
    json payload = Example();
    c.change(payload);
    CompanionTask task;
    std::string err;
    EXPECT_FALSE(ParseCompanionTask(payload.dump(), &task, &err)) << c.what;
    EXPECT_NE(err.find(c.error_part), std::string::npos) << c.what << ": " << err;
  }
  CompanionTask task;
  std::string err;
  EXPECT_FALSE(ParseCompanionTask("{\"name\": ", &task, &err));
  EXPECT_EQ(err, "the body is not JSON");
  EXPECT_FALSE(ParseCompanionTask("[1]", &task, &err));
  EXPECT_EQ(err, "the body is not a JSON object");
}

}  // namespace
}  // namespace judge
