namespace MiniQuantDesk.Engine.Numerics;

/// <summary>A price per share in micros. A tradable price is positive; <see cref="IsValid"/> says so.</summary>
/// <param name="Micros">Millionths of a dollar per share.</param>
public readonly record struct Price(long Micros) : IComparable<Price>
{
    /// <summary>True for a positive price: zero or negative prices are refused at every boundary.</summary>
    public bool IsValid => Micros > 0;

    /// <summary>Parses decimal text exactly (see <see cref="DecimalText.TryParseMicros"/>).</summary>
    public static NumericError TryParse(ReadOnlySpan<char> text, out Price price, out bool rounded)
    {
        NumericError error = DecimalText.TryParseMicros(text, out long micros, out rounded);
        price = new Price(micros);
        return error;
    }

    /// <inheritdoc/>
    public int CompareTo(Price other) => Micros.CompareTo(other.Micros);

    /// <summary>Orders prices.</summary>
    public static bool operator <(Price left, Price right) => left.Micros < right.Micros;

    /// <summary>Orders prices.</summary>
    public static bool operator >(Price left, Price right) => left.Micros > right.Micros;

    /// <summary>Orders prices.</summary>
    public static bool operator <=(Price left, Price right) => left.Micros <= right.Micros;

    /// <summary>Orders prices.</summary>
    public static bool operator >=(Price left, Price right) => left.Micros >= right.Micros;

    /// <summary>The exact decimal text, e.g. <c>101.25</c>.</summary>
    public override string ToString() => DecimalText.FormatMicros(Micros);
}
