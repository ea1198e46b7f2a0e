using System.Globalization;
using System.Text;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>Field formatting shared by the CSV artifacts: invariant numbers, exact money, RFC 4180 quoting.</summary>
internal static class CsvText
{
    /// <summary>Appends a text field, quoted (with quotes doubled) when it holds a comma, quote or line break.</summary>
    public static void AppendField(StringBuilder line, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>A whole number in invariant text.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public static string SideText(Side side) => side switch
    {
        Side.Buy => "buy",
        Side.Sell => "sell",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "An artifact row needs a buy or sell side."),
    };
}
