// Problem packages as .zip archives (libzip): unpacking one to import it, and packing a folder
// to export one. Unpacking refuses, before writing anything, an entry whose path would land
// outside the destination (absolute, or with a ".." part), a symbolic link, and archives whose
// contents add up to more than kMaxUnpackedBytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace judge {

inline constexpr uint64_t kMaxUnpackedBytes = uint64_t(4) << 30;

// Unpacks `zip` into the existing folder `dest`. Errors name the archive and the entry:
// "pkg.zip: ../evil: a path outside the package".
bool UnpackZip(const std::filesystem::path& zip, const std::filesystem::path& dest,
               std::string* err);

// Packs every file under `folder` into a new archive `zip`, named by their paths under
// `folder`'s parent (so the archive holds one top folder, as packages are zipped).
bool PackZip(const std::filesystem::path& folder, const std::filesystem::path& zip,
             std::string* err);

}  // namespace judge
