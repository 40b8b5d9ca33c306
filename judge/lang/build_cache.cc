#include "judge/lang/build_cache.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "judge/error.h"
#include "judge/files/files.h"

namespace judge {
namespace {

const char kDirToken[] = "{dir}";

std::string Substitute(std::string arg, const std::string& from, const std::string& to) {
  for (size_t pos = arg.find(from); pos != std::string::npos; pos = arg.find(from, pos + to.size()))
    arg.replace(pos, from.size(), to);
  return arg;
}

}  // namespace

bool BuildCache::Lookup(const std::string& key, BuildResult* out) const {
  const auto dir = EntryDir(key);
  std::string text, err;
  if (!ReadFile(dir / "result.json", &text, &err)) return false;
  try {
    const auto j = nlohmann::json::parse(text);
    BuildResult result;
    result.compiled = j.at("compiled").get<bool>();
    result.first_error = j.at("first_error").get<std::string>();
    result.log = j.at("log").get<std::string>();
    for (const auto& arg : j.at("argv"))
      result.program.argv.push_back(Substitute(arg, kDirToken, dir));
    result.from_cache = true;
    *out = std::move(result);
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;  // a damaged entry is rebuilt
  }
}

bool BuildCache::Store(const std::string& key, const std::filesystem::path& staged,
                       const BuildResult& result, BuildResult* out, std::string* err) const {
  nlohmann::json j = {{"compiled", result.compiled},
                      {"first_error", result.first_error},
                      {"log", result.log},
                      {"argv", result.program.argv}};
  if (!WriteFileAtomic(staged / "result.json", j.dump(2), err)) return false;
  std::error_code ec;
  std::filesystem::create_directories(root_, ec);
  const auto entry = EntryDir(key);
  std::filesystem::rename(staged, entry, ec);
  // A failed rename is fine when another judge stored the same key first.
  if (ec && !std::filesystem::exists(entry / "result.json"))
    return Fail(entry.string() + ": cannot store build: " + ec.message(), err);
  if (!Lookup(key, out))
    return Fail(entry.string() + ": the stored build cannot be read back", err);
  out->from_cache = false;
  out->seconds = result.seconds;
  return true;
}

std::string FirstErrorLine(const std::string& log) {
  // In order of preference. The linker's own words come first, from them on: a failed link ends
  // in "collect2: error: ld returned 1", which says nothing, after the line that names the
  // symbol. Then "error:" (g++, nvcc, ld, Python's "SyntaxError:") as the whole line: a bare
  // "error" may be a file's name in a warning ("syntax_error.cu(31): warning ...").
  const struct {
    const char* marker;
    bool from_marker;
  } kinds[] = {{"multiple definition of", true},
               {"undefined reference to", true},
               {"error:", false},
               {"Error:", false},
               {"error", false},
               {"Error", false}};
  for (const auto& kind : kinds) {
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);)
      if (const size_t at = line.find(kind.marker); at != std::string::npos)
        return kind.from_marker ? "error: " + line.substr(at) : line;
  }
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) return line;
  return "";
}

std::string ShortenLog(const std::string& log, int max_lines) {
  std::istringstream in(log);
  std::string line, out;
  int lines = 0;
  while (std::getline(in, line)) {
    if (++lines > max_lines) {
      out += "... (compiler output cut)\n";
      break;
    }
    out += line.substr(0, 300) + "\n";
  }
  return out;
}

}  // namespace judge
