#include "judge/testset/test_loader.h"

#include <algorithm>
#include <set>

#include "judge/error.h"
#include "judge/files/files.h"
#include "judge/json/field_reader.h"
#include "judge/testset/generators/generator.h"

namespace judge {
namespace {

bool ValidateDesignInput(const Signature& sig, const nlohmann::json& input, std::string* err) {
  FieldReader reader(input, "input", err);
  const nlohmann::json* ops = nullptr;
  const nlohmann::json* args = nullptr;
  if (!reader.IsObject() || !reader.Array("operations", kRequired, &ops) ||
      !reader.Array("arguments", kRequired, &args))
    return false;
  if (ops->size() != args->size())
    return reader.Reject("input.arguments",
                         "one argument list per operation (" + std::to_string(ops->size()) + ")");
  if (ops->empty() || (*ops)[0] != sig.class_name)
    return reader.Reject("input.operations[0]", "\"" + sig.class_name + "\" (the constructor)");
  for (size_t i = 0; i < ops->size(); ++i) {
    const auto field = "input.operations[" + std::to_string(i) + "]";
    if (!(*ops)[i].is_string()) return reader.Reject(field, "a string");
    if (!(*args)[i].is_array())
      return reader.Reject("input.arguments[" + std::to_string(i) + "]", "an array");
    const auto name = (*ops)[i].get<std::string>();
    const bool known = (i == 0) || std::any_of(sig.methods.begin(), sig.methods.end(),
                                               [&](const Method& m) { return m.name == name; });
    if (!known)
      return reader.Reject(field, "a method of " + sig.class_name + " (got \"" + name + "\")");
  }
  return true;
}

bool ValidateFunctionInput(const Method& method, const nlohmann::json& input, std::string* err) {
  FieldReader reader(input, "input", err);
  if (!reader.IsObject()) return false;
  for (const auto& param : method.params)
    if (!reader.Has(param.name.c_str()))
      return reader.Reject(reader.FieldName(param.name.c_str()), "a " + param.type + " (missing)");
  for (const auto& item : input.items()) {
    const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
    const bool known = std::any_of(method.params.begin(), method.params.end(),
                                   [&](const Param& p) { return p.name == key; });
    if (!known) return reader.Reject("input." + key, "no such parameter of " + method.name);
  }
  return true;
}

bool LoadCase(const Problem& problem, const nlohmann::json& j, const std::string& field,
              const std::string& group, TestCase* out, std::string* err) {
  FieldReader reader(j, field, err);
  out->group = group;
  std::string name;
  if (!reader.IsObject() || !reader.String("name", kRequired, &name) ||
      !reader.Value("input", kRequired, &out->input) ||
      !reader.Value("expected", kRequired, &out->expected))
    return false;
  out->name = group + "/" + name;
  std::string input_err;
  if (!ValidateInput(problem, out->input, &input_err)) return Fail(field + "." + input_err, err);
  if (problem.style == Style::kCompetitive && !out->expected.is_string())
    return reader.Reject(reader.FieldName("expected"), "a string (the expected stdout)");
  return true;
}

bool GenerateCase(const Problem& problem, const nlohmann::json& j, const std::string& field,
                  const std::string& group, TestCase* out, std::string* err) {
  FieldReader reader(j, field, err);
  std::string name, generator_name;
  long long seed = 0;
  nlohmann::json params;
  if (!reader.IsObject() || !reader.String("name", kRequired, &name) ||
      !reader.String("generator", kRequired, &generator_name) ||
      !reader.Value("params", kRequired, &params) || !reader.Int64("seed", kRequired, &seed))
    return false;
  GeneratorFn generator = FindGenerator(generator_name);
  if (!generator)
    return reader.Reject(reader.FieldName("generator"),
                         "one of " + GeneratorNames() + " (got \"" + generator_name + "\")");
  SplitMix64 rng(static_cast<uint64_t>(seed));
  std::string gen_err;
  if (!generator(params, rng, &out->input, &gen_err)) return Fail(field + "." + gen_err, err);
  if (!ValidateInput(problem, out->input, &gen_err))
    return Fail(field + ": the generator made a bad input: " + gen_err, err);
  out->name = group + "/" + name;
  out->group = group;
  out->generated = true;
  out->generator_key =
      nlohmann::json{{"generator", generator_name}, {"params", params}, {"seed", seed}}.dump();
  return true;
}

// A group file's own fields: its name, whether it runs sanitized, and its two lists of cases.
bool ReadGroupFields(FieldReader& reader, TestGroup* group, const nlohmann::json** cases,
                     const nlohmann::json** generated) {
  if (!reader.IsObject() || !reader.String("group", kRequired, &group->name) ||
      !reader.Array("cases", kOptional, cases) || !reader.Array("generated", kOptional, generated))
    return false;
  // Sanitizers slow a program two to three times: a performance group would judge their
  // overhead, not the solution.
  group->sanitize = group->name != kPerformanceGroup;
  if (!reader.Bool("sanitize", kOptional, &group->sanitize)) return false;
  if (!*cases && !*generated)
    return reader.Reject("cases", "an array of cases (or a \"generated\" array)");
  group->cases = (*cases ? (*cases)->size() : 0) + (*generated ? (*generated)->size() : 0);
  return true;
}

// Parses a group file and reads its own fields; `cases` and `generated` point into *j.
bool ReadGroupFile(const std::filesystem::path& file, nlohmann::json* j, TestGroup* group,
                   const nlohmann::json** cases, const nlohmann::json** generated,
                   std::string* err) {
  if (!ParseJsonFile(file, j, err)) return false;
  std::string field_err;
  FieldReader reader(*j, "", &field_err);
  if (ReadGroupFields(reader, group, cases, generated)) return true;
  return Fail(file.string() + ": " + field_err, err);
}

bool LoadGroupFile(const Problem& problem, const std::filesystem::path& file,
                   std::vector<TestCase>* out, std::string* err) {
  nlohmann::json j;
  TestGroup group;
  const nlohmann::json* cases = nullptr;
  const nlohmann::json* generated = nullptr;
  if (!ReadGroupFile(file, &j, &group, &cases, &generated, err)) return false;
  std::string field_err;
  bool ok = true;
  for (size_t i = 0; ok && cases && i < cases->size(); ++i) {
    TestCase test;
    ok = LoadCase(problem, (*cases)[i], "cases[" + std::to_string(i) + "]", group.name, &test,
                  &field_err);
    test.sanitize = group.sanitize;
    if (ok) out->push_back(std::move(test));
  }
  for (size_t i = 0; ok && generated && i < generated->size(); ++i) {
    TestCase test;
    ok = GenerateCase(problem, (*generated)[i], "generated[" + std::to_string(i) + "]", group.name,
                      &test, &field_err);
    test.sanitize = group.sanitize;
    if (ok) out->push_back(std::move(test));
  }
  if (!ok) *err = file.string() + ": " + field_err;
  return ok;
}

}  // namespace

bool ValidateInput(const Problem& problem, const nlohmann::json& input, std::string* err) {
  if (problem.style == Style::kCompetitive) {
    if (input.is_string()) return true;
    return Fail("input: expected a string (the stdin text)", err);
  }
  if (problem.signature.is_design) return ValidateDesignInput(problem.signature, input, err);
  return ValidateFunctionInput(problem.signature.methods.at(0), input, err);
}

bool ListTestGroups(const std::filesystem::path& dir, std::vector<TestGroup>* out,
                    std::string* err) {
  std::vector<std::filesystem::path> files;
  if (!ListJsonFiles(dir, "test files", &files, err)) return false;
  out->clear();
  for (const auto& file : files) {
    nlohmann::json j;
    TestGroup group;
    const nlohmann::json* cases = nullptr;
    const nlohmann::json* generated = nullptr;
    if (!ReadGroupFile(file, &j, &group, &cases, &generated, err)) return false;
    out->push_back(std::move(group));
  }
  return true;
}

bool LoadTestCases(const Problem& problem, const std::filesystem::path& dir,
                   std::vector<TestCase>* out, std::string* err) {
  std::vector<std::filesystem::path> files;
  if (!ListJsonFiles(dir, "test files", &files, err)) return false;
  out->clear();
  for (const auto& file : files)
    if (!LoadGroupFile(problem, file, out, err)) return false;
  std::set<std::string> names;
  for (const auto& test : *out)
    if (!names.insert(test.name).second)
      return Fail(dir.string() + ": two tests are named \"" + test.name + "\"", err);
  return true;
}

}  // namespace judge
