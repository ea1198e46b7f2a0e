using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// One engine's portfolio: its cash, its positions as first-in-first-out lots per symbol (long and short), realized
/// and unrealized profit and loss, fees, gross and net exposure, equity and its allocation cap. Each engine has its
/// own instance, and a fill of another engine is refused, so nothing one engine does moves another's capital.
/// <list type="bullet">
/// <item>Exactly once: a fill is applied only if its broker fill id is new; the same id with the same terms again
/// is a duplicate and changes nothing, the same id with other terms halts (<see cref="ReasonCode.ConflictingFill"/>).
/// The id set is the <see cref="Ledger"/>, which <see cref="Rebuild(ReadOnlySpan{Fill})"/> replays at start.</item>
/// <item>Checked: after every fill the state is compared with a recomputation from the ledger (see
/// <see cref="LedgerRecomputation"/> for the method and its cost); a difference halts with
/// <see cref="ReasonCode.PortfolioMismatch"/> and <see cref="MismatchedValue"/> names the value.</item>
/// <item>Fail closed: a fill or mark with a bad number (non-positive price or quantity, unknown symbol, no side,
/// negative fee), one that would overflow any amount, or one that would exceed a capacity is refused with a named
/// reason, changes nothing, and halts the portfolio (sticky: <see cref="HaltReason"/> keeps the first reason). A
/// halted portfolio still applies valid fills and marks, because they are facts the broker and the market have
/// already made true; halting trading is the engine's part.</item>
/// </list>
/// <para>Conventions: realized profit is before fees; fees are charged in full to the fill that paid them, reduce
/// cash and are never negative. A symbol is valued at its last mark; until its first mark, at its first fill's
/// price. Pure, deterministic and allocation-free after construction; not thread-safe (the business-logic thread
/// owns it).</para>
/// </summary>
public sealed class EnginePortfolio
{
    private readonly SymbolBook[] _books;
    private readonly LotQueues _lots;
    private readonly FillLedger _ledger;
    private readonly CorporateActionLedger _actions;
    private readonly Lot[] _actionLots;
    private readonly LedgerRecomputation _recomputation;
    private PortfolioTotals _totals;
    private Reason _halt;
    private PortfolioValue _mismatchedValue;

    /// <summary>Creates the portfolio of engine <paramref name="engineId"/>, allocating everything it will hold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public EnginePortfolio(int engineId, PortfolioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        EngineId = engineId;
        InitialCash = options.InitialCash;
        AllocationCap = options.AllocationCap;
        _books = new SymbolBook[options.SymbolCapacity + 1];
        _lots = new LotQueues(options.OpenLotCapacity, options.SymbolCapacity);
        _ledger = new FillLedger(options.FillCapacity, options.SymbolCapacity);
        _actions = new CorporateActionLedger(options.CorporateActionCapacity);
        _actionLots = Preallocated.Array<Lot>(options.OpenLotCapacity);
        _recomputation = new LedgerRecomputation(_ledger, _actions, _lots, _books);
        _totals = StartingTotals();
    }

    /// <summary>The engine this portfolio belongs to; fills tagged with another engine are refused.</summary>
    public int EngineId { get; }

    /// <summary>Cash before the first fill.</summary>
    public Money InitialCash { get; }

    /// <summary>The most gross exposure this engine's positions may take on (see <see cref="CheckAllocation"/>).</summary>
    public Money AllocationCap { get; }

    /// <summary>The highest symbol id this portfolio knows.</summary>
    public int SymbolCapacity => _books.Length - 1;

    /// <summary>Every applied fill, in order: the record the state is checked against and rebuilt from.</summary>
    public FillLedger Ledger => _ledger;

    /// <summary>Every applied corporate action, in order, each placed among the fills of <see cref="Ledger"/>.</summary>
    public CorporateActionLedger CorporateActions => _actions;

    /// <summary>The account-level numbers.</summary>
    public PortfolioTotals Totals => _totals;

    /// <summary>Initial cash − bought notional + sold notional − fees.</summary>
    public Money Cash => _totals.Cash;

    /// <summary>Fees paid.</summary>
    public Money Fees => _totals.Fees;

    /// <summary>Realized profit and loss (before fees).</summary>
    public Money RealizedPnl => _totals.RealizedPnl;

    /// <summary>Unrealized profit and loss at the marks.</summary>
    public Money UnrealizedPnl => _totals.UnrealizedPnl;

    /// <summary>Σ |position × mark|.</summary>
    public Money GrossExposure => _totals.GrossExposure;

    /// <summary>Σ position × mark.</summary>
    public Money NetExposure => _totals.NetExposure;

    /// <summary>Cash + net exposure = initial cash − fees + realized + unrealized.</summary>
    public Money Equity => _totals.Equity;

    /// <summary>Open lots over all symbols.</summary>
    public int OpenLotCount => _lots.Used;

    /// <summary>How many lots may be open at once.</summary>
    public int OpenLotCapacity => _lots.Capacity;

    /// <summary>True once a fill or mark was refused or the ledger check failed.</summary>
    public bool IsHalted => _halt.IsSet;

    /// <summary>The first reason the portfolio halted for, or <see cref="Reason.None"/>.</summary>
    public Reason HaltReason => _halt;

    /// <summary>When the halt is a <see cref="ReasonCode.PortfolioMismatch"/>: which value disagreed.</summary>
    public PortfolioValue MismatchedValue => _mismatchedValue;

    /// <summary>The state in <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The symbol is not one this portfolio knows.</exception>
    public SymbolPosition PositionOf(SymbolId symbol)
    {
        RequireKnown(symbol);
        ref readonly SymbolBook book = ref _books[symbol.Value];
        return new SymbolPosition(
            symbol,
            book.Position,
            new Price(book.Mark),
            new Money(book.MarketValue),
            new Money(book.CostBasis),
            new Money(book.RealizedPnl),
            new Money(book.MarketValue - book.CostBasis),
            new Money(book.Fees),
            _lots.CountOf(symbol),
            book.LastIncreasedAtNs);
    }

    /// <summary>Copies <paramref name="symbol"/>'s open lots, oldest first, into <paramref name="destination"/>
    /// (as many as fit); returns how many were copied.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The symbol is not one this portfolio knows.</exception>
    public int CopyLots(SymbolId symbol, Span<Lot> destination)
    {
        RequireKnown(symbol);
        int copied = 0;
        for (int slot = _lots.Oldest(symbol); slot != LotQueues.End && copied < destination.Length; slot = _lots.Newer(slot))
        {
            destination[copied++] = new Lot(_lots.QuantityAt(slot), new Price(_lots.PriceAt(slot)));
        }

        return copied;
    }

    /// <summary>
    /// Applies a broker fill exactly once: closes the symbol's oldest lots first (realizing exact micros per closed
    /// share), opens a lot for what is left (a short lot for a sell from flat; the other side's lot for the rest of a
    /// fill that crosses zero), moves cash by the notional and the fee, records the fill in the ledger and checks the
    /// state against the ledger. Allocation-free.
    /// <para>Refusals and their evidence (observed, limit): another engine's fill
    /// (<see cref="ReasonCode.WrongEngine"/>: its engine, this engine); an unknown symbol (the id, the highest known);
    /// no side or a negative fee (<see cref="ReasonCode.MalformedEvent"/>: the side or the fee, 0); a non-positive
    /// quantity or price (the value, 1); a known fill id with other terms (<see cref="ReasonCode.ConflictingFill"/>:
    /// the id, the ledger position of the fill applied under it); a full ledger or lot pool
    /// (<see cref="ReasonCode.CapacityExceeded"/>: the count needed, the capacity); an amount that would overflow
    /// (<see cref="ReasonCode.ArithmeticOverflow"/>: the price, the quantity).</para>
    /// </summary>
    public FillResult Apply(in Fill fill)
    {
        // A copy: a rebuild may replay this portfolio's own ledger, whose slots the commit rewrites.
        Fill copy = fill;
        Reason refusal = CheckTerms(in copy);
        if (refusal.IsSet)
        {
            return Refuse(refusal);
        }

        if (_ledger.TryFind(copy.FillId, out int applied))
        {
            return _ledger[applied].HasSameTermsAs(in copy)
                ? FillResult.Duplicate
                : Refuse(new Reason(ReasonCode.ConflictingFill, copy.Symbol, copy.EventTimeNs, copy.FillId, applied));
        }

        if (_ledger.IsFull)
        {
            return Refuse(new Reason(ReasonCode.CapacityExceeded, copy.Symbol, copy.EventTimeNs, (long)_ledger.Count + 1, _ledger.Capacity));
        }

        refusal = Plan(in copy, out FillPlan plan);
        if (refusal.IsSet)
        {
            return Refuse(refusal, refusal.Code == ReasonCode.PortfolioMismatch ? PortfolioValue.OpenLotCount : PortfolioValue.None);
        }

        Commit(in copy, in plan);
        Reason mismatch = _recomputation.VerifyAfterFill(copy.Symbol, copy.EventTimeNs, in _totals, InitialCash, out PortfolioValue value);
        if (mismatch.IsSet)
        {
            Halt(mismatch, value);
            return new FillResult(FillStatus.Applied, mismatch);
        }

        return FillResult.Applied;
    }

    /// <summary>
    /// Marks <paramref name="symbol"/> at <paramref name="price"/> (a bar's close): revalues its position, the
    /// exposures, unrealized profit and equity. A symbol may be marked before its first fill. O(1), allocation-free.
    /// Returns <see cref="Reason.None"/>, or the reason the mark was refused (nothing changed, the portfolio halted).
    /// </summary>
    public Reason Mark(SymbolId symbol, Price price, long eventTimeNs)
    {
        if (!IsKnown(symbol))
        {
            return RefuseMark(ReasonCode.UnknownSymbol, symbol, eventTimeNs, symbol.Value, SymbolCapacity);
        }

        if (!price.IsValid)
        {
            return RefuseMark(ReasonCode.NonPositivePrice, symbol, eventTimeNs, price.Micros, 1);
        }

        ref SymbolBook book = ref _books[symbol.Value];
        if (!Notional.TryOf(price, book.Position, out Money marketValue))
        {
            return RefuseMark(ReasonCode.ArithmeticOverflow, symbol, eventTimeNs, price.Micros, book.Position);
        }

        // The totals are always consistent (unrealized = net − cost basis, equity = net + cash: every update goes
        // through TryRevalue), so a mark that leaves the symbol's market value as it was (a flat position, an
        // unchanged price) would recompute them to what they are: skip that.
        if (marketValue.Micros != book.MarketValue)
        {
            if (!TryRevalue(_totals, book.MarketValue, marketValue.Micros, _totals.Cash.Micros, _totals.CostBasis.Micros, out PortfolioTotals totals))
            {
                return RefuseMark(ReasonCode.ArithmeticOverflow, symbol, eventTimeNs, price.Micros, book.Position);
            }

            _totals = totals;
        }

        book.Mark = price.Micros;
        book.MarketValue = marketValue.Micros;
        return Reason.None;
    }

    /// <summary>Halts on a mark that cannot be taken (out of line: a mark runs on every bar, and the reason's
    /// temporaries would enlarge its frame).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Reason RefuseMark(ReasonCode code, SymbolId symbol, long eventTimeNs, long observed, long limit) =>
        Halt(new Reason(code, symbol, eventTimeNs, observed, limit));

    /// <summary>
    /// Answers the gateway's question "would this order exceed my allocation cap?". The order is taken as filled in
    /// full at <paramref name="price"/> (its limit, or the last mark for a market order), the symbol's whole position
    /// is valued at that price and the others at their marks. An order is refused with
    /// <see cref="ReasonCode.AllocationCapExceeded"/> when the gross exposure after it is above the cap, unless it
    /// only reduces the position (fewer shares, same side, or flat): the cap must never trap capital in a position.
    /// Working orders are the caller's: pass their shares in <paramref name="quantity"/> if they are to count.
    /// Changes nothing and never halts; bad input comes back as its reason.
    /// </summary>
    /// <param name="symbol">The order's symbol.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">Shares, positive.</param>
    /// <param name="price">The price the order is judged at, positive.</param>
    /// <param name="eventTimeNs">The event time of the decision, for the reason.</param>
    /// <param name="grossExposureAfter">Gross exposure after the order (the gateway's "allocation after"); the
    /// current gross exposure when the input is refused.</param>
    public Reason CheckAllocation(SymbolId symbol, Side side, long quantity, Price price, long eventTimeNs, out Money grossExposureAfter)
    {
        grossExposureAfter = _totals.GrossExposure;
        if (!IsKnown(symbol))
        {
            return new Reason(ReasonCode.UnknownSymbol, symbol, eventTimeNs, symbol.Value, SymbolCapacity);
        }

        if (side is not (Side.Buy or Side.Sell))
        {
            return new Reason(ReasonCode.MalformedEvent, symbol, eventTimeNs, (long)side, 0);
        }

        if (quantity <= 0)
        {
            return new Reason(ReasonCode.NonPositiveQuantity, symbol, eventTimeNs, quantity, 1);
        }

        if (!price.IsValid)
        {
            return new Reason(ReasonCode.NonPositivePrice, symbol, eventTimeNs, price.Micros, 1);
        }

        ref readonly SymbolBook book = ref _books[symbol.Value];
        long before = book.Position;
        long signed = side == Side.Buy ? quantity : -quantity;
        var overflow = new Reason(ReasonCode.ArithmeticOverflow, symbol, eventTimeNs, price.Micros, quantity);
        if (!TryAddPosition(before, signed, out long after) || !Notional.TryOf(price, after, out Money valueAfter))
        {
            return overflow;
        }

        Int128 gross = (Int128)_totals.GrossExposure.Micros - Int128.Abs(book.MarketValue) + Int128.Abs(valueAfter.Micros);
        if (!Fits(gross))
        {
            return overflow;
        }

        grossExposureAfter = new Money((long)gross);
        bool onlyReduces = after == 0 || (Math.Sign(after) == Math.Sign(before) && Math.Abs(after) < Math.Abs(before));
        if (!onlyReduces && grossExposureAfter > AllocationCap)
        {
            return new Reason(ReasonCode.AllocationCapExceeded, symbol, eventTimeNs, grossExposureAfter.Micros, AllocationCap.Micros);
        }

        return Reason.None;
    }

    /// <summary>
    /// Recomputes every symbol and the account from the whole ledger and compares: O(fills + open lots + symbols).
    /// The per-fill check covers each fill as it comes; this is the full proof, for a rebuild's end, a reconcile tick
    /// or an operator. Returns <see cref="Reason.None"/>, or the mismatch (and halts).
    /// </summary>
    public Reason VerifyAgainstLedger(long eventTimeNs)
    {
        Reason mismatch = _recomputation.VerifyAll(eventTimeNs, in _totals, InitialCash, out PortfolioValue value);
        return mismatch.IsSet ? Halt(mismatch, value) : Reason.None;
    }

    /// <summary>
    /// Starts over from <paramref name="fills"/> (the fill ledger, e.g. the journal's inbox, in the order the fills
    /// were applied): clears every position, lot, mark, total, the ledger, the fill-id set and the halt, applies each
    /// fill as <see cref="Apply"/> does (a repeated id is skipped as a duplicate), then verifies the whole state
    /// against the ledger. For the start of a run, before arming; <paramref name="fills"/> may be this portfolio's
    /// own <see cref="FillLedger.Fills"/>. Returns <see cref="Reason.None"/>, or the first reason a fill was refused
    /// (the fills before it stay applied, and the portfolio is halted).
    /// </summary>
    public Reason Rebuild(ReadOnlySpan<Fill> fills) => Rebuild(fills, []);

    /// <summary>
    /// As <see cref="Rebuild(ReadOnlySpan{Fill})"/>, with the corporate actions applied in their places among the
    /// fills (each before the fill at its <see cref="AppliedCorporateAction.FillPosition"/>, which counts the fills
    /// as applied: duplicates skipped). <paramref name="actions"/> may be this portfolio's own
    /// <see cref="CorporateActionLedger.Actions"/>.
    /// </summary>
    public Reason Rebuild(ReadOnlySpan<Fill> fills, ReadOnlySpan<AppliedCorporateAction> actions)
    {
        Array.Clear(_books);
        _lots.Clear();
        _ledger.Clear();
        _actions.Clear();
        _recomputation.Clear();
        _totals = StartingTotals();
        _halt = Reason.None;
        _mismatchedValue = PortfolioValue.None;
        long lastEventTimeNs = 0;
        int nextAction = 0;
        for (int i = 0; i <= fills.Length; i++)
        {
            for (; nextAction < actions.Length && (actions[nextAction].FillPosition <= _ledger.Count || i == fills.Length); nextAction++)
            {
                AppliedCorporateAction action = actions[nextAction];
                lastEventTimeNs = action.EventTimeNs;
                Reason applied = ApplyCorporateAction(action.Action, action.EventTimeNs);
                if (applied.IsSet)
                {
                    return applied;
                }
            }

            if (i == fills.Length)
            {
                break;
            }

            lastEventTimeNs = fills[i].EventTimeNs;
            FillResult result = Apply(in fills[i]);
            if (result.IsHalt)
            {
                return result.Reason;
            }
        }

        return VerifyAgainstLedger(lastEventTimeNs);
    }

    /// <summary>
    /// Applies a corporate action of one symbol (see <see cref="CorporateActionMath"/> for every rule and its
    /// rounding). A split rescales each open lot — shares × ratio, the lot's total cost kept — pays the fraction of a
    /// share as cash in lieu at the reference price, and puts the mark on the new basis; a dividend pays position ×
    /// amount into cash (a short pays it). The action is recorded in <see cref="CorporateActions"/>, among the fills,
    /// and the state is checked against the ledgers as after a fill. Allocation-free.
    /// <para>Refusals (nothing changes, the portfolio halts): an unknown symbol (<see cref="ReasonCode.UnknownSymbol"/>:
    /// the id, the highest known); bad terms (<see cref="ReasonCode.MalformedEvent"/>); a full action ledger
    /// (<see cref="ReasonCode.CapacityExceeded"/>); an amount that would overflow
    /// (<see cref="ReasonCode.ArithmeticOverflow"/>); a lot whose cost per new share would round to zero
    /// (<see cref="ReasonCode.CorporateActionUnrepresentable"/>). Returns <see cref="Reason.None"/> when applied.</para>
    /// </summary>
    public Reason ApplyCorporateAction(in CorporateActionEvent action, long eventTimeNs)
    {
        CorporateActionEvent copy = action;
        SymbolId symbol = copy.Symbol;
        if (!IsKnown(symbol))
        {
            return Halt(new Reason(ReasonCode.UnknownSymbol, symbol, eventTimeNs, symbol.Value, SymbolCapacity));
        }

        if (!copy.HasValidTerms)
        {
            return Halt(new Reason(ReasonCode.MalformedEvent, symbol, eventTimeNs, (long)copy.Type, copy.ReferencePrice.Micros));
        }

        if (_actions.IsFull)
        {
            return Halt(new Reason(ReasonCode.CapacityExceeded, symbol, eventTimeNs, (long)_actions.Count + 1, _actions.Capacity));
        }

        ref readonly SymbolBook book = ref _books[symbol.Value];
        long before = book.Position;
        var overflow = new Reason(ReasonCode.ArithmeticOverflow, symbol, eventTimeNs, before, copy.ReferencePrice.Micros);
        if (!CorporateActionMath.TryCash(before, in copy, out long cash))
        {
            return Halt(overflow);
        }

        SymbolBook next = book;
        int lotCount = 0;
        if (copy.Type == CorporateActionType.Split)
        {
            lotCount = CopyLots(symbol, _actionLots);
            ReasonCode code = CorporateActionMath.TrySplitLots(_actionLots.AsSpan(0, lotCount), copy.Ratio, out lotCount, out long after, out long costBasis, out (long Observed, long Limit) evidence);
            if (code != ReasonCode.None)
            {
                return Halt(new Reason(code, symbol, eventTimeNs, evidence.Observed, evidence.Limit));
            }

            next.Position = after;
            next.CostBasis = costBasis;
            next.Mark = CorporateActionMath.ScaleMark(book.Mark, copy.Ratio);
        }

        Int128 realizedChange = (Int128)cash + next.CostBasis - book.CostBasis;
        Int128 symbolRealized = book.RealizedPnl + realizedChange;
        Int128 totalRealized = _totals.RealizedPnl.Micros + realizedChange;
        Int128 totalCash = (Int128)_totals.Cash.Micros + cash;
        Int128 totalCostBasis = (Int128)_totals.CostBasis.Micros + next.CostBasis - book.CostBasis;
        if (!Fits(realizedChange) || !Fits(symbolRealized) || !Fits(totalRealized) || !Fits(totalCash) || !Fits(totalCostBasis)
            || !Notional.TryOf(new Price(next.Mark), next.Position, out Money marketValue)
            || !TryRevalue(_totals, book.MarketValue, marketValue.Micros, (long)totalCash, (long)totalCostBasis, out PortfolioTotals totals))
        {
            return Halt(overflow);
        }

        next.RealizedPnl = (long)symbolRealized;
        next.MarketValue = marketValue.Micros;
        if (copy.Type == CorporateActionType.Split)
        {
            while (_lots.CountOf(symbol) > 0)
            {
                _lots.RemoveOldest(symbol);
            }

            for (int i = 0; i < lotCount; i++)
            {
                _lots.Append(symbol, _actionLots[i].Quantity, _actionLots[i].Price.Micros);
            }
        }

        _books[symbol.Value] = next;
        _totals = totals with { RealizedPnl = new Money((long)totalRealized) };
        _actions.Append(new AppliedCorporateAction(copy, eventTimeNs, _ledger.Count, before, next.Position, new Money(cash), new Money((long)realizedChange)));
        Reason mismatch = _recomputation.VerifyAfterAction(symbol, eventTimeNs, in _totals, InitialCash, out PortfolioValue value);
        return mismatch.IsSet ? Halt(mismatch, value) : Reason.None;
    }

    private Reason CheckTerms(in Fill fill)
    {
        if (fill.EngineId != EngineId)
        {
            return new Reason(ReasonCode.WrongEngine, fill.Symbol, fill.EventTimeNs, fill.EngineId, EngineId);
        }

        if (!IsKnown(fill.Symbol))
        {
            return new Reason(ReasonCode.UnknownSymbol, fill.Symbol, fill.EventTimeNs, fill.Symbol.Value, SymbolCapacity);
        }

        if (fill.Side is not (Side.Buy or Side.Sell))
        {
            return new Reason(ReasonCode.MalformedEvent, fill.Symbol, fill.EventTimeNs, (long)fill.Side, 0);
        }

        if (fill.Quantity <= 0)
        {
            return new Reason(ReasonCode.NonPositiveQuantity, fill.Symbol, fill.EventTimeNs, fill.Quantity, 1);
        }

        if (!fill.Price.IsValid)
        {
            return new Reason(ReasonCode.NonPositivePrice, fill.Symbol, fill.EventTimeNs, fill.Price.Micros, 1);
        }

        if (fill.Fee.Micros < 0)
        {
            // A negative fee (a rebate) is more likely a sign error at the adapter than a rebate: refuse, never guess.
            return new Reason(ReasonCode.MalformedEvent, fill.Symbol, fill.EventTimeNs, fill.Fee.Micros, 0);
        }

        return Reason.None;
    }

    /// <summary>Works out everything the fill changes, reading only; a reason when it cannot be applied.</summary>
    private Reason Plan(in Fill fill, out FillPlan plan)
    {
        plan = default;
        SymbolId symbol = fill.Symbol;
        ref readonly SymbolBook book = ref _books[symbol.Value];
        long price = fill.Price.Micros;
        long signed = fill.SignedQuantity;
        long before = book.Position;
        var overflow = new Reason(ReasonCode.ArithmeticOverflow, symbol, fill.EventTimeNs, price, fill.Quantity);
        if (!TryAddPosition(before, signed, out long after) || !Notional.TryOf(fill.Price, fill.Quantity, out Money notional))
        {
            return overflow;
        }

        Int128 realized = 0;
        Int128 costBasisChange = 0;
        long opened = signed;
        int direction = Math.Sign(before);
        if (direction != 0 && direction != Math.Sign(signed))
        {
            // Close the oldest lots first, up to the whole position; what is left of the fill opens the other side.
            long closing = Math.Min(fill.Quantity, Math.Abs(before));
            opened = signed + (direction * closing);
            long unclosed = closing;
            for (int slot = _lots.Oldest(symbol); unclosed > 0; slot = _lots.Newer(slot))
            {
                if (slot == LotQueues.End)
                {
                    // The lots hold fewer shares than the position: the incremental state is broken.
                    return new Reason(ReasonCode.PortfolioMismatch, symbol, fill.EventTimeNs, before, (long)direction * (closing - unclosed));
                }

                long lotQuantity = _lots.QuantityAt(slot);
                long lotShares = Math.Abs(lotQuantity);
                long lotPrice = _lots.PriceAt(slot);
                long closed = Math.Min(unclosed, lotShares);
                long signedClosed = direction * closed;
                realized += (Int128)(price - lotPrice) * signedClosed;
                costBasisChange -= (Int128)lotPrice * signedClosed;
                unclosed -= closed;
                if (closed == lotShares)
                {
                    plan.ClosedLots++;
                }
                else
                {
                    plan.ReducesOldest = true;
                    plan.OldestRemaining = lotQuantity - signedClosed;
                }
            }
        }

        if (opened != 0)
        {
            if (_lots.Available + plan.ClosedLots == 0)
            {
                return new Reason(ReasonCode.CapacityExceeded, symbol, fill.EventTimeNs, (long)_lots.Used + 1, _lots.Capacity);
            }

            costBasisChange += (Int128)opened * price;
        }

        plan.OpenedQuantity = opened;
        long mark = book.Mark != 0 ? book.Mark : price;
        Int128 cash = (Int128)_totals.Cash.Micros - (fill.Side == Side.Buy ? notional.Micros : -notional.Micros) - fill.Fee.Micros;
        Int128 symbolRealized = book.RealizedPnl + realized;
        Int128 symbolCostBasis = book.CostBasis + costBasisChange;
        Int128 symbolFees = (Int128)book.Fees + fill.Fee.Micros;
        Int128 fees = (Int128)_totals.Fees.Micros + fill.Fee.Micros;
        Int128 totalRealized = _totals.RealizedPnl.Micros + realized;
        Int128 totalCostBasis = _totals.CostBasis.Micros + costBasisChange;
        if (!Fits(cash) || !Fits(symbolRealized) || !Fits(symbolCostBasis) || !Fits(symbolFees)
            || !Fits(fees) || !Fits(totalRealized) || !Fits(totalCostBasis)
            || !Notional.TryOf(new Price(mark), after, out Money marketValue)
            || !TryRevalue(_totals, book.MarketValue, marketValue.Micros, (long)cash, (long)totalCostBasis, out PortfolioTotals totals))
        {
            return overflow;
        }

        plan.Book = book;
        plan.Book.Position = after;
        plan.Book.RealizedPnl = (long)symbolRealized;
        plan.Book.CostBasis = (long)symbolCostBasis;
        plan.Book.Fees = (long)symbolFees;
        plan.Book.Mark = mark;
        plan.Book.MarketValue = marketValue.Micros;
        if (opened != 0)
        {
            plan.Book.LastIncreasedAtNs = fill.EventTimeNs;
        }

        plan.Totals = totals with
        {
            Fees = new Money((long)fees),
            RealizedPnl = new Money((long)totalRealized),
        };
        return Reason.None;
    }

    /// <summary>Applies a plan; it cannot fail (every check was made while planning).</summary>
    private void Commit(in Fill fill, in FillPlan plan)
    {
        for (int i = 0; i < plan.ClosedLots; i++)
        {
            _lots.RemoveOldest(fill.Symbol);
        }

        if (plan.ReducesOldest)
        {
            _lots.ReduceOldest(fill.Symbol, plan.OldestRemaining);
        }

        if (plan.OpenedQuantity != 0)
        {
            _lots.Append(fill.Symbol, plan.OpenedQuantity, fill.Price.Micros);
        }

        _books[fill.Symbol.Value] = plan.Book;
        _totals = plan.Totals;
        _ledger.Append(in fill);
    }

    /// <summary>The totals after one symbol's market value changes from <paramref name="oldValue"/> to
    /// <paramref name="newValue"/>, with the given cash and total cost basis; false if any would overflow.</summary>
    private static bool TryRevalue(in PortfolioTotals current, long oldValue, long newValue, long cash, long costBasis, out PortfolioTotals totals)
    {
        Int128 net = (Int128)current.NetExposure.Micros - oldValue + newValue;
        Int128 gross = (Int128)current.GrossExposure.Micros - Int128.Abs(oldValue) + Int128.Abs(newValue);
        Int128 unrealized = net - costBasis;
        Int128 equity = net + cash;
        if (!Fits(net) || !Fits(gross) || !Fits(unrealized) || !Fits(equity))
        {
            totals = current;
            return false;
        }

        totals = current with
        {
            Cash = new Money(cash),
            CostBasis = new Money(costBasis),
            NetExposure = new Money((long)net),
            GrossExposure = new Money((long)gross),
            UnrealizedPnl = new Money((long)unrealized),
            Equity = new Money((long)equity),
        };
        return true;
    }

    /// <summary>Adds a fill to a position; false when the sum overflows or is <see cref="long.MinValue"/> (whose
    /// size has no positive <see cref="long"/>, so no short position may reach it).</summary>
    private static bool TryAddPosition(long position, long signedQuantity, out long after)
    {
        Int128 sum = (Int128)position + signedQuantity;
        after = sum > long.MinValue && sum <= long.MaxValue ? (long)sum : 0;
        return sum > long.MinValue && sum <= long.MaxValue;
    }

    private static bool Fits(Int128 value) => value >= long.MinValue && value <= long.MaxValue;

    private PortfolioTotals StartingTotals() =>
        new(InitialCash, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, InitialCash);

    private bool IsKnown(SymbolId symbol) => symbol.Value > 0 && symbol.Value < _books.Length;

    private void RequireKnown(SymbolId symbol)
    {
        if (!IsKnown(symbol))
        {
            throw new ArgumentOutOfRangeException(nameof(symbol), symbol.Value, $"This portfolio knows symbol ids 1 to {SymbolCapacity}.");
        }
    }

    private FillResult Refuse(Reason reason, PortfolioValue mismatched = PortfolioValue.None)
    {
        Halt(reason, mismatched);
        return new FillResult(FillStatus.Refused, reason);
    }

    private Reason Halt(Reason reason, PortfolioValue value = PortfolioValue.None)
    {
        if (!_halt.IsSet)
        {
            _halt = reason;
            _mismatchedValue = value;
        }

        return reason;
    }
}
