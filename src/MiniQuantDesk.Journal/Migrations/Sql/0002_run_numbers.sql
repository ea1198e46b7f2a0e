-- The engine names a run by a number, not a uuid: it is part of every client order id (E{engine}-R{run}-S...), so
-- it must be small (1 to 2^32 - 1, the id's range) and never reused. The database hands the numbers out, so two
-- processes creating runs at once can never get the same one.
ALTER TABLE runs
    ADD COLUMN run_number bigint GENERATED ALWAYS AS IDENTITY (MINVALUE 1 MAXVALUE 4294967295)
        CONSTRAINT runs_run_number_unique UNIQUE;
