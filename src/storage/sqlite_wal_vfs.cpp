#include "storage/sqlite_wal_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>

namespace dvld::storage {
namespace {

constexpr int kFrameHeaderBytes = 24;                 // WAL frame header (https://sqlite.org/fileformat.html)
constexpr std::size_t kMaxPending = 4 * 1024 * 1024;  // written anyway beyond this

sqlite3_vfs* g_base = nullptr;  // the default VFS this one wraps
sqlite3_vfs g_vfs;

// A log file: the base VFS's file object lives after this one, in the memory SQLite gave.
struct LogFile {
  sqlite3_file base{};  // pMethods: kLogMethods once open
  sqlite3_file* file = nullptr;
  std::string pending;             // bytes not written yet
  sqlite3_int64 pending_at = 0;    // file offset of pending[0]
  bool commit_frame_next = false;  // the last write was the header of a transaction's commit frame
};

// A wrapper's size rounded up: the base VFS's file object follows it in the memory SQLite gives.
template <typename Wrapper>
constexpr std::size_t kWrapperSize = (sizeof(Wrapper) + 15) / 16 * 16;

LogFile* Log(sqlite3_file* f) { return reinterpret_cast<LogFile*>(f); }

// The unix VFS writes at most 128 KiB - 1 bytes a call (seekAndWrite masks the length).
constexpr std::size_t kMaxWrite = 120 * 1024;

int Flush(LogFile* f) {
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < f->pending.size() && rc == SQLITE_OK; done += kMaxWrite) {
    const auto n = std::min(kMaxWrite, f->pending.size() - done);
    rc = f->file->pMethods->xWrite(f->file, f->pending.data() + done, static_cast<int>(n),
                                   f->pending_at + static_cast<sqlite3_int64>(done));
  }
  f->pending.clear();
  return rc;
}

int LogClose(sqlite3_file* pf) {
  auto* f = Log(pf);
  const int flushed = Flush(f);
  const int rc = f->file->pMethods->xClose(f->file);
  f->~LogFile();
  return flushed != SQLITE_OK ? flushed : rc;
}

int LogRead(sqlite3_file* pf, void* out, int amount, sqlite3_int64 offset) {
  auto* f = Log(pf);
  if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->file->pMethods->xRead(f->file, out, amount, offset);
}

int LogWrite(sqlite3_file* pf, const void* data, int amount, sqlite3_int64 offset) {
  auto* f = Log(pf);
  if (!f->pending.empty() && offset != f->pending_at + static_cast<sqlite3_int64>(f->pending.size())) {
    if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  }
  if (f->pending.empty()) f->pending_at = offset;
  f->pending.append(static_cast<const char*>(data), static_cast<std::size_t>(amount));
  if (f->commit_frame_next) {
    // The page of the frame that commits a transaction: SQLite publishes the frames next.
    f->commit_frame_next = false;
    return Flush(f);
  }
  if (amount == kFrameHeaderBytes) {
    // A frame header: bytes 4-7 hold the database size in pages after a commit, 0 otherwise.
    const auto* h = static_cast<const unsigned char*>(data);
    const std::uint32_t db_pages =
        (std::uint32_t{h[4]} << 24) | (std::uint32_t{h[5]} << 16) | (std::uint32_t{h[6]} << 8) | std::uint32_t{h[7]};
    f->commit_frame_next = db_pages != 0;
  }
  if (f->pending.size() >= kMaxPending) return Flush(f);
  return SQLITE_OK;
}

int LogTruncate(sqlite3_file* pf, sqlite3_int64 size) {
  auto* f = Log(pf);
  if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->file->pMethods->xTruncate(f->file, size);
}

int LogSync(sqlite3_file* pf, int flags) {
  auto* f = Log(pf);
  if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->file->pMethods->xSync(f->file, flags);
}

int LogFileSize(sqlite3_file* pf, sqlite3_int64* size) {
  auto* f = Log(pf);
  if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->file->pMethods->xFileSize(f->file, size);
}

int LogLock(sqlite3_file* pf, int level) { return Log(pf)->file->pMethods->xLock(Log(pf)->file, level); }
int LogUnlock(sqlite3_file* pf, int level) { return Log(pf)->file->pMethods->xUnlock(Log(pf)->file, level); }
int LogCheckReservedLock(sqlite3_file* pf, int* out) {
  return Log(pf)->file->pMethods->xCheckReservedLock(Log(pf)->file, out);
}

int LogFileControl(sqlite3_file* pf, int op, void* arg) {
  auto* f = Log(pf);
  if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->file->pMethods->xFileControl(f->file, op, arg);
}

int LogSectorSize(sqlite3_file* pf) { return Log(pf)->file->pMethods->xSectorSize(Log(pf)->file); }
int LogDeviceCharacteristics(sqlite3_file* pf) {
  return Log(pf)->file->pMethods->xDeviceCharacteristics(Log(pf)->file);
}

// A log has no shared memory and is not memory-mapped; these only keep the method table complete.
int LogShmMap(sqlite3_file* pf, int page, int size, int extend, void volatile** out) {
  return Log(pf)->file->pMethods->xShmMap(Log(pf)->file, page, size, extend, out);
}
int LogShmLock(sqlite3_file* pf, int offset, int n, int flags) {
  return Log(pf)->file->pMethods->xShmLock(Log(pf)->file, offset, n, flags);
}
void LogShmBarrier(sqlite3_file* pf) { Log(pf)->file->pMethods->xShmBarrier(Log(pf)->file); }
int LogShmUnmap(sqlite3_file* pf, int remove) { return Log(pf)->file->pMethods->xShmUnmap(Log(pf)->file, remove); }
int LogFetch(sqlite3_file* pf, sqlite3_int64 offset, int amount, void** out) {
  auto* f = Log(pf);
  if (const int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->file->pMethods->xFetch(f->file, offset, amount, out);
}
int LogUnfetch(sqlite3_file* pf, sqlite3_int64 offset, void* p) {
  return Log(pf)->file->pMethods->xUnfetch(Log(pf)->file, offset, p);
}

const sqlite3_io_methods kLogMethods = {
    3,
    LogClose,
    LogRead,
    LogWrite,
    LogTruncate,
    LogSync,
    LogFileSize,
    LogLock,
    LogUnlock,
    LogCheckReservedLock,
    LogFileControl,
    LogSectorSize,
    LogDeviceCharacteristics,
    LogShmMap,
    LogShmLock,
    LogShmBarrier,
    LogShmUnmap,
    LogFetch,
    LogUnfetch,
};

// A savepoint journal written to a temporary file: SQLite keeps it in memory up to
// SQLITE_CONFIG_STMTJRNL_SPILL bytes and then writes what it holds in one call, which the unix VFS
// would cut to its length modulo 128 KiB (0 for 256 KiB) and answer SQLITE_FULL. Writes go in
// pieces; everything else goes straight to the base VFS's file.
struct JournalFile {
  sqlite3_file base{};  // pMethods: kJournalMethods once open
  sqlite3_file* file = nullptr;
};

sqlite3_file* Inner(sqlite3_file* f) { return reinterpret_cast<JournalFile*>(f)->file; }

int JournalClose(sqlite3_file* pf) {
  auto* f = reinterpret_cast<JournalFile*>(pf);
  const int rc = f->file->pMethods->xClose(f->file);
  f->~JournalFile();
  return rc;
}
int JournalRead(sqlite3_file* pf, void* out, int amount, sqlite3_int64 offset) {
  return Inner(pf)->pMethods->xRead(Inner(pf), out, amount, offset);
}
int JournalWrite(sqlite3_file* pf, const void* data, int amount, sqlite3_int64 offset) {
  int rc = SQLITE_OK;
  for (int done = 0; done < amount && rc == SQLITE_OK; done += static_cast<int>(kMaxWrite)) {
    const int n = std::min(static_cast<int>(kMaxWrite), amount - done);
    rc = Inner(pf)->pMethods->xWrite(Inner(pf), static_cast<const char*>(data) + done, n, offset + done);
  }
  return rc;
}
int JournalTruncate(sqlite3_file* pf, sqlite3_int64 size) { return Inner(pf)->pMethods->xTruncate(Inner(pf), size); }
int JournalSync(sqlite3_file* pf, int flags) { return Inner(pf)->pMethods->xSync(Inner(pf), flags); }
int JournalFileSize(sqlite3_file* pf, sqlite3_int64* size) { return Inner(pf)->pMethods->xFileSize(Inner(pf), size); }
int JournalLock(sqlite3_file* pf, int level) { return Inner(pf)->pMethods->xLock(Inner(pf), level); }
int JournalUnlock(sqlite3_file* pf, int level) { return Inner(pf)->pMethods->xUnlock(Inner(pf), level); }
int JournalCheckReservedLock(sqlite3_file* pf, int* out) {
  return Inner(pf)->pMethods->xCheckReservedLock(Inner(pf), out);
}
int JournalFileControl(sqlite3_file* pf, int op, void* arg) {
  return Inner(pf)->pMethods->xFileControl(Inner(pf), op, arg);
}
int JournalSectorSize(sqlite3_file* pf) { return Inner(pf)->pMethods->xSectorSize(Inner(pf)); }
int JournalDeviceCharacteristics(sqlite3_file* pf) { return Inner(pf)->pMethods->xDeviceCharacteristics(Inner(pf)); }

// Version 1: a journal has no shared memory and is never memory-mapped.
const sqlite3_io_methods kJournalMethods = {
    1,
    JournalClose,
    JournalRead,
    JournalWrite,
    JournalTruncate,
    JournalSync,
    JournalFileSize,
    JournalLock,
    JournalUnlock,
    JournalCheckReservedLock,
    JournalFileControl,
    JournalSectorSize,
    JournalDeviceCharacteristics,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

// Builds a wrapper (LogFile, JournalFile) at the start of `out` and opens the base VFS's file in
// the memory after it; on failure nothing is left open.
template <typename Wrapper>
Wrapper* OpenWrapped(sqlite3_filename name, sqlite3_file* out, int flags, int* out_flags, int& rc) {
  auto* f = new (out) Wrapper();
  f->file = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(out) + kWrapperSize<Wrapper>);
  rc = g_base->xOpen(g_base, name, f->file, flags, out_flags);
  if (rc == SQLITE_OK) return f;
  if (f->file->pMethods != nullptr) f->file->pMethods->xClose(f->file);
  f->~Wrapper();
  out->pMethods = nullptr;
  return nullptr;
}

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* out, int flags, int* out_flags) {
  int rc = SQLITE_OK;
  if ((flags & SQLITE_OPEN_SUBJOURNAL) != 0) {
    if (auto* f = OpenWrapped<JournalFile>(name, out, flags, out_flags, rc)) f->base.pMethods = &kJournalMethods;
    return rc;
  }
  if ((flags & SQLITE_OPEN_WAL) == 0) return g_base->xOpen(g_base, name, out, flags, out_flags);
  auto* f = OpenWrapped<LogFile>(name, out, flags, out_flags, rc);
  if (f == nullptr) return rc;
  f->pending.reserve(1024 * 1024);
  f->base.pMethods = f->file->pMethods->iVersion >= 3 ? &kLogMethods : nullptr;
  if (f->base.pMethods == nullptr) {  // a base VFS without shared memory: nothing this VFS knows
    f->file->pMethods->xClose(f->file);
    f->~LogFile();
    return SQLITE_CANTOPEN;
  }
  return SQLITE_OK;
}

}  // namespace

const char* BatchedLogVfs() {
  static const char* name = [] {
    g_base = sqlite3_vfs_find(nullptr);
    if (g_base == nullptr) throw std::runtime_error("SQLite has no default VFS");
    g_vfs = *g_base;
    g_vfs.pNext = nullptr;
    g_vfs.zName = "dvld-batched-log";
    const auto inner = static_cast<std::size_t>(g_base->szOsFile);
    g_vfs.szOsFile =
        static_cast<int>(std::max(inner, std::max(kWrapperSize<LogFile>, kWrapperSize<JournalFile>) + inner));
    g_vfs.xOpen = Open;
    if (sqlite3_vfs_register(&g_vfs, 0) != SQLITE_OK) throw std::runtime_error("cannot register the SQLite VFS");
    return g_vfs.zName;
  }();
  return name;
}

}  // namespace dvld::storage
