-- The paper broker's own state, in its own schema: it is the "broker's truth" that the journal is checked against,
-- so it shares no table with the journal and survives whatever happens to the process that trades against it.
-- Every invariant that can be a constraint is one.

-- One row: the account's starting cash and the counters that hand out the broker's ids. Every write takes this
-- row's lock first, so writes are serialised: ids are gapless (a rolled-back submit gives its numbers back) and
-- event ids are committed in increasing order, which is what lets a reader resume after "event id > cursor"
-- without ever missing an event committed late (a bigserial would hand out ids in a different order than commits).
CREATE TABLE paper_broker.account (
    singleton           boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    initial_cash_micros bigint  NOT NULL,
    next_order_number   bigint  NOT NULL DEFAULT 1 CHECK (next_order_number > 0),
    next_event_id       bigint  NOT NULL DEFAULT 1 CHECK (next_event_id > 0),
    next_fill_number    bigint  NOT NULL DEFAULT 1 CHECK (next_fill_number > 0)
);

-- Orders, keyed by the client order id: the idempotency key. A rejected order is kept too, so that a duplicate
-- submit is answered with the first answer; it has no broker order number.
CREATE TABLE paper_broker.orders (
    client_order_id    text   PRIMARY KEY CHECK (client_order_id <> ''),
    order_number       bigint UNIQUE CHECK (order_number > 0),
    broker_order_id    text   GENERATED ALWAYS AS ('P' || order_number::text) STORED UNIQUE,
    symbol             text   NOT NULL CHECK (symbol <> ''),
    side               text   NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity           bigint NOT NULL CHECK (quantity > 0),
    limit_price_micros bigint NOT NULL CHECK (limit_price_micros >= 0),
    state              text   NOT NULL CHECK (state IN ('OPEN', 'FILLED', 'REJECTED', 'CANCELED')),
    filled_quantity    bigint NOT NULL DEFAULT 0 CHECK (filled_quantity >= 0 AND filled_quantity <= quantity),
    reject_reason      text   CHECK (reject_reason <> ''),
    event_time_ns      bigint NOT NULL,
    CONSTRAINT orders_rejected_has_no_number CHECK ((state = 'REJECTED') = (order_number IS NULL)),
    CONSTRAINT orders_rejected_has_reason CHECK ((state = 'REJECTED') = (reject_reason IS NOT NULL)),
    CONSTRAINT orders_filled_is_whole CHECK ((state = 'FILLED') = (filled_quantity = quantity))
);

-- Everything the broker said, in the order it said it. The id is the event cursor; ids come from the account row.
CREATE TABLE paper_broker.events (
    id              bigint PRIMARY KEY CHECK (id > 0),
    message_id      text   GENERATED ALWAYS AS ('M' || id::text) STORED UNIQUE,
    kind            text   NOT NULL CHECK (kind IN ('ACK', 'FILL', 'REJECT', 'CANCEL_ACK')),
    client_order_id text   NOT NULL REFERENCES paper_broker.orders (client_order_id),
    order_number    bigint REFERENCES paper_broker.orders (order_number),
    broker_order_id text   GENERATED ALWAYS AS ('P' || order_number::text) STORED,
    fill_number     bigint UNIQUE CHECK (fill_number > 0),
    fill_id         text   GENERATED ALWAYS AS ('F' || fill_number::text) STORED UNIQUE,
    symbol          text   NOT NULL CHECK (symbol <> ''),
    side            text   NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity        bigint CHECK (quantity > 0),
    price_micros    bigint CHECK (price_micros > 0),
    fee_micros      bigint CHECK (fee_micros >= 0),
    reason          text   CHECK (reason <> ''),
    event_time_ns   bigint NOT NULL,
    -- A fill carries its fill number, quantity, price and fee; nothing else carries them.
    CONSTRAINT events_fill_is_whole CHECK (
        (kind = 'FILL') = (fill_number IS NOT NULL)
        AND (kind = 'FILL') = (quantity IS NOT NULL)
        AND (kind = 'FILL') = (price_micros IS NOT NULL)
        AND (kind = 'FILL') = (fee_micros IS NOT NULL)),
    -- Only a reject speaks of an order the broker never numbered, and a reject always says why.
    CONSTRAINT events_reject_is_unnumbered CHECK ((kind = 'REJECT') = (order_number IS NULL)),
    CONSTRAINT events_reject_has_reason CHECK ((kind = 'REJECT') = (reason IS NOT NULL))
);

CREATE INDEX events_by_order ON paper_broker.events (client_order_id);

-- The last price per symbol, set by a test or a feed: market orders fill at it, limit orders are checked against it.
CREATE TABLE paper_broker.prices (
    symbol            text   PRIMARY KEY CHECK (symbol <> ''),
    last_price_micros bigint NOT NULL CHECK (last_price_micros > 0),
    event_time_ns     bigint NOT NULL
);
