// Small RAII helpers over the SQLite C API: prepared statements with bound
// parameters (user text never reaches SQL any other way) and transactions.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace newsgraph {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  const Status& status() const { return status_; }

  // Binds by 1-based index; empty strings bind as given (use BindTextOrNull for NULL).
  // Bind copies the text.
  Statement& Bind(int i, std::string_view v);
  Statement& BindTextOrNull(int i, std::string_view v);
  // Binds without copying: `v` must stay valid and unchanged until the
  // statement is reset. For hot loops, where the copies were a tenth of
  // the cost of an insert.
  Statement& BindView(int i, std::string_view v);
  Statement& BindViewOrNull(int i, std::string_view v);
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::optional<double> v);
  Statement& BindNull(int i);

  // SQLITE_ROW -> true; SQLITE_DONE -> false; errors -> false with status().
  bool Step();
  // Runs to completion; returns the status.
  Status Run();
  // Ready to run again: unbinds the parameters and forgets the last error
  // (a failed run does not fail every later one).
  void Reset();

  std::string Text(int col) const;
  // The column's text without a copy: valid until the next Step or Reset.
  std::string_view TextView(int col) const;
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// Executes one or more statements without parameters.
Status Exec(sqlite3* db, const char* sql);

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless committed.
// One atomic unit of writes. Outside a transaction it is BEGIN IMMEDIATE ..
// COMMIT; inside one (an ingest batch) it is a savepoint, so a failed
// document rolls back alone and the batch goes on.
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  ~Transaction();
  const Status& status() const { return status_; }
  Status Commit();

 private:
  sqlite3* db_;
  bool open_ = false;
  bool savepoint_ = false;
  Status status_;
};

}  // namespace newsgraph
