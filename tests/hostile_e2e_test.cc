// The hostile corpus (tests/hostile/): each submission tries one harm and must earn the verdict
// its header names, judged through the CLI as root would judge it. After each, the test checks
// that the harm did not happen: the project's files are still there and nothing was written
// beside them, the listener on 127.0.0.1 saw no connection, no process of the run is left, and
// the judge printed a verdict. A submission needing a protection this machine does not give the
// sandbox (`needs:` in its header, SandboxProtections()) is skipped, saying which.
//
// The fallback paths are judged too: the corpus runs again with each mechanism switched off
// (JUDGE_SANDBOX_OFF), as on a machine without it. Every submission that does not need that
// mechanism must still earn its verdict and do no harm, and `judge selftest` must say it is off.
//
// Header of each file (comment lines at the top):  verdict: WA / needs: namespaces seccomp /
// harm: what must not happen. Placeholders in the source: @ROOT@ (the workspace), @PORT@ (the
// listener), @TOKEN@ (a name unique to the test, for files and processes it must not leave).
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "judge/files/files.h"
#include "judge/sandbox/local_sandbox.h"
#include "tests/cli_runner.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

struct Hostile {
  std::string file;     // name in tests/hostile/
  std::string verdict;  // "WA", ...
  std::vector<std::string> needs;
  std::string harm;
};

const fs::path kCorpus = fs::path(JUDGE_DEFAULT_ROOT) / "tests" / "hostile";

std::vector<Hostile> Corpus() {
  std::vector<Hostile> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kCorpus, ec)) {
    Hostile h;
    h.file = entry.path().filename().string();
    std::istringstream in(testing::ReadWholeFile(entry.path()));
    std::string line;
    while (std::getline(in, line) && (line.rfind("//", 0) == 0 || line.rfind("#", 0) == 0)) {
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      const size_t start = line.find_first_not_of("/# ");
      const std::string key = line.substr(start, colon - start);
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (key == "verdict") h.verdict = value;
      if (key == "harm") h.harm = value;
      if (key == "needs") {
        std::istringstream words(value);
        for (std::string w; words >> w;) h.needs.push_back(w);
      }
    }
    if (!h.verdict.empty()) out.push_back(h);
  }
  std::sort(out.begin(), out.end(),
            [](const Hostile& a, const Hostile& b) { return a.file < b.file; });
  return out;
}

// A submission of the corpus, and the mechanism switched off while it is judged ("": none).
struct HostileRun {
  Hostile hostile;
  std::string off;
};

void PrintTo(const HostileRun& r, std::ostream* os) {
  *os << r.hostile.file << (r.off.empty() ? "" : " without " + r.off);
}

// `needs:` words and JUDGE_SANDBOX_OFF names, and the protection each stands for in
// SandboxProtections() and `judge selftest`.
const std::map<std::string, std::string> kProtectionNames = {{"namespaces", "PID namespace"},
                                                             {"seccomp", "seccomp filter"},
                                                             {"exec-once", "exec once"},
                                                             {"cgroup", "cgroup"}};

// "namespaces" -> "PID namespace" and so on; empty when the sandbox has it.
std::string Missing(const std::vector<std::string>& needs) {
  static const std::vector<Protection> active = SandboxProtections();
  std::string missing;
  for (const std::string& need : needs) {
    auto it = kProtectionNames.find(need);
    bool on = false;
    for (const auto& p : active)
      on = on || (it != kProtectionNames.end() && p.name == it->second && p.active);
    if (!on) missing += need + " ";
  }
  return missing;
}

// The whole corpus with everything on, then without boxes, then, for each mechanism, the
// submissions that do not need it with it switched off. Seccomp off takes exec-once with it
// (exec-once is a filter).
std::vector<HostileRun> Runs() {
  std::vector<HostileRun> runs;
  for (const Hostile& h : Corpus()) runs.push_back({h, ""});
  // And each with a keeper per run, as before boxes were kept (local_sandbox.h).
  for (const Hostile& h : Corpus()) runs.push_back({h, "reuse"});
  for (const auto& [off, name] : kProtectionNames)
    for (const Hostile& h : Corpus()) {
      const auto needs = [&](const std::string& mechanism) {
        return std::find(h.needs.begin(), h.needs.end(), mechanism) != h.needs.end();
      };
      // Every other mechanism comes with the namespaces: without them, only what needs nothing.
      const bool needed = off == "namespaces"
                              ? !h.needs.empty()
                              : needs(off) || (off == "seccomp" && needs("exec-once"));
      if (!needed) runs.push_back({h, off});
    }
  return runs;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Processes whose working folder is under `dir` or whose command line names `token`.
std::vector<std::string> Leftovers(const fs::path& dir, const std::string& token) {
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = testing::ReadWholeFile(entry.path() / "cmdline");
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    std::error_code link_ec;
    const std::string cwd = fs::read_symlink(entry.path() / "cwd", link_ec).string();
    if (cmdline.find(token) != std::string::npos || (!link_ec && cwd.rfind(dir.string(), 0) == 0))
      found.push_back(pid + ": " + cmdline);
  }
  return found;
}

class HostileTest : public ::testing::TestWithParam<HostileRun> {
 protected:
  void SetUp() override {
    const fs::path& root = root_.path();
    fs::create_directories(root / "problems" / "sum");
    fs::create_directories(root / "testcases" / "sum");
    // 256 MB, not less: without a cgroup a run's memory is its peak resident size, which counts
    // the pages it inherited from the judge before its exec, and the sanitized judge's own
    // binary keeps about 70 MB of them resident (judge/SANDBOX.md). No program here asks for MLE.
    std::ofstream(root / "problems" / "sum" / "problem.json") << R"({"title": "Sum",
      "difficulty": "easy", "style": "competitive",
      "limits": {"time_ms": 1000, "memory_mb": 256, "output_kb": 1024},
      "checker": {"name": "tokens"}})";
    std::ofstream(root / "problems" / "sum" / "statement.md") << "Print a + b.\n";
    std::ofstream(root / "testcases" / "sum" / "01.json") << R"({"group": "samples", "cases": [
      {"name": "small", "input": "1 2\n", "expected": "3\n"},
      {"name": "large", "input": "1000000000000 7\n", "expected": "1000000000007\n"}]})";
    std::ofstream(root / "README.md") << "the judge's readme\n";
    std::ofstream(root / "victim.txt") << "still here\n";

    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener_, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(listen(listener_, 16), 0);
    socklen_t len = sizeof addr;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    token_ = "judge-hostile-" + std::to_string(getpid());
  }
  void TearDown() override {
    if (listener_ >= 0) close(listener_);
    std::error_code ec;
    fs::remove(fs::path("/tmp") / token_, ec);
  }

  TempDir root_;
  TempDir runs_;  // TMPDIR for the judge: every run's folder is under it
  int listener_ = -1;
  int port_ = 0;
  std::string token_;
};

TEST_P(HostileTest, EarnsItsVerdictAndDoesNoHarm) {
  const Hostile& h = GetParam().hostile;
  const std::string& off = GetParam().off;
  if (const std::string missing = Missing(h.needs); !missing.empty())
    GTEST_SKIP() << h.file << " needs " << missing << "which the sandbox does not have here";
  const fs::path& root = root_.path();
  std::string source = testing::ReadWholeFile(kCorpus / h.file);
  source = Replace(source, "@ROOT@", root.string());
  source = Replace(source, "@PORT@", std::to_string(port_));
  source = Replace(source, "@TOKEN@", token_);
  const fs::path file = runs_.path() / h.file;
  std::ofstream(file, std::ios::binary) << source;

  setenv("TMPDIR", runs_.path().c_str(), 1);
  setenv("JUDGE_SANDBOX_OFF", off.c_str(), 1);
  const auto r = testing::RunJudgeCli("--root " + testing::Quoted(root) + " run sum " +
                                      testing::Quoted(file) + " --json");
  unsetenv("JUDGE_SANDBOX_OFF");
  unsetenv("TMPDIR");

  // The judge survived and printed a verdict.
  nlohmann::json report;
  ASSERT_NO_THROW(report = nlohmann::json::parse(r.out)) << h.file << ": " << r.out;
  EXPECT_EQ(report.at("verdict"), h.verdict)
      << h.file << " (" << h.harm << "): " << report.value("reason", "");
  EXPECT_EQ(r.exit_code, h.verdict == "AC" ? 0 : 1);
  EXPECT_EQ(r.out.find("1000000000007", r.out.find("\"reason\"")), std::string::npos)
      << "the answer shows in the report's reason or log";

  // The files around it are as they were.
  EXPECT_EQ(testing::ReadWholeFile(root / "victim.txt"), "still here\n")
      << h.file << " deleted or changed a file";
  for (const char* name : {"pwned.txt", "sh-ran", "big"})
    EXPECT_FALSE(fs::exists(root / name)) << h.file << " wrote " << name << " in the project";
  EXPECT_FALSE(fs::exists(fs::path("/tmp") / token_)) << h.file << " wrote in the machine's /tmp";

  // Nobody connected to the listener.
  int accepted = accept(listener_, nullptr, nullptr);
  EXPECT_LT(accepted, 0) << h.file << " reached 127.0.0.1:" << port_;
  if (accepted >= 0) close(accepted);

  // No process of the run is left (the kernel may take a moment to finish killing them).
  std::vector<std::string> left;
  for (int i = 0; i < 100; ++i) {
    left = Leftovers(runs_.path(), token_);
    if (left.empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(left.empty()) << h.file << " left " << left.size() << " processes, e.g. " << left[0];
}

std::string TestName(const ::testing::TestParamInfo<HostileRun>& info) {
  std::string name =
      info.param.hostile.file + (info.param.off.empty() ? "" : "_without_" + info.param.off);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileTest, ::testing::ValuesIn(Runs()), TestName);

// A mechanism switched off is reported as off, with the reason, by `judge selftest`; a name the
// judge does not know is refused.
TEST(SandboxSwitches, SelftestSaysWhatIsOff) {
  for (const auto& [off, name] : kProtectionNames) {
    setenv("JUDGE_SANDBOX_OFF", off.c_str(), 1);
    const auto r = testing::RunJudgeCli("selftest");
    unsetenv("JUDGE_SANDBOX_OFF");
    const std::string line = "off   " + name;
    const size_t at = r.out.find(line);
    ASSERT_NE(at, std::string::npos) << off << ":\n" << r.out;
    EXPECT_NE(r.out.find("switched off by JUDGE_SANDBOX_OFF", at), std::string::npos) << r.out;
  }
  setenv("JUDGE_SANDBOX_OFF", "namespaces,seccomp-filter", 1);
  const auto r = testing::RunJudgeCli("list");
  unsetenv("JUDGE_SANDBOX_OFF");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("JUDGE_SANDBOX_OFF: unknown mechanism \"seccomp-filter\""),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace judge
