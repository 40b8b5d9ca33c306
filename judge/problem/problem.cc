#include "judge/problem/problem.h"

#include <algorithm>
#include <regex>

#include "judge/util/json_fields.h"

namespace judge {
namespace {

bool ParseLimits(FieldReader& top, Limits* limits, std::string* err) {
  const nlohmann::json* object = nullptr;
  if (!top.Object("limits", false, &object)) return false;
  if (!object) return true;
  FieldReader reader(*object, "limits", err);
  return reader.PositiveInt("time_ms", false, &limits->time_ms) &&
         reader.PositiveInt("memory_mb", false, &limits->memory_mb) &&
         reader.PositiveInt("output_kb", false, &limits->output_kb);
}

bool ParseChecker(FieldReader& top, CheckerSpec* spec, std::string* err) {
  const nlohmann::json* object = nullptr;
  if (!top.Object("checker", false, &object)) return false;
  if (!object) return true;
  FieldReader reader(*object, "checker", err);
  if (!reader.String("name", true, &spec->name)) return false;
  spec->args = *object;
  spec->args.erase("name");
  return true;
}

bool ParseGrowth(FieldReader& top, std::optional<GrowthSpec>* growth, std::string* err) {
  const nlohmann::json* object = nullptr;
  if (!top.Object("growth", false, &object)) return false;
  if (!object) return true;
  FieldReader reader(*object, "growth", err);
  GrowthSpec spec;
  if (!reader.String("test", true, &spec.test) || !reader.StringList("scale", true, &spec.scale)) return false;
  if (spec.scale.empty()) return reader.Fail("scale", "at least one generator parameter to scale");
  *growth = std::move(spec);
  return true;
}

bool ParseProblemJson(const nlohmann::json& j, Problem* p, std::string* err) {
  FieldReader reader(j, "", err);
  std::string style;
  if (!reader.IsObject() || !reader.String("title", true, &p->title) ||
      !reader.String("difficulty", true, &p->difficulty) ||
      !reader.StringList("tags", false, &p->tags) || !reader.String("style", true, &style) ||
      !reader.String("expected_complexity", false, &p->expected_complexity) ||
      !reader.String("reference", false, &p->reference) ||
      !ParseLimits(reader, &p->limits, err) || !ParseChecker(reader, &p->checker, err) ||
      !ParseGrowth(reader, &p->growth, err))
    return false;
  if (p->difficulty != "easy" && p->difficulty != "medium" && p->difficulty != "hard")
    return reader.Fail("difficulty", "easy, medium or hard (got \"" + p->difficulty + "\")");
  if (style == "interview") {
    p->style = Style::kInterview;
    if (!reader.Has("signature")) return reader.Fail("signature", "an object (interview problems need one)");
    return ParseSignature(j["signature"], &p->signature, err);
  }
  if (style == "competitive") {
    p->style = Style::kCompetitive;
    return true;
  }
  if (style == "gpu") {
    p->style = Style::kGpu;
    return true;
  }
  return reader.Fail("style", "interview, competitive or gpu (got \"" + style + "\")");
}

}  // namespace

const char* StyleName(Style style) {
  switch (style) {
    case Style::kInterview: return "interview";
    case Style::kCompetitive: return "competitive";
    case Style::kGpu: return "gpu";
  }
  return "?";
}

bool LoadProblem(const std::filesystem::path& dir, Problem* out, std::string* err) {
  Problem problem;
  problem.dir = dir;
  problem.slug = dir.filename().string();
  if (!std::regex_match(problem.slug, std::regex("[a-z0-9]+(-[a-z0-9]+)*"))) {
    *err = dir.string() + ": the folder name must be a slug (lowercase letters, digits, dashes)";
    return false;
  }
  const auto file = dir / "problem.json";
  nlohmann::json j;
  if (!ParseJsonFile(file, &j, err)) return false;
  std::string field_err;
  if (!ParseProblemJson(j, &problem, &field_err)) {
    *err = file.string() + ": " + field_err;
    return false;
  }
  *out = std::move(problem);
  return true;
}

bool LoadAllProblems(const std::filesystem::path& problems_root, std::vector<Problem>* out,
                     std::string* err) {
  std::error_code ec;
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(problems_root, ec))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "problem.json"))
      dirs.push_back(entry.path());
  if (ec) {
    *err = problems_root.string() + ": cannot list problems: " + ec.message();
    return false;
  }
  std::sort(dirs.begin(), dirs.end());
  out->clear();
  for (const auto& dir : dirs) {
    Problem problem;
    if (!LoadProblem(dir, &problem, err)) return false;
    out->push_back(std::move(problem));
  }
  return true;
}

}  // namespace judge
