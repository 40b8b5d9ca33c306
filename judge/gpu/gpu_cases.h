// A GPU problem's cases: testcases/<slug>/*.json, in file-name order, each
//   {"group": "correctness", "timed": false, "cases": [{"name": "b1-h1-s7-d64-fp16", ...}]}
// where "group" defaults to the file's stem without its "NN-" prefix and each case's fields
// besides "name" are the problem's own (checked by its GpuProblemKind::validate_case).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "judge/gpu/gpu_problem_table.h"

namespace judge::gpu {

struct GpuTestCase {
  std::string name;  // unique within the problem
  std::string group;
  bool timed = false;
  nlohmann::json spec;  // the case object as written
};

// Errors name the file and the field: "testcases/attention/01-correctness.json: cases[3].seq_len:
// ...".
bool LoadGpuCases(const std::filesystem::path& dir, const GpuProblemKind& kind,
                  std::vector<GpuTestCase>* out, std::string* err);

// The runner's --cases file (gpu/PROTOCOL.md) for these cases; `timed = false` asks for
// correctness only.
nlohmann::json RunnerCaseList(const std::vector<GpuTestCase>& cases, bool timed);

}  // namespace judge::gpu
