// The cache of finished builds: <cache>/builds/<key>/ holds the built files and result.json (the
// BuildResult, with the entry's own path written as "{dir}" so the cache can move). Entries are
// staged in a private folder and renamed into place, so a judge killed mid-build never leaves a
// half-built entry, and two judges building the same key at once both end with a good one.
#pragma once

#include <filesystem>
#include <string>

#include "judge/lang/language.h"

namespace judge {

class BuildCache {
 public:
  explicit BuildCache(std::filesystem::path cache_dir) : root_(std::move(cache_dir) / "builds") {}

  // True and fills *out (from_cache = true) when `key` was built before.
  bool Lookup(const std::string& key, BuildResult* out) const;
  // A fresh folder to build in, on the same file system as the cache.
  std::filesystem::path StagingParent() const { return root_.parent_path() / "tmp"; }
  // Moves `staged` into place as the entry for `key` (argv entries may use "{dir}"), and sets
  // *out to the stored result as a fresh build would return it.
  bool Store(const std::string& key, const std::filesystem::path& staged, const BuildResult& result,
             BuildResult* out, std::string* err) const;
  std::filesystem::path EntryDir(const std::string& key) const { return root_ / key; }

 private:
  std::filesystem::path root_;
};

// The first line of a compiler's output that reports an error, else its first non-empty line.
std::string FirstErrorLine(const std::string& log);
// A compiler log cut to what a person reads: at most `max_lines` lines.
std::string ShortenLog(const std::string& log, int max_lines = 30);

}  // namespace judge
