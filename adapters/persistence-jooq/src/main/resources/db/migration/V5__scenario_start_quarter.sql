-- The quarter a scenario's plans start in, as text like 2027Q1 (as every quarter is kept); NULL:
-- the current quarter. Kept beside the definition, which does not hold it.
ALTER TABLE scenario ADD COLUMN start_quarter VARCHAR(7);
