-- SQLite's 0015 stores its full-text index newest first; PostgreSQL's person_name_words (0013) is
-- unchanged. Kept so the version numbers stay aligned.
SELECT 1;
