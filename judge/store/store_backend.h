// The SQL the store needs from a database engine, so that Store's queries are written once for
// SQLite (sqlite_backend.h) and PostgreSQL (pg_backend.h). Queries use ?1, ?2, ... parameters,
// quote the column "user", and keep to SQL both engines read alike; what differs (opening,
// recognising a judge store, schema versions, the types of the migrations) lives in each backend.
// A backend is one connection: use it from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace judge {

using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;

// One row of a result, read by column index.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual int64_t Int(int column) const = 0;
  virtual double Real(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
  std::optional<double> OptionalReal(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Real(column);
  }
};

using SqlRowCallback = std::function<void(const SqlRow&)>;

class StoreBackend {
 public:
  virtual ~StoreBackend() = default;
  // Runs one statement with its parameters, calling on_row (when set) for each row.
  virtual bool Query(const std::string& sql, const std::vector<SqlValue>& params,
                     const SqlRowCallback& on_row, std::string* err) = 0;
  // A write transaction: Begin takes what lock the engine needs for writers to wait their turn.
  virtual bool Begin(std::string* err) = 0;
  virtual bool Commit(std::string* err) = 0;
  virtual void Rollback() = 0;
  virtual int schema_version() const = 0;
};

// Commits on Commit(), rolls back otherwise (an early return, an error).
class StoreTransaction {
 public:
  explicit StoreTransaction(StoreBackend* backend) : backend_(backend) {}
  ~StoreTransaction() {
    if (open_) backend_->Rollback();
  }
  StoreTransaction(const StoreTransaction&) = delete;
  StoreTransaction& operator=(const StoreTransaction&) = delete;
  bool Begin(std::string* err) { return open_ = backend_->Begin(err); }
  bool Commit(std::string* err) {
    if (!backend_->Commit(err)) return false;  // still open: the destructor rolls back
    open_ = false;
    return true;
  }

 private:
  StoreBackend* backend_;
  bool open_ = false;
};

}  // namespace judge
