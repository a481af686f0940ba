-- SQLite's full-text name index (sqlite/0011); PostgreSQL searches person_names as before.
SELECT 1;
