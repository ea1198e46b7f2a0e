using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// A light copy of an engine's account — position per symbol, cash, last marks, equity and the day each position
/// was last opened or added to — followed from the broker's fill reports and the accepted bars alone. Pipeline
/// stages that run on their own threads each keep one, so none has to read another's state: fed the same events
/// in the same order, every copy is the same, and equal to the portfolio's cash, positions and equity (which add
/// FIFO lots, PnL and the ledger proof on top). Fixed arrays sized at construction: nothing allocates per event.
/// </summary>
public sealed class AccountMirror
{
    private readonly int _engineId;
    private readonly long[] _positions;
    private readonly long[] _marks;
    private readonly int[] _openedDay;
    private readonly HashedIdSet _fillIds;
    private Money _cash;
    private Int128 _marketValue;

    /// <summary>Creates the copy of engine <paramref name="engineId"/>'s account, starting flat with
    /// <paramref name="initialCash"/>.</summary>
    /// <param name="engineId">The engine whose fills it follows; fills of other engines are ignored.</param>
    /// <param name="initialCash">Cash at the start.</param>
    /// <param name="symbolCapacity">The highest symbol id it follows.</param>
    /// <param name="fillCapacity">How many distinct fill ids it can remember (for exactly-once application).</param>
    public AccountMirror(int engineId, Money initialCash, int symbolCapacity, int fillCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fillCapacity);
        _engineId = engineId;
        _cash = initialCash;
        _positions = new long[symbolCapacity + 1];
        _marks = new long[symbolCapacity + 1];
        _openedDay = new int[symbolCapacity + 1];
        Array.Fill(_openedDay, int.MinValue);
        _fillIds = new HashedIdSet(fillCapacity);
    }

    /// <summary>Cash now.</summary>
    public Money Cash => _cash;

    /// <summary>Cash plus every position at its last mark (a position never marked counts at its fill price).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetEquity(out Money equity)
    {
        Int128 total = _cash.Micros + _marketValue;
        bool fits = total >= long.MinValue && total <= long.MaxValue;
        equity = fits ? new Money((long)total) : Money.Zero;
        return fits;
    }

    /// <summary>The signed position in <paramref name="symbol"/> (0 for a symbol it does not follow).</summary>
    public long PositionOf(SymbolId symbol) => Knows(symbol) ? _positions[symbol.Value] : 0;

    /// <summary>True when the position in <paramref name="symbol"/> was opened or added to on <paramref name="tradingDay"/>.</summary>
    public bool OpenedOn(SymbolId symbol, int tradingDay) => Knows(symbol) && _openedDay[symbol.Value] == tradingDay;

    /// <summary>Marks <paramref name="symbol"/> at <paramref name="price"/>. False (nothing changed) when the symbol is
    /// unknown or the price not positive.</summary>
    public bool Mark(SymbolId symbol, Price price)
    {
        if (!Knows(symbol) || !price.IsValid)
        {
            return false;
        }

        long position = _positions[symbol.Value];
        if (position != 0)
        {
            // Both marks are positive (or 0 before the first), so their difference fits a long.
            _marketValue += WideProduct.Of(position, price.Micros - _marks[symbol.Value]);
        }

        _marks[symbol.Value] = price.Micros;
        return true;
    }

    /// <summary>
    /// Applies a fill report once: cash moves by the notional and the fee, the position by the signed quantity, and
    /// the symbol is marked at the fill price. Returns what happened; a report that is not this engine's, not well
    /// formed, or seen before changes nothing.
    /// </summary>
    /// <param name="report">The broker's fill (symbol, side, quantity, price, fee, fill id).</param>
    /// <param name="tradingDay">The trading day of the event, for day-trade counting.</param>
    public MirrorFill ApplyFill(in BrokerOrderEvent report, int tradingDay)
    {
        if (report.Kind != BrokerEventKind.Fill || report.ClientOrderId.EngineId != _engineId || !Knows(report.Symbol)
            || report.Side is not (Side.Buy or Side.Sell) || report.Quantity <= 0 || !report.Price.IsValid || report.Fee.Micros < 0)
        {
            return MirrorFill.Ignored;
        }

        if (_fillIds.Contains(report.FillId))
        {
            return MirrorFill.Duplicate;
        }

        int symbol = report.Symbol.Value;
        long before = _positions[symbol];
        long signed = report.Side == Side.Buy ? report.Quantity : -report.Quantity;
        Int128 notional = WideProduct.Of(report.Quantity, report.Price.Micros);
        Int128 cash = (Int128)_cash.Micros + (report.Side == Side.Buy ? -notional : notional) - report.Fee.Micros;
        Int128 after = (Int128)before + signed;
        if (cash < long.MinValue || cash > long.MaxValue || after < long.MinValue || after > long.MaxValue)
        {
            return MirrorFill.Overflow;
        }

        if (!_fillIds.TryAdd(report.FillId))
        {
            return MirrorFill.Full;
        }

        // Re-mark at the fill price first, so the market value stays position × mark for every symbol.
        Mark(report.Symbol, report.Price);
        _positions[symbol] = (long)after;
        _marketValue += WideProduct.Of(signed, _marks[symbol]);
        _cash = new Money((long)cash);

        long now = (long)after;
        bool reduces = before != 0 && (Math.Abs(now) < Math.Abs(before) || Math.Sign(now) != Math.Sign(before));
        bool dayTrade = reduces && _openedDay[symbol] == tradingDay;
        bool opensOrAdds = now != 0 && (Math.Sign(now) != Math.Sign(before) || Math.Abs(now) > Math.Abs(before));
        if (opensOrAdds)
        {
            _openedDay[symbol] = tradingDay;
        }

        return dayTrade ? MirrorFill.AppliedDayTrade : MirrorFill.Applied;
    }

    /// <summary>
    /// Applies a corporate action to the position and cash by the portfolio's rules (<see cref="CorporateActionMath"/>):
    /// a split rescales the position (whole shares; the fraction paid as cash in lieu) and puts the mark on the new
    /// basis, so the equity does not jump; a dividend moves cash by position × amount. False (nothing changed) when
    /// the symbol is unknown, the terms are bad or an amount would overflow: the same events the portfolio refuses.
    /// </summary>
    public bool ApplyCorporateAction(in CorporateActionEvent action)
    {
        if (!Knows(action.Symbol) || !action.HasValidTerms)
        {
            return false;
        }

        int symbol = action.Symbol.Value;
        long before = _positions[symbol];
        if (!CorporateActionMath.TryCash(before, in action, out long cash))
        {
            return false;
        }

        long after = before;
        long mark = _marks[symbol];
        if (action.Type == CorporateActionType.Split)
        {
            if (!action.Ratio.TryScaleShares(before, out after))
            {
                return false;
            }

            mark = CorporateActionMath.ScaleMark(mark, action.Ratio);
        }

        Int128 total = (Int128)_cash.Micros + cash;
        if (total < long.MinValue || total > long.MaxValue)
        {
            return false;
        }

        _marketValue += WideProduct.Of(after, mark) - WideProduct.Of(before, _marks[symbol]);
        _positions[symbol] = after;
        _marks[symbol] = mark;
        _cash = new Money((long)total);
        return true;
    }

    /// <summary>True when <paramref name="symbol"/> is one this copy follows (1 to its symbol capacity).</summary>
    public bool Follows(SymbolId symbol) => Knows(symbol);

    private bool Knows(SymbolId symbol) => (uint)(symbol.Value - 1) < (uint)(_positions.Length - 1);
}
