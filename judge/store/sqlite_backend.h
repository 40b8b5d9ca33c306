// The store in an embedded SQLite file (WAL mode, so several judges may write at once; BEGIN
// IMMEDIATE so writers wait for each other). The file is recognised by its header (application_id
// "JDGS"), its schema version is PRAGMA user_version, and it is migrated forward on open; a file
// that is not a judge store, is corrupted, or comes from a newer judge is refused and left
// untouched. A store that does not exist is created whole or not at all.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "judge/store/sqlite_db.h"
#include "judge/store/store_backend.h"

namespace judge {

// Opens (creating it and its folder if absent) and migrates up to `up_to_version`; null with
// *err naming the file when it cannot.
std::unique_ptr<StoreBackend> OpenSqliteBackend(const std::filesystem::path& path,
                                                int up_to_version, std::string* err);

}  // namespace judge
