using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Numerics;

/// <summary>Decimal text converts to micros exactly, never through floating point, and back.</summary>
public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("101.25", 101_250_000)]
    [InlineData("0.000001", 1)]
    [InlineData("-12.5", -12_500_000)]
    [InlineData("+7", 7_000_000)]
    [InlineData(".5", 500_000)]
    [InlineData("  42.000000  ", 42_000_000)]
    [InlineData("9223372036854.775807", long.MaxValue)]
    [InlineData("-9223372036854.775808", long.MinValue)]
    public void Decimal_text_parses_to_the_exact_micros(string text, long expected)
    {
        NumericError error = DecimalText.TryParseMicros(text, out long micros, out bool rounded);

        Assert.Equal(NumericError.None, error);
        Assert.Equal(expected, micros);
        Assert.False(rounded);
    }

    [Theory]
    [InlineData("1.0000005", 1_000_001)]
    [InlineData("1.0000004999", 1_000_000)]
    [InlineData("-1.0000005", -1_000_001)]
    [InlineData("0.1234567", 123_457)]
    public void Digits_beyond_the_sixth_decimal_round_half_away_from_zero_and_are_reported(string text, long expected)
    {
        NumericError error = DecimalText.TryParseMicros(text, out long micros, out bool rounded);

        Assert.Equal(NumericError.None, error);
        Assert.Equal(expected, micros);
        Assert.True(rounded);
    }

    [Theory]
    [InlineData("", NumericError.Empty)]
    [InlineData("   ", NumericError.Empty)]
    [InlineData("NaN", NumericError.NotANumber)]
    [InlineData("-Infinity", NumericError.NotANumber)]
    [InlineData("1e5", NumericError.Malformed)]
    [InlineData("1.2.3", NumericError.Malformed)]
    [InlineData("12a", NumericError.Malformed)]
    [InlineData("-", NumericError.Malformed)]
    [InlineData(".", NumericError.Malformed)]
    [InlineData("1,000", NumericError.Malformed)]
    [InlineData("9223372036854.775808", NumericError.Overflow)]
    [InlineData("99999999999999999999999999", NumericError.Overflow)]
    public void Text_that_is_not_an_exact_decimal_is_refused_with_a_named_error(string text, NumericError expected)
    {
        NumericError error = DecimalText.TryParseMicros(text, out long micros, out _);

        Assert.Equal(expected, error);
        Assert.Equal(0, micros);
    }

    [Fact]
    public void Formatting_then_parsing_any_micros_gives_them_back()
    {
        Prop.ForAll<long>(micros =>
        {
            string text = DecimalText.FormatMicros(micros);
            NumericError error = DecimalText.TryParseMicros(text, out long parsed, out bool rounded);
            return error == NumericError.None && parsed == micros && !rounded;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parsing_then_formatting_canonical_decimal_text_gives_it_back()
    {
        Prop.ForAll<long, int>((units, fraction) =>
        {
            long whole = units % 1_000_000_000;
            int micros = Math.Abs(fraction % 1_000_000);
            string text = micros == 0
                ? whole.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : $"{whole}.{micros:D6}".TrimEnd('0');
            if (whole == 0 && units < 0 && micros != 0)
            {
                text = "-" + text;
            }

            DecimalText.TryParseMicros(text, out long parsed, out _);
            return DecimalText.FormatMicros(parsed) == text;
        }).QuickCheckThrowOnFailure();
    }
}
