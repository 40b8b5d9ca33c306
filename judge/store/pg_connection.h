// A thin RAII layer over libpq: one connection to a PostgreSQL server, statements with ?1, ?2, ...
// parameters (rewritten to libpq's $1, $2, ...; values sent as text, so the server infers their
// types from where they stand), LISTEN/NOTIFY, and errors as one-line messages. Only what the
// store and its queue need. One connection: use it from one thread at a time.
#pragma once

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "judge/store/store_backend.h"

namespace judge {

class PgConnection {
 public:
  PgConnection() = default;
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // `url`: postgresql://[user[:password]@][host][:port]/dbname[?param=value...].
  bool Connect(const std::string& url, std::string* err);
  // One or more statements without parameters (a migration).
  bool Exec(const std::string& sql, std::string* err);
  // One statement with parameters; on_row (when set) for each row it returns.
  bool Query(const std::string& sql, const std::vector<SqlValue>& params,
             const SqlRowCallback& on_row, std::string* err);
  // COMMIT, failing when the server rolled the transaction back instead (after an error in it).
  bool Commit(std::string* err);
  // Waits up to timeout_ms for a NOTIFY on a channel this connection LISTENs to; *notified says
  // whether one came. Fails when the connection is lost.
  bool WaitForNotification(int timeout_ms, bool* notified, std::string* err);
  // False once the server is gone (a restart): the caller opens a new connection.
  bool connected() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

 private:
  std::string LastError() const;
  PGconn* conn_ = nullptr;
};

// "SELECT ?1 + ?12 FROM t WHERE s = '?3'" -> "SELECT $1 + $12 FROM t WHERE s = '?3'": ?N outside
// quoted strings and identifiers becomes $N.
std::string PgPlaceholders(const std::string& sql);

}  // namespace judge
