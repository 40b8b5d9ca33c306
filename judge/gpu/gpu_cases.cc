#include "judge/gpu/gpu_cases.h"

#include <regex>
#include <set>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/json/field_reader.h"

namespace judge::gpu {
namespace {

std::string DefaultGroup(const std::filesystem::path& file) {
  return std::regex_replace(file.stem().string(), std::regex("^[0-9]+-"), "");
}

bool LoadCaseFile(const std::filesystem::path& file, const GpuProblemKind& kind,
                  std::set<std::string>* names, std::vector<GpuTestCase>* out, std::string* err) {
  nlohmann::json j;
  if (!ParseJsonFile(file, &j, err)) return false;
  std::string field_err;
  FieldReader reader(j, "", &field_err);
  std::string group = DefaultGroup(file);
  const nlohmann::json* cases = nullptr;
  bool timed = false;
  bool ok = reader.IsObject() && reader.String("group", kOptional, &group) &&
            reader.Array("cases", kRequired, &cases) && reader.Bool("timed", kOptional, &timed);
  for (size_t i = 0; ok && i < cases->size(); ++i) {
    const nlohmann::json& spec = (*cases)[i];
    const std::string where = "cases[" + std::to_string(i) + "]";
    GpuTestCase test{"", group, timed, spec};
    FieldReader case_reader(spec, where, &field_err);
    ok = case_reader.IsObject() && case_reader.String("name", kRequired, &test.name);
    if (ok && !names->insert(test.name).second)
      ok = case_reader.Reject(case_reader.FieldName("name"),
                              "a name no other case uses (\"" + test.name + "\" is taken)");
    if (ok && !kind.validate_case(spec, &field_err)) {
      field_err = where + "." + field_err;
      ok = false;
    }
    if (ok) out->push_back(std::move(test));
  }
  if (!ok) return Fail(file.string() + ": " + field_err, err);
  return true;
}

}  // namespace

bool LoadGpuCases(const std::filesystem::path& dir, const GpuProblemKind& kind,
                  std::vector<GpuTestCase>* out, std::string* err) {
  std::vector<std::filesystem::path> files;
  if (!ListJsonFiles(dir, "case files", &files, err)) return false;
  out->clear();
  std::set<std::string> names;
  for (const auto& file : files)
    if (!LoadCaseFile(file, kind, &names, out, err)) return false;
  return true;
}

nlohmann::json RunnerCaseList(const std::vector<GpuTestCase>& cases, bool timed) {
  nlohmann::json list = nlohmann::json::array();
  for (const GpuTestCase& test : cases) {
    nlohmann::json spec = test.spec;
    spec.erase("name");
    list.push_back({{"name", test.name},
                    {"group", test.group},
                    {"timed", timed && test.timed},
                    {"spec", spec}});
  }
  return list;
}

}  // namespace judge::gpu
