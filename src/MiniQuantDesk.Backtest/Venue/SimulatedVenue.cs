using System.Globalization;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>
/// The backtest's broker: it matches orders against bars, conservatively, inside the business-logic thread. No
/// threads, no clock, no I/O; every array is sized at construction, so <see cref="Submit"/>, <see cref="Cancel"/>,
/// <see cref="Replace"/>, <see cref="OnBar"/> and <see cref="TryDequeue"/> allocate nothing.
/// <para>
/// The runner, for each bar in time order: calls <see cref="OnBar"/> (resting orders fill against the bar),
/// drains the reports, publishes them and then the bar; orders decided on that bar's close are submitted with
/// <see cref="VenueOrder.DecisionTimeNs"/> = the bar's end, and their reports drained again.
/// </para>
/// <para>
/// Rules (all prices integer micros): an order fills only on a bar of its symbol that starts at or after its
/// decision, after <see cref="VenueOptions.LatencyBars"/> such bars. Market: the open. Limit: only when the bar
/// trades through the limit (a touch is not a fill), at the open or the limit, whichever is better. Stop: when
/// the bar reaches the stop, at the open if it gapped through, else at the stop. Stop-limit: a stop that becomes a
/// limit; it may fill on the triggering bar only if it triggered at the open. Slippage (a share of the ATR, capped
/// by a share of the price) always worsens the price, and never past a limit. All orders of a symbol share a
/// volume cap per bar, in submission order; the rest rests. When several orders of one OCO group could fill on
/// one bar, the worst for the trader fills and the others are canceled; any fill cancels the rest of its group.
/// Day orders are valid for the session open at their decision, or else the next one, and expire when a bar of a
/// later session arrives (or at <see cref="EndOfData"/>).
/// </para>
/// </summary>
public sealed class SimulatedVenue
{
    /// <summary>The most working orders a venue can be built for.</summary>
    public const int MaxOrderCapacity = 1 << 24;

    private const long Uncapped = long.MaxValue;

    private readonly VenueOptions _options;
    private readonly NyseCalendar _calendar;
    private readonly int _symbolCapacity;
    private readonly WorkingOrder[] _orders;
    private readonly int[] _freeSlots;
    private readonly int[] _working;
    private readonly ReportQueue _reports;
    private readonly VolatilityWindow _volatility;
    private readonly long[] _lastClose;
    private readonly long[] _lastBarSharesLeft;

    private int _freeCount;
    private int _workingCount;
    private int _currentSession = int.MinValue;
    private int _knownSession;
    private long _sessionKnownFromNs = long.MaxValue;
    private long _sessionKnownUntilNs = long.MinValue;
    private ClientOrderId _lastAccepted = ClientOrderId.None;
    private long _lastBrokerOrderId;
    private long _lastFillId;

    private long _accepted;
    private long _rejected;
    private long _fills;
    private long _sharesFilled;
    private long _feesMicros;
    private long _volumeCappedFills;
    private long _barsWithoutVolume;
    private long _canceled;
    private long _replaced;
    private long _expired;

    /// <summary>Creates a venue on the NYSE calendar (<see cref="NyseCalendar.Default"/>), which says when day
    /// orders' sessions end.</summary>
    /// <param name="options">Fill and cost rules; validated here.</param>
    /// <param name="symbolCapacity">Symbols, indexed 0 to capacity - 1.</param>
    /// <param name="orderCapacity">The most orders working at once.</param>
    /// <exception cref="ArgumentException">An option or a capacity is out of range.</exception>
    public SimulatedVenue(VenueOptions options, int symbolCapacity, int orderCapacity)
        : this(options, symbolCapacity, orderCapacity, NyseCalendar.Default)
    {
    }

    /// <summary>Creates a venue whose day orders follow <paramref name="calendar"/>'s sessions.</summary>
    /// <param name="options">Fill and cost rules; validated here.</param>
    /// <param name="symbolCapacity">Symbols, indexed 0 to capacity - 1.</param>
    /// <param name="orderCapacity">The most orders working at once, 1 to <see cref="MaxOrderCapacity"/>.</param>
    /// <param name="calendar">The exchange calendar.</param>
    /// <exception cref="ArgumentException">An option or a capacity is out of range.</exception>
    public SimulatedVenue(VenueOptions options, int symbolCapacity, int orderCapacity, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderCapacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orderCapacity, MaxOrderCapacity);
        _options = options;
        _calendar = calendar;
        _symbolCapacity = symbolCapacity;
        _orders = new WorkingOrder[orderCapacity];
        _freeSlots = new int[orderCapacity];
        for (int slot = 0; slot < orderCapacity; slot++)
        {
            // Lowest slot first, so that slot use is the same in every run.
            _freeSlots[slot] = orderCapacity - 1 - slot;
        }

        _freeCount = orderCapacity;
        _working = new int[orderCapacity];

        // One call reports at most an ack or a reject, and per working order a fill plus a cancel or an expiry;
        // twice that leaves room for a caller that drains after every other call.
        _reports = new ReportQueue(checked((4 * orderCapacity) + 16));
        _volatility = new VolatilityWindow(symbolCapacity, options.AtrPeriod);
        _lastClose = new long[symbolCapacity];
        _lastBarSharesLeft = new long[symbolCapacity];
    }

    /// <summary>The rules the venue runs with.</summary>
    public VenueOptions Options => _options;

    /// <summary>Orders accepted and not yet filled, canceled or expired.</summary>
    public int WorkingOrders => _workingCount;

    /// <summary>Reports queued and not yet dequeued.</summary>
    public int PendingReports => _reports.Count;

    /// <summary>Counts over the venue's life.</summary>
    public VenueStatistics Statistics => new(
        _accepted,
        _rejected,
        _fills,
        _sharesFilled,
        new Money(_feesMicros),
        _volumeCappedFills,
        _barsWithoutVolume,
        _canceled,
        _replaced,
        _expired);

    /// <summary>
    /// Accepts an order (queues an <see cref="VenueReportKind.Ack"/>) or refuses it (queues a
    /// <see cref="VenueReportKind.Reject"/> with its reason). With <see cref="FillTiming.SameBarClose"/> and no
    /// latency, a market order then fills at once at the last close of its symbol, as far as that bar's volume
    /// cap allows; the rest rests and fills like any market order.
    /// </summary>
    public void Submit(in VenueOrder order)
    {
        VenueRejectReason reason = Check(in order, out int session);
        if (reason != VenueRejectReason.None)
        {
            _rejected++;
            _reports.Enqueue(new VenueReport(
                VenueReportKind.Reject, order.ClientOrderId, 0, 0, order.SymbolIndex, order.Side, order.Quantity,
                order.LimitPrice, Money.Zero, order.DecisionTimeNs, 0, 0, reason));
            return;
        }

        int slot = _freeSlots[--_freeCount];
        ref WorkingOrder working = ref _orders[slot];
        working = new WorkingOrder
        {
            Order = order,
            BrokerOrderId = ++_lastBrokerOrderId,
            Quantity = order.Quantity,
            LimitPrice = order.LimitPrice,
            Session = session,
            IsWorking = true,
        };
        _working[_workingCount++] = slot;
        _lastAccepted = order.ClientOrderId;
        _accepted++;
        _reports.Enqueue(new VenueReport(
            VenueReportKind.Ack, order.ClientOrderId, working.BrokerOrderId, 0, order.SymbolIndex, order.Side,
            order.Quantity, order.LimitPrice, Money.Zero, order.DecisionTimeNs, 0, order.Quantity, VenueRejectReason.None));

        int symbol = order.SymbolIndex;
        if (_options.FillTiming == FillTiming.SameBarClose
            && _options.LatencyBars == 0
            && order.Type == OrderType.Market
            && _volatility.HasBars(symbol))
        {
            long basePrice = _lastClose[symbol];
            long price = FillPricing.Adverse(
                order.Side, basePrice, FillPricing.Slippage(_options, _volatility.AverageMicros(symbol), basePrice));
            long filled = Execute(slot, price, _lastBarSharesLeft[symbol], order.DecisionTimeNs);
            ConsumeShares(ref _lastBarSharesLeft[symbol], filled);
        }

        RemoveFinished();
    }

    /// <summary>Cancels a working order (queues a <see cref="VenueReportKind.CancelAck"/> for its unfilled
    /// shares), or queues a <see cref="VenueReportKind.CancelReject"/> when no working order has that id.</summary>
    public void Cancel(ClientOrderId clientOrderId, long timeNs)
    {
        int slot = FindWorking(clientOrderId);
        if (slot < 0)
        {
            _reports.Enqueue(new VenueReport(
                VenueReportKind.CancelReject, clientOrderId, 0, 0, -1, Side.None, 0, default, Money.Zero, timeNs, 0, 0,
                NotWorkingReason(clientOrderId)));
            return;
        }

        CancelSlot(slot, timeNs, VenueRejectReason.None);
        RemoveFinished();
    }

    /// <summary>
    /// Replaces a working order's total quantity and limit (queues <see cref="VenueReportKind.Replaced"/>), or
    /// refuses (queues <see cref="VenueReportKind.ReplaceReject"/>): unknown or finished order, a quantity below
    /// what has filled, a missing limit on a limit or stop-limit order, or a limit on an order without one. A new
    /// total equal to the filled shares finishes the order. The order keeps its place, its latency and its trigger.
    /// </summary>
    /// <param name="clientOrderId">The order.</param>
    /// <param name="newQuantity">The new total quantity, filled shares included.</param>
    /// <param name="newLimit">The new limit; 0 for market and stop orders.</param>
    /// <param name="timeNs">The request's event time.</param>
    public void Replace(ClientOrderId clientOrderId, long newQuantity, Price newLimit, long timeNs)
    {
        int slot = FindWorking(clientOrderId);
        if (slot < 0)
        {
            _reports.Enqueue(new VenueReport(
                VenueReportKind.ReplaceReject, clientOrderId, 0, 0, -1, Side.None, newQuantity, newLimit, Money.Zero,
                timeNs, 0, 0, NotWorkingReason(clientOrderId)));
            return;
        }

        ref WorkingOrder working = ref _orders[slot];
        bool hasLimit = working.Order.Type is OrderType.Limit or OrderType.StopLimit;
        VenueRejectReason reason =
            newQuantity <= 0 ? VenueRejectReason.NonPositiveQuantity
            : newQuantity < working.Filled ? VenueRejectReason.QuantityBelowFilled
            : hasLimit && !newLimit.IsValid ? VenueRejectReason.MissingLimitPrice
            : !hasLimit && newLimit.Micros != 0 ? VenueRejectReason.UnexpectedLimitPrice
            : VenueRejectReason.None;
        if (reason != VenueRejectReason.None)
        {
            _reports.Enqueue(new VenueReport(
                VenueReportKind.ReplaceReject, clientOrderId, working.BrokerOrderId, 0, working.Order.SymbolIndex,
                working.Order.Side, newQuantity, newLimit, Money.Zero, timeNs, working.Filled, working.Leaves, reason));
            return;
        }

        working.Quantity = newQuantity;
        working.LimitPrice = newLimit;
        working.IsWorking = working.Leaves > 0;
        _replaced++;
        _reports.Enqueue(new VenueReport(
            VenueReportKind.Replaced, clientOrderId, working.BrokerOrderId, 0, working.Order.SymbolIndex,
            working.Order.Side, newQuantity, newLimit, Money.Zero, timeNs, working.Filled, working.Leaves,
            VenueRejectReason.None));
        RemoveFinished();
    }

    /// <summary>
    /// Matches the working orders of symbol <paramref name="symbolIndex"/> against a closed bar, after expiring day
    /// orders of earlier sessions (of every symbol) when the bar opens a later session; then remembers the bar
    /// (close, unused volume, true range) for slippage and same-bar-close fills.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The symbol index is outside the capacity, or the bar starts
    /// outside the calendar's range.</exception>
    public void OnBar(in Bar bar, int symbolIndex)
    {
        if ((uint)symbolIndex >= (uint)_symbolCapacity)
        {
            throw new ArgumentOutOfRangeException(
                nameof(symbolIndex), symbolIndex, string.Create(CultureInfo.InvariantCulture, $"The venue was built for {_symbolCapacity} symbols (indexes 0 to {_symbolCapacity - 1})."));
        }

        int session = SessionOf(in bar);
        if (session > _currentSession)
        {
            ExpireDayOrdersBefore(session, bar.StartNs);
            _currentSession = session;
        }

        long sharesLeft = Uncapped;
        if (bar.Volume <= 0)
        {
            _barsWithoutVolume++;
        }
        else if (_options.MaxVolumeShareBps > 0)
        {
            // The share is at most one unit (10,000 bps), so a volume under long.MaxValue / 10,000 keeps the product
            // in a long: one multiply and a division by a constant, where the 128-bit division costs a call per bar.
            sharesLeft = bar.Volume <= long.MaxValue / VenueOptions.BasisPointsPerUnit
                ? bar.Volume * _options.MaxVolumeShareBps / VenueOptions.BasisPointsPerUnit
                : (long)((Int128)bar.Volume * _options.MaxVolumeShareBps / VenueOptions.BasisPointsPerUnit);
        }

        // Slippage is scaled by the volatility known before the bar; a symbol's first bar has no history, so its
        // own range stands in (a little lookahead, but only ever making costs larger, never prices better). Only a
        // bar that meets working orders needs it (most bars meet none).
        long averageTrueRange = _workingCount == 0 ? 0
            : _volatility.HasBars(symbolIndex) ? _volatility.AverageMicros(symbolIndex)
            : checked(bar.High.Micros - bar.Low.Micros);

        // First every order's candidate price on this bar, then the fills in submission order: an OCO group's
        // choice of its worst member needs all members' candidates.
        for (int i = 0; i < _workingCount; i++)
        {
            ref WorkingOrder working = ref _orders[_working[i]];
            if (!working.IsWorking || working.Order.SymbolIndex != symbolIndex)
            {
                continue;
            }

            working.HasCandidate = false;
            if (bar.StartNs < working.Order.DecisionTimeNs)
            {
                continue;
            }

            if (working.BarsWaited < _options.LatencyBars)
            {
                working.BarsWaited++;
                continue;
            }

            SetCandidate(ref working, in bar, averageTrueRange);
        }

        for (int i = 0; i < _workingCount; i++)
        {
            int slot = _working[i];
            ref WorkingOrder working = ref _orders[slot];
            if (!working.IsWorking || !working.HasCandidate || working.Order.SymbolIndex != symbolIndex)
            {
                continue;
            }

            if (working.Order.OcoGroup != 0 && !IsWorstOfItsGroup(slot))
            {
                continue;
            }

            long filled = Execute(slot, working.CandidatePriceMicros, sharesLeft, bar.StartNs);
            ConsumeShares(ref sharesLeft, filled);
        }

        _volatility.Add(symbolIndex, in bar);
        _lastClose[symbolIndex] = bar.Close.Micros;
        _lastBarSharesLeft[symbolIndex] = sharesLeft;
        RemoveFinished();
    }

    /// <summary>
    /// The session <paramref name="bar"/> starts in or, outside one, the next (<see cref="TradingSessions"/>). That
    /// answer never falls as time goes on and holds until the session's close, so it is kept with the time range it
    /// holds for: the bars of one session cost two comparisons, not a calendar search each.
    /// </summary>
    private int SessionOf(in Bar bar)
    {
        long start = bar.StartNs;
        if (start >= _sessionKnownFromNs && start < _sessionKnownUntilNs)
        {
            return _knownSession;
        }

        if (!TradingSessions.TryGetSessionAtOrAfter(_calendar, start, out int session))
        {
            throw new ArgumentOutOfRangeException(
                nameof(bar), start, "The bar starts outside the NYSE calendar's range (1990 to 2200): the venue cannot tell its session.");
        }

        _knownSession = session;
        _sessionKnownFromNs = start;
        _sessionKnownUntilNs = session < _calendar.TradingDayCount && _calendar.TryGetSession(_calendar.TradingDayAt(session), out _, out long closeNs)
            ? closeNs
            : long.MinValue;
        return session;
    }

    /// <summary>
    /// Puts the resting orders of the symbol at <paramref name="symbolIndex"/> on a split's new basis, as the OMS does
    /// (<see cref="SplitOrderAdjustment"/>): shares still to fill × ratio (a fraction dropped), limit and stop prices ÷
    /// ratio, rounded down for a buy and up for a sell. An order left with no share to fill expires (reported). The
    /// symbol's last close and volatility window are rescaled too, so slippage after the split is on the new basis.
    /// Returns how many orders changed.
    /// </summary>
    public int ApplySplit(int symbolIndex, SplitRatio ratio, long timeNs)
    {
        if ((uint)symbolIndex >= (uint)_symbolCapacity || !ratio.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(symbolIndex), symbolIndex, string.Create(CultureInfo.InvariantCulture, $"A split needs a known symbol (0 to {_symbolCapacity - 1}) and a ratio other than 1; got {ratio}."));
        }

        int adjusted = 0;
        for (int i = 0; i < _workingCount; i++)
        {
            ref WorkingOrder working = ref _orders[_working[i]];
            if (!working.IsWorking || working.Order.SymbolIndex != symbolIndex)
            {
                continue;
            }

            Side side = working.Order.Side;
            working.Quantity = SplitOrderAdjustment.TryQuantity(working.Quantity, working.Filled, ratio, out long quantity) ? quantity : working.Filled;
            working.LimitPrice = SplitOrderAdjustment.Price(working.LimitPrice, side, ratio);
            working.Order = working.Order with
            {
                LimitPrice = SplitOrderAdjustment.Price(working.Order.LimitPrice, side, ratio),
                StopPrice = SplitOrderAdjustment.Price(working.Order.StopPrice, side, ratio),
            };
            adjusted++;
            if (working.Leaves <= 0)
            {
                working.IsWorking = false;
                _expired++;
                _reports.Enqueue(new VenueReport(
                    VenueReportKind.Expired, working.Order.ClientOrderId, working.BrokerOrderId, 0, symbolIndex,
                    side, 0, working.LimitPrice, Money.Zero, timeNs, working.Filled, 0, VenueRejectReason.None));
            }
        }

        _lastClose[symbolIndex] = PriceOnNewBasis(_lastClose[symbolIndex], ratio);
        _volatility.Rescale(symbolIndex, ratio);
        RemoveFinished();
        return adjusted;
    }

    /// <summary>The data has ended: day orders still working expire at <paramref name="timeNs"/>; good-till-canceled
    /// orders keep working.</summary>
    public void EndOfData(long timeNs)
    {
        ExpireDayOrdersBefore(int.MaxValue, timeNs);
        RemoveFinished();
    }

    /// <summary>Takes the oldest queued report; false when there is none.</summary>
    public bool TryDequeue(out VenueReport report) => _reports.TryDequeue(out report);

    private static void ConsumeShares(ref long sharesLeft, long filled)
    {
        if (sharesLeft != Uncapped)
        {
            sharesLeft -= filled;
        }
    }

    private VenueRejectReason Check(in VenueOrder order, out int session)
    {
        session = int.MaxValue;
        if (!order.ClientOrderId.IsSet)
        {
            return VenueRejectReason.MissingClientOrderId;
        }

        if (order.ClientOrderId <= _lastAccepted)
        {
            return VenueRejectReason.DuplicateClientOrderId;
        }

        if ((uint)order.SymbolIndex >= (uint)_symbolCapacity)
        {
            return VenueRejectReason.UnknownSymbol;
        }

        if (order.Side is not (Side.Buy or Side.Sell))
        {
            return VenueRejectReason.InvalidSide;
        }

        if (order.Type is not (OrderType.Market or OrderType.Limit or OrderType.Stop or OrderType.StopLimit))
        {
            return VenueRejectReason.UnsupportedOrderType;
        }

        if (order.TimeInForce is not (TimeInForce.Day or TimeInForce.GoodTillCanceled))
        {
            return VenueRejectReason.UnsupportedTimeInForce;
        }

        if (order.Quantity <= 0)
        {
            return VenueRejectReason.NonPositiveQuantity;
        }

        bool hasLimit = order.Type is OrderType.Limit or OrderType.StopLimit;
        bool hasStop = order.Type is OrderType.Stop or OrderType.StopLimit;
        if (hasLimit && !order.LimitPrice.IsValid)
        {
            return VenueRejectReason.MissingLimitPrice;
        }

        if (hasStop && !order.StopPrice.IsValid)
        {
            return VenueRejectReason.MissingStopPrice;
        }

        if (!hasLimit && order.LimitPrice.Micros != 0)
        {
            return VenueRejectReason.UnexpectedLimitPrice;
        }

        if (!hasStop && order.StopPrice.Micros != 0)
        {
            return VenueRejectReason.UnexpectedStopPrice;
        }

        if (order.TimeInForce == TimeInForce.Day
            && !TradingSessions.TryGetSessionAtOrAfter(_calendar, order.DecisionTimeNs, out session))
        {
            return VenueRejectReason.OutsideCalendar;
        }

        return _freeCount == 0 ? VenueRejectReason.CapacityFull : VenueRejectReason.None;
    }

    /// <summary>Sets the order's candidate fill price on this bar, if it can fill; fires stops the bar reaches.</summary>
    private void SetCandidate(ref WorkingOrder working, in Bar bar, long averageTrueRange)
    {
        bool buy = working.Order.Side == Side.Buy;
        long open = bar.Open.Micros;
        long stop = working.Order.StopPrice.Micros;
        switch (working.Order.Type)
        {
            case OrderType.Market:
                SetMarketCandidate(ref working, open, averageTrueRange);
                return;
            case OrderType.Limit:
                SetLimitCandidate(ref working, in bar, averageTrueRange);
                return;
            case OrderType.Stop:
                if (working.Triggered)
                {
                    SetMarketCandidate(ref working, open, averageTrueRange);
                }
                else if (buy ? bar.High.Micros >= stop : bar.Low.Micros <= stop)
                {
                    // A gap through the stop fills at the open: the stop price never traded.
                    working.Triggered = true;
                    SetMarketCandidate(ref working, buy ? Math.Max(open, stop) : Math.Min(open, stop), averageTrueRange);
                }

                return;
            default:
                if (!working.Triggered)
                {
                    if (!(buy ? bar.High.Micros >= stop : bar.Low.Micros <= stop))
                    {
                        return;
                    }

                    working.Triggered = true;

                    // Triggered inside the bar, it is unknown whether the later prices came before or after the
                    // trigger: it works as a limit only from the next bar.
                    if (!(buy ? open >= stop : open <= stop))
                    {
                        return;
                    }
                }

                SetLimitCandidate(ref working, in bar, averageTrueRange);
                return;
        }
    }

    private void SetMarketCandidate(ref WorkingOrder working, long basePrice, long averageTrueRange)
    {
        working.HasCandidate = true;
        working.CandidatePriceMicros = FillPricing.Adverse(
            working.Order.Side, basePrice, FillPricing.Slippage(_options, averageTrueRange, basePrice));
    }

    private void SetLimitCandidate(ref WorkingOrder working, in Bar bar, long averageTrueRange)
    {
        long limit = working.LimitPrice.Micros;
        long open = bar.Open.Micros;
        if (working.Order.Side == Side.Buy)
        {
            // A touch is not a fill: the queue ahead at the limit may have taken all of it.
            if (bar.Low.Micros >= limit)
            {
                return;
            }

            long basePrice = Math.Min(open, limit);
            long slipped = FillPricing.Adverse(Side.Buy, basePrice, FillPricing.Slippage(_options, averageTrueRange, basePrice));
            working.CandidatePriceMicros = Math.Min(slipped, limit);
        }
        else
        {
            if (bar.High.Micros <= limit)
            {
                return;
            }

            long basePrice = Math.Max(open, limit);
            long slipped = FillPricing.Adverse(Side.Sell, basePrice, FillPricing.Slippage(_options, averageTrueRange, basePrice));
            working.CandidatePriceMicros = Math.Max(slipped, limit);
        }

        working.HasCandidate = true;
    }

    /// <summary>True when no other candidate of the slot's OCO group on this bar is worse for the trader (a buy
    /// paying more, a sell getting less; on a tie, or across sides, the earlier order counts as the worse).</summary>
    private bool IsWorstOfItsGroup(int slot)
    {
        ref WorkingOrder order = ref _orders[slot];
        for (int i = 0; i < _workingCount; i++)
        {
            int other = _working[i];
            ref WorkingOrder sibling = ref _orders[other];
            if (other == slot
                || !sibling.IsWorking
                || !sibling.HasCandidate
                || sibling.Order.OcoGroup != order.Order.OcoGroup
                || sibling.Order.SymbolIndex != order.Order.SymbolIndex)
            {
                continue;
            }

            bool siblingIsWorse;
            if (sibling.Order.Side != order.Order.Side || sibling.CandidatePriceMicros == order.CandidatePriceMicros)
            {
                siblingIsWorse = sibling.BrokerOrderId < order.BrokerOrderId;
            }
            else
            {
                siblingIsWorse = order.Order.Side == Side.Buy
                    ? sibling.CandidatePriceMicros > order.CandidatePriceMicros
                    : sibling.CandidatePriceMicros < order.CandidatePriceMicros;
            }

            if (siblingIsWorse)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Fills as much of the order as <paramref name="sharesLeft"/> allows at <paramref name="priceMicros"/>;
    /// a fill cancels the rest of its OCO group. Returns the shares filled.</summary>
    private long Execute(int slot, long priceMicros, long sharesLeft, long timeNs)
    {
        ref WorkingOrder working = ref _orders[slot];
        long leaves = working.Leaves;
        long shares = Math.Min(leaves, sharesLeft);
        if (shares < leaves)
        {
            _volumeCappedFills++;
        }

        if (shares <= 0)
        {
            return 0;
        }

        Money fee = FillPricing.Commission(_options, priceMicros, shares);
        working.Filled += shares;
        working.IsWorking = working.Leaves > 0;
        _fills++;
        _sharesFilled = checked(_sharesFilled + shares);
        _feesMicros = checked(_feesMicros + fee.Micros);
        _reports.Enqueue(new VenueReport(
            VenueReportKind.Fill, working.Order.ClientOrderId, working.BrokerOrderId, ++_lastFillId,
            working.Order.SymbolIndex, working.Order.Side, shares, new Price(priceMicros), fee, timeNs, working.Filled,
            working.Leaves, VenueRejectReason.None));

        if (working.Order.OcoGroup != 0)
        {
            for (int i = 0; i < _workingCount; i++)
            {
                int other = _working[i];
                if (other != slot && _orders[other].IsWorking && _orders[other].Order.OcoGroup == working.Order.OcoGroup)
                {
                    CancelSlot(other, timeNs, VenueRejectReason.OcoSiblingFilled);
                }
            }
        }

        return shares;
    }

    private void CancelSlot(int slot, long timeNs, VenueRejectReason reason)
    {
        ref WorkingOrder working = ref _orders[slot];
        long leaves = working.Leaves;
        working.IsWorking = false;
        _canceled++;
        _reports.Enqueue(new VenueReport(
            VenueReportKind.CancelAck, working.Order.ClientOrderId, working.BrokerOrderId, 0, working.Order.SymbolIndex,
            working.Order.Side, leaves, working.LimitPrice, Money.Zero, timeNs, working.Filled, 0, reason));
    }

    private void ExpireDayOrdersBefore(int session, long timeNs)
    {
        for (int i = 0; i < _workingCount; i++)
        {
            ref WorkingOrder working = ref _orders[_working[i]];
            if (!working.IsWorking || working.Order.TimeInForce != TimeInForce.Day || working.Session >= session)
            {
                continue;
            }

            long leaves = working.Leaves;
            working.IsWorking = false;
            _expired++;
            _reports.Enqueue(new VenueReport(
                VenueReportKind.Expired, working.Order.ClientOrderId, working.BrokerOrderId, 0, working.Order.SymbolIndex,
                working.Order.Side, leaves, working.LimitPrice, Money.Zero, timeNs, working.Filled, 0,
                VenueRejectReason.None));
        }
    }

    private static long PriceOnNewBasis(long micros, SplitRatio ratio) =>
        micros <= 0 ? micros : (long)Int128.Max(((((Int128)micros * ratio.OldShares) * 2) + ratio.NewShares) / (ratio.NewShares * 2), 1);

    private int FindWorking(ClientOrderId clientOrderId)
    {
        for (int i = 0; i < _workingCount; i++)
        {
            int slot = _working[i];
            if (_orders[slot].IsWorking && _orders[slot].Order.ClientOrderId == clientOrderId)
            {
                return slot;
            }
        }

        return -1;
    }

    private VenueRejectReason NotWorkingReason(ClientOrderId clientOrderId) =>
        clientOrderId.IsSet && clientOrderId <= _lastAccepted ? VenueRejectReason.OrderNotWorking : VenueRejectReason.UnknownOrder;

    /// <summary>Drops finished orders from the working list, keeping submission order, and frees their slots.</summary>
    private void RemoveFinished()
    {
        int kept = 0;
        for (int i = 0; i < _workingCount; i++)
        {
            int slot = _working[i];
            if (_orders[slot].IsWorking)
            {
                _working[kept++] = slot;
            }
            else
            {
                _orders[slot] = default;
                _freeSlots[_freeCount++] = slot;
            }
        }

        _workingCount = kept;
    }
}
