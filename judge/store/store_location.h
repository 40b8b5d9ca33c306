// Where a store lives, as the user gives it (--store, $JUDGE_STORE): a file path (SQLite, the
// embedded default that needs no set-up) or a libpq URL, postgresql://... or postgres://...
// (a PostgreSQL server shared by several machines). Pure string logic, no I/O.
#pragma once

#include <filesystem>
#include <string>

namespace judge {

// True for "postgresql://..." and "postgres://...".
bool IsPostgresLocation(const std::string& location);

// The location as it may be printed: a URL's password replaced by "***"
// ("postgresql://ann:***@db/judge"); a path as it is.
std::string MaskedLocation(const std::string& location);

// $XDG_DATA_HOME/judge/judge.db, else ~/.local/share/judge/judge.db (not $JUDGE_STORE).
std::filesystem::path DefaultSqliteStorePath();

// $JUDGE_STORE, else DefaultSqliteStorePath().
std::string DefaultStoreLocation();

// The store file beside which a person's own files are kept (judge stress --save's local tests):
// the store itself for a path; for a PostgreSQL URL, DefaultSqliteStorePath(), since those files
// belong to this machine's user and not to the shared server.
std::filesystem::path LocalFilesAnchor(const std::string& location);

}  // namespace judge
