using System.Globalization;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// Reads a corporate actions file, <c>date,symbol,kind,ratio_or_amount</c>: <c>2019-06-03,SAMPLE,split,2</c>,
/// <c>2014-06-09,AAPL,split,7:1</c>, <c>2021-11-17,MSFT,dividend,0.62</c>. A split's ratio is new shares per old share,
/// as a decimal (<c>1.5</c>) or <c>N:M</c> (<c>3:2</c>); a dividend is cash per share. Any bad line stops the read
/// with its file, line and reason: a silently dropped split would make every later price wrong.
/// </summary>
public static class CorporateActionsReader
{
    /// <summary>The only header accepted.</summary>
    public const string Header = "date,symbol,kind,ratio_or_amount";

    private const int FieldCount = 4;

    /// <summary>Reads the file; the actions come back ordered by date, then symbol, then line.</summary>
    /// <exception cref="DataFileException">The header is wrong, or a line is bad (its number and the reason are in
    /// the message).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CorporateAction> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = File.ReadAllText(path);
        var lines = new TextLines(text);
        if (!lines.TryNext(out ReadOnlySpan<char> header))
        {
            throw new DataFileException(path, 0, $"the file is empty; expected the header '{Header}'");
        }

        if (!header.SequenceEqual(Header))
        {
            throw new DataFileException(path, 1, $"the header is '{header}'; expected exactly '{Header}'");
        }

        var actions = new List<(CorporateAction Action, int Line)>();
        while (lines.TryNext(out ReadOnlySpan<char> line))
        {
            int lineNumber = lines.LineNumber;
            string? reason = TryParse(line, out CorporateAction? action);
            if (reason is null && action is not null)
            {
                (CorporateAction _, int earlier) = actions.Find(a => a.Action.Date == action.Date && a.Action.Symbol == action.Symbol && a.Action.Kind == action.Kind);
                reason = earlier > 0 ? string.Create(CultureInfo.InvariantCulture, $"duplicate: line {earlier} has the same date, symbol and kind") : null;
            }

            if (reason is not null || action is null)
            {
                throw new DataFileException(path, lineNumber, reason ?? "bad line");
            }

            actions.Add((action, lineNumber));
        }

        return [.. actions
            .OrderBy(a => a.Action.Date)
            .ThenBy(a => a.Action.Symbol, StringComparer.Ordinal)
            .ThenBy(a => a.Line)
            .Select(a => a.Action)];
    }

    private static string? TryParse(ReadOnlySpan<char> line, out CorporateAction? action)
    {
        action = null;
        Span<Range> fields = stackalloc Range[FieldCount + 1];
        int count = line.Split(fields, ',');
        if (count != FieldCount)
        {
            return line.IsWhiteSpace()
                ? "empty line"
                : string.Create(CultureInfo.InvariantCulture, $"expected {FieldCount} fields ({Header}), found {line.Count(',') + 1}");
        }

        ReadOnlySpan<char> dateText = line[fields[0]].Trim();
        if (!IsoTimestamp.TryParseDate(dateText, out DateOnly date))
        {
            return $"date '{dateText}' is not a date yyyy-MM-dd";
        }

        ReadOnlySpan<char> symbol = line[fields[1]].Trim();
        if (!TickerSymbol.IsValid(symbol))
        {
            return $"symbol '{symbol}' is not upper-case letters, digits, '.' or '-'";
        }

        ReadOnlySpan<char> kind = line[fields[2]].Trim();
        ReadOnlySpan<char> value = line[fields[3]].Trim();
        if (kind is "split")
        {
            string? reason = ParseRatio(value, out long numerator, out long denominator);
            action = reason is null ? new CorporateAction(date, symbol.ToString(), CorporateActionKind.Split, numerator, denominator, 0) : null;
            return reason;
        }

        if (kind is "dividend")
        {
            NumericError error = DecimalText.TryParseMicros(value, out long amount, out bool rounded);
            if (error != NumericError.None)
            {
                return $"dividend '{value}' is not a number";
            }

            if (amount <= 0)
            {
                return $"dividend {value} is not positive";
            }

            if (rounded)
            {
                return $"dividend {value} has more than 6 decimals";
            }

            action = new CorporateAction(date, symbol.ToString(), CorporateActionKind.Dividend, 1, 1, amount);
            return null;
        }

        return $"kind '{kind}' is neither 'split' nor 'dividend'";
    }

    /// <summary>A split ratio as a fraction in lowest terms: <c>2</c> is 2/1, <c>1.5</c> is 3/2, <c>3:2</c> is 3/2.</summary>
    private static string? ParseRatio(ReadOnlySpan<char> text, out long numerator, out long denominator)
    {
        numerator = denominator = 0;
        int colon = text.IndexOf(':');
        if (colon >= 0)
        {
            if (!long.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out numerator)
                || !long.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out denominator))
            {
                return $"split ratio '{text}' is not N:M with whole numbers N and M (new shares : old shares)";
            }
        }
        else
        {
            NumericError error = DecimalText.TryParseMicros(text, out numerator, out bool rounded);
            if (error != NumericError.None)
            {
                return $"split ratio '{text}' is neither a number nor N:M";
            }

            if (rounded)
            {
                return $"split ratio {text} has more than 6 decimals; write it as N:M";
            }

            denominator = Micros.PerUnit;
        }

        if (numerator <= 0 || denominator <= 0)
        {
            return $"split ratio {text} is not positive";
        }

        long divisor = GreatestCommonDivisor(numerator, denominator);
        numerator /= divisor;
        denominator /= divisor;
        return numerator == denominator ? $"split ratio {text} is 1: it changes nothing" : null;
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
