// custom: a program the problem ships decides. It runs as
//   program input.json expected.json received.json ARGS...
// in a fresh temporary directory holding those three files, and accepts iff it exits 0; the
// first line of its stdout is the reason shown. Each Check gets its own directory and runs the
// program through the Sandbox the checker was made with, so a custom checker is used from one
// thread at a time, like that sandbox.
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "judge/check/checker.h"
#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/json/short_json.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double kWallSeconds = 10;
constexpr uint64_t kMaxOutputBytes = 16 << 20;
constexpr size_t kMaxReasonChars = 200;

bool WriteJson(const fs::path& file, const json& value) {
  std::ofstream out(file, std::ios::binary);
  // Competitive output may be invalid UTF-8; the checker gets U+FFFD rather than no file.
  out << value.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  return static_cast<bool>(out);
}

class CustomChecker : public Checker {
 public:
  CustomChecker(fs::path program, std::vector<std::string> args, Sandbox& sandbox)
      : program_(std::move(program)), args_(std::move(args)), sandbox_(sandbox) {}

  CheckOutcome Check(const json& input, const json& expected, const json& received) const override {
    // Removed with everything in it when the check is over, whatever the outcome.
    const TempDir dir;
    if (!dir.ok())
      return {false, "custom checker: cannot create a temporary directory in " +
                         TemporaryFolder().string()};
    const fs::path& d = dir.path();
    if (!WriteJson(d / "input.json", input) || !WriteJson(d / "expected.json", expected) ||
        !WriteJson(d / "received.json", received))
      return {false, "custom checker: cannot write its input files in " + d.string()};

    ProcessSpec spec;
    spec.argv = {program_.string(), "input.json", "expected.json", "received.json"};
    spec.argv.insert(spec.argv.end(), args_.begin(), args_.end());
    spec.workdir = d;
    spec.stdout_path = d / "stdout.txt";
    const char* path = std::getenv("PATH");
    spec.env = {std::string("PATH=") + (path ? path : "/usr/local/bin:/usr/bin:/bin")};
    spec.limits.wall_seconds = kWallSeconds;
    spec.limits.file_size_bytes = kMaxOutputBytes;
    // The problem's own program, not a submission: it may start processes (a shell script),
    // and reads its folder; it sees neither the rest of the project nor the network.
    spec.isolation.syscalls = SyscallSet::kTool;
    spec.isolation.read_only_paths = {program_.parent_path(), program_};
    ProcessResult result = sandbox_.Run(spec);
    return Outcome(result, FirstLineOfFile(spec.stdout_path, kMaxReasonChars));
  }

 private:
  static CheckOutcome Outcome(const ProcessResult& result, const std::string& first_line) {
    if (!result.started) return {false, "custom checker did not start: " + result.start_error};
    if (result.wall_timeout)
      return {false, "custom checker timed out after " + std::to_string(int(kWallSeconds)) + " s"};
    if (result.term_signal != 0)
      return {false, "custom checker crashed (signal " + std::to_string(result.term_signal) + ")"};
    if (result.exit_code == 0) return {true, first_line};
    if (!first_line.empty()) return {false, first_line};
    return {false, "custom checker exited with code " + std::to_string(result.exit_code)};
  }

  fs::path program_;  // absolute, so the run's workdir does not change what it names
  std::vector<std::string> args_;
  Sandbox& sandbox_;
};

bool ReadProgram(const json& args, const fs::path& problem_dir, fs::path* out, std::string* err) {
  if (!args.contains("program") || !args["program"].is_string() ||
      args["program"].get_ref<const std::string&>().empty())
    return Fail("checker.program: expected a string (a path relative to the problem folder)", err);
  fs::path named = problem_dir / args["program"].get<std::string>();
  std::error_code ec;
  fs::path program = fs::absolute(named, ec);
  fs::file_status status = fs::status(program, ec);
  if (ec || !fs::exists(status))
    return Fail("checker.program: " + named.string() + " does not exist", err);
  if (!fs::is_regular_file(status))
    return Fail("checker.program: " + named.string() + " is not a file", err);
  if (access(program.c_str(), X_OK) != 0)
    return Fail("checker.program: " + program.string() + " is not executable", err);
  *out = program;
  return true;
}

bool ReadArgs(const json& args, std::vector<std::string>* out, std::string* err) {
  if (!args.contains("args")) return true;
  const json& list = args["args"];
  bool ok = list.is_array();
  for (size_t i = 0; ok && i < list.size(); ++i) ok = list[i].is_string();
  if (!ok) return Fail("checker.args: expected an array of strings", err);
  *out = list.get<std::vector<std::string>>();
  return true;
}

}  // namespace

std::unique_ptr<Checker> MakeCustomChecker(const json& args, const fs::path& problem_dir,
                                           Sandbox& sandbox, std::string* err) {
  fs::path program;
  std::vector<std::string> extra;
  if (!ReadProgram(args, problem_dir, &program, err) || !ReadArgs(args, &extra, err))
    return nullptr;
  return std::make_unique<CustomChecker>(std::move(program), std::move(extra), sandbox);
}

}  // namespace judge
