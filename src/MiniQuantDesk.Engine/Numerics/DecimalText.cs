using System.Globalization;

namespace MiniQuantDesk.Engine.Numerics;

/// <summary>
/// Exact conversion between decimal text and micros, never through <see cref="double"/>: "101.25" is
/// 101_250_000 micros, always. Digits beyond the sixth decimal are rounded half away from zero, and the caller
/// is told so it can count rounded values.
/// </summary>
public static class DecimalText
{
    /// <summary>Parses decimal text such as <c>-12.5</c>, <c>+0.000001</c>, <c>101</c> or <c>.5</c> into micros.</summary>
    /// <param name="text">The text; surrounding spaces are ignored. No exponent, no thousands separators.</param>
    /// <param name="micros">The value in micros, 0 unless the result is <see cref="NumericError.None"/>.</param>
    /// <param name="rounded">True when digits beyond the sixth decimal were rounded away.</param>
    public static NumericError TryParseMicros(ReadOnlySpan<char> text, out long micros, out bool rounded)
    {
        micros = 0;
        rounded = false;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return NumericError.Empty;
        }

        if (IsNotANumber(text))
        {
            return NumericError.NotANumber;
        }

        bool negative = false;
        int index = 0;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            index = 1;
        }

        // Accumulate the magnitude as an unsigned 128-bit count of micros, so that overflow is checked once.
        UInt128 magnitude = 0;
        int decimals = -1;
        int digits = 0;
        bool roundUp = false;
        for (; index < text.Length; index++)
        {
            char c = text[index];
            if (c == '.')
            {
                if (decimals >= 0)
                {
                    return NumericError.Malformed;
                }

                decimals = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return NumericError.Malformed;
            }

            digits++;
            int digit = c - '0';
            if (decimals >= Micros.Scale)
            {
                // The first dropped digit decides the rounding (half away from zero); later ones only mark it.
                if (decimals == Micros.Scale)
                {
                    roundUp = digit >= 5;
                }

                rounded |= digit != 0;
                decimals++;
                continue;
            }

            magnitude = (magnitude * 10) + (uint)digit;
            if (magnitude > (UInt128)long.MaxValue * 10)
            {
                return NumericError.Overflow;
            }

            if (decimals >= 0)
            {
                decimals++;
            }
        }

        if (digits == 0)
        {
            return NumericError.Malformed;
        }

        int scaleUp = Micros.Scale - Math.Min(Math.Max(decimals, 0), Micros.Scale);
        for (int i = 0; i < scaleUp; i++)
        {
            magnitude *= 10;
        }

        if (roundUp)
        {
            magnitude++;
        }

        UInt128 limit = negative ? (UInt128)long.MaxValue + 1 : long.MaxValue;
        if (magnitude > limit)
        {
            rounded = false;
            return NumericError.Overflow;
        }

        micros = negative ? (long)(0 - (Int128)magnitude) : (long)magnitude;
        return NumericError.None;
    }

    /// <summary>Formats micros as the shortest exact decimal text: <c>101.25</c>, <c>-0.000001</c>, <c>7</c>.
    /// Parsing the result gives back the same micros.</summary>
    public static string FormatMicros(long micros)
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        int written = FormatMicros(micros, buffer);
        return new string(buffer[..written]);
    }

    /// <summary>The longest text <see cref="FormatMicros(long, Span{char})"/> writes.</summary>
    public const int MaxFormattedLength = 21;

    /// <summary>Formats micros into <paramref name="destination"/> without allocating; returns the length.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="MaxFormattedLength"/>.</exception>
    public static int FormatMicros(long micros, Span<char> destination)
    {
        if (destination.Length < MaxFormattedLength)
        {
            throw new ArgumentException($"The destination needs {MaxFormattedLength} characters.", nameof(destination));
        }

        bool negative = micros < 0;
        ulong magnitude = negative ? (ulong)(-(micros + 1)) + 1 : (ulong)micros;
        ulong units = magnitude / (ulong)Micros.PerUnit;
        ulong fraction = magnitude % (ulong)Micros.PerUnit;
        int length = 0;
        if (negative)
        {
            destination[length++] = '-';
        }

        units.TryFormat(destination[length..], out int unitDigits, default, CultureInfo.InvariantCulture);
        length += unitDigits;
        if (fraction != 0)
        {
            destination[length++] = '.';
            int decimals = Micros.Scale;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                decimals--;
            }

            for (int position = decimals - 1; position >= 0; position--)
            {
                destination[length + position] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }

            length += decimals;
        }

        return length;
    }

    private static bool IsNotANumber(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> unsigned = text[0] is '+' or '-' ? text[1..] : text;
        return unsigned.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || unsigned.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || unsigned.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || unsigned.Equals("∞", StringComparison.Ordinal);
    }
}
