-- Name search on SQLite: one full-text document per person (rowid = person id) holding the
-- person's name words (person_names), with the ASCII punctuation of a word dropped ("al-abbadi" is
-- the token "alabbadi"; "abbadi" is a word of its own already). FTS5 intersects the words of a
-- query by walking their sorted id lists, newest first, and stops at the first page: two common
-- words cost what one does. Prefix indexes of 2 and 3 characters answer short prefixes directly;
-- a longer word is found by its first three characters and checked against person_names.
-- detail=none: only which people have a token (no positions), so the index stays small.
CREATE VIRTUAL TABLE person_names_fts USING fts5(
  names, content = '', columnsize = 0, detail = none, tokenize = 'ascii', prefix = '2 3');
INSERT INTO person_names_fts (rowid, names)
SELECT person_id, group_concat(replace(replace(replace(name_norm, '-', ''), '''', ''), '.', ''), ' ')
FROM person_names GROUP BY person_id;
