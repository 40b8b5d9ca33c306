// The submissions/ folders of a problem package and the judge's verdict folders. The format's
// four (accepted, wrong_answer, time_limit_exceeded, run_time_error) map to ours, and so do the
// judge's own names for the verdicts the format has no folder for (memory_limit_exceeded,
// output_limit_exceeded, compile_error), so an exported package imports back whole. Folders
// that promise no single verdict (rejected, brute_force, partially_accepted, ...) have none: an
// import skips them with a warning.
#pragma once

#include <optional>
#include <string>

namespace judge {

// "run_time_error" -> "runtime_error"; nullopt for a folder with no single verdict.
std::optional<std::string> VerdictFolderForPackage(const std::string& package_folder);
// "runtime_error" -> "run_time_error": where an exported submission goes.
std::string PackageFolderForVerdict(const std::string& verdict_folder);

}  // namespace judge
