namespace MiniQuantDesk.Engine.Numerics;

/// <summary>
/// Numbers crossing into the engine from the outside world, where a feed or an API may hand over a binary
/// floating-point value: converted to micros or refused with a named reason, never rounded away silently.
/// </summary>
public static class EdgeNumbers
{
    /// <summary>
    /// Converts a binary floating-point price or amount to micros: NaN and infinities are
    /// <see cref="NumericError.NotANumber"/>, values beyond ±9.2e12 are <see cref="NumericError.Overflow"/>; others
    /// are rounded half away from zero to the micro, through <see cref="decimal"/> (exact for every double that
    /// fits).
    /// </summary>
    public static NumericError TryMicrosFromDouble(double value, out long micros)
    {
        micros = 0;
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return NumericError.NotANumber;
        }

        if (Math.Abs(value) >= long.MaxValue / (double)Micros.PerUnit)
        {
            return NumericError.Overflow;
        }

        micros = (long)Math.Round((decimal)value * Micros.PerUnit, MidpointRounding.AwayFromZero);
        return NumericError.None;
    }

    /// <summary>The halt reason code a numeric error at the edge becomes.</summary>
    public static ReasonCode ReasonFor(NumericError error) => error switch
    {
        NumericError.None => ReasonCode.None,
        NumericError.NotANumber => ReasonCode.NotANumber,
        NumericError.Overflow => ReasonCode.ArithmeticOverflow,
        _ => ReasonCode.MalformedEvent,
    };
}
