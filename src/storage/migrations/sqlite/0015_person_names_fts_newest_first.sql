-- The full-text name index again, each person's document under the rowid -person_id, so that FTS5's
-- own order (ascending rowid) is newest first. A search wants the newest 201 matches: read
-- ascending, FTS5 stops after them; read descending (ORDER BY rowid DESC), it first loads each
-- word's whole id list, a cost that grew with the registry (at 1M people the median full-text
-- query of the search scenario took 0.47 ms newest first by DESC and 0.26 ms by this order).
-- Rows go in ascending rowid order (newest person first): FTS5 flushes its pending words to a new
-- segment whenever a rowid is lower than the one before it in the same transaction.
DROP TABLE person_names_fts;
CREATE VIRTUAL TABLE person_names_fts USING fts5(
  names, content = '', columnsize = 0, detail = none, tokenize = 'ascii', prefix = '2 3');
INSERT INTO person_names_fts (rowid, names)
SELECT -person_id, group_concat(replace(replace(replace(name_norm, '-', ''), '''', ''), '.', ''), ' ')
FROM person_names GROUP BY person_id ORDER BY person_id DESC;
