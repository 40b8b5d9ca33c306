#include "judge/sandbox/cgroup.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace judge {
namespace {

const char kRoot[] = "/sys/fs/cgroup";

bool WriteValue(const std::string& file, const std::string& value) {
  int fd = open(file.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, value.data(), value.size()) == ssize_t(value.size());
  close(fd);
  return ok;
}

std::string ReadValue(const std::string& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "oom_kill N" in memory.oom_control (v1) or memory.events (v2).
long OomKills(const std::string& file) {
  std::istringstream in(ReadValue(file));
  std::string key;
  long value = 0;
  while (in >> key >> value)
    if (key == "oom_kill") return value;
  return 0;
}

// The judge's own cgroup in each hierarchy, from /proc/self/cgroup: "4:memory:/a/b", "0::/a".
std::string OwnCgroup(const std::string& controller) {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    size_t first = line.find(':'), second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    std::string names = line.substr(first + 1, second - first - 1);
    std::stringstream list(names);
    std::string name;
    while (std::getline(list, name, ','))
      if (name == controller) return line.substr(second + 1);
    if (controller.empty() && names.empty()) return line.substr(second + 1);
  }
  return "";
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::string UniqueName() {
  static std::atomic<unsigned> counter{0};
  return "judge-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
}

// Makes and removes a cgroup under each parent, writing the limits the runs write.
bool Probe(const CgroupSupport& support) {
  RunCgroup probe;
  return probe.Create(support, 64 << 20, 8);
}

CgroupSupport Detect() {
  CgroupSupport v2;
  v2.version = 2;
  if (Exists(std::string(kRoot) + "/cgroup.controllers")) {
    std::string own = OwnCgroup("");
    v2.parents = {kRoot + (own == "/" ? "" : own)};
    if (Probe(v2)) return v2;
  }
  CgroupSupport v1;
  v1.version = 1;
  const std::string memory = OwnCgroup("memory"), pids = OwnCgroup("pids");
  if (!memory.empty() && !pids.empty()) {
    v1.parents = {std::string(kRoot) + "/memory" + (memory == "/" ? "" : memory),
                  std::string(kRoot) + "/pids" + (pids == "/" ? "" : pids)};
    const std::string cpuacct = OwnCgroup("cpuacct");
    const std::string cpu_parent =
        std::string(kRoot) + "/cpuacct" + (cpuacct == "/" ? "" : cpuacct);
    if (!cpuacct.empty() && Exists(cpu_parent + "/cpuacct.usage")) v1.cpu_parent = cpu_parent;
    if (Probe(v1)) return v1;
  }
  CgroupSupport none;
  none.why_not = geteuid() == 0
                     ? "no writable memory and pids cgroup (v1 or v2) under " + std::string(kRoot)
                     : "cgroups need root (or a delegated cgroup) here";
  return none;
}

}  // namespace

const CgroupSupport& DetectCgroups() {
  static const CgroupSupport support = Detect();
  return support;
}

bool RunCgroup::Create(const CgroupSupport& support, uint64_t memory_bytes, int processes) {
  if (support.version == 0) return false;
  version_ = support.version;
  const std::string name = UniqueName();
  for (const std::string& parent : support.parents) {
    std::string dir = parent + "/" + name;
    if (mkdir(dir.c_str(), 0755) != 0) {
      Remove();
      return false;
    }
    dirs_.push_back(dir);
    procs_files_.push_back(dir + "/cgroup.procs");
  }
  // CPU accounting is a bonus: a run without it still has its limits.
  if (version_ == 2) {
    cpu_usage_file_ = dirs_[0] + "/cpu.stat";
  } else if (!support.cpu_parent.empty()) {
    const std::string dir = support.cpu_parent + "/" + name;
    if (mkdir(dir.c_str(), 0755) == 0) {
      dirs_.push_back(dir);
      procs_files_.push_back(dir + "/cgroup.procs");
      cpu_usage_file_ = dir + "/cpuacct.usage";
    }
  }
  const std::string pids = std::to_string(processes > 0 ? processes + 1 : 1 << 20);  // +1: init
  bool ok;
  if (version_ == 2) {
    const std::string& dir = dirs_[0];
    ok = WriteValue(dir + "/pids.max", pids);
    if (ok && memory_bytes != 0) {
      ok = WriteValue(dir + "/memory.max", std::to_string(memory_bytes));
      if (ok && Exists(dir + "/memory.swap.max")) ok = WriteValue(dir + "/memory.swap.max", "0");
    }
  } else {
    const std::string& mem = dirs_[0];
    ok = WriteValue(dirs_[1] + "/pids.max", pids);
    if (ok && memory_bytes != 0) {
      ok = WriteValue(mem + "/memory.limit_in_bytes", std::to_string(memory_bytes));
      // Without swap accounting there is no memsw file, and nothing to close.
      if (ok && Exists(mem + "/memory.memsw.limit_in_bytes"))
        ok = WriteValue(mem + "/memory.memsw.limit_in_bytes", std::to_string(memory_bytes));
    }
  }
  if (!ok) Remove();
  return ok;
}

bool RunCgroup::MemoryLimitHit() {
  if (dirs_.empty()) return false;
  const long kills =
      OomKills(dirs_[0] + (version_ == 2 ? "/memory.events" : "/memory.oom_control"));
  const bool hit = kills > oom_kills_seen_;
  oom_kills_seen_ = kills;
  return hit;
}

void RunCgroup::ResetPeak() {
  if (dirs_.empty()) return;
  if (version_ == 1) {
    peak_reset_ = WriteValue(dirs_[0] + "/memory.max_usage_in_bytes", "0");
    return;
  }
  if (peak_fd_ < 0) peak_fd_ = open((dirs_[0] + "/memory.peak").c_str(), O_RDWR | O_CLOEXEC);
  peak_reset_ = peak_fd_ >= 0 && write(peak_fd_, "reset\n", 6) == 6;
}

std::optional<long> RunCgroup::PeakKb() const {
  if (dirs_.empty() || !peak_reset_) return std::nullopt;
  std::string text;
  if (version_ == 1) {
    text = ReadValue(dirs_[0] + "/memory.max_usage_in_bytes");
  } else {
    char buffer[32] = {};
    const int fd =
        peak_fd_ >= 0 ? peak_fd_ : open((dirs_[0] + "/memory.peak").c_str(), O_RDONLY | O_CLOEXEC);
    const ssize_t got = fd >= 0 ? pread(fd, buffer, sizeof buffer - 1, 0) : -1;
    if (fd >= 0 && fd != peak_fd_) close(fd);
    if (got <= 0) return std::nullopt;
    text.assign(buffer, size_t(got));
  }
  long long bytes = 0;
  std::istringstream in(text);
  if (!(in >> bytes)) return std::nullopt;
  return long(bytes / 1024);
}

std::optional<double> RunCgroup::CpuSeconds() const {
  if (cpu_usage_file_.empty()) return std::nullopt;
  std::istringstream in(ReadValue(cpu_usage_file_));
  if (version_ == 1) {  // cpuacct.usage: nanoseconds
    long long ns = 0;
    if (in >> ns) return ns / 1e9;
    return std::nullopt;
  }
  std::string key;  // cpu.stat: "usage_usec N" among other lines
  long long value = 0;
  while (in >> key >> value)
    if (key == "usage_usec") return value / 1e6;
  return std::nullopt;
}

void RunCgroup::Remove() {
  if (peak_fd_ >= 0) close(peak_fd_);
  peak_fd_ = -1;
  // The run's processes are gone before this is called, but the kernel may take a moment to
  // let go of a cgroup whose last task just died.
  for (const std::string& dir : dirs_) {
    for (int attempt = 0; attempt < 200 && rmdir(dir.c_str()) != 0 && errno == EBUSY; ++attempt)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  dirs_.clear();
  procs_files_.clear();
  cpu_usage_file_.clear();
}

}  // namespace judge
