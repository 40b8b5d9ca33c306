#include "judge/stress/user_generator_source.h"

#include <sstream>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/run/judge.h"
#include "judge/run/test_verdict.h"
#include "judge/sandbox/program_paths.h"

namespace judge {
namespace {

constexpr double kGeneratorSeconds = 10;
constexpr uint64_t kGeneratorMemoryBytes = 1ULL << 30;
constexpr uint64_t kGeneratorOutputBytes = 64ULL << 20;

std::string LastLine(const std::string& text) {
  std::istringstream in(text);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last.substr(0, 200);
}

}  // namespace

UserGeneratorSource::UserGeneratorSource(const std::filesystem::path& generator, Program program,
                                         Sandbox& sandbox, uint64_t seed)
    : generator_(generator), program_(std::move(program)), sandbox_(sandbox), next_seed_(seed) {}

std::unique_ptr<UserGeneratorSource> UserGeneratorSource::Make(
    const Workspace& workspace, const Problem& problem, const std::filesystem::path& generator,
    Sandbox& sandbox, uint64_t seed, std::string* err) {
  const LanguageInfo* language = ChooseLanguage(generator, "", err);
  if (!language) return nullptr;
  BuildRequest request{&problem, "", generator.filename().string(), workspace.cache, false};
  if (!ReadFile(generator, &request.source_text, err)) return nullptr;
  BuildResult build;
  if (!language->make()->Build(request, sandbox, &build, err)) return nullptr;
  if (!build.compiled) {
    *err = generator.string() + ": does not compile: " + build.first_error;
    return nullptr;
  }
  return std::unique_ptr<UserGeneratorSource>(
      new UserGeneratorSource(generator, build.program, sandbox, seed));
}

bool UserGeneratorSource::Generate(uint64_t seed, SmallCase* out, std::string* err) {
  thread_local TempDir work;
  if (!work.ok()) return Fail("cannot create a folder to run the generator in", err);
  ProcessSpec spec;
  spec.argv = program_.argv;
  spec.argv.push_back(std::to_string(seed));
  spec.workdir = work.path();
  spec.stdout_path = work.path() / "stdout";
  spec.stderr_path = work.path() / "stderr";
  spec.env = JudgedEnvironment();
  spec.limits.cpu_seconds = kGeneratorSeconds;
  spec.limits.wall_seconds = 2 * kGeneratorSeconds;
  spec.limits.address_space_bytes = kGeneratorMemoryBytes;
  spec.limits.file_size_bytes = kGeneratorOutputBytes;
  spec.isolation.read_only_paths = ArgumentDirectories(program_.argv);
  spec.isolation.syscalls = program_.syscalls;
  const ProcessResult process = sandbox_.Run(spec);
  const std::string run = generator_.filename().string() + " " + std::to_string(seed);
  if (!process.started) return Fail(run + ": cannot start: " + process.start_error, err);
  bool truncated = false;
  const std::string error_text = ReadFilePrefix(spec.stderr_path, 1 << 16, &truncated);
  if (process.wall_timeout || process.term_signal != 0 || process.exit_code != 0) {
    std::string why =
        process.wall_timeout
            ? "still running after " + std::to_string(int(2 * kGeneratorSeconds)) + " s"
        : process.term_signal != 0 ? "killed by " + DescribeSignal(process.term_signal)
                                   : "exited with code " + std::to_string(process.exit_code);
    if (const std::string last = LastLine(error_text); !last.empty()) why += ": " + last;
    return Fail("the generator failed: " + run + ": " + why, err);
  }
  out->test.input = ReadFilePrefix(spec.stdout_path, kGeneratorOutputBytes, &truncated);
  out->test.name = "stress/seed-" + std::to_string(seed);
  out->test.group = "stress";
  out->origin = run;
  out->size = {0, 0, InputTextLength(out->test.input)};
  out->seed = seed;
  return true;
}

bool UserGeneratorSource::Fresh(size_t count, std::vector<SmallCase>* out, std::string* err) {
  out->assign(count, SmallCase());
  for (SmallCase& small : *out)
    if (!Generate(next_seed_++, &small, err)) return false;
  return true;
}

bool UserGeneratorSource::Smaller(const SmallCase& failing, std::vector<SmallCase>* batch,
                                  std::string* err) {
  batch->clear();
  if (shrink_tried_) return true;
  shrink_tried_ = true;
  // The seeds after the failing one's: what is tried depends on the failing case alone.
  batch->resize(kUserGeneratorShrinkSeeds);
  for (int i = 0; i < kUserGeneratorShrinkSeeds; ++i)
    if (!Generate(failing.seed + 1 + uint64_t(i), &(*batch)[i], err)) return false;
  return true;
}

std::string UserGeneratorSource::ShrinkMethod() const {
  return "a generator of yours cannot be shrunk by its params: the next " +
         std::to_string(kUserGeneratorShrinkSeeds) +
         " seeds were tried and the shortest failing input kept";
}

}  // namespace judge
