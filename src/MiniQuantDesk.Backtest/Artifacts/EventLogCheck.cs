namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>The outcome of <see cref="EventLogVerifier.Verify(string)"/>.</summary>
/// <param name="Ok">True when every line is intact, in order, chained, and the log is sealed.</param>
/// <param name="FirstBadLine">The 1-based number of the first bad line; 0 when <paramref name="Ok"/>.</param>
/// <param name="Reason">What is wrong with that line, for a person; empty when <paramref name="Ok"/>.</param>
public sealed record EventLogCheck(bool Ok, int FirstBadLine, string Reason)
{
    /// <summary>An intact log.</summary>
    public static readonly EventLogCheck Intact = new(true, 0, string.Empty);

    /// <summary>A log that is bad at <paramref name="line"/>.</summary>
    public static EventLogCheck BadAt(int line, string reason) => new(false, line, reason);
}
