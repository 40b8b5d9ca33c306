#include "judge/store/sqlite_db.h"

#include "judge/error.h"

namespace judge {

SqliteDb::~SqliteDb() {
  if (db_) sqlite3_close_v2(db_);
}

bool SqliteDb::Open(const std::string& path, int flags, std::string* err) {
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return Fail(path + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open"), err);
  sqlite3_extended_result_codes(db_, 1);
  return true;
}

bool SqliteDb::Exec(const std::string& sql, std::string* err) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
  *err = message ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return false;
}

bool SqliteDb::Prepare(const std::string& sql, SqliteStatement* statement, std::string* err) {
  if (statement->stmt_) sqlite3_finalize(statement->stmt_);
  statement->stmt_ = nullptr;
  statement->db_ = db_;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement->stmt_, nullptr) == SQLITE_OK)
    return true;
  return Fail(sqlite3_errmsg(db_), err);
}

SqliteStatement::~SqliteStatement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

bool SqliteStatement::Bind(const std::vector<SqlValue>& values, std::string* err) {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  for (size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    int rc = SQLITE_OK;
    if (const auto* v = std::get_if<int64_t>(&values[i]))
      rc = sqlite3_bind_int64(stmt_, index, *v);
    else if (const auto* d = std::get_if<double>(&values[i]))
      rc = sqlite3_bind_double(stmt_, index, *d);
    else if (const auto* s = std::get_if<std::string>(&values[i]))
      rc =
          sqlite3_bind_text(stmt_, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    else
      rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) return Fail(sqlite3_errmsg(db_), err);
  }
  return true;
}

bool SqliteStatement::Step(bool* row_ready, std::string* err) {
  const int rc = sqlite3_step(stmt_);
  *row_ready = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) return true;
  return Fail(sqlite3_errmsg(db_), err);
}

bool SqliteStatement::Run(const std::vector<SqlValue>& values, std::string* err) {
  if (!Bind(values, err)) return false;
  bool row = true;
  while (row)
    if (!Step(&row, err)) return false;
  return true;
}

std::string SqliteStatement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

SqliteTransaction::~SqliteTransaction() {
  std::string ignored;
  if (open_) db_->Exec("ROLLBACK", &ignored);
}

bool SqliteTransaction::Begin(std::string* err) {
  open_ = db_->Exec("BEGIN IMMEDIATE", err);
  return open_;
}

bool SqliteTransaction::Commit(std::string* err) {
  if (!db_->Exec("COMMIT", err)) return false;
  open_ = false;
  return true;
}

}  // namespace judge
