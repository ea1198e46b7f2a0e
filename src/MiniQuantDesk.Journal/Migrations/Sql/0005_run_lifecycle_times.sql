-- The run lifecycle's history on the row itself: when each transition happened (engine clock, never now()) and the
-- operator's note when a halt was cleared. halt_reason stays after a clear, so a stopped run still says why it had
-- halted.
ALTER TABLE runs
    ADD COLUMN armed_at   timestamptz CHECK (armed_at >= created_at),
    ADD COLUMN started_at timestamptz CHECK (started_at >= created_at),
    ADD COLUMN stopped_at timestamptz CHECK (stopped_at >= created_at),
    ADD COLUMN halted_at  timestamptz CHECK (halted_at >= created_at),
    ADD COLUMN cleared_at timestamptz CHECK (cleared_at >= halted_at),
    ADD COLUMN clear_note text CHECK (clear_note <> ''),
    ADD CONSTRAINT runs_clear_is_whole CHECK ((cleared_at IS NULL) = (clear_note IS NULL)),
    ADD CONSTRAINT runs_cleared_was_halted CHECK (cleared_at IS NULL OR halt_reason IS NOT NULL);
