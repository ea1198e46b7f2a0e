namespace MiniQuantDesk.Engine.Numerics;

/// <summary>An amount of money in micros, signed. Arithmetic is checked: it throws
/// <see cref="OverflowException"/> rather than wrap, and the <c>Try</c> forms report overflow without throwing.</summary>
/// <param name="Micros">Millionths of a dollar.</param>
public readonly record struct Money(long Micros) : IComparable<Money>
{
    /// <summary>No money.</summary>
    public static readonly Money Zero;

    /// <summary>Adds, checked.</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Micros + right.Micros));

    /// <summary>Subtracts, checked.</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Micros - right.Micros));

    /// <summary>Negates, checked.</summary>
    public static Money operator -(Money value) => new(checked(-value.Micros));

    /// <summary>Orders amounts.</summary>
    public static bool operator <(Money left, Money right) => left.Micros < right.Micros;

    /// <summary>Orders amounts.</summary>
    public static bool operator >(Money left, Money right) => left.Micros > right.Micros;

    /// <summary>Orders amounts.</summary>
    public static bool operator <=(Money left, Money right) => left.Micros <= right.Micros;

    /// <summary>Orders amounts.</summary>
    public static bool operator >=(Money left, Money right) => left.Micros >= right.Micros;

    /// <summary>Adds without throwing; false on overflow.</summary>
    public static bool TryAdd(Money left, Money right, out Money sum)
    {
        long result = unchecked(left.Micros + right.Micros);
        bool overflow = ((left.Micros ^ result) & (right.Micros ^ result)) < 0;
        sum = overflow ? Zero : new Money(result);
        return !overflow;
    }

    /// <summary>Subtracts without throwing; false on overflow.</summary>
    public static bool TrySubtract(Money left, Money right, out Money difference)
    {
        long result = unchecked(left.Micros - right.Micros);
        bool overflow = ((left.Micros ^ right.Micros) & (left.Micros ^ result)) < 0;
        difference = overflow ? Zero : new Money(result);
        return !overflow;
    }

    /// <summary>Adds, checked (named alternative to the operator).</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts, checked (named alternative to the operator).</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Negates, checked (named alternative to the operator).</summary>
    public static Money Negate(Money value) => -value;

    /// <inheritdoc/>
    public int CompareTo(Money other) => Micros.CompareTo(other.Micros);

    /// <summary>The exact decimal text, e.g. <c>-12.5</c>.</summary>
    public override string ToString() => DecimalText.FormatMicros(Micros);
}
