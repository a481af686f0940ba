-- PostgreSQL's tsvector name index (postgres/0013); SQLite has its full-text table (0011).
SELECT 1;
