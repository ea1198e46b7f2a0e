namespace MiniQuantDesk.Engine;

/// <summary>
/// A decision's reason: its stable code and the evidence behind it, as numbers, so that deciding allocates
/// nothing. <see cref="Describe"/> turns it into the sentence a person reads, off the hot path.
/// </summary>
/// <param name="Code">What was decided and why.</param>
/// <param name="Symbol">The symbol concerned, or <see cref="Market.SymbolId.None"/>.</param>
/// <param name="EventTimeNs">The event time the decision was taken at (UTC nanoseconds).</param>
/// <param name="Observed">The observed value (a price in micros, a count, a quantity), where there is one.</param>
/// <param name="Limit">The limit or expected value it was compared with, where there is one.</param>
public readonly record struct Reason(ReasonCode Code, Market.SymbolId Symbol, long EventTimeNs, long Observed, long Limit)
{
    /// <summary>No reason.</summary>
    public static readonly Reason None;

    /// <summary>True when there is a reason (the code is not <see cref="ReasonCode.None"/>).</summary>
    public bool IsSet => Code != ReasonCode.None;

    /// <summary>A stable, readable line: <c>GAP_DETECTED: symbol 1 at 2024-03-05T15:41:00Z, observed 3, limit 0</c>.</summary>
    public string Describe() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{ScreamingCase(Code)}: symbol {Symbol.Value} at {Time.EventTime.Format(EventTimeNs)}, observed {Observed}, limit {Limit}");

    /// <summary><c>GapDetected</c> → <c>GAP_DETECTED</c>.</summary>
    public static string ScreamingCase(ReasonCode code)
    {
        string name = code.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }
}
