// The store on a PostgreSQL server, shared by judges on many machines. A database is recognised
// as a judge store by its judge_store table (the application id "JDGS" and the schema version);
// an empty database becomes one on first open, and one holding other tables, or written by a
// newer judge, is refused and left untouched. Migrations run in one transaction under an
// advisory lock, so judges opening an old store at once migrate it once, and a failed migration
// leaves nothing behind (PostgreSQL's DDL is transactional).
#pragma once

#include <memory>
#include <string>

#include "judge/store/pg_connection.h"
#include "judge/store/store_backend.h"

namespace judge {

class PgBackend : public StoreBackend {
 public:
  // Connects and migrates up to `up_to_version`; null with *err naming the (masked) URL when it
  // cannot.
  static std::unique_ptr<PgBackend> Open(const std::string& url, int up_to_version,
                                         std::string* err);

  bool Query(const std::string& sql, const std::vector<SqlValue>& params,
             const SqlRowCallback& on_row, std::string* err) override {
    return connection_.Query(sql, params, on_row, err);
  }
  bool Begin(std::string* err) override { return connection_.Exec("BEGIN", err); }
  bool Commit(std::string* err) override { return connection_.Commit(err); }
  void Rollback() override {
    std::string ignored;
    connection_.Exec("ROLLBACK", &ignored);
  }
  int schema_version() const override { return schema_version_; }

  // For the queue: LISTEN and waiting for NOTIFY.
  PgConnection& connection() { return connection_; }

 private:
  bool Migrate(int up_to_version, std::string* err);

  PgConnection connection_;
  int schema_version_ = 0;
};

}  // namespace judge
