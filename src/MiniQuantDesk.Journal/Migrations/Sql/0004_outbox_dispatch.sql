-- What the outbox dispatcher relies on.
--
-- A PENDING row has never had a send started: attempts counts the sends the dispatcher recorded as starting, and a
-- row goes back to PENDING only when its claim is withdrawn before any send. So "CLAIMED with attempts > 0" means a
-- request may have left, which is what makes a stale claim AMBIGUOUS instead of retryable.
ALTER TABLE outbox ADD CONSTRAINT outbox_pending_never_attempted CHECK (state <> 'PENDING' OR attempts = 0);

-- The stale-claim sweep looks only at claims, oldest first.
CREATE INDEX outbox_claimed_by_age ON outbox (claimed_at) WHERE state = 'CLAIMED';

-- An engine with an unresolved AMBIGUOUS row is quarantined: the claim query skips its rows, and the restart check
-- lists them, without scanning the whole outbox.
CREATE INDEX outbox_ambiguous_by_engine ON outbox (engine_id) WHERE state = 'AMBIGUOUS';

-- The restart check reads an engine's rows that may be at the broker without a known answer.
CREATE INDEX outbox_in_flight_by_engine ON outbox (engine_id) WHERE state IN ('CLAIMED', 'SENT');
