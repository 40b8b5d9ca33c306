#include "judge/problem/problem.h"

#include <algorithm>
#include <regex>

#include "judge/error.h"
#include "judge/json/field_reader.h"

namespace judge {
namespace {

bool ParseLimits(FieldReader& top, Limits* limits, std::string* err) {
  const nlohmann::json* object = nullptr;
  if (!top.Object("limits", kOptional, &object)) return false;
  if (!object) return true;
  FieldReader reader(*object, "limits", err);
  return reader.PositiveInt("time_ms", kOptional, &limits->time_ms) &&
         reader.PositiveInt("memory_mb", kOptional, &limits->memory_mb) &&
         reader.PositiveInt("output_kb", kOptional, &limits->output_kb);
}

bool ParseChecker(FieldReader& top, CheckerSpec* spec, std::string* err) {
  const nlohmann::json* object = nullptr;
  if (!top.Object("checker", kOptional, &object)) return false;
  if (!object) return true;
  FieldReader reader(*object, "checker", err);
  if (!reader.String("name", kRequired, &spec->name)) return false;
  spec->args = *object;
  spec->args.erase("name");
  return true;
}

bool ParseGrowth(FieldReader& top, std::optional<GrowthSpec>* growth, std::string* err) {
  const nlohmann::json* object = nullptr;
  if (!top.Object("growth", kOptional, &object)) return false;
  if (!object) return true;
  FieldReader reader(*object, "growth", err);
  GrowthSpec spec;
  if (!reader.String("test", kRequired, &spec.test) ||
      !reader.StringList("scale", kRequired, &spec.scale))
    return false;
  if (spec.scale.empty())
    return reader.Reject("scale", "at least one generator parameter to scale");
  *growth = std::move(spec);
  return true;
}

// "interactor": a file of the problem's folder, on a competitive problem whose tests it alone
// decides (so no checker beside it).
bool ParseInteractor(FieldReader& reader, const std::filesystem::path& dir, Problem* p) {
  if (!reader.String("interactor", kOptional, &p->interactor) ||
      !reader.StringList("interactor_args", kOptional, &p->interactor_args))
    return false;
  if (p->interactor.empty()) {
    if (reader.Has("interactor"))
      return reader.Reject("interactor", "a file name relative to the problem folder (got \"\")");
    if (reader.Has("interactor_args"))
      return reader.Reject("interactor_args", "nothing without an \"interactor\"");
    return true;
  }
  const std::filesystem::path relative(p->interactor);
  if (relative.is_absolute() || std::find(relative.begin(), relative.end(), "..") != relative.end())
    return reader.Reject("interactor",
                         "a path inside the problem folder (got \"" + p->interactor + "\")");
  if (p->style != Style::kCompetitive)
    return reader.Reject("interactor", "nothing: only competitive problems are interactive");
  if (reader.Has("checker"))
    return reader.Reject("checker",
                         "nothing: the interactor decides an interactive problem's tests");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir / relative, ec))
    return reader.Reject("interactor", "an existing file (no " + (dir / relative).string() + ")");
  return true;
}

bool ParseProblemJson(const nlohmann::json& j, Problem* p, std::string* err) {
  FieldReader reader(j, "", err);
  std::string style;
  if (!reader.IsObject() || !reader.String("title", kRequired, &p->title) ||
      !reader.String("difficulty", kRequired, &p->difficulty) ||
      !reader.StringList("tags", kOptional, &p->tags) ||
      !reader.String("style", kRequired, &style) ||
      !reader.String("expected_complexity", kOptional, &p->expected_complexity) ||
      !reader.String("reference", kOptional, &p->reference) ||
      !ParseLimits(reader, &p->limits, err) || !ParseChecker(reader, &p->checker, err) ||
      !ParseGrowth(reader, &p->growth, err))
    return false;
  // unrated: a problem taken from a contest site (judge listen), whose difficulty is not given.
  if (p->difficulty != "easy" && p->difficulty != "medium" && p->difficulty != "hard" &&
      p->difficulty != "unrated")
    return reader.Reject("difficulty",
                         "easy, medium, hard or unrated (got \"" + p->difficulty + "\")");
  if (style == "interview") {
    p->style = Style::kInterview;
  } else if (style == "competitive") {
    p->style = Style::kCompetitive;
  } else if (style == "gpu") {
    p->style = Style::kGpu;
  } else {
    return reader.Reject("style", "interview, competitive or gpu (got \"" + style + "\")");
  }
  if (!ParseInteractor(reader, p->dir, p)) return false;
  if (p->style != Style::kInterview) return true;
  if (!reader.Has("signature"))
    return reader.Reject("signature", "an object (interview problems need one)");
  return ParseSignature(j["signature"], &p->signature, err);
}

}  // namespace

const char* StyleName(Style style) {
  switch (style) {
    case Style::kInterview:
      return "interview";
    case Style::kCompetitive:
      return "competitive";
    case Style::kGpu:
      return "gpu";
  }
  return "?";
}

bool LoadProblem(const std::filesystem::path& dir, Problem* out, std::string* err) {
  Problem problem;
  problem.dir = dir;
  problem.slug = dir.filename().string();
  if (!std::regex_match(problem.slug, std::regex("[a-z0-9]+(-[a-z0-9]+)*")))
    return Fail(
        dir.string() + ": the folder name must be a slug (lowercase letters, digits, dashes)", err);
  const auto file = dir / "problem.json";
  nlohmann::json j;
  if (!ParseJsonFile(file, &j, err)) return false;
  std::string field_err;
  if (!ParseProblemJson(j, &problem, &field_err))
    return Fail(file.string() + ": " + field_err, err);
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
  if (ec) return Fail(problems_root.string() + ": cannot list problems: " + ec.message(), err);
  std::sort(dirs.begin(), dirs.end());
  out->clear();
  std::string first_error;
  int broken = 0;
  for (const auto& dir : dirs) {
    Problem problem;
    std::string problem_err;
    if (LoadProblem(dir, &problem, &problem_err)) {
      out->push_back(std::move(problem));
    } else if (broken++ == 0) {
      first_error = problem_err;
    }
  }
  if (broken == 0) return true;
  if (broken > 1)
    first_error +=
        " (and " + std::to_string(broken - 1) + " more broken problem" + (broken > 2 ? "s)" : ")");
  return Fail(first_error, err);
}

}  // namespace judge
