-- The places taken on a day (the daily capacity rule) are counted from the index alone: only
-- appointments that hold a place are in it.
DROP INDEX test_appointments_day;
CREATE INDEX test_appointments_day ON test_appointments (branch_id, test_type_id, appointment_date, status)
  WHERE status <> 'cancelled';
