-- Cancels and replaces of orders already in the outbox, written by the journal in the same transaction as the event
-- that decided them, before the dispatcher may send them (outbox-first, as for new orders). A cancel or replace
-- names its order by client order id, so it can only exist for an order the journal already made durable.
CREATE TABLE outbox_commands (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id             uuid        NOT NULL REFERENCES runs (run_id),
    client_order_id    text        NOT NULL REFERENCES outbox (client_order_id),
    engine_id          text        NOT NULL CHECK (engine_id <> ''),
    seq                bigint      NOT NULL CHECK (seq >= 0),
    kind               text        NOT NULL CHECK (kind IN ('CANCEL', 'REPLACE')),
    -- A replace carries the order's new total and limit (0 for a market order); a cancel carries neither.
    quantity           bigint      CHECK (quantity > 0),
    limit_price_micros bigint      CHECK (limit_price_micros >= 0),
    target_broker_order_id text    CHECK (target_broker_order_id <> ''),
    payload            jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    state              text        NOT NULL CHECK (state IN ('PENDING', 'CLAIMED', 'SENT', 'ACKED', 'FAILED', 'AMBIGUOUS')),
    created_at         timestamptz NOT NULL,
    claimed_by         text        CHECK (claimed_by <> ''),
    claimed_at         timestamptz,
    sent_at            timestamptz,
    attempts           integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error         text,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT outbox_commands_once_per_event UNIQUE (client_order_id, seq, kind),
    CONSTRAINT outbox_commands_replace_is_whole CHECK (
        (kind = 'REPLACE') = (quantity IS NOT NULL) AND (kind = 'REPLACE') = (limit_price_micros IS NOT NULL)),
    CONSTRAINT outbox_commands_claim_is_whole CHECK ((claimed_by IS NULL) = (claimed_at IS NULL)),
    CONSTRAINT outbox_commands_claimed_has_claimer CHECK (state <> 'CLAIMED' OR claimed_by IS NOT NULL),
    CONSTRAINT outbox_commands_pending_is_unclaimed CHECK (state <> 'PENDING' OR claimed_by IS NULL),
    CONSTRAINT outbox_commands_sent_was_attempted CHECK (state NOT IN ('SENT', 'ACKED', 'AMBIGUOUS') OR attempts > 0)
);

CREATE INDEX outbox_commands_pending_in_order ON outbox_commands (id) WHERE state = 'PENDING';
CREATE INDEX outbox_commands_by_run_and_seq ON outbox_commands (run_id, seq);
