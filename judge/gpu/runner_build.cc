#include "judge/gpu/runner_build.h"

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/files/sha256.h"
#include "judge/gpu/harness_symbols.h"
#include "judge/lang/build_cache.h"
#include "judge/lang/native_build.h"

namespace judge::gpu {
namespace {

// The linker's map of the runner, read by FindHarnessCollision and then removed.
constexpr char kRunnerMap[] = "runner.map";

// nvcc runs cicc and ptxas, which are large; a hostile source (an include of /dev/zero, a
// template explosion) still stops here and ends in CE.
ProcessLimits NvccLimits() {
  ProcessLimits limits;
  limits.cpu_seconds = 300;
  limits.wall_seconds = 300;
  limits.memory_bytes = 4ULL << 30;
  limits.file_size_bytes = 512ULL << 20;
  limits.tmp_bytes = 1ULL << 30;
  limits.processes = 128;
  return limits;
}

// The object file holding a runner's main.
std::filesystem::path RunnerMainObject(const GpuToolchain& toolchain, RunnerKind runner_kind) {
  return toolchain.build_dir /
         (runner_kind == RunnerKind::kCalledByChecker ? "call_main.o" : "runner_main.o");
}

// What a runner links besides the submission, in link order (gpu/CMakeLists.txt builds them):
// the main as an object file first, so that its references (kProblemCall, and kRunnerProblem for
// runner_main.o) pull the problem's call side and cases out of their archive, which in turn need
// the harness, then the pure C++ that all of them stand on. A static archive only yields what is
// already wanted when the linker reaches it, hence the order.
std::vector<std::filesystem::path> RunnerLinkInputs(const GpuToolchain& toolchain,
                                                    const GpuProblemKind& kind,
                                                    RunnerKind runner_kind) {
  const auto& dir = toolchain.build_dir;
  return {RunnerMainObject(toolchain, runner_kind),
          dir / ("lib" + std::string(kind.slug) + "_runner.a"), dir / "libgpu_harness.a",
          dir / "libgputrack.a"};
}

// Size and modification time of each link input: a rebuilt harness rebuilds every runner.
std::string LinkInputsIdentity(const std::vector<std::filesystem::path>& inputs) {
  std::ostringstream out;
  std::error_code ec;
  for (const auto& input : inputs)
    out << input.string() << ' ' << std::filesystem::file_size(input, ec) << ' '
        << std::filesystem::last_write_time(input, ec).time_since_epoch().count() << '\n';
  return out.str();
}

// A file name nvcc and the shell-free argv can take: letters, digits, '.', '_', '-'; ends in .cu.
std::string SafeSourceName(const std::string& name) {
  std::string safe = std::regex_replace(name, std::regex("[^A-Za-z0-9._-]"), "_");
  if (safe.empty() || safe[0] == '.' || safe[0] == '-') safe = "submission" + safe;
  if (safe.size() < 3 || safe.substr(safe.size() - 3) != ".cu") safe += ".cu";
  return safe;
}

// Whether the source includes NCCL's header (the only way the judge offers to use NCCL).
bool UsesNccl(const std::string& source) {
  static const std::regex include(R"(#\s*include\s*[<"]nccl\.h[>"])");
  return std::regex_search(source, include);
}

// nvcc's target flags for `arch`. Hopper and Blackwell have instructions of their own (wgmma,
// TMA, setmaxnreg on sm_90a) that only their "a" target compiles; a binary for sm_90a runs on
// every sm_90 device, so those archs are built for it, in the -gencode form.
std::vector<std::string> TargetFlags(const std::string& arch) {
  if (arch == "sm_90" || arch == "sm_100") {
    const std::string number = arch.substr(3);
    return {"-gencode", "arch=compute_" + number + "a,code=sm_" + number + "a"};
  }
  return {"-arch=" + arch};
}

std::vector<std::string> SplitFlags(const std::string& flags) {
  std::istringstream in(flags);
  std::vector<std::string> out;
  for (std::string flag; in >> flag;) out.push_back(flag);
  return out;
}

// $name as an absolute path, or `fallback` where it is unset or empty.
[[maybe_unused]] std::filesystem::path EnvironmentPath(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  if (!value || !*value) return fallback;
  std::error_code ec;
  return std::filesystem::absolute(value, ec).lexically_normal();
}

bool IsDirectory(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

// The existing absolute folders named in "NAME=a:b:c" entries of CudaSearchPaths(), once each.
std::vector<std::filesystem::path> SearchPathFolders(const std::vector<std::string>& variables) {
  std::vector<std::filesystem::path> out;
  for (const std::string& variable : variables) {
    std::istringstream folders(variable.substr(variable.find('=') + 1));
    for (std::string folder; std::getline(folders, folder, ':');) {
      const std::filesystem::path path = folder;
      if (path.is_absolute() && path.has_relative_path() && IsDirectory(path) &&
          std::find(out.begin(), out.end(), path.lexically_normal()) == out.end())
        out.push_back(path.lexically_normal());
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> CudaSearchPaths() {
  std::vector<std::string> out;
  for (const char* name : {"LD_LIBRARY_PATH", "LIBRARY_PATH", "CPATH"})
    if (const char* value = std::getenv(name); value && *value)
      out.push_back(std::string(name) + "=" + value);
  return out;
}

std::filesystem::path CheckerPath(const GpuToolchain& toolchain, const GpuProblemKind& kind) {
  return toolchain.build_dir / (std::string(kind.slug) + "_checker");
}

bool FindGpuToolchain(GpuToolchain* out, std::string* err) {
#if JUDGE_GPU_BUILT
  // Each compiled-in place can be overridden from the environment, so that a judge carried to
  // another machine (the GPU kit, gpu/kit/) finds nvcc, the runner libraries and the headers
  // there. $JUDGE_ROOT gives the headers only when it holds gpu/: a root of problems alone
  // still builds against the tree this judge was built from.
  out->nvcc = EnvironmentPath("JUDGE_NVCC", JUDGE_NVCC);
  out->build_dir = EnvironmentPath("JUDGE_GPU_BUILD_DIR", JUDGE_GPU_BUILD_DIR);
  out->source_root = JUDGE_DEFAULT_ROOT;
  if (const auto root = EnvironmentPath("JUDGE_ROOT", "");
      !root.empty() && IsDirectory(root / "gpu"))
    out->source_root = root;
  if (!std::filesystem::exists(out->nvcc))
    return Fail("nvcc not found at " + out->nvcc.string() + " (set $JUDGE_NVCC)", err);
  if (!std::filesystem::exists(out->build_dir / "runner_main.o") ||
      !std::filesystem::exists(out->build_dir / "libgpu_harness.a"))
    return Fail(
        out->build_dir.string() + ": the GPU runner libraries are not built (cmake --build)", err);
  return true;
#else
  (void)out;
  return Fail(
      "this judge was built without the GPU track (CMake found no nvcc): install the CUDA "
      "toolkit and rebuild",
      err);
#endif
}

bool BuildGpuRunner(const GpuToolchain& toolchain, const GpuProblemKind& kind,
                    const std::string& source_text, const std::string& source_name,
                    const std::string& arch, const std::filesystem::path& cache_dir,
                    Sandbox& sandbox, BuildResult* out, std::string* err, RunnerKind runner_kind) {
  // A missing main is the judge's build, not the submission's: a clear error, not a link CE.
  if (const auto main = RunnerMainObject(toolchain, runner_kind); !std::filesystem::exists(main))
    return Fail(main.string() + ": the GPU runner's main is not built (cmake --build)", err);
  const std::string unit_name = SafeSourceName(source_name);
  const auto api_header =
      toolchain.source_root / "gpu" / kind.slug / (std::string(kind.slug) + "_api.h");
  std::vector<std::string> argv = {toolchain.nvcc.string(), "-O3", "-std=c++17"};
  for (const std::string& flag : TargetFlags(arch)) argv.push_back(flag);
  argv.insert(argv.end(), {"-lineinfo", "-I" + toolchain.source_root.string(), "-include",
                           api_header.string(), "-o", "runner"});
  // The harness first: where it and the submission both hold a weak definition (an inline
  // function, a template), the linker keeps the harness's, and a strong one in the submission
  // is a second definition, an error. Then the submission, then the libraries both use.
  const auto link_inputs = RunnerLinkInputs(toolchain, kind, runner_kind);
  for (const auto& input : link_inputs) argv.push_back(input.string());
  argv.push_back(unit_name);
  for (const std::string& flag : SplitFlags(kind.link_flags)) argv.push_back(flag);
  if (UsesNccl(source_text))
    for (const std::string& flag : SplitFlags(kind.nccl_flags)) argv.push_back(flag);
  // Who defines and uses each symbol, for FindHarnessCollision.
  for (const std::string& flag :
       {std::string("-Map=") + kRunnerMap, std::string("--cref"), std::string("--no-demangle")})
    argv.insert(argv.end(), {"-Xlinker", flag});

  std::string api_text;
  if (!ReadFile(api_header, &api_text, err)) return false;
  NativeCompile compile;
  const std::vector<std::string> search_paths = CudaSearchPaths();
  compile.key = Sha256Hex("nvcc\n" + CommandLine(argv) + "\n" + CommandLine(search_paths) + "\n" +
                          LinkInputsIdentity(link_inputs) + api_text + "\n" + source_text);
  compile.unit_name = unit_name;
  compile.unit_text = source_text;
  compile.argv = argv;
  compile.output = "runner";
  compile.read_only_paths = {toolchain.source_root / "gpu", toolchain.build_dir.parent_path()};
  // The toolkit too (nvcc/../..), for one installed outside /usr, which the sandbox always shows,
  // and the folders the search paths name (pip's CUDA wheels under /opt, say): passed to nvcc,
  // they must also be visible to it.
  if (const auto toolkit = toolchain.nvcc.parent_path().parent_path(); toolkit.has_relative_path())
    compile.read_only_paths.push_back(toolkit);
  for (const auto& folder : SearchPathFolders(search_paths))
    compile.read_only_paths.push_back(folder);
  compile.limits = NvccLimits();
  compile.env = JudgedEnvironment();
  for (std::string& variable : compile.env)  // nvcc finds its own tools beside it, then g++
    if (variable.rfind("PATH=", 0) == 0)
      variable = "PATH=" + toolchain.nvcc.parent_path().string() + ":/usr/bin:/bin";
  compile.env.push_back("TMPDIR={dir}");
  for (const std::string& variable : search_paths) compile.env.push_back(variable);
  compile.compiler_name = "nvcc";
  compile.check_build = [&kind](const std::filesystem::path& dir) {
    std::string map, ignored;
    ReadFile(dir / kRunnerMap, &map, &ignored);
    std::error_code ec;
    std::filesystem::remove(dir / kRunnerMap, ec);  // megabytes, and of no use once read
    if (map.empty()) return std::string("error: the linker wrote no map of the runner");
    return FindHarnessCollision(map, dir, kind.entry_point);
  };
  return BuildNative(compile, cache_dir, sandbox, out, err);
}

}  // namespace judge::gpu
