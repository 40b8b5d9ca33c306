#include "judge/store/sqlite_backend.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>

#include "judge/error.h"
#include "judge/store/store_schema.h"

namespace judge {
namespace {

constexpr char kSqliteMagic[] = "SQLite format 3";  // and a NUL: 16 bytes

class SqliteBackend : public StoreBackend {
 public:
  SqliteDb& db() { return db_; }
  void set_schema_version(int version) { schema_version_ = version; }

  bool Query(const std::string& sql, const std::vector<SqlValue>& params,
             const SqlRowCallback& on_row, std::string* err) override {
    SqliteStatement statement;
    if (!db_.Prepare(sql, &statement, err) || !statement.Bind(params, err)) return false;
    return statement.ForEachRow(err, [&](const SqliteStatement& row) {
      if (on_row) on_row(row);
    });
  }
  bool Begin(std::string* err) override { return db_.Exec("BEGIN IMMEDIATE", err); }
  bool Commit(std::string* err) override { return db_.Exec("COMMIT", err); }
  void Rollback() override {
    std::string ignored;
    db_.Exec("ROLLBACK", &ignored);
  }
  int schema_version() const override { return schema_version_; }

 private:
  SqliteDb db_;
  int schema_version_ = 0;
};

// Reads the header of an existing, non-empty file and says why it is not a judge store, without
// opening it through SQLite (which could write to it: a journal, WAL mode).
bool CheckHeader(const std::filesystem::path& path, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  char header[100] = {};
  in.read(header, sizeof header);
  if (in.gcount() < static_cast<std::streamsize>(sizeof header) ||
      std::string(header, 16) != std::string(kSqliteMagic, 16))
    return Fail(
        path.string() + ": not a judge store (not an SQLite database); refusing to touch it", err);
  const auto* b = reinterpret_cast<const unsigned char*>(header + 68);
  const uint32_t app_id =
      (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  if (app_id != kStoreApplicationId) {
    char id[16];
    std::snprintf(id, sizeof id, "0x%08X", app_id);
    return Fail(path.string() + ": not a judge store (an SQLite database of another application, " +
                    "application_id " + id + "); refusing to touch it",
                err);
  }
  return true;
}

bool QueryInt(SqliteDb& db, const std::string& sql, int64_t* out, std::string* err) {
  SqliteStatement statement;
  bool row = false;
  if (!db.Prepare(sql, &statement, err) || !statement.Step(&row, err)) return false;
  *out = row ? statement.Int(0) : 0;
  return true;
}

// PRAGMA quick_check, its statement finished before returning: a statement left open would hold
// a read snapshot, and a later BEGIN IMMEDIATE could not wait for the write lock (SQLITE_BUSY).
bool QuickCheck(SqliteDb& db, std::string* why) {
  SqliteStatement check;
  bool row = false;
  if (!db.Prepare("PRAGMA quick_check", &check, why) || !check.Step(&row, why)) return false;
  if (row && check.Text(0) == "ok") return true;
  *why = row ? check.Text(0) : "no answer to quick_check";
  return false;
}

// Makes a new, empty judge store at `path` whole or not at all: it is built under a private name
// beside it, its header (application_id, WAL mode) written into the file itself, then linked into
// place, which fails if another judge got there first (that one's store is then used). Built in
// place, the header would sit in the WAL while the creator records its first run, and every other
// judge reading the file's header would refuse it as another application's database.
bool CreateStore(const std::filesystem::path& path, std::string* err) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const std::filesystem::path staged =
      path.string() + ".new-" + std::to_string(getpid()) + "-" +
      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  {
    SqliteDb db;
    // The application_id is set before WAL mode, so that it is written into the file itself;
    // closing the only connection then checkpoints and removes the WAL.
    if (!db.Open(staged.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err) ||
        !db.Exec("PRAGMA application_id = " + std::to_string(kStoreApplicationId) +
                     "; PRAGMA journal_mode = WAL",
                 err)) {
      std::filesystem::remove(staged, ec);
      return Fail(path.string() + ": creating the store: " + *err, err);
    }
  }
  const int linked = link(staged.c_str(), path.c_str());
  const int link_errno = errno;
  std::filesystem::remove(staged, ec);
  if (linked != 0 && link_errno != EEXIST)
    return Fail(path.string() + ": creating the store: " + std::strerror(link_errno), err);
  return true;
}

}  // namespace

std::unique_ptr<StoreBackend> OpenSqliteBackend(const std::filesystem::path& path,
                                                int up_to_version, std::string* err) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (exists && !std::filesystem::is_regular_file(path, ec)) {
    *err = path.string() + ": not a judge store (not a regular file)";
    return nullptr;
  }
  if (!exists && !CreateStore(path, err)) return nullptr;
  if (std::filesystem::file_size(path, ec) > 0 && !CheckHeader(path, err)) return nullptr;

  auto backend = std::make_unique<SqliteBackend>();
  SqliteDb& db = backend->db();
  if (!db.Open(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err)) return nullptr;
  std::string why;
  // Another judge may hold the write lock (a migration, a run being recorded): wait for it.
  sqlite3_busy_timeout(db.handle(), 15000);
  if (!QuickCheck(db, &why)) {
    *err = path.string() + ": the judge store is corrupted (" + why + "); refusing to use it";
    return nullptr;
  }
  int64_t version = 0;
  if (!QueryInt(db, "PRAGMA user_version", &version, err)) {
    *err = path.string() + ": reading the schema version: " + *err;
    return nullptr;
  }
  if (version > kStoreSchemaVersion) {
    *err = path.string() + ": written by a newer judge (store schema " + std::to_string(version) +
           ", this judge knows up to " + std::to_string(kStoreSchemaVersion) +
           "); refusing to touch it";
    return nullptr;
  }
  if (!db.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
               err)) {
    *err = path.string() + ": setting WAL mode: " + *err;
    return nullptr;
  }

  // Migrate under the write lock, re-reading the version: two judges opening an old store at
  // once must not both run a migration.
  SqliteTransaction transaction(&db);
  if (!transaction.Begin(err) || !QueryInt(db, "PRAGMA user_version", &version, err)) {
    *err = path.string() + ": locking the store to migrate it: " + *err;
    return nullptr;
  }
  const auto& migrations = SqliteStoreMigrations();
  for (int64_t v = version; v < up_to_version; ++v) {
    if (!db.Exec(migrations[static_cast<size_t>(v)], err)) {
      *err =
          path.string() + ": migrating the store to schema " + std::to_string(v + 1) + ": " + *err;
      return nullptr;
    }
  }
  const int64_t target = std::max<int64_t>(version, up_to_version);
  if (!db.Exec("PRAGMA application_id = " + std::to_string(kStoreApplicationId) +
                   "; PRAGMA user_version = " + std::to_string(target),
               err) ||
      !transaction.Commit(err))
    return nullptr;
  backend->set_schema_version(static_cast<int>(target));
  return backend;
}

}  // namespace judge
