using System.Runtime.CompilerServices;
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
    private Reason _accountReason;

    // The snapshot last built, for the trading day it was built for (see WriteSnapshot).
    private RiskSnapshot _snapshot;
    private int _snapshotDay;
    private bool _snapshotValid;
    private int _currentDay = int.MinValue;
    private Money _dayStartEquity;
    private Money _peakEquity;
    private bool _hasEquity;

    // The equity and day of the last account check, when it allowed. Only the account check changes the day, the day's
    // starting equity and the peak, and it leaves them as they are when asked again about the same equity on the same
    // day (the peak is already at least that equity), so the same question again has the same answer: Allow. Most
    // bars of a flat or unchanged position ask exactly that.
    private Money _allowedEquity;
    private int _allowedDay;
    private bool _allowedValid;

    // DayTradesInWindow of the last trading day asked about, until a day trade is recorded: every event's snapshot
    // asks, and the day changes once a day.
    private int _windowCountDay = int.MinValue;
    private int _windowCount;
    private bool _windowCountValid;

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
    public void SetKillSwitch(bool on)
    {
        KillSwitch = on;
        _snapshotValid = false;
    }

    /// <summary>Halts (sticky). The first reason is kept.</summary>
    public void Halt(Reason reason)
    {
        if (!_halt.IsSet)
        {
            _halt = reason;
            _snapshotValid = false;
        }
    }

    /// <summary>Clears a halt: only an operator does this, after finding the cause.</summary>
    public void ClearHalt()
    {
        _halt = Reason.None;
        _snapshotValid = false;
    }

    /// <summary>The equity baselines and the kill switch as they stand (see <see cref="RiskCheckpoint"/>).</summary>
    public RiskCheckpoint Checkpoint => new(_hasEquity, _currentDay, _dayStartEquity, _peakEquity, KillSwitch);

    /// <summary>
    /// Puts back the baselines and the kill switch a journal kept (at start, before any live event), so the daily loss
    /// and the drawdown are judged from where the earlier run left them. The next account check on the same trading
    /// day keeps the day's starting equity; on a later day it starts a new one, as live.
    /// </summary>
    public void Restore(in RiskCheckpoint checkpoint)
    {
        KillSwitch = checkpoint.KillSwitch;
        _snapshotValid = false;
        _hasEquity = checkpoint.HasEquity;
        _currentDay = checkpoint.HasEquity ? checkpoint.TradingDay : int.MinValue;
        _dayStartEquity = checkpoint.DayStartEquity;
        _peakEquity = checkpoint.PeakEquity;
        _allowedValid = false;
    }

    /// <summary>Counts a rejection an earlier run received, at its own time, for the reject-storm window; it never
    /// halts (the earlier run judged it; a storm still in the window halts the next order, as live).</summary>
    public void RestoreReject(long eventTimeNs)
    {
        if (_rejectTimes.Length == 0 || _limits.RejectStormCount > MaxTrackedRejects)
        {
            return;
        }

        _rejectTimes[_rejectCount % _rejectTimes.Length] = eventTimeNs;
        _rejectCount++;
        _snapshotValid = false;
    }

    /// <summary>Cancels are always allowed, halted or not: they can only reduce risk.</summary>
    public static RiskDecision CheckCancel() => RiskDecision.Allow;

    /// <summary>Judges a new order (or a replace, given as the order it would become), in the order: the
    /// checks of <see cref="RiskRules.CheckBeforeAccount"/>, the account limits at the order's equity, then
    /// <see cref="RiskRules.CheckAfterAccount"/>. A halting decision halts this engine (sticky).</summary>
    public RiskDecision CheckOrder(in OrderRequest order)
    {
        RiskDecision before = RiskRules.CheckBeforeAccount(_limits, Snapshot(order.EventTimeNs, order.TradingDay), in order);
        if (!before.IsAllowed)
        {
            return Concluded(before);
        }

        // 5-6. Account-level limits, which halt.
        RiskDecision accountDecision = CheckAccount(order.Equity, order.TradingDay, order.Symbol, order.EventTimeNs);
        if (!accountDecision.IsAllowed)
        {
            return accountDecision;
        }

        return Concluded(RiskRules.CheckAfterAccount(_limits, Snapshot(order.EventTimeNs, order.TradingDay), in order));
    }

    /// <summary>The account-level state at <paramref name="eventTimeNs"/> on <paramref name="tradingDay"/>, for the
    /// per-order checks of <see cref="RiskRules"/>.</summary>
    public RiskSnapshot Snapshot(long eventTimeNs, int tradingDay)
    {
        bool storm = RejectStormActive(eventTimeNs, out long recent);
        return new RiskSnapshot(KillSwitch, _halt, DayTradesInWindow(tradingDay), recent, storm);
    }

    /// <summary>
    /// <see cref="Snapshot"/> written into <paramref name="destination"/> (a ring slot's field) on every event. Until
    /// something it is made of changes (the kill switch, the halt, a day trade, a rejection, the trading day) it is
    /// the same, so a copy is kept and written out: building it anew on every event, field by field, and copying it
    /// into the slot whole stalls the processor, which cannot forward such a read from the pending writes. Once a
    /// rejection is on record the reject-storm count depends on the event's time, and it is built for every event.
    /// </summary>
    public void WriteSnapshot(long eventTimeNs, int tradingDay, ref RiskSnapshot destination)
    {
        if (!_snapshotValid || tradingDay != _snapshotDay || _rejectCount != 0)
        {
            _snapshot = Snapshot(eventTimeNs, tradingDay);
            _snapshotDay = tradingDay;
            _snapshotValid = true;
        }

        destination = _snapshot;
    }

    /// <summary>
    /// Follows the engine's equity (after every mark and fill): tracks the trading day's starting equity and the
    /// peak, and halts on the daily loss limit or flattens and halts on the drawdown limit.
    /// </summary>
    public RiskDecision OnEquity(long eventTimeNs, int tradingDay, Money equity)
    {
        return AccountDecision(JudgeEquity(eventTimeNs, tradingDay, equity));
    }

    /// <summary>
    /// <see cref="OnEquity"/> for the pipeline's every bar: the action alone, with the reason of a halt in
    /// <see cref="AccountReason"/>. A decision struct returned through a call on every bar costs more than the check
    /// itself (it is written field by field and read back whole, which the processor cannot forward from its stores).
    /// </summary>
    public RiskAction JudgeEquity(long eventTimeNs, int tradingDay, Money equity) =>
        _halt.IsSet ? RiskAction.Allow : CheckAccountAction(equity, tradingDay, SymbolId.None, eventTimeNs);

    /// <summary>Why the last account check that did not allow halted (or flattened and halted).</summary>
    public Reason AccountReason => _accountReason;

    /// <summary>Counts a rejection (by the broker or the gateway); halts when they come as a storm.</summary>
    public RiskDecision RecordReject(long eventTimeNs)
    {
        if (_rejectTimes.Length == 0 || _limits.RejectStormCount > MaxTrackedRejects)
        {
            return RiskDecision.Allow;
        }

        _rejectTimes[_rejectCount % _rejectTimes.Length] = eventTimeNs;
        _rejectCount++;
        _snapshotValid = false;
        if (RejectStormActive(eventTimeNs, out long recent) && !_halt.IsSet)
        {
            return HaltWith(new Reason(ReasonCode.RejectStorm, SymbolId.None, eventTimeNs, recent, _limits.RejectStormCount), RiskAction.Halt);
        }

        return RiskDecision.Allow;
    }

    /// <summary>Counts a completed day trade on <paramref name="tradingDay"/> (for the PDT rule).</summary>
    public void RecordDayTrade(int tradingDay)
    {
        _windowCountValid = false;
        _snapshotValid = false;
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
        if (_windowCountValid && tradingDay == _windowCountDay)
        {
            return _windowCount;
        }

        int count = CountDayTradesInWindow(tradingDay);
        _windowCountDay = tradingDay;
        _windowCount = count;
        _windowCountValid = true;
        return count;
    }

    private int CountDayTradesInWindow(int tradingDay)
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
        return AccountDecision(CheckAccountAction(equity, tradingDay, symbol, eventTimeNs));
    }

    /// <summary>The decision of an account check that came to <paramref name="action"/>.</summary>
    private RiskDecision AccountDecision(RiskAction action) =>
        action == RiskAction.Allow ? RiskDecision.Allow : new RiskDecision(action, _accountReason);

    private RiskAction CheckAccountAction(Money equity, int tradingDay, SymbolId symbol, long eventTimeNs)
    {
        if (_allowedValid && equity == _allowedEquity && tradingDay == _allowedDay)
        {
            return RiskAction.Allow;
        }

        RiskAction action = CheckAccountFully(equity, tradingDay, symbol, eventTimeNs);
        _allowedValid = action == RiskAction.Allow;
        _allowedEquity = equity;
        _allowedDay = tradingDay;
        return action;
    }

    private RiskAction CheckAccountFully(Money equity, int tradingDay, SymbolId symbol, long eventTimeNs)
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

        // Day loss and drawdown, with the overflow checks of Money.TrySubtract written out: this runs on every bar.
        long equityMicros = equity.Micros;
        long dayStart = _dayStartEquity.Micros;
        long peak = _peakEquity.Micros;
        long dayLoss = unchecked(dayStart - equityMicros);
        long drawdown = unchecked(peak - equityMicros);
        if (((dayStart ^ equityMicros) & (dayStart ^ dayLoss)) < 0 || ((peak ^ equityMicros) & (peak ^ drawdown)) < 0)
        {
            return HaltOn(ReasonCode.ArithmeticOverflow, symbol, eventTimeNs, equityMicros, peak);
        }

        if (dayLoss >= _limits.DailyLossLimit.Micros)
        {
            return HaltOn(ReasonCode.DailyLossLimit, symbol, eventTimeNs, dayLoss, _limits.DailyLossLimit.Micros);
        }

        // drawdown / peak >= bps / 10000, compared exactly in 128 bits; a peak at or below zero is all drawdown.
        if (drawdown > 0
            && (peak <= 0 || WideProduct.Compare(drawdown, 10_000, peak, _limits.MaxDrawdownBasisPoints) >= 0))
        {
            return HaltOnDrawdown(symbol, eventTimeNs, drawdown);
        }

        return RiskAction.Allow;
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

    private RiskDecision Concluded(RiskDecision decision)
    {
        if (decision.Action == RiskAction.Halt)
        {
            Halt(decision.Reason);
        }

        return decision;
    }

    /// <summary>Halts on an account limit (out of line: the halt is rare, its reason's temporaries are not).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private RiskAction HaltOn(ReasonCode code, SymbolId symbol, long eventTimeNs, long observed, long limit)
    {
        _accountReason = new Reason(code, symbol, eventTimeNs, observed, limit);
        Halt(_accountReason);
        return RiskAction.Halt;
    }

    /// <summary>Flattens and halts on the drawdown limit, with the drawdown in basis points of the peak as evidence.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private RiskAction HaltOnDrawdown(SymbolId symbol, long eventTimeNs, long drawdown)
    {
        long drawdownBasisPoints = _peakEquity.Micros <= 0 ? 10_000 : (long)((Int128)drawdown * 10_000 / _peakEquity.Micros);
        _accountReason = new Reason(ReasonCode.MaxDrawdown, symbol, eventTimeNs, drawdownBasisPoints, _limits.MaxDrawdownBasisPoints);
        Halt(_accountReason);
        return RiskAction.FlattenAndHalt;
    }

    private RiskDecision HaltWith(Reason reason, RiskAction action)
    {
        Halt(reason);
        return new RiskDecision(action, reason);
    }

    private int Slot(int tradingDay) => (int)((uint)tradingDay % (uint)_dayTradeDays.Length);
}
