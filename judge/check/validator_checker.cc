#include "judge/check/validator_checker.h"

#include <unistd.h>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/json/short_json.h"
#include "judge/sandbox/program_paths.h"

namespace judge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double kWallSeconds = 10;
constexpr uint64_t kMaxFeedbackBytes = 16 << 20;
constexpr size_t kMaxReasonChars = 200;

class ValidatorChecker : public Checker {
 public:
  ValidatorChecker(ValidatorProgram program, std::vector<std::string> extra, Sandbox& sandbox)
      : program_(std::move(program)), extra_(std::move(extra)), sandbox_(sandbox) {}

  CheckOutcome Check(const json& input, const json& expected, const json& received) const override {
    if (!input.is_string() || !expected.is_string())
      return Failed("the validator checker judges competitive problems (text input and answer)");
    if (!received.is_string()) return {false, "expected program output (text)"};
    const TempDir dir;
    if (!dir.ok())
      return Failed("output validator: cannot create a temporary directory in " +
                    TemporaryFolder().string());
    const fs::path& d = dir.path();
    std::string write_err;
    if (!WriteFileAtomic(d / "input.in", input.get<std::string>(), &write_err) ||
        !WriteFileAtomic(d / "answer.ans", expected.get<std::string>(), &write_err) ||
        !WriteFileAtomic(d / "output.txt", received.get<std::string>(), &write_err))
      return Failed("output validator: cannot write its files in " + d.string());

    ProcessSpec spec;
    spec.argv = program_.argv;
    // The workdir is the feedback folder: the sandbox hands it (and only it) to the run's user.
    for (const char* arg : {"input.in", "answer.ans", "./"}) spec.argv.push_back(arg);
    spec.argv.insert(spec.argv.end(), extra_.begin(), extra_.end());
    spec.workdir = d;
    spec.stdin_path = d / "output.txt";
    spec.env = JudgedEnvironment();
    spec.limits.wall_seconds = kWallSeconds;
    spec.limits.file_size_bytes = kMaxFeedbackBytes;
    spec.isolation.syscalls = program_.syscalls;
    spec.isolation.writable_workdir = true;
    spec.isolation.read_only_paths = ArgumentDirectories(program_.argv);
    // The program itself too, so that the sandbox lets the run's user execute it.
    for (const std::string& arg : program_.argv)
      if (fs::path(arg).is_absolute()) spec.isolation.read_only_paths.push_back(arg);
    const ProcessResult result = sandbox_.Run(spec);  // before the message is read
    return Outcome(result, FirstLineOfFile(d / "judgemessage.txt", kMaxReasonChars));
  }

 private:
  static CheckOutcome Failed(std::string reason) { return {false, std::move(reason), true}; }

  static CheckOutcome Outcome(const ProcessResult& result, const std::string& message) {
    if (!result.started) return Failed("output validator did not start: " + result.start_error);
    if (result.wall_timeout)
      return Failed("output validator timed out after " + std::to_string(int(kWallSeconds)) + " s");
    if (result.term_signal != 0)
      return Failed("output validator crashed (signal " + std::to_string(result.term_signal) + ")");
    if (result.exit_code == kKattisAcceptedExit) return {true, message};
    if (result.exit_code == kKattisRejectedExit)
      return {false, message.empty() ? "rejected by the output validator" : message};
    return Failed("output validator exited with code " + std::to_string(result.exit_code) +
                  " (42 accepts, 43 rejects)" + (message.empty() ? "" : ": " + message));
  }

  ValidatorProgram program_;
  std::vector<std::string> extra_;
  Sandbox& sandbox_;
};

}  // namespace

bool ReadValidatorArguments(const json& args, const fs::path& problem_dir, fs::path* program,
                            std::vector<std::string>* extra, std::string* err) {
  for (const auto& [key, value] : args.items())
    if (key != "name" && key != "program" && key != "args")
      return Fail("checker." + key +
                      ": unknown argument for checker \"validator\" (it takes "
                      "program args)",
                  err);
  if (!args.contains("program") || !args["program"].is_string() ||
      args["program"].get_ref<const std::string&>().empty())
    return Fail("checker.program: expected a string (a path relative to the problem folder)", err);
  const fs::path named = problem_dir / args["program"].get<std::string>();
  std::error_code ec;
  *program = fs::absolute(named, ec);
  if (ec || !fs::is_regular_file(*program, ec))
    return Fail("checker.program: " + named.string() + " is not a file", err);
  if (args.contains("args")) {
    const json& list = args["args"];
    bool ok = list.is_array();
    for (size_t i = 0; ok && i < list.size(); ++i) ok = list[i].is_string();
    if (!ok) return Fail("checker.args: expected an array of strings", err);
    *extra = list.get<std::vector<std::string>>();
  }
  return true;
}

std::unique_ptr<Checker> MakeBuiltValidatorChecker(ValidatorProgram program,
                                                   std::vector<std::string> extra,
                                                   Sandbox& sandbox) {
  return std::make_unique<ValidatorChecker>(std::move(program), std::move(extra), sandbox);
}

// The table's factory: the program as it is, an executable file (a source file is built by the
// run layer before it gets here).
std::unique_ptr<Checker> MakeValidatorChecker(const json& args, const fs::path& problem_dir,
                                              Sandbox& sandbox, std::string* err) {
  fs::path program;
  std::vector<std::string> extra;
  if (!ReadValidatorArguments(args, problem_dir, &program, &extra, err)) return nullptr;
  if (access(program.c_str(), X_OK) != 0) {
    *err = "checker.program: " + program.string() +
           " is not executable (a validator's source is built when the problem is judged)";
    return nullptr;
  }
  return MakeBuiltValidatorChecker({{program.string()}, SyscallSet::kTool}, std::move(extra),
                                   sandbox);
}

}  // namespace judge
