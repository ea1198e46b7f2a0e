using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>An operator command inside a ring slot: plain numbers, no strings.</summary>
public struct ControlCommand
{
    /// <summary>What to do.</summary>
    public ControlKind Kind;

    /// <summary>The symbol, for commands about a series.</summary>
    public SymbolId Symbol;

    /// <summary>The timeframe, for commands about a series.</summary>
    public Timeframe Timeframe;

    /// <summary>A number the command needs (for <see cref="ControlKind.ExpectSeries"/>, the time the series starts).</summary>
    public long Value;
}
