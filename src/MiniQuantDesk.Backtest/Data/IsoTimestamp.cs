using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// Parses the two timestamp forms of a bar file by hand, for speed and strictness: a date <c>yyyy-MM-dd</c>, or an
/// ISO-8601 time with a UTC offset, <c>yyyy-MM-ddTHH:mm[:ss[.fffffffff]](Z|±HH:mm|±HHmm)</c>. A time without an offset
/// is refused: which zone was meant cannot be guessed.
/// </summary>
internal static class IsoTimestamp
{
    /// <summary>The first and last years parsed; outside them the calendar has no sessions anyway, and the bound
    /// keeps the nanosecond arithmetic far from overflow.</summary>
    private const int MinYear = 1900;
    private const int MaxYear = 2250;

    private static readonly int s_unixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>True when the text has the shape of a date only (and so the file holds daily bars).</summary>
    public static bool LooksLikeDate(ReadOnlySpan<char> text) => text.Length == 10;

    /// <summary>Parses <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out int year) || !TryDigits(text.Slice(5, 2), out int month) || !TryDigits(text.Slice(8, 2), out int day))
        {
            return false;
        }

        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses an ISO-8601 time with offset into event time (UTC nanoseconds).</summary>
    public static bool TryParseInstant(ReadOnlySpan<char> text, out long eventTimeNs)
    {
        eventTimeNs = 0;
        if (text.Length < 17 || text[10] != 'T' || !TryParseDate(text[..10], out DateOnly date))
        {
            return false;
        }

        if (text[13] != ':' || !TryDigits(text.Slice(11, 2), out int hour) || !TryDigits(text.Slice(14, 2), out int minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        int index = 16;
        int second = 0;
        long fractionNs = 0;
        if (index < text.Length && text[index] == ':')
        {
            if (index + 3 > text.Length || !TryDigits(text.Slice(index + 1, 2), out second) || second > 59)
            {
                return false;
            }

            index += 3;
            if (index < text.Length && text[index] == '.')
            {
                index++;
                int digits = 0;
                while (index < text.Length && char.IsAsciiDigit(text[index]))
                {
                    if (digits == 9)
                    {
                        return false;
                    }

                    fractionNs = (fractionNs * 10) + (text[index] - '0');
                    digits++;
                    index++;
                }

                if (digits == 0)
                {
                    return false;
                }

                for (int i = digits; i < 9; i++)
                {
                    fractionNs *= 10;
                }
            }
        }

        if (!TryParseOffset(text[index..], out int offsetMinutes))
        {
            return false;
        }

        long days = date.DayNumber - s_unixEpochDayNumber;
        eventTimeNs = (days * EventTime.NanosPerDay) + (hour * EventTime.NanosPerHour) + (minute * EventTime.NanosPerMinute)
            + (second * EventTime.NanosPerSecond) + fractionNs - (offsetMinutes * EventTime.NanosPerMinute);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        if (text is "Z")
        {
            return true;
        }

        if (text.Length is not (5 or 6) || text[0] is not ('+' or '-'))
        {
            return false;
        }

        ReadOnlySpan<char> minuteText = text.Length == 6 ? text[4..] : text[3..];
        if ((text.Length == 6 && text[3] != ':') || !TryDigits(text.Slice(1, 2), out int hours) || !TryDigits(minuteText, out int offsetMinutes)
            || hours > 18 || offsetMinutes > 59)
        {
            return false;
        }

        minutes = ((hours * 60) + offsetMinutes) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !text.IsEmpty;
    }
}
