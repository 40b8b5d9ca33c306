#include "judge/store/pg_backend.h"

#include <algorithm>

#include "judge/error.h"
#include "judge/store/store_location.h"
#include "judge/store/store_schema.h"

namespace judge {
namespace {

bool QueryInt(PgConnection& db, const std::string& sql, int64_t* out, std::string* err) {
  *out = 0;
  return db.Query(
      sql, {}, [&](const SqlRow& row) { *out = row.Int(0); }, err);
}

}  // namespace

std::unique_ptr<PgBackend> PgBackend::Open(const std::string& url, int up_to_version,
                                           std::string* err) {
  auto backend = std::unique_ptr<PgBackend>(new PgBackend());
  if (!backend->connection_.Connect(url, err) || !backend->Migrate(up_to_version, err)) {
    *err = MaskedLocation(url) + ": " + *err;
    return nullptr;
  }
  return backend;
}

bool PgBackend::Migrate(int up_to_version, std::string* err) {
  StoreTransaction transaction(this);
  int64_t marked = 0;
  if (!transaction.Begin(err) ||
      !QueryInt(connection_,
                "SELECT pg_advisory_xact_lock(" + std::to_string(kStoreApplicationId) + "), 0",
                &marked, err) ||
      !QueryInt(connection_,
                "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                "tablename = 'judge_store'",
                &marked, err))
    return false;
  if (!marked) {
    int64_t tables = 0;
    if (!QueryInt(connection_, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()",
                  &tables, err))
      return false;
    if (tables > 0)
      return Fail("not a judge store (a database of another application: it has " +
                      std::to_string(tables) + " tables and no judge_store); refusing to touch it",
                  err);
    if (!connection_.Exec(
            "CREATE TABLE judge_store (application_id BIGINT NOT NULL, schema_version BIGINT NOT "
            "NULL); INSERT INTO judge_store VALUES (" +
                std::to_string(kStoreApplicationId) + ", 0)",
            err))
      return Fail("creating the store: " + *err, err);
  }
  int64_t application_id = 0, version = 0;
  if (!connection_.Query(
          "SELECT application_id, schema_version FROM judge_store", {},
          [&](const SqlRow& row) {
            application_id = row.Int(0);
            version = row.Int(1);
          },
          err))
    return Fail("reading the schema version: " + *err, err);
  if (application_id != kStoreApplicationId)
    return Fail(
        "not a judge store (judge_store holds another application id); refusing to touch "
        "it",
        err);
  if (version > kStoreSchemaVersion)
    return Fail("written by a newer judge (store schema " + std::to_string(version) +
                    ", this judge knows up to " + std::to_string(kStoreSchemaVersion) +
                    "); refusing to touch it",
                err);
  const auto& migrations = PgStoreMigrations();
  for (int64_t v = version; v < up_to_version; ++v)
    if (!connection_.Exec(migrations[static_cast<size_t>(v)], err))
      return Fail("migrating the store to schema " + std::to_string(v + 1) + ": " + *err, err);
  const int64_t target = std::max<int64_t>(version, up_to_version);
  if (!connection_.Query("UPDATE judge_store SET schema_version = ?1", {target}, nullptr, err) ||
      !transaction.Commit(err))
    return false;
  schema_version_ = static_cast<int>(target);
  return true;
}

}  // namespace judge
