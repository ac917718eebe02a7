#include "graph/sqlite_util.h"

namespace newsgraph {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    status_ = Status::Error(std::string("SQL error: ") + sqlite3_errmsg(db));
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
}

Statement& Statement::Bind(int i, std::string_view v) {
  if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindTextOrNull(int i, std::string_view v) {
  return v.empty() ? BindNull(i) : Bind(i, v);
}
Statement& Statement::BindView(int i, std::string_view v) {
  if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}
Statement& Statement::BindViewOrNull(int i, std::string_view v) {
  return v.empty() ? BindNull(i) : BindView(i, v);
}
Statement& Statement::Bind(int i, int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  if (stmt_) sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, std::optional<double> v) { return v ? Bind(i, *v) : BindNull(i); }
Statement& Statement::BindNull(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::Step() {
  if (!stmt_) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::Error(std::string("SQL error: ") + sqlite3_errmsg(db_));
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  return status_;
}

void Statement::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  status_ = Status::OK();
}

std::string Statement::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

std::string_view Statement::TextView(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string_view(reinterpret_cast<const char*>(t),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string_view();
}

Status Exec(sqlite3* db, const char* sql) {
  // Some lock waits (switching to WAL, a schema change racing another
  // process) return BUSY without consulting the busy handler: retry those
  // for up to a minute, as the busy timeout would.
  for (int attempt = 0;; ++attempt) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return Status::OK();
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    int primary = rc & 0xff;
    if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) && attempt < 6000 &&
        sqlite3_get_autocommit(db)) {
      sqlite3_sleep(10);
      continue;
    }
    return Status::Error("SQL error: " + msg);
  }
}

Transaction::Transaction(sqlite3* db) : db_(db) {
  savepoint_ = sqlite3_get_autocommit(db) == 0;
  status_ = Exec(db, savepoint_ ? "SAVEPOINT newsgraph_txn" : "BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (!open_) return;
  if (savepoint_) {
    Exec(db_, "ROLLBACK TO newsgraph_txn");
    Exec(db_, "RELEASE newsgraph_txn");
  } else {
    Exec(db_, "ROLLBACK");
  }
}

Status Transaction::Commit() {
  if (!open_) return status_;
  Status s = Exec(db_, savepoint_ ? "RELEASE newsgraph_txn" : "COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace newsgraph
