using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Risk;

/// <summary>
/// An engine's risk checks, in a fixed order: bad input, kill switch, sticky halt; the pattern-day-trader rule;
/// daily loss limit (halt), max drawdown (flatten and halt), reject storm (halt); then max order quantity and
/// notional, max position per symbol and gross exposure (reject). Cancels are always allowed: they only reduce risk.
/// <para>Deterministic and allocation-free: state is a few numbers and two small rings sized at construction; time
/// comes from the events it is given.</para>
/// </summary>
public sealed class RiskEngine
{
    /// <summary>The largest reject-storm count that is tracked; a larger configured count means no storm rule.</summary>
    public const int MaxTrackedRejects = 65_536;

    private readonly RiskLimits _limits;
    private readonly long[] _rejectTimes;
    private readonly int[] _dayTradeDays;
    private readonly int[] _dayTradeCounts;
    private long _rejectCount;
    private Reason _halt;
    private int _currentDay = int.MinValue;
    private Money _dayStartEquity;
    private Money _peakEquity;
    private bool _hasEquity;

    /// <summary>Creates the checks for <paramref name="limits"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive or out of range.</exception>
    public RiskEngine(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _limits = limits;
        _rejectTimes = new long[Math.Min(limits.RejectStormCount, MaxTrackedRejects)];
        _dayTradeDays = new int[limits.DayTradeWindowBusinessDays];
        _dayTradeCounts = new int[limits.DayTradeWindowBusinessDays];
        Array.Fill(_dayTradeDays, int.MinValue);
    }

    /// <summary>True while the kill switch is on: every new order is rejected.</summary>
    public bool KillSwitch { get; private set; }

    /// <summary>True once halted, until an operator clears it.</summary>
    public bool IsHalted => _halt.IsSet;

    /// <summary>Why risk halted, or <see cref="Reason.None"/>.</summary>
    public Reason HaltReason => _halt;

    /// <summary>Turns the kill switch on or off.</summary>
    public void SetKillSwitch(bool on) => KillSwitch = on;

    /// <summary>Halts (sticky). The first reason is kept.</summary>
    public void Halt(Reason reason)
    {
        if (!_halt.IsSet)
        {
            _halt = reason;
        }
    }

    /// <summary>Clears a halt: only an operator does this, after finding the cause.</summary>
    public void ClearHalt() => _halt = Reason.None;

    /// <summary>Cancels are always allowed, halted or not: they can only reduce risk.</summary>
    public static RiskDecision CheckCancel() => RiskDecision.Allow;

    /// <summary>Judges a new order (or a replace, given as the order it would become).</summary>
    public RiskDecision CheckOrder(in OrderRequest order)
    {
        // 1. Bad input: our own code produced a nonsense order; never guess, halt.
        if (!order.Symbol.IsSet)
        {
            return HaltWith(new Reason(ReasonCode.UnknownSymbol, order.Symbol, order.EventTimeNs, order.Symbol.Value, 0), RiskAction.Halt);
        }

        if (order.Quantity <= 0 || order.Side == Side.None)
        {
            return HaltWith(new Reason(ReasonCode.NonPositiveQuantity, order.Symbol, order.EventTimeNs, order.Quantity, 1), RiskAction.Halt);
        }

        if (!order.ReferencePrice.IsValid)
        {
            return HaltWith(new Reason(ReasonCode.NonPositivePrice, order.Symbol, order.EventTimeNs, order.ReferencePrice.Micros, 1), RiskAction.Halt);
        }

        // 2. Kill switch, 3. sticky halt.
        if (KillSwitch)
        {
            return Reject(ReasonCode.KillSwitch, order, 1, 0);
        }

        if (_halt.IsSet)
        {
            return Reject(ReasonCode.Halted, order, (long)_halt.Code, 0);
        }

        long signedQuantity = order.Side == Side.Buy ? order.Quantity : -order.Quantity;
        long positionAfter;
        try
        {
            positionAfter = checked(order.Position + signedQuantity);
        }
        catch (OverflowException)
        {
            return HaltWith(new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, order.EventTimeNs, order.Position, order.Quantity), RiskAction.Halt);
        }

        // 4. Pattern day trader: reducing a position opened today completes a day trade.
        bool reduces = Math.Abs(positionAfter) < Math.Abs(order.Position) || Math.Sign(positionAfter) != Math.Sign(order.Position);
        if (_limits.PatternDayTraderRule && order.OpenedToday && order.Position != 0 && reduces
            && order.Equity < _limits.PatternDayTraderEquity)
        {
            int dayTrades = DayTradesInWindow(order.TradingDay);
            if (dayTrades >= _limits.MaxDayTrades)
            {
                return Reject(ReasonCode.PatternDayTrader, order, dayTrades, _limits.MaxDayTrades);
            }
        }

        // 5-7. Account-level limits, which halt.
        RiskDecision accountDecision = CheckAccount(order.Equity, order.TradingDay, order.Symbol, order.EventTimeNs);
        if (!accountDecision.IsAllowed)
        {
            return accountDecision;
        }

        if (RejectStormActive(order.EventTimeNs, out long recentRejects))
        {
            return HaltWith(new Reason(ReasonCode.RejectStorm, order.Symbol, order.EventTimeNs, recentRejects, _limits.RejectStormCount), RiskAction.Halt);
        }

        // 8. Per-order and per-symbol limits, which reject.
        if (order.Quantity > _limits.MaxOrderQuantity)
        {
            return Reject(ReasonCode.MaxOrderQuantity, order, order.Quantity, _limits.MaxOrderQuantity);
        }

        if (!Notional.TryOf(order.ReferencePrice, order.Quantity, out Money notional))
        {
            return HaltWith(new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, order.EventTimeNs, order.ReferencePrice.Micros, order.Quantity), RiskAction.Halt);
        }

        if (notional > _limits.MaxOrderNotional)
        {
            return Reject(ReasonCode.MaxOrderNotional, order, notional.Micros, _limits.MaxOrderNotional.Micros);
        }

        bool increases = Math.Abs(positionAfter) > Math.Abs(order.Position);
        if (increases && Math.Abs(positionAfter) > _limits.MaxPositionShares)
        {
            return Reject(ReasonCode.MaxPosition, order, Math.Abs(positionAfter), _limits.MaxPositionShares);
        }

        if (increases)
        {
            // Exposure added by the order at its reference price: the growth of |position| times the price.
            long added = Math.Abs(positionAfter) - Math.Abs(order.Position);
            if (!Notional.TryOf(order.ReferencePrice, added, out Money addedExposure)
                || !Money.TryAdd(order.GrossExposure, addedExposure, out Money grossAfter))
            {
                return HaltWith(new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, order.EventTimeNs, order.GrossExposure.Micros, added), RiskAction.Halt);
            }

            if (grossAfter > _limits.MaxGrossExposure)
            {
                return Reject(ReasonCode.GrossExposure, order, grossAfter.Micros, _limits.MaxGrossExposure.Micros);
            }
        }

        return RiskDecision.Allow;
    }

    /// <summary>
    /// Follows the engine's equity (after every mark and fill): tracks the trading day's starting equity and the
    /// peak, and halts on the daily loss limit or flattens and halts on the drawdown limit.
    /// </summary>
    public RiskDecision OnEquity(long eventTimeNs, int tradingDay, Money equity)
    {
        if (_halt.IsSet)
        {
            return RiskDecision.Allow;
        }

        return CheckAccount(equity, tradingDay, SymbolId.None, eventTimeNs);
    }

    /// <summary>Counts a rejection (by the broker or the gateway); halts when they come as a storm.</summary>
    public RiskDecision RecordReject(long eventTimeNs)
    {
        if (_rejectTimes.Length == 0 || _limits.RejectStormCount > MaxTrackedRejects)
        {
            return RiskDecision.Allow;
        }

        _rejectTimes[_rejectCount % _rejectTimes.Length] = eventTimeNs;
        _rejectCount++;
        if (RejectStormActive(eventTimeNs, out long recent) && !_halt.IsSet)
        {
            return HaltWith(new Reason(ReasonCode.RejectStorm, SymbolId.None, eventTimeNs, recent, _limits.RejectStormCount), RiskAction.Halt);
        }

        return RiskDecision.Allow;
    }

    /// <summary>Counts a completed day trade on <paramref name="tradingDay"/> (for the PDT rule).</summary>
    public void RecordDayTrade(int tradingDay)
    {
        int slot = Slot(tradingDay);
        if (_dayTradeDays[slot] != tradingDay)
        {
            _dayTradeDays[slot] = tradingDay;
            _dayTradeCounts[slot] = 0;
        }

        _dayTradeCounts[slot]++;
    }

    /// <summary>Day trades in the window of business days ending with <paramref name="tradingDay"/>.</summary>
    public int DayTradesInWindow(int tradingDay)
    {
        int count = 0;
        for (int i = 0; i < _dayTradeDays.Length; i++)
        {
            int day = _dayTradeDays[i];
            if (day <= tradingDay && day > tradingDay - _limits.DayTradeWindowBusinessDays)
            {
                count += _dayTradeCounts[i];
            }
        }

        return count;
    }

    private RiskDecision CheckAccount(Money equity, int tradingDay, SymbolId symbol, long eventTimeNs)
    {
        if (!_hasEquity || tradingDay != _currentDay)
        {
            if (!_hasEquity || tradingDay > _currentDay)
            {
                _currentDay = tradingDay;
                _dayStartEquity = equity;
            }

            if (!_hasEquity)
            {
                _peakEquity = equity;
                _hasEquity = true;
            }
        }

        if (equity > _peakEquity)
        {
            _peakEquity = equity;
        }

        if (!Money.TrySubtract(_dayStartEquity, equity, out Money dayLoss) || !Money.TrySubtract(_peakEquity, equity, out Money drawdown))
        {
            return HaltWith(new Reason(ReasonCode.ArithmeticOverflow, symbol, eventTimeNs, equity.Micros, _peakEquity.Micros), RiskAction.Halt);
        }

        if (dayLoss >= _limits.DailyLossLimit)
        {
            return HaltWith(new Reason(ReasonCode.DailyLossLimit, symbol, eventTimeNs, dayLoss.Micros, _limits.DailyLossLimit.Micros), RiskAction.Halt);
        }

        // drawdown / peak >= bps / 10000, compared exactly in 128 bits; a peak at or below zero is all drawdown.
        if (drawdown.Micros > 0
            && (_peakEquity.Micros <= 0
                || (Int128)drawdown.Micros * 10_000 >= (Int128)_peakEquity.Micros * _limits.MaxDrawdownBasisPoints))
        {
            long drawdownBasisPoints = _peakEquity.Micros <= 0 ? 10_000 : (long)((Int128)drawdown.Micros * 10_000 / _peakEquity.Micros);
            return HaltWith(new Reason(ReasonCode.MaxDrawdown, symbol, eventTimeNs, drawdownBasisPoints, _limits.MaxDrawdownBasisPoints), RiskAction.FlattenAndHalt);
        }

        return RiskDecision.Allow;
    }

    private bool RejectStormActive(long eventTimeNs, out long recent)
    {
        recent = 0;
        if (_rejectTimes.Length == 0 || _limits.RejectStormCount > MaxTrackedRejects)
        {
            return false;
        }

        long kept = Math.Min(_rejectCount, _rejectTimes.Length);
        for (long i = 0; i < kept; i++)
        {
            long time = _rejectTimes[(_rejectCount - 1 - i) % _rejectTimes.Length];
            if (eventTimeNs - time < _limits.RejectStormWindowNs)
            {
                recent++;
            }
        }

        return recent >= _limits.RejectStormCount;
    }

    private RiskDecision HaltWith(Reason reason, RiskAction action)
    {
        Halt(reason);
        return new RiskDecision(action, reason);
    }

    private static RiskDecision Reject(ReasonCode code, in OrderRequest order, long observed, long limit) =>
        new(RiskAction.Reject, new Reason(code, order.Symbol, order.EventTimeNs, observed, limit));

    private int Slot(int tradingDay) => (int)((uint)tradingDay % (uint)_dayTradeDays.Length);
}
