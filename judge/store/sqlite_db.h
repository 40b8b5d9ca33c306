// A thin RAII layer over the SQLite C API: one connection, prepared statements with bound
// parameters, and errors as one-line messages. Only what the store needs.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "judge/store/store_backend.h"

namespace judge {

class SqliteStatement;

class SqliteDb {
 public:
  SqliteDb() = default;
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // `flags`: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, or SQLITE_OPEN_READONLY.
  bool Open(const std::string& path, int flags, std::string* err);
  bool Exec(const std::string& sql, std::string* err);
  bool Prepare(const std::string& sql, SqliteStatement* statement, std::string* err);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  std::string Error() const { return sqlite3_errmsg(db_); }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class SqliteStatement : public SqlRow {
 public:
  SqliteStatement() = default;
  ~SqliteStatement() override;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Binds parameters ?1, ?2, ... in order; resets the statement first so it can be reused.
  bool Bind(const std::vector<SqlValue>& values, std::string* err);
  // Steps once: true with *row_ready when a row is there, true without it when done.
  bool Step(bool* row_ready, std::string* err);
  // Steps to the end, for statements that return no rows.
  bool Run(const std::vector<SqlValue>& values, std::string* err);
  // Steps to the end, calling on_row(*this) for each row.
  template <typename OnRow>
  bool ForEachRow(std::string* err, OnRow on_row) {
    for (bool row = true;;) {
      if (!Step(&row, err)) return false;
      if (!row) return true;
      on_row(*this);
    }
  }

  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Real(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) const override;
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }

 private:
  friend class SqliteDb;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Commits on Commit(), rolls back otherwise: a judge that fails or is killed mid-write leaves
// the store as it was before the transaction.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDb* db) : db_(db) {}
  ~SqliteTransaction();
  // BEGIN IMMEDIATE takes the write lock at once, so two writers wait (busy_timeout) instead of
  // failing halfway with SQLITE_BUSY.
  bool Begin(std::string* err);
  bool Commit(std::string* err);

 private:
  SqliteDb* db_;
  bool open_ = false;
};

}  // namespace judge
