using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// Recomputes the portfolio from its fill ledger, by a different method than the one that built it, and compares.
/// <para>The incremental state matches each fill against open lots, lot by lot. The recomputation never matches
/// lots; it uses two facts of first-in-first-out accounting instead:</para>
/// <list type="bullet">
/// <item>A symbol's open lots are the newest |position| shares of the fills on the position's side (lots are
/// consumed oldest first and added newest last, and a position that crosses zero has consumed every older lot), so
/// walking the symbol's fills newest first and taking shares on the position's side until |position| are taken
/// yields the lots, newest first, and the cost basis B = Σ lot quantity × lot price.</item>
/// <item>Realized profit is the trades' cash flow plus the cost basis still held: R = C + B, where
/// C = Σ −signed quantity × price over the symbol's fills. Position, C and fees are plain sums.</item>
/// </list>
/// <para>Cost. <see cref="VerifyAll"/> walks the whole ledger once: O(fills + open lots + symbols).
/// <see cref="VerifyAfterFill"/> checks only the filled symbol and walks only its fills since the fill of its
/// oldest open lot (all older fills enter through exact prefix sums kept in a <see cref="SymbolCheckpoint"/>), then
/// checks cash, fees, realized profit and cost basis over all symbols in O(1) from running sums of each symbol's last
/// recomputation. A symbol that goes flat costs nothing more for its earlier fills; a position that is never closed
/// costs its fills since its oldest lot was opened. Nothing is allocated: the recomputed lots go to a scratch array
/// of the lot pool's size.</para>
/// <para>Every sum is an <see cref="Int128"/>: each term (a checked 64-bit notional or fee, or a share count) is
/// below 2^63 and a ledger holds fewer than 2^27 fills, so no sum can come near 2^127.</para>
/// </summary>
internal sealed class LedgerRecomputation
{
    private readonly FillLedger _ledger;
    private readonly CorporateActionLedger _actions;
    private readonly LotQueues _lots;
    private readonly SymbolBook[] _books;
    private readonly Lot[] _scratchLots;
    private readonly Lot[] _replayLots;
    private readonly SymbolCheckpoint[] _checkpoints;
    private readonly CorporateActionBases _bases;
    private Int128 _cashFlow;
    private Int128 _fees;
    private Int128 _realizedPnl;
    private Int128 _costBasis;

    public LedgerRecomputation(FillLedger ledger, CorporateActionLedger actions, LotQueues lots, SymbolBook[] books)
    {
        _ledger = ledger;
        _actions = actions;
        _lots = lots;
        _books = books;
        _scratchLots = Preallocated.Array<Lot>(lots.Capacity);
        _replayLots = Preallocated.Array<Lot>(lots.Capacity);
        _checkpoints = new SymbolCheckpoint[books.Length];
        _bases = new CorporateActionBases(lots.Capacity, books.Length);
    }

    /// <summary>
    /// Checks <paramref name="symbol"/> (just filled) against the ledger, then the account totals, and moves the
    /// symbol's checkpoint on. Returns <see cref="Reason.None"/>, or a <see cref="ReasonCode.PortfolioMismatch"/>
    /// whose observed value is the incremental one and whose limit is the recomputed one.
    /// </summary>
    public Reason VerifyAfterFill(SymbolId symbol, long eventTimeNs, in PortfolioTotals totals, Money initialCash, out PortfolioValue mismatched)
    {
        ref SymbolCheckpoint checkpoint = ref _checkpoints[symbol.Value];
        Recomputed recomputed = Recompute(symbol, checkpoint.Start, _ledger.Count, checkpoint.PrefixPosition, checkpoint.PrefixCashFlow, checkpoint.PrefixFees, _bases.LiveLots(symbol));

        // Once the newest fills explain the whole position, the lots of the last corporate action (the oldest there
        // are) have all been closed, and no later fill can need them again.
        _bases.KeepLiveIf(symbol, recomputed.UsedBase);

        _cashFlow += recomputed.CashFlow - checkpoint.CashFlow;
        _fees += recomputed.Fees - checkpoint.Fees;
        _realizedPnl += recomputed.RealizedPnl - checkpoint.RealizedPnl;
        _costBasis += recomputed.CostBasis - checkpoint.CostBasis;
        checkpoint.CashFlow = recomputed.CashFlow;
        checkpoint.Fees = recomputed.Fees;
        checkpoint.RealizedPnl = recomputed.RealizedPnl;
        checkpoint.CostBasis = recomputed.CostBasis;
        if (recomputed.Position == 0)
        {
            checkpoint.Start = _ledger.Count;
            checkpoint.PrefixPosition = 0;
            checkpoint.PrefixCashFlow = recomputed.CashFlow;
            checkpoint.PrefixFees = recomputed.Fees;
        }
        else if (recomputed.IsComplete)
        {
            checkpoint.Start = recomputed.OldestLotFill;
            checkpoint.PrefixPosition = recomputed.Position - recomputed.WalkedPosition;
            checkpoint.PrefixCashFlow = recomputed.CashFlow - recomputed.WalkedCashFlow;
            checkpoint.PrefixFees = recomputed.Fees - recomputed.WalkedFees;
        }

        Reason reason = CompareSymbol(symbol, eventTimeNs, in recomputed, out mismatched);
        if (reason.IsSet)
        {
            return reason;
        }

        return CompareTotals(eventTimeNs, in totals, initialCash, _cashFlow, _fees, _realizedPnl, _costBasis, out mismatched);
    }

    /// <summary>
    /// Recomputes every symbol from the start of the ledger, ignoring checkpoints, and compares every symbol and
    /// the account totals: O(fills + open lots + symbols). Changes nothing.
    /// </summary>
    public Reason VerifyAll(long eventTimeNs, in PortfolioTotals totals, Money initialCash, out PortfolioValue mismatched)
    {
        Int128 cashFlow = 0;
        Int128 fees = 0;
        Int128 realizedPnl = 0;
        Int128 costBasis = 0;
        for (int s = 1; s < _books.Length; s++)
        {
            var symbol = new SymbolId(s);
            Reason reason = ReplaySymbol(symbol, eventTimeNs, out Recomputed recomputed, out mismatched);
            if (reason.IsSet)
            {
                return reason;
            }

            reason = CompareSymbol(symbol, eventTimeNs, in recomputed, out mismatched);
            if (reason.IsSet)
            {
                return reason;
            }

            cashFlow += recomputed.CashFlow;
            fees += recomputed.Fees;
            realizedPnl += recomputed.RealizedPnl;
            costBasis += recomputed.CostBasis;
        }

        return CompareTotals(eventTimeNs, in totals, initialCash, cashFlow, fees, realizedPnl, costBasis, out mismatched);
    }

    /// <summary>
    /// Checks the corporate action just recorded as the last entry of the action ledger: recomputes
    /// <paramref name="symbol"/>'s state before it from the ledgers, applies the action to that state by
    /// <see cref="CorporateActionMath"/>, compares the result with the portfolio's (which applied it to its own lots),
    /// then the account totals. The recomputed lots after the action become the symbol's base: the fills after it
    /// are matched against them, as the fills before a checkpoint enter through its prefix sums.
    /// </summary>
    public Reason VerifyAfterAction(SymbolId symbol, long eventTimeNs, in PortfolioTotals totals, Money initialCash, out PortfolioValue mismatched)
    {
        ref SymbolCheckpoint checkpoint = ref _checkpoints[symbol.Value];
        Recomputed before = Recompute(symbol, checkpoint.Start, _ledger.Count, checkpoint.PrefixPosition, checkpoint.PrefixCashFlow, checkpoint.PrefixFees, _bases.LiveLots(symbol));
        Reason reason = ApplyAction(symbol, eventTimeNs, _actions.Actions[^1].Action, in before, out Recomputed after, out int keptLots, out mismatched);
        if (reason.IsSet)
        {
            return reason;
        }

        if (!_bases.TrySet(symbol, _actions.Count - 1, _replayLots.AsSpan(0, keptLots), _actions.Actions))
        {
            mismatched = PortfolioValue.None;
            return new Reason(ReasonCode.CapacityExceeded, symbol, eventTimeNs, keptLots, _bases.Capacity);
        }

        _cashFlow += after.CashFlow - checkpoint.CashFlow;
        _fees += after.Fees - checkpoint.Fees;
        _realizedPnl += after.RealizedPnl - checkpoint.RealizedPnl;
        _costBasis += after.CostBasis - checkpoint.CostBasis;
        checkpoint.CashFlow = after.CashFlow;
        checkpoint.Fees = after.Fees;
        checkpoint.RealizedPnl = after.RealizedPnl;
        checkpoint.CostBasis = after.CostBasis;
        checkpoint.Start = _ledger.Count;
        checkpoint.PrefixPosition = after.Position;
        checkpoint.PrefixCashFlow = after.CashFlow;
        checkpoint.PrefixFees = after.Fees;

        reason = CompareSymbol(symbol, eventTimeNs, in after, out mismatched);
        return reason.IsSet ? reason : CompareTotals(eventTimeNs, in totals, initialCash, _cashFlow, _fees, _realizedPnl, _costBasis, out mismatched);
    }

    /// <summary>Forgets every checkpoint (the ledger was cleared).</summary>
    public void Clear()
    {
        _bases.Clear();
        Array.Clear(_checkpoints);
        _cashFlow = 0;
        _fees = 0;
        _realizedPnl = 0;
        _costBasis = 0;
    }

    /// <summary>
    /// Replays <paramref name="symbol"/> from the start of the ledgers: the fills up to its first corporate action,
    /// the action applied to the lots they leave, the fills up to the next action, and so on, then the fills after
    /// the last one. Each segment is recomputed as a checkpointed one is, with the lots of the action before it as its
    /// base. The result describes the symbol now; its lots are in the scratch array, newest first.
    /// </summary>
    private Reason ReplaySymbol(SymbolId symbol, long eventTimeNs, out Recomputed recomputed, out PortfolioValue mismatched)
    {
        int start = 0;
        Int128 position = 0;
        Int128 cashFlow = 0;
        Int128 fees = 0;
        int baseLots = 0;
        ReadOnlySpan<AppliedCorporateAction> actions = _actions.Actions;
        for (int a = 0; a < actions.Length; a++)
        {
            if (actions[a].Action.Symbol != symbol)
            {
                continue;
            }

            Recomputed before = Recompute(symbol, start, actions[a].FillPosition, position, cashFlow, fees, _replayLots.AsSpan(0, baseLots));
            Reason reason = ApplyAction(symbol, eventTimeNs, actions[a].Action, in before, out Recomputed after, out baseLots, out mismatched);
            if (reason.IsSet)
            {
                recomputed = after;
                return reason;
            }

            start = actions[a].FillPosition;
            (position, cashFlow, fees) = (after.Position, after.CashFlow, after.Fees);
        }

        recomputed = Recompute(symbol, start, _ledger.Count, position, cashFlow, fees, _replayLots.AsSpan(0, baseLots));
        mismatched = PortfolioValue.None;
        return Reason.None;
    }

    /// <summary>
    /// Applies <paramref name="action"/> to a recomputed state (its lots in the scratch array, newest first): on
    /// return the lots after it are in the replay array (oldest first, <paramref name="keptLots"/> of them) and in the
    /// scratch array (newest first), and <paramref name="after"/> describes the symbol after it. A state the ledger
    /// cannot explain, or an action the recomputation cannot apply while the portfolio could, is a mismatch.
    /// </summary>
    private Reason ApplyAction(SymbolId symbol, long eventTimeNs, in CorporateActionEvent action, in Recomputed before, out Recomputed after, out int keptLots, out PortfolioValue mismatched)
    {
        after = before;
        keptLots = 0;
        mismatched = PortfolioValue.None;
        if (before.Unexplained != 0 || before.LotCount > _scratchLots.Length)
        {
            mismatched = PortfolioValue.UnexplainedPosition;
            return new Reason(ReasonCode.PortfolioMismatch, symbol, eventTimeNs, Clamp(before.Unexplained), 0);
        }

        int count = before.LotCount;
        for (int i = 0; i < count; i++)
        {
            _replayLots[i] = _scratchLots[count - 1 - i];
        }

        long position = Clamp(before.Position);
        Int128 costBasis = before.CostBasis;
        keptLots = count;
        long cash = 0;
        bool fits = position == before.Position && CorporateActionMath.TryCash(position, in action, out cash);
        if (fits && action.Type == CorporateActionType.Split)
        {
            ReasonCode code = CorporateActionMath.TrySplitLots(_replayLots.AsSpan(0, count), action.Ratio, out keptLots, out position, out long splitCost, out _);
            fits = code == ReasonCode.None;
            costBasis = splitCost;
        }

        if (!fits)
        {
            // The portfolio applied an action that the recomputed state cannot take: the states differ.
            mismatched = PortfolioValue.Position;
            return new Reason(ReasonCode.PortfolioMismatch, symbol, eventTimeNs, position, 0);
        }

        for (int i = 0; i < keptLots; i++)
        {
            _scratchLots[keptLots - 1 - i] = _replayLots[i];
        }

        after = new Recomputed
        {
            Position = position,
            CashFlow = before.CashFlow + cash,
            Fees = before.Fees,
            CostBasis = costBasis,
            LotCount = keptLots,
            OldestLotFill = -1,
        };
        return Reason.None;
    }

    private Recomputed Recompute(SymbolId symbol, int start, int end, Int128 prefixPosition, Int128 prefixCashFlow, Int128 prefixFees, ReadOnlySpan<Lot> baseLots)
    {
        var result = new Recomputed { Position = prefixPosition, CashFlow = prefixCashFlow, Fees = prefixFees, OldestLotFill = -1 };

        // Pass 1: the sums, over the fills from the newest (before the end) back to the checkpoint.
        for (int i = _ledger.LastOf(symbol); i >= start; i = _ledger.PreviousOfSymbol(i))
        {
            if (i >= end)
            {
                continue;
            }

            ref readonly Fill fill = ref _ledger.At(i);
            Int128 signed = fill.SignedQuantity;
            result.Position += signed;
            result.CashFlow -= signed * fill.Price.Micros;
            result.Fees += fill.Fee.Micros;
        }

        // Pass 2: the open lots are the newest |position| shares on the position's side.
        int direction = Int128.Sign(result.Position);
        Side side = direction > 0 ? Side.Buy : Side.Sell;
        Int128 untaken = Int128.Abs(result.Position);
        for (int i = _ledger.LastOf(symbol); untaken > 0 && i >= start; i = _ledger.PreviousOfSymbol(i))
        {
            if (i >= end)
            {
                continue;
            }

            ref readonly Fill fill = ref _ledger.At(i);
            Int128 signed = fill.SignedQuantity;
            result.WalkedPosition += signed;
            result.WalkedCashFlow -= signed * fill.Price.Micros;
            result.WalkedFees += fill.Fee.Micros;
            if (fill.Side != side)
            {
                continue;
            }

            if (result.LotCount == _scratchLots.Length)
            {
                // More lots than the pool holds (a count of capacity + 1): the incremental state cannot agree.
                result.LotCount++;
                break;
            }

            long taken = (long)Int128.Min(untaken, fill.Quantity);
            long lotQuantity = direction * taken;
            _scratchLots[result.LotCount++] = new Lot(lotQuantity, fill.Price);
            result.CostBasis += (Int128)lotQuantity * fill.Price.Micros;
            untaken -= taken;
            result.OldestLotFill = i;
        }

        // The lots of the corporate action before the first walked fill are older than every fill: the shares the
        // fills do not explain are theirs, newest first.
        for (int b = baseLots.Length - 1; untaken > 0 && b >= 0 && result.LotCount <= _scratchLots.Length; b--)
        {
            Lot lot = baseLots[b];
            if (Math.Sign(lot.Quantity) != direction)
            {
                break; // the base is on the other side: the position crossed zero since, and consumed all of it
            }

            if (result.LotCount == _scratchLots.Length)
            {
                result.LotCount++;
                break;
            }

            long taken = (long)Int128.Min(untaken, Math.Abs(lot.Quantity));
            long lotQuantity = direction * taken;
            _scratchLots[result.LotCount++] = new Lot(lotQuantity, lot.Price);
            result.CostBasis += (Int128)lotQuantity * lot.Price.Micros;
            untaken -= taken;
            result.UsedBase = true;
            result.OldestLotFill = start;
        }

        result.Unexplained = untaken;
        return result;
    }

    private Reason CompareSymbol(SymbolId symbol, long eventTimeNs, in Recomputed recomputed, out PortfolioValue mismatched)
    {
        ref readonly SymbolBook book = ref _books[symbol.Value];
        if (Differs(book.Position, recomputed.Position, PortfolioValue.Position, out mismatched)
            || Differs(book.Fees, recomputed.Fees, PortfolioValue.Fees, out mismatched))
        {
            return Mismatch(symbol, eventTimeNs, mismatched, Observed(book, mismatched), recomputed);
        }

        int lotCount = _lots.CountOf(symbol);
        if (lotCount != recomputed.LotCount)
        {
            mismatched = PortfolioValue.OpenLotCount;
            return new Reason(ReasonCode.PortfolioMismatch, symbol, eventTimeNs, lotCount, recomputed.LotCount);
        }

        if (recomputed.Unexplained != 0)
        {
            mismatched = PortfolioValue.UnexplainedPosition;
            return new Reason(ReasonCode.PortfolioMismatch, symbol, eventTimeNs, Clamp(recomputed.Unexplained), 0);
        }

        int newestFirst = recomputed.LotCount - 1;
        for (int slot = _lots.Oldest(symbol); slot != LotQueues.End; slot = _lots.Newer(slot), newestFirst--)
        {
            Lot expected = _scratchLots[newestFirst];
            if (_lots.QuantityAt(slot) != expected.Quantity)
            {
                mismatched = PortfolioValue.LotQuantity;
                return new Reason(ReasonCode.PortfolioMismatch, symbol, eventTimeNs, _lots.QuantityAt(slot), expected.Quantity);
            }

            if (_lots.PriceAt(slot) != expected.Price.Micros)
            {
                mismatched = PortfolioValue.LotPrice;
                return new Reason(ReasonCode.PortfolioMismatch, symbol, eventTimeNs, _lots.PriceAt(slot), expected.Price.Micros);
            }
        }

        if (Differs(book.CostBasis, recomputed.CostBasis, PortfolioValue.CostBasis, out mismatched)
            || Differs(book.RealizedPnl, recomputed.RealizedPnl, PortfolioValue.RealizedPnl, out mismatched))
        {
            return Mismatch(symbol, eventTimeNs, mismatched, Observed(book, mismatched), recomputed);
        }

        mismatched = PortfolioValue.None;
        return Reason.None;
    }

    private static Reason CompareTotals(
        long eventTimeNs,
        in PortfolioTotals totals,
        Money initialCash,
        Int128 cashFlow,
        Int128 fees,
        Int128 realizedPnl,
        Int128 costBasis,
        out PortfolioValue mismatched)
    {
        Int128 cash = initialCash.Micros + cashFlow - fees;
        Int128 expected;
        long observed;
        if (Differs(totals.Cash.Micros, cash, PortfolioValue.Cash, out mismatched))
        {
            (observed, expected) = (totals.Cash.Micros, cash);
        }
        else if (Differs(totals.Fees.Micros, fees, PortfolioValue.TotalFees, out mismatched))
        {
            (observed, expected) = (totals.Fees.Micros, fees);
        }
        else if (Differs(totals.RealizedPnl.Micros, realizedPnl, PortfolioValue.TotalRealizedPnl, out mismatched))
        {
            (observed, expected) = (totals.RealizedPnl.Micros, realizedPnl);
        }
        else if (Differs(totals.CostBasis.Micros, costBasis, PortfolioValue.TotalCostBasis, out mismatched))
        {
            (observed, expected) = (totals.CostBasis.Micros, costBasis);
        }
        else
        {
            return Reason.None;
        }

        return new Reason(ReasonCode.PortfolioMismatch, SymbolId.None, eventTimeNs, observed, Clamp(expected));
    }

    private static bool Differs(long incremental, Int128 recomputed, PortfolioValue value, out PortfolioValue mismatched)
    {
        mismatched = incremental != recomputed ? value : PortfolioValue.None;
        return incremental != recomputed;
    }

    private static long Observed(in SymbolBook book, PortfolioValue value) => value switch
    {
        PortfolioValue.Position => book.Position,
        PortfolioValue.Fees => book.Fees,
        PortfolioValue.CostBasis => book.CostBasis,
        _ => book.RealizedPnl,
    };

    private static Reason Mismatch(SymbolId symbol, long eventTimeNs, PortfolioValue value, long observed, in Recomputed recomputed)
    {
        Int128 expected = value switch
        {
            PortfolioValue.Position => recomputed.Position,
            PortfolioValue.Fees => recomputed.Fees,
            PortfolioValue.CostBasis => recomputed.CostBasis,
            _ => recomputed.RealizedPnl,
        };
        return new Reason(ReasonCode.PortfolioMismatch, symbol, eventTimeNs, observed, Clamp(expected));
    }

    private static long Clamp(Int128 value) => (long)Int128.Clamp(value, long.MinValue, long.MaxValue);

    /// <summary>One symbol recomputed from the ledger; its lots are in the scratch array, newest first.</summary>
    private struct Recomputed
    {
        public Int128 Position;
        public Int128 CashFlow;
        public Int128 Fees;
        public Int128 CostBasis;
        public int LotCount;
        public Int128 Unexplained;
        public int OldestLotFill;
        public Int128 WalkedPosition;
        public Int128 WalkedCashFlow;
        public Int128 WalkedFees;
        public bool UsedBase;

        /// <summary>R = C + B.</summary>
        public readonly Int128 RealizedPnl => CashFlow + CostBasis;

        /// <summary>Every open share was attributed to a fill, within the scratch array's size.</summary>
        public readonly bool IsComplete => Unexplained == 0 && OldestLotFill >= 0;
    }
}
