using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Strategy;

/// <summary>
/// Runs an engine's one strategy: hands it complete bars of its configured timeframe with its own account, and
/// passes its targets on. In shadow mode it records the targets (with a shadow position that assumes each target
/// was reached, so the strategy's logic moves on as it would live) and passes nothing on, so nothing executes.
/// </summary>
public sealed class StrategyHost
{
    private readonly IStrategy _strategy;
    private readonly Timeframe _timeframe;
    private readonly ShadowRecord[] _shadowRecords;
    private readonly long[] _shadowPositions;
    private long _shadowCount;

    /// <summary>Creates the host for <paramref name="strategy"/> on bars of <paramref name="timeframe"/>.</summary>
    /// <param name="strategy">The engine's strategy (one per engine).</param>
    /// <param name="timeframe">The only timeframe the strategy sees; bars of any other are refused.</param>
    /// <param name="shadowMode">Record intents, never execute them.</param>
    /// <param name="symbolCapacity">The highest symbol id the shadow book holds.</param>
    /// <param name="shadowRecordCapacity">How many shadow records are kept (later ones are counted, not kept).</param>
    public StrategyHost(IStrategy strategy, Timeframe timeframe, bool shadowMode = false, int symbolCapacity = 1024, int shadowRecordCapacity = 65_536)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (!timeframe.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "A timeframe is daily or 1 to 390 minutes.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(shadowRecordCapacity);
        _strategy = strategy;
        _timeframe = timeframe;
        IsShadow = shadowMode;
        _shadowRecords = shadowMode ? new ShadowRecord[shadowRecordCapacity] : [];
        _shadowPositions = shadowMode ? new long[symbolCapacity + 1] : [];
    }

    /// <summary>The strategy's catalogue name.</summary>
    public string StrategyName => _strategy.Name;

    /// <summary>The timeframe the strategy sees.</summary>
    public Timeframe Timeframe => _timeframe;

    /// <summary>True in shadow mode.</summary>
    public bool IsShadow { get; }

    /// <summary>How many intents shadow mode recorded (including any beyond the kept capacity).</summary>
    public long ShadowCount => _shadowCount;

    /// <summary>The kept shadow records, oldest first.</summary>
    public ReadOnlySpan<ShadowRecord> ShadowRecords => _shadowRecords.AsSpan(0, (int)Math.Min(_shadowCount, _shadowRecords.Length));

    /// <summary>
    /// Hands a corporate action to the strategy (see <see cref="IStrategy.OnCorporateAction"/>); in shadow mode the
    /// host's own positions follow a split as the engine's do.
    /// </summary>
    public void OnCorporateAction(in CorporateActionEvent action)
    {
        if (IsShadow && action.Type == CorporateActionType.Split && (uint)action.Symbol.Value < (uint)_shadowPositions.Length
            && action.Ratio.TryScaleShares(_shadowPositions[action.Symbol.Value], out long scaled))
        {
            _shadowPositions[action.Symbol.Value] = scaled;
        }

        _strategy.OnCorporateAction(in action);
    }

    /// <summary>
    /// Hands a bar to the strategy. Returns <see cref="Reason.None"/> with the strategy's targets, or a reason
    /// with no targets: an incomplete bar, a bar of another timeframe, too many targets, or shadow mode.
    /// </summary>
    public Reason OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
    {
        OnBar(in bar, account, ref targets, out Reason reason);
        return reason;
    }

    /// <summary>
    /// <see cref="OnBar(in Bar, StrategyAccount, ref TargetPositions)"/>, writing the reason into
    /// <paramref name="reason"/> (a ring slot's field) rather than returning it: a reason returned through the call
    /// and copied into the slot is read back whole from stores the processor cannot forward.
    /// </summary>
    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets, out Reason reason)
    {
        targets.Clear();
        if (!bar.IsComplete || bar.Timeframe != _timeframe || IsShadow)
        {
            reason = OnBarOtherwise(in bar, account, ref targets);
            return;
        }

        _strategy.OnBar(in bar, account, ref targets);
        reason = default;
        if (targets.Overflowed)
        {
            reason = TooManyTargets(in bar, ref targets);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Reason TooManyTargets(in Bar bar, ref TargetPositions targets)
    {
        targets.Clear();
        return new Reason(ReasonCode.TooManyTargets, bar.Symbol, bar.EndNs, TargetPositions.Capacity + 1, TargetPositions.Capacity);
    }

    /// <summary>A bar the strategy may not see, or any bar in shadow mode (out of line: the usual bar is neither).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Reason OnBarOtherwise(in Bar bar, StrategyAccount account, ref TargetPositions targets)
    {
        if (!bar.IsComplete)
        {
            return new Reason(ReasonCode.IncompleteBar, bar.Symbol, bar.EndNs, bar.StartNs, bar.EndNs);
        }

        if (bar.Timeframe != _timeframe)
        {
            return new Reason(ReasonCode.UnexpectedTimeframe, bar.Symbol, bar.EndNs, bar.Timeframe.Minutes, _timeframe.Minutes);
        }

        if ((uint)bar.Symbol.Value >= (uint)_shadowPositions.Length)
        {
            return new Reason(ReasonCode.CapacityExceeded, bar.Symbol, bar.EndNs, bar.Symbol.Value, _shadowPositions.Length - 1);
        }

        account = account with { Position = _shadowPositions[bar.Symbol.Value] };
        _strategy.OnBar(in bar, account, ref targets);
        if (targets.Overflowed)
        {
            return TooManyTargets(in bar, ref targets);
        }

        for (int i = 0; i < targets.Count; i++)
        {
            TargetPosition target = targets[i];
            if ((uint)target.Symbol.Value >= (uint)_shadowPositions.Length)
            {
                targets.Clear();
                return new Reason(ReasonCode.CapacityExceeded, target.Symbol, bar.EndNs, target.Symbol.Value, _shadowPositions.Length - 1);
            }

            if (_shadowCount < _shadowRecords.Length)
            {
                _shadowRecords[_shadowCount] = new ShadowRecord(bar.EndNs, target.Symbol, _shadowPositions[target.Symbol.Value], target.Shares);
            }

            _shadowCount++;
            _shadowPositions[target.Symbol.Value] = target.Shares;
        }

        int recorded = targets.Count;
        targets.Clear();
        return recorded == 0 ? Reason.None : new Reason(ReasonCode.ShadowMode, bar.Symbol, bar.EndNs, recorded, 0);
    }
}
