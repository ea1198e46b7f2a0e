namespace MiniQuantDesk.Engine.Numerics;

/// <summary>Prices and money are whole numbers of micros: millionths of a dollar, in a <see cref="long"/>.</summary>
public static class Micros
{
    /// <summary>Micros in one dollar.</summary>
    public const long PerUnit = 1_000_000;

    /// <summary>Decimal places a micro value carries.</summary>
    public const int Scale = 6;

    /// <summary>Converts whole dollars to micros, checked.</summary>
    /// <exception cref="OverflowException">The amount does not fit.</exception>
    public static long FromUnits(long units) => checked(units * PerUnit);
}
