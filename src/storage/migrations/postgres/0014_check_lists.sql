-- SQLite's 0014 rewrites its CHECK lists as comparisons (a speed matter of SQLite's); PostgreSQL
-- checks `x IN (...)` without a temporary index. Kept so the version numbers stay aligned.
SELECT 1;
