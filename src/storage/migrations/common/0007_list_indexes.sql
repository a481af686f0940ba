-- Indexes for the sorted and filtered lists, so that a page of millions of rows is read in order
-- from an index instead of sorting the table.
CREATE INDEX people_sort_name ON people (last_name_en, first_name_en, id);
CREATE INDEX people_sort_birth ON people (date_of_birth, id);
CREATE INDEX licenses_class ON licenses (license_class_id, id);
CREATE INDEX applications_class ON applications (license_class_id, id);
CREATE INDEX violations_status ON violations (status, id);
