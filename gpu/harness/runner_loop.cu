// The judging loop of the checker and of the single-process runner (runner_main.h): the cases in
// order, each validated, then timed where asked, every call checked right after it returns.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "gpu/harness/counter_random.h"
#include "gpu/harness/device_buffer.h"
#include "gpu/harness/device_info.h"
#include "gpu/harness/device_rates.h"
#include "gpu/harness/device_timing.h"
#include "gpu/harness/gpu_error.h"
#include "gpu/harness/runner_main.h"
#include "gpu/harness/shared_memory.h"
#include "gpu/harness/stats.h"
#include "gpu/harness/submission_invoker.h"

namespace judge::gpu {
namespace {

struct RunnerOptions {
  std::string cases_path;
  std::string out_path;
  uint64_t seed = 0;
  int trials = 3;
  int warmup = 3;
  int repetitions = 20;
};

struct CaseEntry {
  std::string name;
  std::string group;
  bool timed = false;
  nlohmann::json spec;
};

// "checker" or "runner", for messages on stderr.
const char* program_name = "runner";

int Usage(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", program_name, message.c_str());
  return kRunnerBadUsage;
}

bool ParseArgs(int argc, char** argv, RunnerOptions* options, std::string* err) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) {
      *err = flag + " needs a value";
      return false;
    }
    const char* value = argv[++i];
    if (flag == "--cases") {
      options->cases_path = value;
    } else if (flag == "--out") {
      options->out_path = value;
    } else {
      *err = "unknown flag " + flag;
      return false;
    }
  }
  if (options->cases_path.empty() || options->out_path.empty()) {
    *err = std::string("usage: ") + program_name +
           " --cases FILE --out FILE, with the secrets on stdin (gpu/PROTOCOL.md)";
    return false;
  }
  return true;
}

// The secrets {"seed", "trials", "warmup", "repetitions"} (PROTOCOL.md).
bool ParseSecrets(const nlohmann::json& secrets, RunnerOptions* options, std::string* err) {
  if (!secrets.is_object() || !secrets.contains("seed") || !secrets["seed"].is_number_unsigned()) {
    *err = "expected the secrets {\"seed\", \"trials\", \"warmup\", \"repetitions\"}";
    return false;
  }
  options->seed = secrets["seed"].get<uint64_t>();
  for (auto [name, target] :
       {std::pair{"trials", &options->trials}, std::pair{"warmup", &options->warmup},
        std::pair{"repetitions", &options->repetitions}}) {
    const nlohmann::json& value = secrets.value(name, nlohmann::json());
    if (value.is_null()) continue;
    if (!value.is_number_integer() || value.get<long>() < 1 || value.get<long>() > 100000) {
      *err = std::string("secrets: ") + name + ": an integer from 1 to 100000";
      return false;
    }
    *target = value.get<int>();
  }
  return true;
}

// The single-process runner's secrets: one line on stdin, which is then /dev/null, so nothing
// after this (the submission's code) reads them.
bool ReadSecretsLine(RunnerOptions* options, std::string* err) {
  std::string line;
  std::getline(std::cin, line);
  if (!std::freopen("/dev/null", "r", stdin)) {
    *err = "cannot close stdin after the secrets line";
    return false;
  }
  if (ParseSecrets(nlohmann::json::parse(line, nullptr, false), options, err)) return true;
  *err = "stdin: " + *err;
  return false;
}

// The checker's secrets: the first message on its end of the socket, which the judge wrote
// before the runner started (only the judge can have sent it).
bool ReceiveSecrets(CallChannel& channel, RunnerOptions* options, std::string* err) {
  ChannelMessage message;
  if (!channel.Receive(&message, err)) {
    *err = "fd 0: no secrets message" + (err->empty() ? "" : ": " + *err);
    return false;
  }
  if (ParseSecrets(message.body, options, err)) return true;
  *err = "fd 0: " + *err;
  return false;
}

bool LoadCases(const std::string& path, std::vector<CaseEntry>* cases, std::string* err) {
  std::ifstream in(path);
  const nlohmann::json all = nlohmann::json::parse(in, nullptr, false);
  if (!in.is_open() || all.is_discarded() || !all.is_array()) {
    *err = path + ": expected a JSON array of cases";
    return false;
  }
  for (const nlohmann::json& entry : all) {
    if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string() ||
        !entry.contains("spec") || !entry["spec"].is_object()) {
      *err = path + ": each case needs a string \"name\" and an object \"spec\"";
      return false;
    }
    cases->push_back(
        {entry["name"], entry.value("group", ""), entry.value("timed", false), entry["spec"]});
  }
  return true;
}

nlohmann::json FiguresJson(const std::vector<Figure>& figures) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : figures) out[name] = value;
  return out;
}

// Fresh inputs, one call (done on every device when it returns: async errors surface there),
// then the check.
CaseCheck RunAndCheck(GpuCase& gpu_case, SubmissionInvoker& invoker, uint64_t seed) {
  gpu_case.NewInputs(seed);
  SynchronizeAllDevices();  // the inputs are in place before the submission's process reads them
  invoker.Call();
  return gpu_case.Check();
}

// Judges one case into `line`: correctness trials, then for timed cases the timed repetitions,
// each checked right after its call, and a full check of the last timed output.
void JudgeCase(GpuCase& gpu_case, SubmissionInvoker& invoker, const CaseEntry& entry,
               const RunnerOptions& options, uint64_t case_seed, nlohmann::json* line) {
  uint64_t draw = 0;
  auto next_seed = [&] { return Mix64(case_seed + ++draw); };
  CaseCheck check;
  for (int trial = 0; trial < options.trials; ++trial) {
    check = RunAndCheck(gpu_case, invoker, next_seed());
    if (!check.ok) break;
  }
  (*line)["max_error"] = check.max_error;
  (*line)["tolerance"] = check.tolerance;
  if (!check.ok || !entry.timed) {
    (*line)["verdict"] = check.ok ? "AC" : "WA";
    (*line)["detail"] = check.detail;
    return;
  }
  for (int i = 0; i < options.warmup; ++i) {
    gpu_case.NewInputs(next_seed());
    SynchronizeAllDevices();
    invoker.Call();
  }
  std::vector<double> seconds;
  for (int i = 0; i < options.repetitions; ++i) {
    gpu_case.NewInputs(next_seed());
    FlushL2();
    seconds.push_back(invoker.TimedCall());
    // Outside the timer, right after every timed call: its output and its inputs. A run that
    // wrote into its inputs is WA however fast (zeroing v makes zeros the right answer for the
    // inputs as they are), and so is one that skipped its work on this call.
    check = gpu_case.CheckTimedCall(next_seed());
    if (!check.ok) {
      (*line)["verdict"] = "WA";
      (*line)["detail"] = "timed call " + std::to_string(i + 1) + " of " +
                          std::to_string(options.repetitions) + ": " + check.detail;
      return;
    }
  }
  const TimingSummary summary = Summarise(seconds);
  (*line)["timing"] = {{"median_s", summary.median},
                       {"min_s", summary.min},
                       {"max_s", summary.max},
                       {"spread", summary.spread},
                       {"repetitions", summary.repetitions}};
  (*line)["figures"] = FiguresJson(gpu_case.Figures(summary.median));
  const double floor = gpu_case.FloorSeconds();
  (*line)["floor_s"] = floor;
  // The output of the last timed run must still be right: a kernel cannot trade answers for time.
  check = gpu_case.Check();
  if (!check.ok) {
    (*line)["verdict"] = "WA";
    (*line)["detail"] = "after timing: " + check.detail;
  } else if (floor > 0 && summary.median < 0.5 * floor) {
    char detail[300];
    std::snprintf(detail, sizeof detail,
                  "median %.4g ms is under half the physical floor %.4g ms (the least time its "
                  "bytes and FLOPs take at this device's measured rates): work skipped or hidden "
                  "from the timer",
                  summary.median * 1e3, floor * 1e3);
    (*line)["verdict"] = "WA";
    (*line)["detail"] = detail;
  } else {
    (*line)["verdict"] = "AC";
    (*line)["detail"] = check.detail;
  }
}

}  // namespace

int RunnerMain(int argc, char** argv, const GpuProblem& problem, const ProblemCall* call) {
  RunnerOptions options;
  std::string err;
  std::vector<CaseEntry> cases;
  // The checker's socket to the runner is its fd 0 (PROTOCOL.md); a single-process runner reads
  // its secrets line there instead.
  program_name = call ? "runner" : "checker";
  std::unique_ptr<CallChannel> channel;
  if (!call) channel = std::make_unique<CallChannel>(dup(0));
  if (!ParseArgs(argc, argv, &options, &err) ||
      !(call ? ReadSecretsLine(&options, &err) : ReceiveSecrets(*channel, &options, &err)) ||
      !LoadCases(options.cases_path, &cases, &err))
    return Usage(err);
  std::ofstream out(options.out_path, std::ios::app);
  if (!out) return Usage(options.out_path + ": cannot open for writing");
  auto write = [&out](const nlohmann::json& line) { out << line.dump() << '\n' << std::flush; };

  const DeviceInfo device = ProbeDevice();
  if (!device.present) {
    std::fprintf(stderr, "no CUDA device: %s\n", device.absent_reason.c_str());
    return kRunnerNoDevice;
  }
  if (!call) {
    // Every device a case may put a buffer on must lend its memory.
    if (!MemoryLendingWorks(&err)) {
      std::fprintf(stderr, "checker: cannot lend device memory to the runner: %s\n", err.c_str());
      return kCannotShareMemory;
    }
    SetSubmissionMemory(Sharing::kShared);
  }
  std::unique_ptr<SubmissionInvoker> invoker =
      call ? MakeInProcessInvoker(*call) : MakeApartInvoker(channel.get());
  nlohmann::json header = {
      {"type", "device"},
      {"name", device.name},
      {"compute_capability", std::to_string(device.major) + "." + std::to_string(device.minor)},
      {"devices", device.count},
      {"multiprocessors", device.multiprocessors},
      {"driver_version", device.driver_version},
      {"runtime_version", device.runtime_version},
      {"checked_apart", call == nullptr}};
  bool any_timed = false;
  for (const CaseEntry& entry : cases) any_timed |= entry.timed;
  DeviceRates rates;
  try {
    // Device rates take seconds to measure; only timed cases report fractions of them.
    if (any_timed) header["figures"] = FiguresJson(MeasureDeviceRates(problem, &rates));
  } catch (const CudaError& e) {
    std::fprintf(stderr, "%s: measuring the device failed: %s\n", program_name, e.what());
    return kRunnerCudaError;
  }
  write(header);

  for (size_t index = 0; index < cases.size(); ++index) {
    const CaseEntry& entry = cases[index];
    nlohmann::json line = {{"type", "case"}, {"name", entry.name}, {"group", entry.group}};
    try {
      std::unique_ptr<GpuCase> gpu_case = problem.make_case(entry.spec, rates, &err);
      if (!gpu_case) return Usage("case " + entry.name + ": " + err);
      invoker->BeginCase(*gpu_case);
      JudgeCase(*gpu_case, *invoker, entry, options, Mix64(options.seed + index), &line);
      invoker->EndCase();
    } catch (const RunnerStopped& e) {
      // No line: the judge tells TLE from RE by how the runner's process ended.
      std::fprintf(stderr, "checker: case %s: %s\n", entry.name.c_str(), e.what());
      return kRunnerStoppedAnswering;
    } catch (const SubmissionFailed& e) {
      // A CUDA error in the runner's process, whose context may be dead: report it and stop.
      line["verdict"] = "RE";
      line["detail"] = std::string(e.what()).substr(0, 500);
      write(line);
      return kRunnerCudaError;
    } catch (const CudaError& e) {
      // The context may be dead after a device fault: report this case and stop.
      line["verdict"] = "RE";
      line["detail"] = e.what();
      write(line);
      return kRunnerCudaError;
    } catch (const std::exception& e) {
      // The harness's own checks (its reference disagreeing with the CPU's): not the
      // submission's fault.
      std::fprintf(stderr, "%s: internal error in case %s: %s\n", program_name, entry.name.c_str(),
                   e.what());
      return kRunnerInternalError;
    }
    write(line);
  }
  return kRunnerDone;
}

}  // namespace judge::gpu
