namespace MiniQuantDesk.Engine;

/// <summary>
/// Stable codes for every rejection, disarm and halt the trading core can decide. The code is what is journaled
/// and tested against; <see cref="Reason"/> adds the evidence, and its description the human sentence. Codes are
/// grouped by the part of the core that raises them; append new codes inside their group, never renumber.
/// </summary>
public enum ReasonCode
{
    /// <summary>No reason: the decision was to allow.</summary>
    None = 0,

    // Numbers at the edge (1xx).

    /// <summary>A price was zero or negative.</summary>
    NonPositivePrice = 100,

    /// <summary>A quantity was zero or negative.</summary>
    NonPositiveQuantity = 101,

    /// <summary>A computation would have overflowed 64 bits of micros.</summary>
    ArithmeticOverflow = 102,

    /// <summary>NaN or infinity reached the edge.</summary>
    NotANumber = 103,

    /// <summary>An event's symbol was never registered.</summary>
    UnknownSymbol = 104,

    /// <summary>An event's kind or fields make no sense together.</summary>
    MalformedEvent = 105,

    /// <summary>A fixed capacity (lots, orders, fills) would be exceeded; the core never grows on the hot path.</summary>
    CapacityExceeded = 106,

    // Integrity of market data (2xx).

    /// <summary>A bar was used before its close (no lookahead).</summary>
    IncompleteBar = 200,

    /// <summary>A bar came before the previous bar of its series.</summary>
    OutOfOrderBar = 201,

    /// <summary>A bar repeated the previous bar's time.</summary>
    DuplicateBar = 202,

    /// <summary>Bars are missing against the exchange calendar.</summary>
    GapDetected = 203,

    /// <summary>No bar arrived within the staleness bound: disarm.</summary>
    StaleFeed = 204,

    /// <summary>Two feeds disagree on the same bar beyond the tolerance: halt.</summary>
    FeedDisagreement = 205,

    /// <summary>A bar's prices are inconsistent: high below low, or open or close outside [low, high].</summary>
    InconsistentBar = 206,

    /// <summary>Time went backwards for an event that must be monotonic.</summary>
    TimeWentBackwards = 207,

    /// <summary>A bar falls outside any exchange session.</summary>
    OutsideSession = 208,

    /// <summary>An intraday bar does not start on its timeframe's grid from the session open, or does not end one
    /// period later (cut short only by the close).</summary>
    MisalignedBar = 209,

    /// <summary>A bar's volume is negative.</summary>
    NegativeVolume = 210,

    /// <summary>A bar's timeframe is not one the integrity guard was configured to track.</summary>
    UntrackedTimeframe = 211,

    /// <summary>A bar's feed id is not one the integrity guard was configured for.</summary>
    UnknownFeed = 212,

    // Risk (3xx).

    /// <summary>The kill switch is on.</summary>
    KillSwitch = 300,

    /// <summary>The engine is halted (sticky until an operator clears it).</summary>
    Halted = 301,

    /// <summary>The engine is disarmed.</summary>
    Disarmed = 302,

    /// <summary>The order would be a fourth day trade in five business days for a small account.</summary>
    PatternDayTrader = 303,

    /// <summary>The day's loss reached the daily loss limit: halt.</summary>
    DailyLossLimit = 304,

    /// <summary>Drawdown from the equity peak reached the limit: flatten and halt.</summary>
    MaxDrawdown = 305,

    /// <summary>Too many rejections within the window: halt.</summary>
    RejectStorm = 306,

    /// <summary>The order's quantity is above the per-order limit.</summary>
    MaxOrderQuantity = 307,

    /// <summary>The order's notional is above the per-order limit.</summary>
    MaxOrderNotional = 308,

    /// <summary>The resulting position is above the per-symbol limit.</summary>
    MaxPosition = 309,

    /// <summary>The resulting gross exposure is above the limit.</summary>
    GrossExposure = 310,

    /// <summary>A restore found journaled orders or fills but no risk checkpoint (daily loss baseline, drawdown peak):
    /// the risk state cannot be rebuilt, so the engine halts rather than judge the day's loss from zero.</summary>
    RiskStateNotRestored = 311,

    // Gateway, execution and reconcile (4xx).

    /// <summary>The integrity guard is not armed.</summary>
    IntegrityNotArmed = 400,

    /// <summary>The last reconcile is not clean, or too old.</summary>
    ReconcileNotClean = 401,

    /// <summary>The order would exceed the engine's allocation cap.</summary>
    AllocationCapExceeded = 402,

    /// <summary>An order event is not a legal transition from the order's state.</summary>
    IllegalOrderTransition = 403,

    /// <summary>Fills exceed the order's quantity.</summary>
    Overfill = 404,

    /// <summary>An order event names an order this engine does not know.</summary>
    UnknownOrder = 405,

    /// <summary>The broker refused the order.</summary>
    BrokerRejected = 406,

    /// <summary>The portfolio's incremental state differs from its recomputation from the fill ledger.</summary>
    PortfolioMismatch = 407,

    /// <summary>An event for another engine reached this one.</summary>
    WrongEngine = 408,

    /// <summary>Shadow mode: the intent was recorded, not executed.</summary>
    ShadowMode = 409,

    /// <summary>A broker fill id was delivered again with different terms (symbol, side, quantity, price or fee):
    /// the broker contradicts a fill already applied, so nothing is applied and the engine halts.</summary>
    ConflictingFill = 410,

    /// <summary>A broker order id names a different order than the event's client order id, or an order's ack or fill
    /// names a second broker id where the broker cannot have renamed it: the engine and the broker disagree on which
    /// order is which.</summary>
    BrokerOrderIdConflict = 411,

    /// <summary>A new order's client order id does not come after the last one created in the run (same or earlier event
    /// sequence and intent index): the broker could be handed one id twice.</summary>
    ClientOrderIdOutOfOrder = 412,

    /// <summary>A cancel or replace for an order that has already ended (filled, canceled, rejected or expired): refused,
    /// nothing to send.</summary>
    OrderNotWorking = 413,

    /// <summary>A cancel or replace for an order that already has a cancel or replace pending or queued: refused until the
    /// broker answers the first.</summary>
    OrderRequestPending = 414,

    /// <summary>A replace for an order the broker has not named yet (no ack, no fill): refused, because a replace must
    /// target the broker's order. Cancels are queued instead.</summary>
    NoBrokerOrderId = 415,

    /// <summary>A replace's new total quantity is not above the quantity already filled: refused (cancel the rest instead).</summary>
    ReplaceNotAboveFilled = 416,

    /// <summary>A flatten order that would not strictly reduce the position toward zero (observed = the order's signed
    /// quantity, limit = the position): our own bug, so the engine halts rather than trade.</summary>
    FlattenWouldNotReduce = 417,

    /// <summary>An event addressed to an engine the pipeline does not run (observed = its engine id).</summary>
    UnknownEngine = 418,

    /// <summary>A corporate action's result cannot be represented in whole shares and micros: a lot's cost per new
    /// share would round to zero (observed = the lot's price, limit = its shares after the split). Nothing changed.</summary>
    CorporateActionUnrepresentable = 419,

    // Operator (5xx).

    /// <summary>An operator halted the engine.</summary>
    OperatorHalt = 500,

    /// <summary>An operator disarmed the engine.</summary>
    OperatorDisarm = 501,

    /// <summary>An operator command the engine does not know (observed = its kind).</summary>
    UnknownCommand = 502,

    // Strategy host (6xx).

    /// <summary>A bar of a timeframe the engine's strategy was not configured for.</summary>
    UnexpectedTimeframe = 600,

    /// <summary>A strategy set more targets for one bar than the host can take.</summary>
    TooManyTargets = 601,
}
