// A Sandbox for unit tests of the verdict logic: it runs nothing. Each Run pops the next scripted
// outcome, writes that outcome's file contents where the spec says the program's output goes (so
// a test can script "the harness wrote these result lines, then died with SIGSEGV"), and records
// the spec so the test can check what the caller asked for. Not thread-safe.
#pragma once

#include <deque>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "judge/sandbox/sandbox.h"

namespace judge {

// The "= {}" lets tests name only the fields they need ({.result = r, .fd3_text = "..."})
// without -Wmissing-field-initializers.
struct ScriptedRun {
  ProcessResult result = {};
  std::string stdout_text = {};  // written to spec.stdout_path, if it names one
  std::string stderr_text = {};  // to spec.stderr_path
  std::string fd3_text = {};     // to spec.fd3_path
};

class FakeSandbox : public Sandbox {
 public:
  void Script(ScriptedRun run) { script_.push_back(std::move(run)); }

  // Like the real sandbox, a started run creates or truncates every file the spec names, so
  // stale output from an earlier run cannot pass for this one's.
  ProcessResult Run(const ProcessSpec& spec) override {
    specs_.push_back(spec);
    if (script_.empty()) {
      ProcessResult result;
      result.start_error = "FakeSandbox: no scripted run left";
      return result;
    }
    ScriptedRun run = std::move(script_.front());
    script_.pop_front();
    if (run.result.started) {
      Write(spec.stdout_path, run.stdout_text);
      Write(spec.stderr_path, run.stderr_text);
      Write(spec.fd3_path, run.fd3_text);
    }
    return run.result;
  }

  const std::vector<ProcessSpec>& specs() const { return specs_; }
  size_t remaining() const { return script_.size(); }

  // Shorthands for the usual outcomes.
  static ProcessResult Exited(int code, double cpu_seconds = 0.01) {
    ProcessResult result;
    result.started = true;
    result.exit_code = code;
    result.cpu_seconds = result.wall_seconds = cpu_seconds;
    return result;
  }
  static ProcessResult Signaled(int signal, double cpu_seconds = 0.01) {
    ProcessResult result = Exited(-1, cpu_seconds);
    result.term_signal = signal;
    return result;
  }

 private:
  static void Write(const std::filesystem::path& path, const std::string& text) {
    if (path.empty()) return;
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }

  std::deque<ScriptedRun> script_;
  std::vector<ProcessSpec> specs_;
};

}  // namespace judge
