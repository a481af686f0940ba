-- The per-person index of name words also holds the word, so that "does this person have a name
-- starting with ..." (the EXISTS of a several-word search) is one index seek with no table reads.
DROP INDEX person_names_person;
CREATE INDEX person_names_person ON person_names (person_id, name_norm);
