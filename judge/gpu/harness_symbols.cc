#include "judge/gpu/harness_symbols.h"

#include <cxxabi.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

namespace judge::gpu {
namespace {

// One symbol of the cross-reference table: the file that defines it (the linker's choice), then
// the files that refer to it.
struct CrossReference {
  std::string symbol;
  std::vector<std::string> files;
};

// The table is "symbol<spaces>file" for the definition, then "<spaces>file" per reference; names
// are mangled (--no-demangle), so they hold no spaces.
std::vector<CrossReference> ParseCrossReferences(const std::string& map_text) {
  std::vector<CrossReference> out;
  const size_t table = map_text.find("Cross Reference Table");
  if (table == std::string::npos) return out;
  std::istringstream lines(map_text.substr(table));
  std::string line;
  std::getline(lines, line);  // the title
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string first, second;
    if (!(words >> first)) continue;
    if (line[0] != ' ' && line[0] != '\t') {
      if (first == "Symbol") continue;  // the column headings
      out.push_back({first, {}});
      if (words >> second) out.back().files.push_back(second);
    } else if (!out.empty()) {
      out.back().files.push_back(first);
    }
  }
  return out;
}

bool IsSharedLibrary(const std::string& file) {
  return file.find(".so") != std::string::npos && file.find('(') == std::string::npos;
}

std::string Demangled(const std::string& symbol) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(
      abi::__cxa_demangle(symbol.c_str(), nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : symbol;
}

std::string FileName(const std::string& file) {
  const size_t open = file.find('(');
  const std::string path = file.substr(0, open);
  std::string name = std::filesystem::path(path).filename().string();
  if (open != std::string::npos) name += file.substr(open);  // "libgpu_harness.a(timing.o)"
  return name;
}

std::string Refusal(const std::string& symbol, const std::string& whose,
                    const std::string& entry_point) {
  return "error: the submission defines `" + Demangled(symbol) + "`, which the runner also " +
         "takes from " + FileName(whose) + ": a submission may define only " + entry_point +
         " and names of its own (make helpers static or put them in an anonymous namespace)";
}

}  // namespace

std::string FindHarnessCollision(const std::string& map_text,
                                 const std::filesystem::path& submission_dir,
                                 const std::string& entry_point) {
  const std::string ours = submission_dir.string() + "/";
  auto is_submission = [&](const std::string& file) { return file.rfind(ours, 0) == 0; };
  const std::vector<CrossReference> table = ParseCrossReferences(map_text);
  if (table.empty())  // checked or refused, never waved through
    return "error: the linker's map of the runner has no cross-reference table to check";
  // C functions that a shared library defines too ("clock_gettime@@GLIBC_2.17").
  std::map<std::string, std::string> shared_definitions;
  for (const auto& entry : table) {
    const size_t at = entry.symbol.find('@');
    if (at != std::string::npos && !entry.files.empty() && IsSharedLibrary(entry.files[0]))
      shared_definitions.emplace(entry.symbol.substr(0, at), entry.files[0]);
  }
  for (const auto& entry : table) {
    if (entry.files.empty() || !is_submission(entry.files[0]) || entry.symbol == entry_point)
      continue;
    // Used by the harness or a library: the submission's definition took the place of theirs.
    for (size_t i = 1; i < entry.files.size(); ++i)
      if (!is_submission(entry.files[i])) return Refusal(entry.symbol, entry.files[i], entry_point);
    // A C function of a shared library: the process's other callers now reach the submission's.
    // (C++ names are left out: an inline function the submission's headers emit, such as
    // std::ctype<char>::do_widen, is defined by libstdc++.so too, and is the same function.)
    const auto shared = shared_definitions.find(entry.symbol);
    if (shared != shared_definitions.end() && entry.symbol.rfind("_Z", 0) != 0)
      return Refusal(entry.symbol, shared->second, entry_point);
    // The harness's namespace is never the submission's own, whether or not this runner links
    // the function it names (the runner that only calls the submission links few of them).
    if (Demangled(entry.symbol).rfind("judge::", 0) == 0)
      return "error: the submission defines `" + Demangled(entry.symbol) +
             "`, a name of the judge's harness (namespace judge): a submission may define only " +
             entry_point + " and names of its own";
  }
  return "";
}

}  // namespace judge::gpu
