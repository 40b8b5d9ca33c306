// testcases/<slug>/*.json, as LoadTestCases reads a group file: literal cases checked against
// the problem's signature, and generated cases made by their named generator from the file's
// params and seed. Each input is read as a group file of three real problems: a function
// problem, a design problem and a competitive one.
//
// Seeds: fuzz/corpus/test_file/, one group file each.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.h"
#include "judge/files/files.h"
#include "judge/problem/problem.h"
#include "judge/testset/test_loader.h"

namespace {

std::vector<judge::Problem> LoadProblems() {
  std::vector<judge::Problem> problems;
  for (const char* slug : {"sliding-window-maximum", "heapq", "knapsack-01-stdio"}) {
    judge::Problem problem;
    std::string err;
    if (!judge::LoadProblem(std::filesystem::path(JUDGE_DEFAULT_ROOT) / "problems" / slug, &problem,
                            &err)) {
      fprintf(stderr, "test_file_fuzz: %s\n", err.c_str());
      std::abort();
    }
    problems.push_back(std::move(problem));
  }
  return problems;
}

// Whether every generated case asks for a size the fuzzer can afford (fuzz_input.h).
bool GeneratedSizesAreSmall(const uint8_t* data, size_t size) {
  const auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("generated") || !j["generated"].is_array()) return true;
  for (const auto& generated : j["generated"])
    if (generated.is_object() && generated.contains("params") &&
        !judge_fuzz::SizesAreSmall(generated["params"]))
      return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<judge::Problem> problems = LoadProblems();
  static const judge::TempDir dir;
  if (!GeneratedSizesAreSmall(data, size)) return -1;  // not kept in the corpus
  std::ofstream(dir.path() / "01-fuzzed.json", std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  for (const judge::Problem& problem : problems) {
    std::vector<judge::TestCase> cases;
    std::string err;
    if (!judge::LoadTestCases(problem, dir.path(), &cases, &err) && err.empty()) std::abort();
    for (const judge::TestCase& test : cases) {
      // What the judge does next with a loaded case: its input goes into a case line as JSON text.
      (void)test.input.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  return 0;
}
