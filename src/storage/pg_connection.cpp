#include "storage/pg_connection.h"

#include <libpq-fe.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>

namespace dvld::storage {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PgConnection;

// COPY table (columns) FROM STDIN in text format: values escaped (\\ \t \n \r), NULL as \N,
// sent to the server in chunks of about 1 MiB.
class PgCopyIn final : public BulkInsert {
 public:
  PgCopyIn(PgConnection& conn, std::string_view table, const std::vector<std::string>& columns);
  ~PgCopyIn() override;
  BulkInsert& Int(std::int64_t v) override {
    Sep();
    char buf[24];
    const int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    buf_.append(buf, static_cast<std::size_t>(n));
    return *this;
  }
  BulkInsert& Text(std::string_view v) override {
    Sep();
    for (const char c : v) {
      switch (c) {
        case '\\':
          buf_ += "\\\\";
          break;
        case '\t':
          buf_ += "\\t";
          break;
        case '\n':
          buf_ += "\\n";
          break;
        case '\r':
          buf_ += "\\r";
          break;
        default:
          buf_ += c;
      }
    }
    return *this;
  }
  BulkInsert& Null() override {
    Sep();
    buf_ += "\\N";
    return *this;
  }
  void EndRow() override {
    buf_ += '\n';
    first_ = true;
    if (buf_.size() >= (1u << 20)) Send();
  }
  void Finish() override;

 private:
  void Sep() {
    if (!first_) buf_ += '\t';
    first_ = false;
  }
  void Send();

  PgConnection& conn_;
  std::string buf_;
  bool first_ = true;
  bool open_ = false;
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      throw DbError(DbError::Kind::kConnection, "cannot connect to PostgreSQL: " + msg);
    }
    Check(ResultPtr(PQexec(conn_, "SET client_min_messages = warning; SET TIME ZONE 'UTC'")), "set-up");
  }

  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Rows Query(std::string_view sql, const std::vector<Param>& params) override {
    ResultPtr res = Run(sql, params);
    Rows rows;
    const int ncol = PQnfields(res.get());
    const int nrow = PQntuples(res.get());
    rows.SetColumns(static_cast<std::size_t>(ncol));
    for (int r = 0; r < nrow; ++r) {
      auto& row = rows.AddRow();
      for (int c = 0; c < ncol; ++c) {
        if (PQgetisnull(res.get(), r, c)) continue;
        row[static_cast<std::size_t>(c)].emplace(PQgetvalue(res.get(), r, c),
                                                 static_cast<std::size_t>(PQgetlength(res.get(), r, c)));
      }
    }
    return rows;
  }

  std::int64_t Execute(std::string_view sql, const std::vector<Param>& params) override {
    ResultPtr res = Run(sql, params);
    const char* n = PQcmdTuples(res.get());
    return (n && *n) ? std::stoll(n) : 0;
  }

  std::int64_t Insert(std::string_view sql, const std::vector<Param>& params) override {
    return Query(std::string(sql) + " RETURNING id", params).Int(0, 0);
  }

  void ExecuteScript(std::string_view sql) override {
    Settle();
    OpenPendingBegin();
    const std::string text(sql);
    Check(ResultPtr(PQexec(conn_, text.c_str())), "script");
  }

  // A read-only transaction costs one round trip for a one-statement read instead of three: its
  // BEGIN goes out in one pipeline with its first statement, and its COMMIT is sent without
  // waiting; the connection's next use reads that answer first (Settle). Write transactions keep
  // a synchronous BEGIN and COMMIT: a write is acknowledged only once its COMMIT succeeded.
  void Begin(bool write) override {
    Settle();
    if (write) {
      Simple("BEGIN");
    } else {
      begin_pending_ = true;
    }
    read_only_ = !write;
  }
  void Commit() override {
    Settle();
    if (!read_only_) {
      Simple("COMMIT");
      return;
    }
    EndReadOnly("COMMIT");
  }
  // A read-only transaction ends the same way whether it is committed or rolled back (most reads
  // just let their unit of work go): the ROLLBACK goes out without waiting, as its COMMIT does.
  void Rollback() override {
    if (commit_in_flight_) {  // the COMMIT (or ROLLBACK) on its way ends the transaction
      read_only_ = false;
      return;
    }
    if (read_only_) return EndReadOnly("ROLLBACK");
    if (std::exchange(begin_pending_, false)) return;
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Simple("ROLLBACK");
  }
  bool Healthy() override {
    return conn_ && PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_UNKNOWN &&
           PQpipelineStatus(conn_) == PQ_PIPELINE_OFF;
  }

  std::unique_ptr<BulkInsert> BulkInsertInto(std::string_view table, const std::vector<std::string>& columns) override {
    Settle();
    OpenPendingBegin();
    return std::make_unique<PgCopyIn>(*this, table, columns);
  }

  PGconn* handle() { return conn_; }
  // Throws the error of a failed COPY step (or returns the result when it succeeded).
  ResultPtr CheckResult(ResultPtr res, std::string_view what) { return Check(std::move(res), what); }

 private:
  static constexpr const char* kReadBegin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

  void Simple(const char* sql) {
    Settle();
    OpenPendingBegin();
    Check(ResultPtr(PQexec(conn_, sql)), sql);
  }

  // Reads the answer of a read-only COMMIT (or ROLLBACK) sent without waiting. Nothing was
  // written, so a failed COMMIT loses nothing; a broken connection shows in the next statement (and
  // Healthy()).
  void Settle() {
    if (!std::exchange(commit_in_flight_, false)) return;
    for (int i = 0; i < 4; ++i) {  // the COMMIT's result, then NULL
      PGresult* r = PQgetResult(conn_);
      if (!r) break;
      PQclear(r);
    }
    if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_INERROR) {
      Check(ResultPtr(PQexec(conn_, "ROLLBACK")), "ROLLBACK");
    }
  }
  // Ends a read-only transaction without waiting for the answer (read by Settle).
  void EndReadOnly(const char* sql) {
    read_only_ = false;
    if (std::exchange(begin_pending_, false)) return;  // no statement ran: no transaction was opened
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    if (PQsendQuery(conn_, sql) != 1) {
      Check(ResultPtr(nullptr), sql);
    }
    commit_in_flight_ = true;
  }
  // Sends a pending read-only BEGIN on its own (before anything that cannot share its pipeline).
  void OpenPendingBegin() {
    if (std::exchange(begin_pending_, false)) Check(ResultPtr(PQexec(conn_, kReadBegin)), kReadBegin);
  }

  // Runs a prepared statement in one pipeline after the pending BEGIN: BEGIN's result, the
  // statement's, then the sync point.
  ResultPtr RunAfterBegin(const std::string& name, std::string_view sql, int n, const char* const* values,
                          const int* lengths) {
    begin_pending_ = false;
    if (PQenterPipelineMode(conn_) != 1 ||
        PQsendQueryParams(conn_, kReadBegin, 0, nullptr, nullptr, nullptr, nullptr, 0) != 1 ||
        PQsendQueryPrepared(conn_, name.c_str(), n, values, lengths, nullptr, 0) != 1 || PQpipelineSync(conn_) != 1) {
      throw DbError(DbError::Kind::kConnection, std::string("PostgreSQL pipeline: ") + PQerrorMessage(conn_));
    }
    ResultPtr begin(PQgetResult(conn_));
    if (begin) PQclear(PQgetResult(conn_));  // the NULL that ends BEGIN's results
    ResultPtr result(PQgetResult(conn_));
    if (result) PQclear(PQgetResult(conn_));  // the NULL that ends the statement's results
    ResultPtr sync(PQgetResult(conn_));
    const bool synced = sync && PQresultStatus(sync.get()) == PGRES_PIPELINE_SYNC;
    if (!synced || PQexitPipelineMode(conn_) != 1) {
      throw DbError(DbError::Kind::kConnection, std::string("PostgreSQL pipeline: ") + PQerrorMessage(conn_));
    }
    Check(std::move(begin), kReadBegin);
    return Check(std::move(result), sql);
  }

  ResultPtr Run(std::string_view sql, const std::vector<Param>& params) {
    Settle();
    const std::string& name = Prepare(sql);
    std::vector<std::string> owned;
    owned.reserve(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        owned.push_back(std::to_string(*n));
        values[i] = owned.back().c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      } else if (const auto* v = std::get_if<std::string_view>(&params[i])) {
        owned.emplace_back(*v);
        values[i] = owned.back().c_str();
      }
    }
    if (begin_pending_) {
      return RunAfterBegin(name, sql, static_cast<int>(params.size()), values.data(), lengths.data());
    }
    ResultPtr res(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), lengths.data(),
                                 nullptr, 0));
    return Check(std::move(res), sql);
  }

  const std::string& Prepare(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
    std::string key(sql);
    std::string name = "s" + std::to_string(cache_.size() + 1);
    Check(ResultPtr(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr)), sql);
    return cache_.emplace(std::move(key), std::move(name)).first->second;
  }

  ResultPtr Check(ResultPtr res, std::string_view what) {
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return res;
    using K = DbError::Kind;
    K kind = K::kOther;
    std::string constraint;
    std::string msg = res ? PQresultErrorMessage(res.get()) : PQerrorMessage(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      kind = K::kConnection;
    } else if (res) {
      const char* state = PQresultErrorField(res.get(), PG_DIAG_SQLSTATE);
      const char* cons = PQresultErrorField(res.get(), PG_DIAG_CONSTRAINT_NAME);
      if (cons) constraint = cons;
      const std::string s = state ? state : "";
      if (s == "23505")
        kind = K::kUnique;
      else if (s == "23503")
        kind = K::kForeignKey;
      else if (s == "23514" || s == "23502")
        kind = K::kCheck;
      else if (s == "40001" || s == "40P01" || s == "55P03")
        kind = K::kBusy;
      else if (s.rfind("08", 0) == 0 || s == "57P01")
        kind = K::kConnection;
    }
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw DbError(kind, "postgres: " + msg + " in: " + std::string(what.substr(0, 200)), constraint);
  }

  PGconn* conn_ = nullptr;
  StatementCache<std::string> cache_;
  bool read_only_ = false;         // the open (or pending) transaction is a read
  bool begin_pending_ = false;     // a read's BEGIN, sent with its first statement
  bool commit_in_flight_ = false;  // a read's COMMIT or ROLLBACK was sent; its answer is still to read
};

PgCopyIn::PgCopyIn(PgConnection& conn, std::string_view table, const std::vector<std::string>& columns) : conn_(conn) {
  std::string sql = "COPY " + std::string(table) + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += ") FROM STDIN";
  ResultPtr res(PQexec(conn_.handle(), sql.c_str()));
  if (!res || PQresultStatus(res.get()) != PGRES_COPY_IN) conn_.CheckResult(std::move(res), sql);
  open_ = true;
  buf_.reserve((1u << 20) + 4096);
}

PgCopyIn::~PgCopyIn() {
  // Abandoned (an exception elsewhere): end the COPY with an error so the connection stays usable;
  // the caller's transaction is then rolled back.
  if (open_) {
    PQputCopyEnd(conn_.handle(), "abandoned");
    while (PGresult* r = PQgetResult(conn_.handle())) PQclear(r);
  }
}

void PgCopyIn::Send() {
  if (!buf_.empty() && PQputCopyData(conn_.handle(), buf_.data(), static_cast<int>(buf_.size())) != 1) {
    open_ = false;
    throw DbError(DbError::Kind::kConnection, std::string("postgres: COPY failed: ") + PQerrorMessage(conn_.handle()));
  }
  buf_.clear();
}

void PgCopyIn::Finish() {
  if (!open_) return;
  Send();
  open_ = false;
  if (PQputCopyEnd(conn_.handle(), nullptr) != 1) {
    throw DbError(DbError::Kind::kConnection, std::string("postgres: COPY failed: ") + PQerrorMessage(conn_.handle()));
  }
  ResultPtr res(PQgetResult(conn_.handle()));
  while (PGresult* extra = PQgetResult(conn_.handle())) PQclear(extra);
  conn_.CheckResult(std::move(res), "COPY");
}

}  // namespace

std::unique_ptr<Connection> OpenPostgres(const std::string& conninfo) {
  return std::make_unique<PgConnection>(conninfo);
}

}  // namespace dvld::storage
