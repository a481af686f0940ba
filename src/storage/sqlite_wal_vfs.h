// A SQLite VFS that writes a transaction's write-ahead-log frames with one system call.
//
// SQLite writes each frame of the log with two pwrite()s (its 24-byte header, then the page), so a
// COMMIT of a group-committed batch of ~30 write requests made ~180 system calls (~0.5 ms) while it
// held the one writer. This VFS wraps the default one: files other than logs are the default's own;
// a log (SQLITE_OPEN_WAL) gathers writes that follow each other in memory and writes them at once
// when the frame that commits a transaction has been written (its header names the database size),
// before any other operation on the file (read, size, sync, truncate, close, file control), when a
// write does not follow the last one, and beyond 4 MiB. So every committed frame is in the file
// before SQLite publishes it to readers in the shared index, as without this VFS; only the number
// of writes changes.
//
// It also cuts the writes of savepoint journals (SQLITE_OPEN_SUBJOURNAL) into pieces under 128 KiB:
// the unix VFS writes a length modulo 128 KiB, so the one write of a journal spilled from memory at
// 256 KiB (SQLITE_CONFIG_STMTJRNL_SPILL) wrote nothing and failed with SQLITE_FULL.
#pragma once

namespace dvld::storage {

// Registers the VFS (once; not as the default) and returns its name for sqlite3_open_v2.
const char* BatchedLogVfs();

}  // namespace dvld::storage
