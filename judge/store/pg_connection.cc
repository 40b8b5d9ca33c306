#include "judge/store/pg_connection.h"

#include <poll.h>

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "judge/error.h"

namespace judge {
namespace {

class PgRow : public SqlRow {
 public:
  PgRow(const PGresult* result, int row) : result_(result), row_(row) {}
  int64_t Int(int column) const override {
    return std::strtoll(PQgetvalue(result_, row_, column), nullptr, 10);
  }
  double Real(int column) const override {
    return std::strtod(PQgetvalue(result_, row_, column), nullptr);
  }
  std::string Text(int column) const override {
    return std::string(PQgetvalue(result_, row_, column),
                       static_cast<size_t>(PQgetlength(result_, row_, column)));
  }
  bool IsNull(int column) const override { return PQgetisnull(result_, row_, column); }

 private:
  const PGresult* result_;
  int row_;
};

// Owns a PGresult.
struct Result {
  explicit Result(PGresult* r) : result(r) {}
  ~Result() { PQclear(result); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  bool ok() const {
    const auto status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  }
  PGresult* result;
};

// The shortest text that reads back as the same double.
std::string DoubleText(double value) {
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return std::string(text, end);
}

// libpq's messages end in a newline and may run over several lines ("DETAIL: ..."): one line.
std::string OneLine(std::string message) {
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
    message.pop_back();
  std::string out;
  for (char c : message) {
    if (std::isspace(static_cast<unsigned char>(c))) c = ' ';
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  }
  return out;
}

}  // namespace

std::string PgPlaceholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;  // ' or " while inside a quoted string or identifier
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: the same to us
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '?' && i + 1 < sql.size() &&
               std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      out += '$';
      continue;
    }
    out += c;
  }
  return out;
}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

std::string PgConnection::LastError() const {
  return OneLine(conn_ ? PQerrorMessage(conn_) : "no connection");
}

bool PgConnection::Connect(const std::string& url, std::string* err) {
  if (conn_) PQfinish(conn_);
  // Defaults a URL may override (later entries win): a server that cannot be reached, or a
  // connection that died without a word (a network cut), is an error in seconds, not in the
  // minutes of TCP's own timeouts, so that a judge says so and a worker reconnects.
  const char* keys[] = {"connect_timeout",  "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "dbname",          nullptr};
  const char* values[] = {"10", "30", "10", "3", url.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn_) != CONNECTION_OK) return Fail(LastError(), err);
  // The server's NOTICEs (CREATE ... IF NOT EXISTS and the like) are not the user's business.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  return true;
}

bool PgConnection::Exec(const std::string& sql, std::string* err) {
  if (!conn_) return Fail("no connection", err);
  Result result(PQexec(conn_, sql.c_str()));
  return result.ok() || Fail(LastError(), err);
}

bool PgConnection::Query(const std::string& sql, const std::vector<SqlValue>& params,
                         const SqlRowCallback& on_row, std::string* err) {
  if (!conn_) return Fail("no connection", err);
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    if (const auto* v = std::get_if<int64_t>(&params[i]))
      texts[i] = std::to_string(*v);
    else if (const auto* d = std::get_if<double>(&params[i]))
      texts[i] = DoubleText(*d);
    else if (const auto* s = std::get_if<std::string>(&params[i]))
      texts[i] = *s;
    else
      continue;  // NULL
    values[i] = texts[i].c_str();
  }
  Result result(PQexecParams(conn_, PgPlaceholders(sql).c_str(), static_cast<int>(params.size()),
                             nullptr, values.data(), nullptr, nullptr, 0));
  if (!result.ok()) return Fail(LastError(), err);
  if (on_row)
    for (int row = 0; row < PQntuples(result.result); ++row) on_row(PgRow(result.result, row));
  return true;
}

bool PgConnection::Commit(std::string* err) {
  if (!conn_) return Fail("no connection", err);
  Result result(PQexec(conn_, "COMMIT"));
  if (!result.ok()) return Fail(LastError(), err);
  if (std::string(PQcmdStatus(result.result)) != "COMMIT")
    return Fail("the transaction was rolled back", err);
  return true;
}

bool PgConnection::WaitForNotification(int timeout_ms, bool* notified, std::string* err) {
  *notified = false;
  if (!connected()) return Fail("no connection", err);
  auto take = [&] {
    if (!PQconsumeInput(conn_)) return false;
    while (PGnotify* notify = PQnotifies(conn_)) {
      *notified = true;
      PQfreemem(notify);
    }
    return true;
  };
  if (!take()) return Fail(LastError(), err);
  if (*notified) return true;
  pollfd fd = {PQsocket(conn_), POLLIN, 0};
  if (poll(&fd, 1, timeout_ms) > 0 && !take()) return Fail(LastError(), err);
  return connected() || Fail(LastError(), err);
}

}  // namespace judge
