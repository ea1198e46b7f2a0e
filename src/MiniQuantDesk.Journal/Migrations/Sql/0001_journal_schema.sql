-- The journal's first schema: runs, arm state, outbox, inbox, the broker order map, the broker cursor and the
-- reconcile checkpoints. Every invariant that can be a constraint is one, so a hand-edited or corrupt row is refused
-- by the database itself. Timestamps that matter for enforcement come from the engine's clock, so no column here
-- defaults to now().

-- One session of one engine in one mode. HALTED is sticky in code; here, every state is legal and a halted run
-- always says why.
CREATE TABLE runs (
    run_id       uuid        PRIMARY KEY,
    engine_id    text        NOT NULL CHECK (engine_id <> ''),
    mode         text        NOT NULL CHECK (mode IN ('LIVE', 'PAPER', 'BACKTEST')),
    state        text        NOT NULL CHECK (state IN ('CREATED', 'ARMED', 'RUNNING', 'STOPPED', 'HALTED')),
    created_at   timestamptz NOT NULL,
    heartbeat_at timestamptz CHECK (heartbeat_at >= created_at),
    halt_reason  text        CHECK (halt_reason <> ''),
    CONSTRAINT runs_halted_has_reason CHECK (state <> 'HALTED' OR halt_reason IS NOT NULL)
);

-- Two live runs of one engine trading at once would double its orders: at most one ARMED or RUNNING LIVE run.
CREATE UNIQUE INDEX runs_one_active_live_run_per_engine
    ON runs (engine_id) WHERE mode = 'LIVE' AND state IN ('ARMED', 'RUNNING');

-- Sticky arm state per engine. Disarmed always carries the reason, which persists across restarts.
CREATE TABLE arm_state (
    engine_id  text        PRIMARY KEY CHECK (engine_id <> ''),
    armed      boolean     NOT NULL,
    reason     text        CHECK (reason <> ''),
    changed_at timestamptz NOT NULL,
    CONSTRAINT arm_state_disarmed_has_reason CHECK (armed OR reason IS NOT NULL)
);

-- Order intents, written by the journal before the dispatcher may submit them (outbox-first).
-- PENDING -> CLAIMED -> SENT -> ACKED, plus FAILED and AMBIGUOUS.
CREATE TABLE outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id          uuid        NOT NULL REFERENCES runs (run_id),
    client_order_id text        NOT NULL UNIQUE CHECK (client_order_id <> ''),
    engine_id       text        NOT NULL CHECK (engine_id <> ''),
    seq             bigint      NOT NULL CHECK (seq >= 0),
    symbol          text        NOT NULL CHECK (symbol <> ''),
    side            text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity        bigint      NOT NULL CHECK (quantity > 0),
    payload         jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    state           text        NOT NULL CHECK (state IN ('PENDING', 'CLAIMED', 'SENT', 'ACKED', 'FAILED', 'AMBIGUOUS')),
    created_at      timestamptz NOT NULL,
    claimed_by      text        CHECK (claimed_by <> ''),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    broker_order_id text        CHECK (broker_order_id <> ''),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT outbox_claim_is_whole CHECK ((claimed_by IS NULL) = (claimed_at IS NULL)),
    CONSTRAINT outbox_claimed_has_claimer CHECK (state <> 'CLAIMED' OR claimed_by IS NOT NULL),
    CONSTRAINT outbox_pending_is_unclaimed CHECK (state <> 'PENDING' OR claimed_by IS NULL),
    CONSTRAINT outbox_acked_has_broker_order CHECK (state <> 'ACKED' OR broker_order_id IS NOT NULL),
    CONSTRAINT outbox_sent_was_attempted CHECK (state NOT IN ('SENT', 'ACKED', 'AMBIGUOUS') OR attempts > 0)
);

-- The dispatcher's claim query scans only what is waiting.
CREATE INDEX outbox_pending_in_order ON outbox (id) WHERE state = 'PENDING';
CREATE INDEX outbox_by_run_and_seq ON outbox (run_id, seq);

-- Broker events as received: each broker message once per run, each fill once per run, ever.
CREATE TABLE inbox (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            uuid        NOT NULL REFERENCES runs (run_id),
    seq               bigint      NOT NULL CHECK (seq >= 0),
    broker_message_id text        NOT NULL CHECK (broker_message_id <> ''),
    broker_fill_id    text        CHECK (broker_fill_id <> ''),
    kind              text        NOT NULL CHECK (kind IN ('ACK', 'REJECT', 'FILL', 'CANCEL_ACK', 'CANCEL_REJECT',
                                                           'REPLACE_ACK', 'REPLACE_REJECT', 'EXPIRED')),
    client_order_id   text        CHECK (client_order_id <> ''),
    fill_quantity     bigint      CHECK (fill_quantity > 0),
    fill_price_micros bigint      CHECK (fill_price_micros > 0),
    payload           jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    received_at       timestamptz NOT NULL,
    applied           boolean     NOT NULL DEFAULT false,
    CONSTRAINT inbox_one_message_per_run UNIQUE (run_id, broker_message_id),
    -- A fill carries its fill id, quantity and price; nothing else carries them.
    CONSTRAINT inbox_fill_is_whole CHECK (
        (kind = 'FILL') = (broker_fill_id IS NOT NULL)
        AND (kind = 'FILL') = (fill_quantity IS NOT NULL)
        AND (kind = 'FILL') = (fill_price_micros IS NOT NULL))
);

CREATE UNIQUE INDEX inbox_one_fill_per_run
    ON inbox (run_id, broker_fill_id) WHERE broker_fill_id IS NOT NULL;
CREATE INDEX inbox_unapplied_in_order ON inbox (run_id, seq) WHERE NOT applied;

-- Which broker order answers which client order; one each way.
CREATE TABLE broker_order_map (
    client_order_id text        PRIMARY KEY REFERENCES outbox (client_order_id),
    broker_order_id text        NOT NULL UNIQUE CHECK (broker_order_id <> ''),
    mapped_at       timestamptz NOT NULL
);

-- Where to resume the broker's event stream; advanced in the same transaction as the inbox rows it covers.
CREATE TABLE broker_cursor (
    run_id     uuid        PRIMARY KEY REFERENCES runs (run_id),
    cursor     text        NOT NULL CHECK (cursor <> ''),
    updated_at timestamptz NOT NULL
);

-- The outcome of each reconcile against the broker's truth.
CREATE TABLE reconcile_checkpoints (
    id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id  uuid        NOT NULL REFERENCES runs (run_id),
    at      timestamptz NOT NULL,
    clean   boolean     NOT NULL,
    details jsonb       NOT NULL CHECK (jsonb_typeof(details) = 'object'),
    CONSTRAINT reconcile_checkpoints_one_per_instant UNIQUE (run_id, at)
);
