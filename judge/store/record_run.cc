#include "judge/store/record_run.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <thread>

namespace judge {

std::string DefaultUser() {
  if (const char* user = std::getenv("USER"); user && *user) return user;
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
  return "anonymous";
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("model name", 0) == 0) {
      const size_t colon = line.find(':');
      if (colon != std::string::npos && colon + 2 <= line.size()) return line.substr(colon + 2);
    }
  return "unknown";
}

RunRecord MakeRunRecord(const Judgement& judgement, const SubmissionTiming* bench,
                        const std::string& user) {
  RunRecord run;
  run.user = user;
  run.problem = judgement.problem;
  run.language = judgement.language;
  run.source_name = judgement.source.filename().string();
  run.source_sha256 = judgement.source_sha256;
  run.verdict = std::string(VerdictCode(judgement.verdict));
  run.reason = judgement.reason;
  run.failed_test = judgement.failed_test;
  run.tests_total = static_cast<int>(judgement.total_tests);
  for (const auto& test : judgement.tests) {
    run.tests_passed += test.verdict == Verdict::kAccepted;
    run.max_time_ms = std::max(run.max_time_ms, test.time_ms);
    run.max_memory_kb = std::max<int64_t>(run.max_memory_kb, test.memory_kb);
    run.tests.push_back(
        {test.name, std::string(VerdictCode(test.verdict)), test.time_ms, test.memory_kb});
  }
  run.cpu_model = CpuModel();
  run.cores = static_cast<int>(std::thread::hardware_concurrency());
  if (bench) {
    run.timing = bench->timing;
    run.growth = bench->growth;
  }
  return run;
}

}  // namespace judge
