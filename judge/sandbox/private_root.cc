#include "judge/sandbox/private_root.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "judge/error.h"

namespace judge {
namespace {

namespace fs = std::filesystem;

// The new root is staged on a tmpfs mounted over /tmp in the child's own mount namespace; the
// sources it binds are opened first, so the host's /tmp being hidden does not matter.
const char kStage[] = "/tmp";

// Shown read-only where the machine has them; a symlink (Debian's /bin -> usr/bin) is copied.
const char* const kSystemPaths[] = {"/usr",
                                    "/bin",
                                    "/sbin",
                                    "/lib",
                                    "/lib32",
                                    "/lib64",
                                    "/libx32",
                                    "/etc/ld.so.cache",
                                    "/etc/alternatives"};
const char* const kDevices[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/random",
                                "/dev/urandom"};

// What the CUDA driver reads of /sys: PCI topology, NUMA nodes, CPU lists, the module's
// parameters. Read-only.
const char* const kGpuSysPaths[] = {"/sys/devices", "/sys/bus", "/sys/class", "/sys/module"};

bool UnderSystemPath(const std::string& path) {
  for (const char* system : kSystemPaths) {
    const std::string prefix = system;
    if (path == prefix || path.rfind(prefix + "/", 0) == 0) return true;
  }
  return false;
}

// Every mount point of the judge's mount namespace (from /proc/self/mountinfo, its octal escapes
// undone), shortest first, so that a parent is bound before what is mounted beneath it. A bind of
// a system path alone would show the directories beneath its mounts, not what is mounted there (a
// CUDA toolkit or the driver's /usr/local/nvidia mounted on their own).
std::vector<std::string> MountPoints() {
  std::vector<std::string> found;
  std::ifstream mountinfo("/proc/self/mountinfo");
  for (std::string line; std::getline(mountinfo, line);) {
    std::istringstream fields(line);
    std::string id, parent_id, device, root, point;
    if (!(fields >> id >> parent_id >> device >> root >> point)) continue;
    std::string unescaped;
    for (size_t i = 0; i < point.size(); ++i) {
      if (point[i] == '\\' && i + 3 < point.size()) {
        unescaped += char(std::stoi(point.substr(i + 1, 3), nullptr, 8));
        i += 3;
      } else {
        unescaped += point[i];
      }
    }
    if (std::find(found.begin(), found.end(), unescaped) == found.end()) found.push_back(unescaped);
  }
  std::sort(found.begin(), found.end(),
            [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  return found;
}

std::string Absolute(const fs::path& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().string();
}

// "/proc/self/fd/N" without snprintf (not async-signal-safe).
void FdPath(int fd, char* out) {
  const char prefix[] = "/proc/self/fd/";
  char* p = out;
  for (const char* c = prefix; *c; ++c) *p++ = *c;
  char digits[12];
  int n = 0;
  do {
    digits[n++] = char('0' + fd % 10);
    fd /= 10;
  } while (fd > 0);
  while (n > 0) *p++ = digits[--n];
  *p = '\0';
}

// Flags of the source mount that a remount in a user namespace may not clear.
unsigned long LockedFlags(int fd) {
  struct statfs st;
  if (fstatfs(fd, &st) != 0) return 0;
  unsigned long flags = 0;
  if (st.f_flags & ST_NOSUID) flags |= MS_NOSUID;
  if (st.f_flags & ST_NODEV) flags |= MS_NODEV;
  if (st.f_flags & ST_NOEXEC) flags |= MS_NOEXEC;
  if (st.f_flags & ST_NOATIME) flags |= MS_NOATIME;
  if (st.f_flags & ST_NODIRATIME) flags |= MS_NODIRATIME;
  if (st.f_flags & ST_RELATIME) flags |= MS_RELATIME;
  return flags;
}

}  // namespace

const char* PrivateRoot::Keep(const std::string& text) {
  strings_.push_back(text);
  return strings_.back().c_str();
}

void PrivateRoot::Add(MountStep::Kind kind, const std::string& path, const char* text,
                      unsigned long flags, int source) {
  steps_.push_back({kind, Keep(path), text, flags, source});
}

void PrivateRoot::MakeDirs(const std::string& path) {
  std::string partial;
  for (const auto& part : fs::path(path).relative_path()) {
    partial += "/" + part.string();
    if (std::find(made_.begin(), made_.end(), partial) != made_.end()) continue;
    made_.push_back(partial);
    Add(MountStep::kMkdir, kStage + partial);
  }
}

void PrivateRoot::Bind(const std::string& source, bool is_dir, bool read_only) {
  const int index = int(fds_.size());
  fds_.push_back(-1);
  steps_.insert(steps_.begin(), {MountStep::kOpenSource, Keep(source), nullptr, 0, index});
  if (is_dir) {
    MakeDirs(source);
  } else {
    MakeDirs(fs::path(source).parent_path().string());
    Add(MountStep::kTouch, kStage + source);
  }
  unsigned long flags = MS_NOSUID | (read_only ? MS_RDONLY : 0);
  if (source.rfind("/dev/", 0) != 0) flags |= MS_NODEV;
  Add(MountStep::kBind, kStage + source, nullptr, flags, index);
}

void PrivateRoot::ShowGpuDevices() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/dev", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("nvidia", 0) != 0) continue;
    struct stat st;
    if (lstat(entry.path().c_str(), &st) != 0) continue;
    if (S_ISCHR(st.st_mode)) Bind(entry.path().string(), false, false);
    if (S_ISDIR(st.st_mode)) Bind(entry.path().string(), true, false);  // /dev/nvidia-caps
  }
  // Subtrees rather than /sys itself: /sys has mounts inside it (cgroups, security), which a
  // plain bind in a user namespace may not leave behind.
  for (const char* part : kGpuSysPaths) {
    struct stat st;
    if (lstat(part, &st) == 0 && S_ISDIR(st.st_mode)) Bind(part, true, true);
  }
}

bool PrivateRoot::Plan(const ProcessSpec& spec, std::string* err) {
  steps_.clear();
  strings_.clear();
  made_.clear();
  fds_.clear();
  Add(MountStep::kTmpfs, kStage, Keep("size=1m,nr_inodes=4096,mode=0755"), MS_NOSUID | MS_NODEV);

  const std::vector<std::string> mount_points = MountPoints();  // read once per plan
  for (const char* system : kSystemPaths) {
    struct stat st;
    if (lstat(system, &st) != 0) continue;
    if (S_ISLNK(st.st_mode)) {
      std::error_code ec;
      const std::string target = fs::read_symlink(system, ec).string();
      if (ec) continue;
      MakeDirs(fs::path(system).parent_path().string());
      Add(MountStep::kSymlink, kStage + std::string(system), Keep(target));
    } else {
      Bind(system, S_ISDIR(st.st_mode), true);
      if (!S_ISDIR(st.st_mode)) continue;
      for (const std::string& mount : mount_points) {
        struct stat mounted;
        if (mount.rfind(std::string(system) + "/", 0) == 0 && stat(mount.c_str(), &mounted) == 0 &&
            S_ISDIR(mounted.st_mode))
          Bind(mount, true, true);
      }
    }
  }

  MakeDirs("/dev");
  Add(MountStep::kTmpfs, kStage + std::string("/dev"), Keep("size=64k,nr_inodes=64,mode=0755"),
      MS_NOSUID | MS_NOEXEC);
  for (const char* device : kDevices)
    if (access(device, F_OK) == 0) Bind(device, false, false);
  if (spec.isolation.gpu_devices) ShowGpuDevices();
  const char* const links[][2] = {{"/dev/fd", "/proc/self/fd"},
                                  {"/dev/stdin", "/proc/self/fd/0"},
                                  {"/dev/stdout", "/proc/self/fd/1"},
                                  {"/dev/stderr", "/proc/self/fd/2"}};
  for (const auto& link : links) Add(MountStep::kSymlink, kStage + std::string(link[0]), link[1]);

  MakeDirs("/proc");
  Add(MountStep::kProc, kStage + std::string("/proc"));
  MakeDirs("/tmp");
  Add(MountStep::kTmpfs, kStage + std::string("/tmp"),
      Keep("size=" + std::to_string(spec.limits.tmp_bytes > 0 ? spec.limits.tmp_bytes : 1 << 20) +
           ",mode=1777"),
      MS_NOSUID | MS_NODEV);

  // The workdir and the read-only paths, parents before children.
  struct Shown {
    std::string path;
    bool read_only;
  };
  std::vector<Shown> shown;
  if (!spec.workdir.empty())
    shown.push_back({Absolute(spec.workdir), !spec.isolation.writable_workdir});
  for (const auto& path : spec.isolation.read_only_paths) {
    const std::string absolute = Absolute(path);
    if (!UnderSystemPath(absolute)) shown.push_back({absolute, true});
  }
  std::sort(shown.begin(), shown.end(),
            [](const Shown& a, const Shown& b) { return a.path.size() < b.path.size(); });
  auto inside = [&](const std::string& path) {
    for (const Shown& other : shown)
      if (path.size() > other.path.size() && path.rfind(other.path + "/", 0) == 0) return true;
    return false;
  };
  for (const Shown& s : shown) {
    // Already visible through an ancestor; binding it again would need a mount point there.
    if (s.read_only && inside(s.path)) continue;
    struct stat st;
    if (stat(s.path.c_str(), &st) != 0)
      return Fail(s.path + ": " + std::generic_category().message(errno), err);
    if (s.path == "/" || UnderSystemPath(s.path) || s.path == "/proc" ||
        s.path.rfind("/proc/", 0) == 0 || s.path == "/dev" || s.path.rfind("/dev/", 0) == 0)
      return Fail(s.path + ": cannot be shown inside the sandbox", err);
    Bind(s.path, S_ISDIR(st.st_mode), s.read_only);
  }
  Add(MountStep::kPivot, kStage);
  return true;
}

bool PrivateRoot::Apply(int* failed) const {
  for (size_t i = 0; i < steps_.size(); ++i) {
    const MountStep& step = steps_[i];
    *failed = int(i);
    switch (step.kind) {
      case MountStep::kOpenSource:
        fds_[size_t(step.source)] = open(step.path, O_PATH | O_CLOEXEC);
        if (fds_[size_t(step.source)] < 0) return false;
        break;
      case MountStep::kTmpfs:
        if (mount("tmpfs", step.path, "tmpfs", step.flags, step.text) != 0) return false;
        break;
      case MountStep::kProc:
        if (mount("proc", step.path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
          return false;
        break;
      case MountStep::kMkdir:
        if (mkdir(step.path, 0755) != 0 && errno != EEXIST) return false;
        break;
      case MountStep::kTouch: {
        int fd = open(step.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) return false;
        close(fd);
        break;
      }
      case MountStep::kSymlink:
        if (symlink(step.text, step.path) != 0) return false;
        break;
      case MountStep::kBind: {
        const int fd = fds_[size_t(step.source)];
        char source[32];
        FdPath(fd, source);
        if (mount(source, step.path, nullptr, MS_BIND, nullptr) != 0) return false;
        const unsigned long flags = MS_REMOUNT | MS_BIND | step.flags | LockedFlags(fd);
        if (mount(nullptr, step.path, nullptr, flags, nullptr) != 0) return false;
        close(fd);
        break;
      }
      case MountStep::kPivot:
        if (chdir(step.path) != 0 || syscall(SYS_pivot_root, ".", ".") != 0 ||
            umount2(".", MNT_DETACH) != 0 || chdir("/") != 0)
          return false;
        if (mount(nullptr, "/", nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV,
                  nullptr) != 0)
          return false;
        break;
    }
  }
  return true;
}

void PrivateRoot::RememberTmp() const {
  struct statfs fs;
  tmp_free_inodes_ = statfs("/tmp", &fs) == 0 ? fs.f_ffree : 0;
  if (stat("/tmp", &tmp_stat_) != 0) tmp_stat_ = {};
}

bool PrivateRoot::TmpAsRemembered() const {
  struct statfs fs;
  struct stat now;
  return statfs("/tmp", &fs) == 0 && fs.f_ffree == tmp_free_inodes_ && stat("/tmp", &now) == 0 &&
         now.st_mtim.tv_sec == tmp_stat_.st_mtim.tv_sec &&
         now.st_mtim.tv_nsec == tmp_stat_.st_mtim.tv_nsec &&
         now.st_ctim.tv_sec == tmp_stat_.st_ctim.tv_sec &&
         now.st_ctim.tv_nsec == tmp_stat_.st_ctim.tv_nsec;
}

std::string PrivateRoot::Describe(int step) const {
  if (step < 0 || size_t(step) >= steps_.size()) return "private root";
  static const char* const kinds[] = {"open",   "mount tmpfs on", "mount proc on", "mkdir",
                                      "create", "symlink",        "bind",          "pivot_root to"};
  return std::string(kinds[steps_[size_t(step)].kind]) + " " + steps_[size_t(step)].path;
}

}  // namespace judge
