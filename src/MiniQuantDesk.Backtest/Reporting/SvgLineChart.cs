using System.Globalization;
using System.Text;

namespace MiniQuantDesk.Backtest.Reporting;

/// <summary>
/// A line chart as inline SVG: one polyline of (time, value) points scaled into a fixed box, with the lowest and
/// highest values labelled. No script, no external resource, no web font: the report opens anywhere, offline.
/// Coordinates are written with two decimals in the invariant culture, so the same series gives the same bytes.
/// </summary>
internal static class SvgLineChart
{
    private const double Width = 960;
    private const double Height = 240;
    private const double Margin = 8;

    /// <summary>The largest number of points drawn.</summary>
    public const int MaxPoints = 2000;

    /// <summary>Appends an <c>&lt;svg&gt;</c> element for the series; <paramref name="label"/> formats axis labels.</summary>
    public static void Append(StringBuilder html, string title, IReadOnlyList<long> times, IReadOnlyList<double> values, string stroke, Func<double, string> label)
    {
        html.Append("<figure><figcaption>").Append(HtmlText.Encode(title)).Append("</figcaption>\n");
        html.Append("<svg role=\"img\" viewBox=\"0 0 ")
            .Append(Number(Width)).Append(' ').Append(Number(Height))
            .Append("\" width=\"100%\" preserveAspectRatio=\"none\" aria-label=\"").Append(HtmlText.Encode(title)).Append("\">\n");
        html.Append("<rect x=\"0\" y=\"0\" width=\"").Append(Number(Width)).Append("\" height=\"").Append(Number(Height))
            .Append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n");
        if (values.Count == 0)
        {
            html.Append("<text x=\"12\" y=\"24\">no data</text>\n</svg></figure>\n");
            return;
        }

        List<int> indices = ChartDownsampler.Indices(values, MaxPoints);
        long firstTime = times[0];
        long lastTime = times[^1];
        double low = double.MaxValue;
        double high = double.MinValue;
        foreach (double value in values)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        double timeSpan = Math.Max(1, lastTime - firstTime);
        double valueSpan = high > low ? high - low : 1;
        html.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.2\" points=\"");
        for (int n = 0; n < indices.Count; n++)
        {
            int i = indices[n];
            double x = Margin + ((times[i] - firstTime) / timeSpan * (Width - (2 * Margin)));
            double y = Margin + ((high - values[i]) / valueSpan * (Height - (2 * Margin)));
            if (n > 0)
            {
                html.Append(' ');
            }

            html.Append(Number(x)).Append(',').Append(Number(y));
        }

        html.Append("\"/>\n");
        html.Append("<text x=\"12\" y=\"20\" font-size=\"12\">").Append(HtmlText.Encode(label(high))).Append("</text>\n");
        html.Append("<text x=\"12\" y=\"").Append(Number(Height - 10)).Append("\" font-size=\"12\">")
            .Append(HtmlText.Encode(label(low))).Append("</text>\n");
        html.Append("</svg></figure>\n");
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
