#include "judge/sandbox/local_sandbox.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "judge/sandbox/fake_sandbox.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Each test runs real processes in a fresh temporary directory of its own.
class LocalSandboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "judge_sandbox_XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
  }
  void TearDown() override { fs::remove_all(dir_); }

  ProcessSpec Spec(std::vector<std::string> argv) {
    ProcessSpec spec;
    spec.argv = std::move(argv);
    spec.workdir = dir_;
    spec.stdout_path = dir_ / "out";
    spec.stderr_path = dir_ / "err";
    spec.env = {"PATH=/usr/bin:/bin"};
    spec.isolation.syscalls =
        SyscallSet::kTool;  // these tests use sh scripts; Isolation* below do not
    return spec;
  }
  ProcessSpec Shell(const std::string& script) { return Spec({"sh", "-c", script}); }

  fs::path dir_;
  LocalSandbox sandbox_;
};

TEST_F(LocalSandboxTest, ExitCodePassedThrough) {
  ProcessResult r = sandbox_.Run(Shell("exit 7"));
  EXPECT_TRUE(r.started) << r.start_error;
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.term_signal, 0);
  EXPECT_FALSE(r.wall_timeout);
  EXPECT_GT(r.wall_seconds, 0);
  EXPECT_GT(r.max_rss_kb, 0);
}

TEST_F(LocalSandboxTest, StdoutAndStderrGoToFiles) {
  WriteFile(dir_ / "out", "stale stale stale stale\n");
  ProcessResult r = sandbox_.Run(Shell("echo to-out; echo to-err >&2"));
  EXPECT_EQ(r.exit_code, 0) << r.start_error;
  EXPECT_EQ(ReadFile(dir_ / "out"), "to-out\n");
  EXPECT_EQ(ReadFile(dir_ / "err"), "to-err\n");
}

TEST_F(LocalSandboxTest, StdoutAndStderrMayShareAFile) {
  ProcessSpec spec = Shell("echo one; echo two >&2; echo three");
  spec.stderr_path = spec.stdout_path;
  EXPECT_EQ(sandbox_.Run(spec).exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), "one\ntwo\nthree\n");
}

TEST_F(LocalSandboxTest, StdinFromFile) {
  WriteFile(dir_ / "in", "line 1\nline 2\n");
  ProcessSpec spec = Spec({"/bin/cat"});
  spec.stdin_path = dir_ / "in";
  EXPECT_EQ(sandbox_.Run(spec).exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), "line 1\nline 2\n");
}

TEST_F(LocalSandboxTest, EmptyPathsMeanDevNull) {
  ProcessSpec spec = Spec({"/bin/cat"});
  spec.stdout_path.clear();
  spec.stderr_path.clear();
  ProcessResult r = sandbox_.Run(spec);  // would hang on a terminal stdin
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(LocalSandboxTest, Fd3Written) {
  ProcessSpec spec = Shell("echo hi >&3");
  spec.fd3_path = dir_ / "fd3";
  EXPECT_EQ(sandbox_.Run(spec).exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "fd3"), "hi\n");
}

TEST_F(LocalSandboxTest, OnlyFds0To3ReachTheProgram) {
  int leaked = open("/dev/null", O_RDONLY);  // no O_CLOEXEC: the sandbox must close it
  ASSERT_GE(leaked, 0);
  ProcessSpec spec = Shell("ls /proc/$$/fd");
  spec.fd3_path = dir_ / "fd3";
  ProcessResult r = sandbox_.Run(spec);
  close(leaked);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), "0\n1\n2\n3\n");

  ProcessResult no_fd3 = sandbox_.Run(Shell("echo x >&3"));
  EXPECT_NE(no_fd3.exit_code, 0);
}

TEST_F(LocalSandboxTest, ExecFailureIsReported) {
  ProcessResult r = sandbox_.Run(Spec({"/nonexistent/program"}));
  EXPECT_FALSE(r.started);
  EXPECT_EQ(r.start_error, "exec /nonexistent/program: No such file or directory");

  r = sandbox_.Run(Spec({"no-such-program-anywhere"}));
  EXPECT_FALSE(r.started);
  EXPECT_NE(r.start_error.find("exec no-such-program-anywhere: "), std::string::npos);
}

TEST_F(LocalSandboxTest, SetupFailureIsReported) {
  ProcessSpec spec = Spec({"/bin/true"});
  spec.stdin_path = dir_ / "missing";
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_FALSE(r.started);
  EXPECT_EQ(r.start_error,
            "open stdin " + (dir_ / "missing").string() + ": No such file or directory");

  spec = Spec({"/bin/true"});
  spec.workdir = dir_ / "missing";
  r = sandbox_.Run(spec);
  EXPECT_FALSE(r.started);
  EXPECT_EQ(r.start_error.rfind("chdir ", 0), 0u) << r.start_error;
}

TEST_F(LocalSandboxTest, BlockedBeforeExecStillTimesOut) {
  ASSERT_EQ(mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  ProcessSpec spec = Spec({"/bin/cat"});
  spec.stdin_path = dir_ / "fifo";  // open() waits for a writer that never comes
  spec.limits.wall_seconds = 0.3;
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_FALSE(r.started);
  EXPECT_TRUE(r.wall_timeout);
  EXPECT_FALSE(r.start_error.empty());
}

TEST_F(LocalSandboxTest, RunsInWorkdir) {
  EXPECT_EQ(sandbox_.Run(Spec({"pwd"})).exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), fs::canonical(dir_).string() + "\n");
}

TEST_F(LocalSandboxTest, EnvironmentPassed) {
  ProcessSpec spec = Shell("echo $FOO; echo ${HOME:-unset}");
  spec.env.push_back("FOO=bar");
  EXPECT_EQ(sandbox_.Run(spec).exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), "bar\nunset\n");
}

TEST_F(LocalSandboxTest, WallTimeoutKillsTheGroup) {
  ProcessSpec spec = Spec({"sleep", "30"});
  spec.limits.wall_seconds = 0.5;
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = sandbox_.Run(spec);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(r.started);
  EXPECT_TRUE(r.wall_timeout);
  EXPECT_EQ(r.term_signal, SIGKILL);
  EXPECT_GE(r.wall_seconds, 0.45);
  EXPECT_LT(took, 5);
}

TEST_F(LocalSandboxTest, CpuLimitEndsABusyLoop) {
  ProcessSpec spec = Shell("while :; do :; done");
  spec.limits.cpu_seconds = 1;
  spec.limits.wall_seconds = 20;
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_FALSE(r.wall_timeout);
  EXPECT_TRUE(r.term_signal == SIGXCPU || r.term_signal == SIGKILL) << r.term_signal;
  EXPECT_GE(r.cpu_seconds, 0.9);
}

TEST_F(LocalSandboxTest, AddressSpaceLimitFailsABigAllocation) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  ProcessSpec spec = Spec({"/usr/bin/python3", "-c", "x = bytearray(1 << 30)"});
  spec.limits.address_space_bytes = 256ull << 20;
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_TRUE(r.started) << r.start_error;
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(ReadFile(dir_ / "err").find("MemoryError"), std::string::npos);

  spec.limits.address_space_bytes = 0;  // and without the limit it fits
  spec.argv.back() = "x = bytearray(1 << 24)";
  EXPECT_EQ(sandbox_.Run(spec).exit_code, 0);
}

TEST_F(LocalSandboxTest, FileSizeLimitStopsEndlessOutput) {
  ProcessSpec spec = Spec({"yes"});
  spec.limits.file_size_bytes = 1 << 20;
  spec.limits.wall_seconds = 5;  // bounds the damage if the limit does not hold
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_EQ(r.term_signal, SIGXFSZ);
  EXPECT_LE(fs::file_size(dir_ / "out"), 1u << 20);
  EXPECT_GT(fs::file_size(dir_ / "out"), 0u);
}

TEST_F(LocalSandboxTest, NoProcessLeftBehind) {
  ProcessSpec spec = Shell("sleep 1000 & echo $! >&3; exit 0");
  spec.fd3_path = dir_ / "pid";
  ProcessResult r = LocalSandbox(false).Run(spec);  // the plain run: pids are the judge's
  EXPECT_EQ(r.exit_code, 0);
  pid_t pid = std::stoi(ReadFile(dir_ / "pid"));
  ASSERT_GT(pid, 1);
  int err = 0;
  for (int i = 0; i < 50; ++i) {  // reaped inside Run already; the loop only forgives noise
    err = kill(pid, 0) == 0 ? 0 : errno;
    if (err == ESRCH) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(err, ESRCH);
}

TEST_F(LocalSandboxTest, JudgeSignalSettingsDoNotLeak) {
  // An ignored or blocked signal in the judge would survive exec without the reset.
  struct sigaction ignore = {};
  struct sigaction old_action = {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGTERM, &ignore, &old_action);
  sigset_t term, old_mask;
  sigemptyset(&term);
  sigaddset(&term, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &term, &old_mask);
  ProcessResult ignored = sandbox_.Run(Shell("kill -TERM $$; exit 0"));
  ProcessResult blocked = sandbox_.Run(Shell("kill -USR1 $$; exit 0"));
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  sigaction(SIGTERM, &old_action, nullptr);
  EXPECT_EQ(ignored.term_signal, SIGTERM);
  EXPECT_EQ(blocked.term_signal, SIGUSR1);
}

TEST_F(LocalSandboxTest, SandboxesRunConcurrently) {
  fs::create_directory(dir_ / "a");
  fs::create_directory(dir_ / "b");
  ProcessResult a, b;
  std::thread other([&] {
    LocalSandbox sandbox;
    ProcessSpec spec = Shell("sleep 0.3; echo a; exit 3");
    spec.stdout_path = dir_ / "a" / "out";
    a = sandbox.Run(spec);
  });
  ProcessSpec spec = Shell("sleep 0.2; echo b; exit 4");
  spec.stdout_path = dir_ / "b" / "out";
  b = sandbox_.Run(spec);
  other.join();
  EXPECT_EQ(a.exit_code, 3);
  EXPECT_EQ(b.exit_code, 4);
  EXPECT_EQ(ReadFile(dir_ / "a" / "out"), "a\n");
  EXPECT_EQ(ReadFile(dir_ / "b" / "out"), "b\n");
}

// ---- Isolation (judge/SANDBOX.md): each test skips where the machine lacks the mechanism. ----

bool Active(const std::string& name) {
  for (const Protection& p : SandboxProtections())
    if (p.name == name) return p.active;
  return false;
}

#define REQUIRE_PROTECTION(name) \
  if (!Active(name)) GTEST_SKIP() << "the sandbox has no " name " on this machine"

// Processes whose working folder is `dir` (an isolated run's pids mean nothing out here).
int ProcessesIn(const fs::path& dir) {
  int count = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    std::error_code link_ec;
    if (fs::read_symlink(entry.path() / "cwd", link_ec) == dir) ++count;
  }
  return count;
}

// Issue 15: a run killed at its wall-clock limit before its keeper could report read 0 s of CPU
// time, so a program that computed for a while and then hung looked idle. The cgroup counts it.
TEST_F(LocalSandboxTest, CpuTimeOfARunKilledAtTheWallLimitIsCounted) {
  REQUIRE_PROTECTION("cgroup");
  REQUIRE_PROTECTION("PID namespace");
  // About a second of CPU in a busy loop, then waiting forever.
  ProcessSpec spec = Shell("while :; do :; done & busy=$!; sleep 1; kill $busy; sleep 30");
  spec.limits.wall_seconds = 2.5;
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_TRUE(r.wall_timeout);
  EXPECT_GE(r.cpu_seconds, 0.3) << "the busy second is missing";
  EXPECT_LT(r.cpu_seconds, 2.5);
}

TEST_F(LocalSandboxTest, IsolatedRunLeavesNoProcess) {
  REQUIRE_PROTECTION("PID namespace");
  ProcessSpec spec = Shell("setsid sleep 1000 & sleep 1000 & exit 0");
  EXPECT_EQ(sandbox_.Run(spec).exit_code, 0);
  int left = 0;
  for (int i = 0; i < 100 && (left = ProcessesIn(dir_)) > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(left, 0);
}

TEST_F(LocalSandboxTest, IsolatedRunSeesOnlyItsFiles) {
  REQUIRE_PROTECTION("private root");
  std::string outside = (fs::temp_directory_path() / "judge_outside_XXXXXX").string();
  ASSERT_NE(mkdtemp(outside.data()), nullptr);
  WriteFile(fs::path(outside) / "secret", "answers\n");
  WriteFile(dir_ / "mine", "input\n");
  ProcessResult r = sandbox_.Run(Shell("cat mine; cat " + outside + "/secret; ls /; touch new"));
  fs::remove_all(outside);
  EXPECT_TRUE(r.started) << r.start_error;
  EXPECT_EQ(ReadFile(dir_ / "out").find("input\n"), 0u);
  EXPECT_EQ(ReadFile(dir_ / "out").find("answers"), std::string::npos);
  EXPECT_EQ(ReadFile(dir_ / "out").find("root\n"), std::string::npos);  // no /root, no /home
  EXPECT_FALSE(fs::exists(dir_ / "new")) << "the workdir is read-only to a submission";

  ProcessSpec writable = Shell("touch new");
  writable.isolation.writable_workdir = true;
  EXPECT_EQ(sandbox_.Run(writable).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "new"));
}

TEST_F(LocalSandboxTest, IsolatedRunIsNotRootAndHasNoNetwork) {
  REQUIRE_PROTECTION("unprivileged user");
  ProcessResult r = sandbox_.Run(Shell("id -u; cat /proc/net/dev | wc -l"));
  EXPECT_EQ(r.exit_code, 0) << ReadFile(dir_ / "err");
  const std::string out = ReadFile(dir_ / "out");
  EXPECT_NE(out.rfind("0\n", 0), 0u) << out;
  EXPECT_NE(out.find("\n3\n"), std::string::npos) << "only the loopback device: " << out;
}

TEST_F(LocalSandboxTest, SubmissionStartsNoProcessAndExecsOnce) {
  REQUIRE_PROTECTION("seccomp filter");
  ProcessSpec fork = Shell("/bin/true; echo after");
  fork.isolation.syscalls = SyscallSet::kNative;
  ProcessResult r = sandbox_.Run(fork);
  EXPECT_TRUE(r.started) << r.start_error;
  EXPECT_NE(ReadFile(dir_ / "err").find("fork"), std::string::npos) << ReadFile(dir_ / "err");
  EXPECT_EQ(ReadFile(dir_ / "out"), "");

  REQUIRE_PROTECTION("exec once");
  ProcessSpec exec = Shell("exec /bin/echo second");
  exec.isolation.syscalls = SyscallSet::kNative;
  r = sandbox_.Run(exec);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), "");
}

// A file system mounted under a system path (a CUDA toolkit under /usr/local, the GPU driver's
// /usr/local/nvidia) shows in the private root as it does outside, read-only. The outer test
// mounts a tmpfs on /usr/local/src in a mount namespace of its own (the machine's is untouched)
// and runs the inner one there.
TEST_F(LocalSandboxTest, MountsUnderSystemPathsShowAsOutside) {
  REQUIRE_PROTECTION("private root");
  if (geteuid() != 0 || !fs::is_directory("/usr/local/src") || !fs::exists("/usr/bin/unshare"))
    GTEST_SKIP() << "needs root, /usr/local/src and unshare";
  const std::string inner = std::string(JUDGE_TEST_BUILD_DIR) +
                            "/judge_tests --gtest_filter=LocalSandboxTest.InnerSeesTheMount";
  const std::string command =
      "JUDGE_TEST_INNER_MOUNT=1 unshare --mount --propagation private sh -c '"
      "mount -t tmpfs judge-test /usr/local/src && echo mounted > /usr/local/src/probe && " +
      inner + "' > " + (dir_ / "inner.log").string() + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << ReadFile(dir_ / "inner.log");
  EXPECT_NE(ReadFile(dir_ / "inner.log").find("[       OK ] LocalSandboxTest.InnerSeesTheMount"),
            std::string::npos)
      << ReadFile(dir_ / "inner.log");
  EXPECT_FALSE(fs::exists("/usr/local/src/probe")) << "the machine's own mounts were touched";
}

TEST_F(LocalSandboxTest, InnerSeesTheMount) {
  if (!std::getenv("JUDGE_TEST_INNER_MOUNT")) GTEST_SKIP() << "run by MountsUnderSystemPaths...";
  ProcessResult r = sandbox_.Run(Shell("cat /usr/local/src/probe; echo x > /usr/local/src/new"));
  EXPECT_TRUE(r.started) << r.start_error;
  EXPECT_EQ(ReadFile(dir_ / "out"), "mounted\n") << ReadFile(dir_ / "err");
  EXPECT_NE(ReadFile(dir_ / "err").find("Read-only"), std::string::npos) << ReadFile(dir_ / "err");
}

// A GPU runner's root shows what the CUDA driver reads of /sys (and the /dev/nvidia* files, which
// this machine may not have); its list starts no process either.
TEST_F(LocalSandboxTest, GpuRunSeesTheDriversSysfsAndStartsNoProcess) {
  REQUIRE_PROTECTION("private root");
  std::error_code ec;
  const fs::directory_iterator first_bus("/sys/bus", ec);
  if (ec || first_bus == fs::directory_iterator()) GTEST_SKIP() << "no /sys/bus here";
  const std::string bus = first_bus->path().filename().string();
  ProcessSpec gpu = Spec({"/bin/ls", "/sys/bus", "/sys/devices"});
  gpu.isolation.syscalls = SyscallSet::kGpu;
  gpu.isolation.gpu_devices = true;
  ProcessResult r = sandbox_.Run(gpu);
  EXPECT_EQ(r.exit_code, 0) << r.start_error << ReadFile(dir_ / "err");
  EXPECT_NE(ReadFile(dir_ / "out").find(bus + "\n"), std::string::npos) << ReadFile(dir_ / "out");

  ProcessSpec plain = gpu;
  plain.isolation.gpu_devices = false;
  EXPECT_NE(sandbox_.Run(plain).exit_code, 0) << "an ordinary run's root has no /sys";

  REQUIRE_PROTECTION("seccomp filter");
  ProcessSpec fork = Shell("/bin/true; echo after");
  fork.isolation.syscalls = SyscallSet::kGpu;
  fork.isolation.gpu_devices = true;
  r = sandbox_.Run(fork);
  EXPECT_TRUE(r.started) << r.start_error;
  EXPECT_NE(ReadFile(dir_ / "err").find("fork"), std::string::npos) << ReadFile(dir_ / "err");
  EXPECT_EQ(ReadFile(dir_ / "out"), "");
}

// NCCL bootstraps over TCP even within one process: a GPU runner's namespace has its loopback
// device up and its list allows IPv4 sockets, but only there and nothing beyond it.
TEST_F(LocalSandboxTest, GpuRunTalksToItselfOverLoopbackAndReachesNothingElse) {
  REQUIRE_PROTECTION("seccomp filter");
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  ProcessSpec spec =
      Spec({"/usr/bin/python3", "-c",
            "import socket\n"
            "server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen(1)\n"
            "client = socket.create_connection(server.getsockname()); peer, _ = server.accept()\n"
            "client.sendall(b'ring'); print(peer.recv(4).decode())\n"
            "try:\n"
            "    socket.create_connection(('192.0.2.1', 80), timeout=2)\n"
            "except OSError as e:\n"
            "    print('outside:', type(e).__name__)\n"
            "try:\n"
            "    socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
            "except OSError as e:\n"
            "    print('packet:', e.errno)\n"});
  spec.isolation.syscalls = SyscallSet::kGpu;
  spec.isolation.gpu_devices = true;
  const ProcessResult r = sandbox_.Run(spec);
  EXPECT_EQ(r.exit_code, 0) << r.start_error << ReadFile(dir_ / "err");
  const std::string out = ReadFile(dir_ / "out");
  EXPECT_EQ(out.find("ring\noutside: "), 0u) << out << ReadFile(dir_ / "err");
  EXPECT_NE(out.find("packet: " + std::to_string(ENOSYS)), std::string::npos) << out;

  // Any other list still refuses a socket.
  spec.isolation.syscalls = SyscallSet::kPython;
  EXPECT_NE(sandbox_.Run(spec).exit_code, 0);
  EXPECT_NE(ReadFile(dir_ / "err").find("PermissionError"), std::string::npos)
      << ReadFile(dir_ / "err");
}

// The filter is an allow-list: a call on no list (inotify, personality) fails with ENOSYS, as on
// a kernel without it; a refused one (a socket, even AF_UNIX) with EPERM; what the set allows
// (Python lists folders at import) works.
TEST_F(LocalSandboxTest, CallsOffTheAllowListFailWithEnosys) {
  REQUIRE_PROTECTION("seccomp filter");
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  ProcessSpec spec =
      Spec({"/usr/bin/python3", "-c",
            "import ctypes, errno, os\n"
            "libc = ctypes.CDLL(None, use_errno=True)\n"
            "def call(f, *args):\n"
            "    return 'ok' if f(*args) >= 0 else errno.errorcode[ctypes.get_errno()]\n"
            "print(call(libc.inotify_init1, 0), call(libc.personality, 0xffffffff),\n"
            "      call(libc.socket, 1, 1, 0), len(os.listdir('/')) > 0)\n"});
  spec.isolation.syscalls = SyscallSet::kPython;
  const ProcessResult r = sandbox_.Run(spec);
  EXPECT_EQ(r.exit_code, 0) << ReadFile(dir_ / "err");
  EXPECT_EQ(ReadFile(dir_ / "out"), "ENOSYS ENOSYS EPERM True\n") << ReadFile(dir_ / "err");
}

TEST_F(LocalSandboxTest, CgroupCapsMemoryAndThreads) {
  REQUIRE_PROTECTION("cgroup");
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  ProcessSpec memory = Spec({"/usr/bin/python3", "-c", "x = bytearray(512 << 20); print(len(x))"});
  memory.limits.memory_bytes = 128 << 20;
  ProcessResult r = sandbox_.Run(memory);
  EXPECT_TRUE(r.memory_limit_hit);
  EXPECT_EQ(r.term_signal, SIGKILL);

  ProcessSpec threads = Spec({"/usr/bin/python3", "-c",
                              "import threading, time\n"
                              "for i in range(50): threading.Thread(target=time.sleep, args=(5,), "
                              "daemon=True).start()\n"});
  threads.limits.processes = 8;
  r = sandbox_.Run(threads);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(ReadFile(dir_ / "err").find("can't start new thread"), std::string::npos)
      << ReadFile(dir_ / "err");
}

// ---- Boxes: runs of the same spec share one keeper, and find nothing of the run before. ----

class LocalSandboxBoxTest : public LocalSandboxTest {
 protected:
  // A submission's run: system calls of a compiled program, so it goes into a box.
  ProcessSpec Boxed(const std::string& script) {
    ProcessSpec spec = Shell(script);
    spec.isolation.syscalls = SyscallSet::kNative;
    spec.limits.wall_seconds = 5;
    return spec;
  }
};

TEST_F(LocalSandboxBoxTest, RunsOfTheSameSpecShareOneKeeper) {
  REQUIRE_PROTECTION("PID namespace");
  const ProcessSpec spec = Boxed("echo $$");
  ASSERT_EQ(sandbox_.Run(spec).exit_code, 0) << ReadFile(dir_ / "err");
  const int first = std::stoi(ReadFile(dir_ / "out"));
  ASSERT_EQ(sandbox_.Run(spec).exit_code, 0) << ReadFile(dir_ / "err");
  const int second = std::stoi(ReadFile(dir_ / "out"));
  EXPECT_EQ(first, 2);  // the keeper is PID 1
  EXPECT_GT(second, first) << "a fresh keeper would have made it PID 2 again";

  // Another spec, another box: PID 2 again.
  ASSERT_EQ(sandbox_.Run(Boxed("echo $$; true")).exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), "2\n");
}

TEST_F(LocalSandboxBoxTest, ARunFindsNothingOfTheOneBefore) {
  REQUIRE_PROTECTION("PID namespace");
  const ProcessSpec spec = Boxed(
      "if [ -e /tmp/mark ]; then echo seen; else echo fresh; fi; echo x > /tmp/mark; "
      "for p in /proc/[0-9]*; do echo \"${p#/proc/}\"; done");
  for (int run = 0; run < 2; ++run) {
    const ProcessResult r = sandbox_.Run(spec);
    ASSERT_EQ(r.exit_code, 0) << ReadFile(dir_ / "err");
    std::istringstream out(ReadFile(dir_ / "out"));
    std::string line;
    std::getline(out, line);
    EXPECT_EQ(line, "fresh") << "run " << run << ": /tmp kept the last run's file";
    int processes = 0;
    while (std::getline(out, line)) ++processes;
    EXPECT_LE(processes, 2) << "this shell (and the keeper), nothing else";
  }
}

TEST_F(LocalSandboxBoxTest, EachRunGetsItsOwnFilesAndFigures) {
  REQUIRE_PROTECTION("cgroup");
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  ProcessSpec spec = Spec({"/usr/bin/python3", "-c",
                           "import sys\nn = int(sys.stdin.read())\nx = bytearray(n << 20)\n"
                           "print(len(x) >> 20)"});
  spec.isolation.syscalls = SyscallSet::kPython;
  spec.stdin_path = dir_ / "in";
  spec.limits.memory_bytes = 128 << 20;
  spec.limits.wall_seconds = 20;
  WriteFile(dir_ / "in", "512");
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_TRUE(r.memory_limit_hit);
  EXPECT_EQ(r.term_signal, SIGKILL);
  WriteFile(dir_ / "in", "3");
  r = sandbox_.Run(spec);  // the same box: the last run's limit hit is not this one's
  EXPECT_EQ(r.exit_code, 0) << ReadFile(dir_ / "err");
  EXPECT_FALSE(r.memory_limit_hit);
  EXPECT_EQ(ReadFile(dir_ / "out"), "3\n");
}

TEST_F(LocalSandboxBoxTest, ARunPastItsWallLimitEndsTheBoxAndTheNextStillRuns) {
  REQUIRE_PROTECTION("PID namespace");
  ProcessSpec spec = Boxed(
      "read line < /dev/stdin; if [ \"$line\" = spin ]; then while :; do :; done; fi; echo $line");
  spec.stdin_path = dir_ / "in";
  spec.limits.wall_seconds = 1;
  WriteFile(dir_ / "in", "spin\n");
  ProcessResult r = sandbox_.Run(spec);
  EXPECT_TRUE(r.started) << r.start_error;
  EXPECT_TRUE(r.wall_timeout);
  if (Active("cgroup")) {
    EXPECT_GT(r.cpu_seconds, 0.5) << "the cgroup counted the killed run's time";
  }
  WriteFile(dir_ / "in", "done\n");
  r = sandbox_.Run(spec);
  EXPECT_FALSE(r.wall_timeout);
  EXPECT_EQ(r.exit_code, 0) << ReadFile(dir_ / "err");
  EXPECT_EQ(ReadFile(dir_ / "out"), "done\n");
}

// The keeper dies with the thread that started it (PR_SET_PDEATHSIG): a sandbox used from
// another thread afterwards runs in a fresh box.
TEST_F(LocalSandboxBoxTest, ABoxWhoseKeeperIsGoneIsReplaced) {
  REQUIRE_PROTECTION("PID namespace");
  const ProcessSpec spec = Boxed("echo ok");
  ProcessResult first;
  std::thread([&] { first = sandbox_.Run(spec); }).join();
  ASSERT_EQ(first.exit_code, 0) << first.start_error;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the keeper's death arrives
  const ProcessResult second = sandbox_.Run(spec);
  EXPECT_TRUE(second.started) << second.start_error;
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(ReadFile(dir_ / "out"), "ok\n");
}

// The judge opens a box's files itself: a FIFO nobody writes must not block the judge.
TEST_F(LocalSandboxBoxTest, AFifoForStdinStopsAtTheWallLimitAsBefore) {
  REQUIRE_PROTECTION("PID namespace");
  ProcessSpec spec = Boxed("cat");
  spec.stdin_path = dir_ / "fifo";
  ASSERT_EQ(mkfifo(spec.stdin_path.c_str(), 0600), 0);
  spec.limits.wall_seconds = 1;
  const ProcessResult r = sandbox_.Run(spec);
  EXPECT_FALSE(r.started);
  EXPECT_TRUE(r.wall_timeout);
}

// A program's memory is its own, not the pages its process inherited from a judge that holds
// hundreds of megabytes of tests (ru_maxrss keeps those across the exec): `judge verify -j 2`
// once judged a 4 MB knapsack MLE this way.
TEST_F(LocalSandboxBoxTest, MemoryIsTheProgramsOwnHoweverLargeTheJudge) {
  REQUIRE_PROTECTION("cgroup");
  std::vector<char> ballast(size_t(300) << 20);
  for (size_t i = 0; i < ballast.size(); i += 4096) ballast[i] = char(i);
  const ProcessSpec spec = Boxed("echo $$");
  for (int run = 0; run < 2; ++run) {
    const ProcessResult r = sandbox_.Run(spec);
    ASSERT_EQ(r.exit_code, 0) << ReadFile(dir_ / "err");
    EXPECT_LT(r.max_rss_kb, 64 * 1024) << "run " << run;
  }
  ProcessSpec tool = Shell("true");  // a keeper per run
  const ProcessResult r = sandbox_.Run(tool);
  EXPECT_LT(r.max_rss_kb, 64 * 1024);
  EXPECT_NE(ballast[4096], 1);  // keeps the ballast alive to here
}

TEST_F(LocalSandboxBoxTest, StdoutAndStderrCanBeOneFile) {
  REQUIRE_PROTECTION("PID namespace");
  ProcessSpec spec = Boxed("echo a; echo b >&2; echo c");
  spec.stderr_path = spec.stdout_path;
  for (int run = 0; run < 2; ++run) {
    ASSERT_EQ(sandbox_.Run(spec).exit_code, 0);
    EXPECT_EQ(ReadFile(dir_ / "out"), "a\nb\nc\n");
  }
}

TEST(FakeSandboxTest, ReturnsScriptedResultsAndWritesFiles) {
  fs::path dir = fs::temp_directory_path() / ("judge_fake_" + std::to_string(getpid()));
  fs::create_directories(dir);
  FakeSandbox fake;
  fake.Script({.result = FakeSandbox::Signaled(SIGSEGV), .fd3_text = "case 1 ok\n"});

  ProcessSpec spec;
  spec.argv = {"./solution"};
  spec.stdout_path = dir / "out";
  spec.fd3_path = dir / "fd3";
  ProcessResult r = fake.Run(spec);
  EXPECT_TRUE(r.started);
  EXPECT_EQ(r.term_signal, SIGSEGV);
  EXPECT_EQ(ReadFile(dir / "fd3"), "case 1 ok\n");
  EXPECT_TRUE(fs::exists(dir / "out"));
  EXPECT_EQ(fs::file_size(dir / "out"), 0u);
  ASSERT_EQ(fake.specs().size(), 1u);
  EXPECT_EQ(fake.specs()[0].argv[0], "./solution");

  EXPECT_FALSE(fake.Run(spec).started);  // script used up
  fs::remove_all(dir);
}

}  // namespace
}  // namespace judge
