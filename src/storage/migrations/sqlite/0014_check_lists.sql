-- A CHECK of the form `x IN ('a', 'b', 'c')` (three values or more) makes SQLite build a temporary
-- index of the list each time a row is written: a temporary b-tree opened and closed per INSERT or
-- UPDATE, a cost every audit entry, bill and appointment paid. The same rules written as
-- `x = 'a' OR x = 'b' OR ...` are checked with plain comparisons.
--
-- Only the text of the constraints changes and every existing row satisfies them, so this edits
-- the stored schema in place, the way SQLite documents for constraint changes
-- (https://sqlite.org/lang_altertable.html#otheralter); rebuilding the tables would rewrite
-- millions of rows. RESET makes this connection read the new schema, and the migration runner
-- bumps schema_version so every other open connection does. Two-value lists such as `IN (0, 1)` are compiled to comparisons already.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (role IN (''administrator'', ''clerk'', ''examiner'', ''officer'', ''finance'', ''auditor''))',
  'CHECK (role = ''administrator'' OR role = ''clerk'' OR role = ''examiner'' OR role = ''officer'' OR role = ''finance'' OR role = ''auditor'')')
  WHERE type = 'table' AND name = 'users';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (scope IN (''insurer'', ''inspection'', ''police'', ''payment-gateway''))',
  'CHECK (scope = ''insurer'' OR scope = ''inspection'' OR scope = ''police'' OR scope = ''payment-gateway'')')
  WHERE type = 'table' AND name = 'api_keys';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (actor_type IN (''user'', ''api-key'', ''system''))',
  'CHECK (actor_type = ''user'' OR actor_type = ''api-key'' OR actor_type = ''system'')')
  WHERE type = 'table' AND name = 'audit_log';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''new'', ''completed'', ''cancelled''))',
  'CHECK (status = ''new'' OR status = ''completed'' OR status = ''cancelled'')')
  WHERE type = 'table' AND name = 'applications';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''open'', ''paid'', ''cancelled''))',
  'CHECK (status = ''open'' OR status = ''paid'' OR status = ''cancelled'')')
  WHERE type = 'table' AND name = 'bills';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''scheduled'', ''passed'', ''failed'', ''cancelled''))',
  'CHECK (status = ''scheduled'' OR status = ''passed'' OR status = ''failed'' OR status = ''cancelled'')')
  WHERE type = 'table' AND name = 'test_appointments';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (issue_reason IN (''first-issue'', ''renewal'', ''replacement-lost'', ''replacement-damaged''))',
  'CHECK (issue_reason = ''first-issue'' OR issue_reason = ''renewal'' OR issue_reason = ''replacement-lost'' OR issue_reason = ''replacement-damaged'')')
  WHERE type = 'table' AND name = 'licenses';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (category IN (''private'', ''public'', ''commercial'', ''motorcycle''))',
  'CHECK (category = ''private'' OR category = ''public'' OR category = ''commercial'' OR category = ''motorcycle'')')
  WHERE type = 'table' AND name = 'vehicles';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''pending'', ''completed'', ''cancelled''))',
  'CHECK (status = ''pending'' OR status = ''completed'' OR status = ''cancelled'')')
  WHERE type = 'table' AND name = 'transfers';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''recorded'', ''disputed'', ''upheld'', ''cancelled''))',
  'CHECK (status = ''recorded'' OR status = ''disputed'' OR status = ''upheld'' OR status = ''cancelled'')')
  WHERE type = 'table' AND name = 'violations';
PRAGMA writable_schema = RESET;
