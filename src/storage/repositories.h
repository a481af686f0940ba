// SQL repositories behind the app ports, written once for both dialects.
#pragma once
#include <string>
#include <vector>

#include "app/ports/store.h"
#include "storage/db.h"

namespace dvld::storage {

class SqlUserRepository final : public app::UserRepository {
 public:
  explicit SqlUserRepository(Connection& c) : c_(c) {}
  std::optional<app::UserRecord> FindById(std::int64_t id) override;
  std::optional<app::UserRecord> FindByUsername(std::string_view username) override;
  std::optional<app::UserRecord> FindByPersonId(std::int64_t person_id) override;
  core::Result<std::int64_t> Insert(const app::UserRecord& user) override;
  core::Status Update(const app::UserRecord& user) override;
  app::Page<app::UserRecord> List(const app::UserFilter& filter, const app::PageRequest& page) override;
  std::int64_t CountActiveAdministrators() override;

 private:
  Connection& c_;
};

class SqlSessionRepository final : public app::SessionRepository {
 public:
  explicit SqlSessionRepository(Connection& c) : c_(c) {}
  std::int64_t Insert(const app::SessionRecord& session) override;
  std::optional<app::SessionRecord> FindByTokenHash(std::string_view token_hash) override;
  void Touch(std::int64_t id, core::SysTime last_seen_at) override;
  bool DeleteByTokenHash(std::string_view token_hash) override;
  void DeleteForUser(std::int64_t user_id, std::string_view keep_token_hash) override;
  std::int64_t DeleteExpired(core::SysTime now, core::SysTime idle_cutoff) override;

 private:
  Connection& c_;
};

class SqlApiKeyRepository final : public app::ApiKeyRepository {
 public:
  explicit SqlApiKeyRepository(Connection& c) : c_(c) {}
  std::int64_t Insert(const app::ApiKeyRecord& key) override;
  std::optional<app::ApiKeyRecord> FindById(std::int64_t id) override;
  std::optional<app::ApiKeyRecord> FindByHash(std::string_view key_hash) override;
  std::vector<app::ApiKeyRecord> List() override;
  void Revoke(std::int64_t id, core::SysTime at) override;

 private:
  Connection& c_;
};

// A change to SQLite's full-text index of names (person_names_fts, migration 0011). FTS5 writes
// the words it was given to a new index segment at every SAVEPOINT and RELEASE, and merges segments
// as they accumulate; the group committer runs each write unit in a savepoint, so each person
// registered made a segment of one document and its share of merges (~4 index writes a person,
// ~120 us of the writer's time at 1M people). Group-committed units leave their changes here
// instead, and the committer applies a batch's changes, in order, outside any savepoint just before
// its COMMIT: one segment a batch (sql_store.cpp). A unit rolled back drops its own.
struct FtsChange {
  bool remove = false;  // FTS5's 'delete' of a contentless document: the words it was indexed with
  std::int64_t person_id = 0;
  std::string document;  // the person's name words, FtsDocument
};
using FtsChanges = std::vector<FtsChange>;
void ApplyFtsChanges(Connection& c, const FtsChanges& changes);

class SqlPeopleRepository final : public app::PeopleRepository {
 public:
  // `deferred_fts`: where a group-committed unit leaves its full-text changes (null: written at once).
  explicit SqlPeopleRepository(Connection& c, FtsChanges* deferred_fts = nullptr)
      : c_(c), deferred_fts_(deferred_fts) {}
  std::optional<domain::Person> FindById(std::int64_t id) override;
  std::optional<domain::Person> FindByNationalNo(std::string_view national_no) override;
  core::Result<std::int64_t> Insert(const domain::PersonData& person, core::SysTime now) override;
  core::Status Update(std::int64_t id, const domain::PersonData& person, core::SysTime now) override;
  app::Page<domain::Person> Search(const app::PeopleQuery& query) override;
  void SavePhoto(std::int64_t person_id, const app::Photo& photo, core::SysTime now) override;
  bool DeletePhoto(std::int64_t person_id) override;
  std::optional<std::string> LoadPhoto(std::int64_t person_id, bool thumbnail) override;

 private:
  // Writes the person's name words (person_names, and the full-text index: FTS5 on SQLite, the
  // tsvector on PostgreSQL); `replace` removes the ones written before.
  void IndexNames(std::int64_t id, const domain::PersonData& person, bool replace);
  Connection& c_;
  FtsChanges* deferred_fts_;
};

class SqlReferenceRepository final : public app::ReferenceRepository {
 public:
  explicit SqlReferenceRepository(Connection& c) : c_(c) {}
  std::vector<app::Country> Countries() override;
  std::optional<app::Country> FindCountry(std::string_view code) override;
  std::vector<app::Branch> Branches() override;
  std::optional<app::Branch> FindBranch(std::int64_t id) override;
  core::Result<std::int64_t> InsertBranch(const app::Branch& branch) override;
  core::Status UpdateBranch(const app::Branch& branch) override;
  std::vector<app::LicenseClass> LicenseClasses() override;
  std::optional<app::LicenseClass> FindLicenseClass(std::int64_t id) override;
  void UpdateLicenseClass(const app::LicenseClass& c) override;
  std::vector<app::FeeItem> ApplicationTypes() override;
  std::optional<app::FeeItem> FindApplicationType(std::int64_t id) override;
  std::optional<app::FeeItem> FindApplicationTypeByCode(std::string_view code) override;
  void UpdateApplicationType(const app::FeeItem& item) override;
  std::vector<app::FeeItem> TestTypes() override;
  std::optional<app::FeeItem> FindTestType(std::int64_t id) override;
  void UpdateTestType(const app::FeeItem& item) override;

 private:
  Connection& c_;
};

// The audit chain's head as a transaction that holds the chain keeps it: the SQLite group
// committer for the batch it is writing (it holds the database's write lock for the whole batch),
// and a PostgreSQL write transaction, which locks the head row at BEGIN. Nobody else appends
// meanwhile, so entries cost one INSERT each; the head row is read once and written once before
// COMMIT (sql_store.cpp). A unit of the group committer that is rolled back restores the copy it
// started from.
struct AuditHeadCache {
  bool loaded = false;  // read from audit_head in this batch
  bool dirty = false;   // entries appended since: audit_head must be written before COMMIT
  std::int64_t seq = 0;
  std::string hash;
};

// Reads the head row into `head` (`for_update`: and locks it, on PostgreSQL, until COMMIT).
void LoadAuditHead(Connection& c, AuditHeadCache& head, bool for_update = false);
// Writes `head` back to the row, if entries were appended since it was read (before COMMIT).
void SaveAuditHead(Connection& c, const AuditHeadCache& head);

class SqlAuditRepository final : public app::AuditRepository {
 public:
  // Without a cache each entry locks and moves the head row itself.
  explicit SqlAuditRepository(Connection& c, AuditHeadCache* head = nullptr) : c_(c), head_(head) {}
  app::AuditEntry Append(const app::Principal& who, core::SysTime at, std::string_view action, std::string_view entity,
                         std::optional<std::int64_t> entity_id, std::optional<std::string> before_json,
                         std::optional<std::string> after_json) override;
  app::Page<app::AuditEntry> List(std::string_view entity, std::optional<std::int64_t> entity_id,
                                  const app::PageRequest& page) override;

 private:
  Connection& c_;
  AuditHeadCache* head_;
};

app::AuditEntry AuditEntryAt(const Rows& r, std::size_t i);
// The SHA-256 of an audit entry's canonical content (everything but its own hash).
std::string AuditHash(const app::AuditEntry& e);
inline constexpr const char* kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// Text <-> time helpers shared by repositories.
std::string Ts(core::SysTime t);
core::SysTime ParseTs(const std::string& text);
std::optional<core::SysTime> ParseOptTs(const std::optional<std::string>& text);

}  // namespace dvld::storage
