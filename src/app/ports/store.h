// The storage ports the use cases need: repositories reached through a unit of work (one
// transaction), opened from a Store. storage/ implements them for SQLite and PostgreSQL.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/licensing.h"
#include "app/ports/vehicles.h"
#include "app/principal.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/accounts/role.h"
#include "domain/people/person.h"

namespace dvld::app {

struct PageRequest {
  int page = 1;
  int page_size = 50;
  std::int64_t Offset() const { return static_cast<std::int64_t>(page - 1) * page_size; }
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  bool total_exact = true;  // false: there are more than `total` (counting stopped there)
  int page = 1;
  int page_size = 50;
};

// ---- accounts ----
struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string password_hash;
  domain::Role role = domain::Role::kClerk;
  std::int64_t branch_id = 0;
  std::optional<std::int64_t> person_id;
  bool active = true;
  int failed_attempts = 0;
  std::optional<core::SysTime> locked_until;
  core::SysTime created_at{};
  core::SysTime updated_at{};
  // Joined for display.
  std::string branch_name_en, branch_name_ar;
  std::optional<std::string> person_name_en, person_name_ar;
};

struct UserFilter {
  std::string q;  // user name prefix
  std::optional<domain::Role> role;
  std::optional<std::int64_t> branch_id;
  std::optional<bool> active;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<UserRecord> FindById(std::int64_t id) = 0;
  virtual std::optional<UserRecord> FindByUsername(std::string_view username) = 0;
  virtual std::optional<UserRecord> FindByPersonId(std::int64_t person_id) = 0;
  // Returns the new id; a conflict error when the user name or the person is taken.
  virtual core::Result<std::int64_t> Insert(const UserRecord& user) = 0;
  // Saves role, branch, person, active, password hash, lockout state and updated_at.
  virtual core::Status Update(const UserRecord& user) = 0;
  virtual Page<UserRecord> List(const UserFilter& filter, const PageRequest& page) = 0;
  virtual std::int64_t CountActiveAdministrators() = 0;
};

struct SessionRecord {
  std::int64_t id = 0;
  std::string token_hash;  // SHA-256 of the token; the token itself is never stored
  std::int64_t user_id = 0;
  core::SysTime created_at{};
  core::SysTime expires_at{};
  core::SysTime last_seen_at{};
  std::string ip;
  std::string user_agent;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual std::int64_t Insert(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> FindByTokenHash(std::string_view token_hash) = 0;
  virtual void Touch(std::int64_t id, core::SysTime last_seen_at) = 0;
  virtual bool DeleteByTokenHash(std::string_view token_hash) = 0;
  // Ends every session of a user except `keep_token_hash` (when given).
  virtual void DeleteForUser(std::int64_t user_id, std::string_view keep_token_hash = {}) = 0;
  // Removes sessions that have expired by `now`; returns how many.
  virtual std::int64_t DeleteExpired(core::SysTime now, core::SysTime idle_cutoff) = 0;
};

struct ApiKeyRecord {
  std::int64_t id = 0;
  std::string name;
  domain::ApiScope scope = domain::ApiScope::kPolice;
  std::string prefix;    // the first characters of the key, to recognise it in lists
  std::string key_hash;  // SHA-256 of the key
  std::int64_t created_by = 0;
  core::SysTime created_at{};
  std::optional<core::SysTime> revoked_at;
};

class ApiKeyRepository {
 public:
  virtual ~ApiKeyRepository() = default;
  virtual std::int64_t Insert(const ApiKeyRecord& key) = 0;
  virtual std::optional<ApiKeyRecord> FindById(std::int64_t id) = 0;
  virtual std::optional<ApiKeyRecord> FindByHash(std::string_view key_hash) = 0;
  virtual std::vector<ApiKeyRecord> List() = 0;
  virtual void Revoke(std::int64_t id, core::SysTime at) = 0;
};

// ---- people ----
struct PeopleQuery {
  std::string q;
  std::string sort = "name";  // name, -name, dateOfBirth, -dateOfBirth, createdAt, -createdAt
  PageRequest page;
};

struct Photo {
  std::string full_jpeg;
  std::string thumb_jpeg;
  std::string sha256;
};

class PeopleRepository {
 public:
  virtual ~PeopleRepository() = default;
  virtual std::optional<domain::Person> FindById(std::int64_t id) = 0;
  virtual std::optional<domain::Person> FindByNationalNo(std::string_view national_no) = 0;
  // A conflict error (national-no-taken, document-taken) when an identity number is taken.
  virtual core::Result<std::int64_t> Insert(const domain::PersonData& person, core::SysTime now) = 0;
  virtual core::Status Update(std::int64_t id, const domain::PersonData& person, core::SysTime now) = 0;
  virtual Page<domain::Person> Search(const PeopleQuery& query) = 0;
  virtual void SavePhoto(std::int64_t person_id, const Photo& photo, core::SysTime now) = 0;
  virtual bool DeletePhoto(std::int64_t person_id) = 0;
  // The stored JPEG (full size or thumbnail), raw bytes.
  virtual std::optional<std::string> LoadPhoto(std::int64_t person_id, bool thumbnail) = 0;
};

// ---- reference data ----
struct Country {
  std::string code, name_en, name_ar;
};
struct Branch {
  std::int64_t id = 0;
  std::string code, name_ar, name_en, city_ar, city_en;
  bool active = true;
  int plate_region = 10;  // the region code on plates registered at this office
};
struct LicenseClass {
  std::int64_t id = 0;
  std::string code, name_ar, name_en;
  int minimum_age = 18;
  int validity_years = 10;
  std::int64_t fee_fils = 0;
};
// An application type (a service) or a test type: a code, names and a fee.
struct FeeItem {
  std::int64_t id = 0;
  std::string code, name_ar, name_en;
  int sequence = 0;  // tests only: their order
  std::int64_t fee_fils = 0;
  int daily_capacity = 0;  // tests only: appointments per office and day
};

class ReferenceRepository {
 public:
  virtual ~ReferenceRepository() = default;
  virtual std::vector<Country> Countries() = 0;
  virtual std::optional<Country> FindCountry(std::string_view code) = 0;
  virtual std::vector<Branch> Branches() = 0;
  virtual std::optional<Branch> FindBranch(std::int64_t id) = 0;
  virtual core::Result<std::int64_t> InsertBranch(const Branch& branch) = 0;
  virtual core::Status UpdateBranch(const Branch& branch) = 0;
  virtual std::vector<LicenseClass> LicenseClasses() = 0;
  virtual std::optional<LicenseClass> FindLicenseClass(std::int64_t id) = 0;
  virtual void UpdateLicenseClass(const LicenseClass& c) = 0;
  virtual std::vector<FeeItem> ApplicationTypes() = 0;
  virtual std::optional<FeeItem> FindApplicationType(std::int64_t id) = 0;
  virtual void UpdateApplicationType(const FeeItem& item) = 0;
  virtual std::vector<FeeItem> TestTypes() = 0;
  virtual std::optional<FeeItem> FindTestType(std::int64_t id) = 0;
  virtual std::optional<FeeItem> FindApplicationTypeByCode(std::string_view code) = 0;
  virtual void UpdateTestType(const FeeItem& item) = 0;
};

// ---- audit ----
struct AuditEntry {
  std::int64_t seq = 0;
  core::SysTime at{};
  std::string actor_type;  // user, api-key, system
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string action;  // create, update, delete, revoke, reset-password, ...
  std::string entity;  // person, user, branch, license_class, ...
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
  std::optional<std::int64_t> branch_id;
  std::string request_id;
  std::string prev_hash;
  std::string hash;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends the next link of the chain, in the caller's transaction.
  virtual AuditEntry Append(const Principal& who, core::SysTime at, std::string_view action, std::string_view entity,
                            std::optional<std::int64_t> entity_id, std::optional<std::string> before_json,
                            std::optional<std::string> after_json) = 0;
  virtual Page<AuditEntry> List(std::string_view entity, std::optional<std::int64_t> entity_id,
                                const PageRequest& page) = 0;
};

// One transaction. Destroying it without Commit() rolls back.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual UserRepository& Users() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual ApiKeyRepository& ApiKeys() = 0;
  virtual PeopleRepository& People() = 0;
  virtual ReferenceRepository& Reference() = 0;
  virtual AuditRepository& Audit() = 0;
  virtual LicensingRepository& Licensing() = 0;
  virtual IdempotencyRepository& Idempotency() = 0;
  virtual VehicleRepository& Vehicles() = 0;
  virtual void Commit() = 0;
};

struct StoreStats {
  std::size_t connections = 0;
  std::size_t in_use = 0;
  std::size_t waiting = 0;
  // Writes (SQLite's group committer; 0 elsewhere): units of work committed, the batches
  // (transactions) they were committed in, and the fsyncs of the write-ahead log that made the
  // batches durable (one may cover several batches).
  std::uint64_t write_units = 0;
  std::uint64_t write_batches = 0;
  std::uint64_t log_syncs = 0;
  // Time the one writer was held by units of work (their statements and COMMITs, not the fsyncs):
  // its rate over time is the writer's utilisation, which caps SQLite's write throughput.
  double writer_busy_seconds = 0;
  // Time spent in those fsyncs (outside the writer's lock): with log_syncs, what one costs.
  double log_sync_seconds = 0;
  // Batches committed by the committer's safety net: kept open for a write that did not come within
  // 50 ms (a slow request; should the count grow under plain load, a bug in the accounting).
  std::uint64_t stale_batches = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // A read-only transaction (a consistent snapshot).
  virtual std::unique_ptr<UnitOfWork> Read() = 0;
  // A write transaction (on SQLite it takes the write lock at once: BEGIN IMMEDIATE).
  virtual std::unique_ptr<UnitOfWork> Write() = 0;
  // True when the database answers and its schema is at the version this binary expects.
  virtual bool Ready() = 0;
  virtual StoreStats Stats() = 0;

  // Requests that will write, queued for a thread (+1 when one is queued, -1 when it starts): SQLite's
  // group committer keeps its batch open while one is on its way, so that one COMMIT covers it too.
  // After each such request its thread calls WriteRequestDone(), which commits a batch that was kept
  // open for a request that then wrote nothing.
  virtual void WriteRequestsQueued(int /*delta*/) {}
  virtual void WriteRequestDone() {}
};

// A write that Commit() acknowledged before it was on disk (inside a DeferredCommits scope): the
// batch it was committed in is waiting for its fsync.
class PendingCommit {
 public:
  virtual ~PendingCommit() = default;
  // Calls `done` once, on any thread, when the write is durable (error "") or was lost (why); at
  // once when that is already known.
  virtual void WhenDone(std::function<void(const std::string& error)> done) = 0;
};

// While one is alive on a thread, a write unit of work's Commit() on that thread returns once its
// work is committed, without waiting for the fsync that makes it durable, and the scope keeps what
// is pending. Whoever answers the request waits for WhenDurable before telling anyone the write is
// saved. The HTTP server's write threads use it: a thread goes on to the next request instead of
// sleeping through an fsync, and the thread that syncs answers the requests it made durable.
class DeferredCommits {
 public:
  DeferredCommits() : outer_(current_) { current_ = this; }
  ~DeferredCommits() { current_ = outer_; }
  DeferredCommits(const DeferredCommits&) = delete;
  DeferredCommits& operator=(const DeferredCommits&) = delete;

  // The innermost scope of this thread, or null.
  static DeferredCommits* Current() { return current_; }
  void Add(std::shared_ptr<PendingCommit> pending);
  // Calls `done` with "" once every commit made in the scope is durable (at once, on this thread,
  // when none is pending), or with the first error; the scope is empty afterwards.
  void WhenDurable(std::function<void(const std::string& error)> done);

 private:
  std::vector<std::shared_ptr<PendingCommit>> pending_;
  DeferredCommits* outer_;
  static thread_local DeferredCommits* current_;
};

// Turns photo uploads into stored JPEGs; implemented over libgd in media/.
class ImageProcessor {
 public:
  virtual ~ImageProcessor() = default;
  // Decodes a JPEG or PNG (checked by content, not by what the client says), and re-encodes it as a
  // JPEG of at most `max_side` pixels on its longer side plus a thumbnail.
  virtual core::Result<Photo> Process(std::string_view bytes) = 0;
};

}  // namespace dvld::app
