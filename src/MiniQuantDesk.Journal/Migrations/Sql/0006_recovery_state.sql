-- What a restart needs besides orders and broker messages.
--
-- 1. The risk state no order or fill can rebuild: the trading day of the last account check, that day's starting
--    equity (the daily loss baseline), the equity peak (the drawdown baseline) and the kill switch. One row per
--    engine, the latest, written by the journal in the same transaction as the events that changed it (so it is
--    always as of the journal's durable prefix); run_id and seq say which event it is as of. Amounts in micros.
CREATE TABLE risk_state (
    engine_id               text        PRIMARY KEY CHECK (engine_id <> ''),
    run_id                  uuid        NOT NULL REFERENCES runs (run_id),
    seq                     bigint      NOT NULL CHECK (seq >= 0),
    trading_day             integer     NOT NULL,
    day_start_equity_micros bigint      NOT NULL,
    peak_equity_micros      bigint      NOT NULL,
    kill_switch             boolean     NOT NULL,
    updated_at              timestamptz NOT NULL,
    -- The peak is the highest equity ever checked, the day's starting equity among them.
    CONSTRAINT risk_state_peak_is_highest CHECK (peak_equity_micros >= day_start_equity_micros)
);

-- 2. A cancel the engine decided before the broker named the order (the order manager queued it): journaled at once
--    as QUEUED, with no target, so a restart still knows the strategy wanted the order cancelled. Nothing may send a
--    QUEUED row (a claim takes PENDING rows only); when the broker's ack names the order, the journal turns the row
--    into a PENDING cancel of that broker order, in the transaction of the ack.
ALTER TABLE outbox_commands DROP CONSTRAINT outbox_commands_state_check;
ALTER TABLE outbox_commands
    ADD CONSTRAINT outbox_commands_state_check
        CHECK (state IN ('QUEUED', 'PENDING', 'CLAIMED', 'SENT', 'ACKED', 'FAILED', 'AMBIGUOUS')),
    ADD CONSTRAINT outbox_commands_queued_is_an_untargeted_cancel
        CHECK (state <> 'QUEUED' OR (kind = 'CANCEL' AND target_broker_order_id IS NULL AND claimed_by IS NULL AND attempts = 0)),
    -- Anything that may be sent names the broker order it is for.
    ADD CONSTRAINT outbox_commands_sendable_has_target
        CHECK (state = 'QUEUED' OR target_broker_order_id IS NOT NULL);

-- At most one queued cancel per order: the release finds exactly one row.
CREATE UNIQUE INDEX outbox_commands_one_queued_cancel ON outbox_commands (client_order_id) WHERE state = 'QUEUED';
