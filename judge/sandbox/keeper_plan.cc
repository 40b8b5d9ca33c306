#include "judge/sandbox/keeper_plan.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "judge/sandbox/seccomp_filter.h"

namespace judge {
namespace {

using namespace process;
namespace fs = std::filesystem;

constexpr uid_t kInnerUid = 1000;        // the run's user inside a user namespace
constexpr uid_t kRunUidBase = 1u << 20;  // as root: uids far above any real account's

// A uid per run (for RLIMIT_NPROC, which counts per user), spread by the judge's pid so that
// concurrent judges rarely share one.
uid_t NextRunUid() {
  static std::atomic<unsigned> counter{0};
  return kRunUidBase + (unsigned(getpid()) % 4096) * 256 + counter++ % 256;
}

// As root, the run's user must be able to use its workdir and read what the spec shows it.
void HandOver(const ProcessSpec& spec, uid_t uid) {
  if (!spec.workdir.empty()) {
    int ignored = chown(spec.workdir.c_str(), uid, uid);
    (void)ignored;
  }
  for (const fs::path& path : spec.isolation.read_only_paths) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    // Directories: o+rx. Files: o+r, and o+x where the owner may run it (a checker script).
    mode_t extra = S_ISDIR(st.st_mode) || (st.st_mode & S_IXUSR) ? S_IROTH | S_IXOTH : S_IROTH;
    if ((st.st_mode & extra) != extra) chmod(path.c_str(), (st.st_mode & 07777) | extra);
  }
}

// A bare argv[0] looked up in the judge's PATH now, as execvpe would, so that the child makes
// exactly one execve: exec-once counts attempts, and a miss on the first PATH entry would use
// up the program's one exec.
std::string ResolveProgram(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return name;  // not found: execvpe reports ENOENT as before
}

sock_fprog Program(const std::vector<sock_filter>& filter) {
  return {static_cast<unsigned short>(filter.size()), const_cast<sock_filter*>(filter.data())};
}

}  // namespace

bool PrepareKeeper(const ProcessSpec& original, const IsolatedSetup& setup, PreparedKeeper* k,
                   ProcessResult* failure) {
  if (original.argv.empty() || original.argv[0].empty()) {
    *failure = StartFailure("exec: empty argv");
    return false;
  }
  k->spec = original;
  ProcessSpec& spec = k->spec;
  std::error_code ec;
  if (!spec.workdir.empty()) spec.workdir = fs::absolute(spec.workdir, ec).lexically_normal();
  if (!spec.workdir.empty() && !fs::is_directory(spec.workdir, ec)) {
    errno = ENOENT;
    *failure = StartFailure(Errno(("chdir " + spec.workdir.string()).c_str()));
    return false;
  }
  std::string err;
  if (!k->root.Plan(spec, &err)) {
    *failure = StartFailure("sandbox: " + err);
    return false;
  }
  KeeperPlan& plan = k->plan;
  plan.files = MakeChildFiles(spec);
  k->exec_path = ResolveProgram(spec.argv[0]);
  if (k->exec_path != spec.argv[0]) plan.files.exec_path = k->exec_path.c_str();
  plan.mode = setup.mode;
  plan.uid = setup.mode == NamespaceMode::kRoot ? NextRunUid() : kInnerUid;
  if (setup.mode == NamespaceMode::kRoot) HandOver(spec, plan.uid);
  plan.uid_map = std::to_string(kInnerUid) + " " + std::to_string(geteuid()) + " 1\n";
  plan.gid_map = std::to_string(kInnerUid) + " " + std::to_string(getegid()) + " 1\n";
  plan.limits =
      MakeRlimits(spec.limits, rlim_t(spec.limits.processes > 0 ? spec.limits.processes : 0));
  plan.root = &k->root;
  const uint64_t memory =
      spec.limits.memory_bytes ? spec.limits.memory_bytes : spec.limits.address_space_bytes;
  if (k->cgroup.Create(setup.cgroup, memory, spec.limits.processes))
    for (const std::string& file : k->cgroup.procs_files())
      plan.cgroup_procs.push_back(file.c_str());
  const bool starts_processes = spec.isolation.syscalls == SyscallSet::kTool;
  static const std::vector<sock_filter> none;
  plan.filter = Program(setup.seccomp ? SyscallFilter(spec.isolation.syscalls) : none);
  plan.notify = Program(setup.exec_once && !starts_processes ? ExecNotifyFilter() : none);
  plan.loopback_up = spec.isolation.syscalls == SyscallSet::kGpu;
  plan.report_fd = plan.status_fd = plan.box_fd = -1;
  plan.pre_exec_maxrss_kb = k->shared.get();
  return true;
}

ProcessResult SetupFailure(const ChildReport& report, const PreparedKeeper& k) {
  if (report.stage == kMount)
    return StartFailure("sandbox: " + k.root.Describe(report.index) + ": " +
                        std::generic_category().message(report.err));
  return StartFailure(DescribeFailure(report, k.plan.files, k.plan.limits));
}

void SetExit(const ExitRecord& record, ProcessResult& result) {
  if (WIFEXITED(record.status)) result.exit_code = WEXITSTATUS(record.status);
  if (WIFSIGNALED(record.status)) result.term_signal = WTERMSIG(record.status);
  result.cpu_seconds = Seconds(record.usage.ru_utime) + Seconds(record.usage.ru_stime);
  result.max_rss_kb = record.usage.ru_maxrss;
}

// ru_maxrss is the larger of the program's own peak and what its process held before the exec
// (the judge's pages, inherited through the keeper, and the little the last steps before the
// exec add: kExecSlackKb): when it is no more than that, the program's own peak is hidden
// under it, and the cgroup's peak stands for it instead.
constexpr long kExecSlackKb = 4096;

void CorrectInheritedMemory(const PreparedKeeper& k, ProcessResult& result) {
  const long inherited = k.plan.pre_exec_maxrss_kb ? *k.plan.pre_exec_maxrss_kb : 0;
  if (inherited <= 0 || result.max_rss_kb > inherited + kExecSlackKb) return;
  if (const auto peak = k.cgroup.PeakKb()) result.max_rss_kb = std::min(result.max_rss_kb, *peak);
}

}  // namespace judge
