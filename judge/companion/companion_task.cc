#include "judge/companion/companion_task.h"

#include <nlohmann/json.hpp>

#include "judge/error.h"

namespace judge {
namespace {

using nlohmann::json;

// The extension's limits are small integers; anything past these is a broken payload.
constexpr int kMaxTimeMs = 600 * 1000;
constexpr int kMaxMemoryMb = 64 * 1024;
constexpr size_t kMaxTests = 1000;

bool ReadString(const json& object, const char* field, bool required, std::string* out,
                std::string* err) {
  if (!object.contains(field)) {
    if (!required) return true;
    return Fail(std::string(field) + ": missing", err);
  }
  if (!object[field].is_string()) return Fail(std::string(field) + ": expected a string", err);
  *out = object[field].get<std::string>();
  return true;
}

bool ReadLimit(const json& object, const char* field, int max, int* out, std::string* err) {
  if (!object.contains(field)) return Fail(std::string(field) + ": missing", err);
  const json& value = object[field];
  // The extension sends whole numbers, sometimes as floats (1000.0); both are taken.
  if (!value.is_number() || value.get<double>() < 1 || value.get<double>() > max)
    return Fail(std::string(field) + ": expected a number in [1, " + std::to_string(max) + "]",
                err);
  *out = static_cast<int>(value.get<double>());
  return true;
}

// input/output: {"type": "stdin"} and {"type": "stdout"} are what the judge can run; "file"
// (USACO's problem.in) is refused, since the program would read a file the judge never writes.
bool CheckStream(const json& object, const char* field, const char* expected, std::string* err) {
  if (!object.contains(field)) return true;
  const json& stream = object[field];
  if (!stream.is_object() || !stream.contains("type") || !stream["type"].is_string())
    return Fail(std::string(field) + ".type: expected a string", err);
  const std::string type = stream["type"].get<std::string>();
  if (type == expected) return true;
  if (type == "file") {
    std::string name = stream.contains("fileName") && stream["fileName"].is_string()
                           ? " (" + stream["fileName"].get<std::string>() + ")"
                           : "";
    return Fail(std::string(field) + ": the problem uses a file" + name + ", and the judge runs " +
                    expected + " programs only",
                err);
  }
  return Fail(
      std::string(field) + ".type: \"" + type + "\" is not \"" + expected + "\" or \"file\"", err);
}

bool ReadTests(const json& object, std::vector<CompanionTest>* out, std::string* err) {
  if (!object.contains("tests")) return Fail("tests: missing", err);
  const json& tests = object["tests"];
  if (!tests.is_array()) return Fail("tests: expected an array", err);
  if (tests.empty()) return Fail("tests: no sample tests (the judge needs at least one)", err);
  if (tests.size() > kMaxTests)
    return Fail("tests: more than " + std::to_string(kMaxTests) + " tests", err);
  for (size_t i = 0; i < tests.size(); ++i) {
    const std::string where = "tests[" + std::to_string(i) + "]";
    if (!tests[i].is_object()) return Fail(where + ": expected an object", err);
    CompanionTest test;
    std::string field_err;
    if (!ReadString(tests[i], "input", true, &test.input, &field_err) ||
        !ReadString(tests[i], "output", true, &test.output, &field_err))
      return Fail(where + "." + field_err, err);
    out->push_back(std::move(test));
  }
  return true;
}

bool ReadBatch(const json& object, CompanionTask* out, std::string* err) {
  if (!object.contains("batch")) return true;
  const json& batch = object["batch"];
  if (!batch.is_object()) return Fail("batch: expected an object", err);
  std::string field_err;
  if (!ReadString(batch, "id", true, &out->batch_id, &field_err) ||
      !ReadLimit(batch, "size", static_cast<int>(kMaxTests), &out->batch_size, &field_err))
    return Fail("batch." + field_err, err);
  return true;
}

}  // namespace

bool ParseCompanionTask(const std::string& body, CompanionTask* out, std::string* err) {
  const json object = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return Fail("the body is not JSON", err);
  if (!object.is_object()) return Fail("the body is not a JSON object", err);
  CompanionTask task;
  if (!ReadString(object, "name", true, &task.name, err) ||
      !ReadString(object, "group", false, &task.group, err) ||
      !ReadString(object, "url", false, &task.url, err) ||
      !ReadString(object, "testType", false, &task.test_type, err) ||
      !ReadLimit(object, "timeLimit", kMaxTimeMs, &task.time_ms, err) ||
      !ReadLimit(object, "memoryLimit", kMaxMemoryMb, &task.memory_mb, err) ||
      !CheckStream(object, "input", "stdin", err) ||
      !CheckStream(object, "output", "stdout", err) || !ReadTests(object, &task.tests, err) ||
      !ReadBatch(object, &task, err))
    return false;
  if (task.name.find_first_not_of(" \t\r\n") == std::string::npos) return Fail("name: empty", err);
  if (object.contains("interactive") && object["interactive"] == true)
    return Fail(
        "interactive: the samples of an interactive problem cannot judge it without its "
        "interactor; write one (problems/FORMAT.md) or judge it on the site",
        err);
  *out = std::move(task);
  return true;
}

}  // namespace judge
