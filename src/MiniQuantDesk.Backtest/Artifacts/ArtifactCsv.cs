using System.Text;
using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>
/// The CSV artifacts: <c>orders.csv</c>, <c>fills.csv</c>, <c>trades.csv</c> and <c>equity.csv</c>. Rows keep the
/// order they are given in (the runner's event order); times are ISO-8601 New York (<see cref="ArtifactTime"/>),
/// money and prices exact decimal text from micros, sides <c>buy</c>/<c>sell</c>; text fields holding a comma,
/// quote or line break are quoted. Files are UTF-8 without BOM with <c>\n</c> line endings.
/// </summary>
public static class ArtifactCsv
{
    /// <summary>The header of <c>orders.csv</c>.</summary>
    public const string OrdersHeader = "timestamp,order_id,client_order_id,symbol,side,type,tif,qty,limit_price,status,filled_qty,reason";

    /// <summary>The header of <c>fills.csv</c>.</summary>
    public const string FillsHeader = "timestamp,order_id,client_order_id,symbol,side,qty,price,fee";

    /// <summary>The header of <c>trades.csv</c>.</summary>
    public const string TradesHeader = "entry_time,entry_price,exit_time,exit_price,qty,pnl";

    /// <summary>The header of <c>equity.csv</c>.</summary>
    public const string EquityHeader = "timestamp,equity,cash,gross_exposure,drawdown";

    /// <summary>Writes <c>orders.csv</c>. An order without a limit has an empty <c>limit_price</c>.</summary>
    public static void WriteOrders(string path, IEnumerable<OrderRecord> orders) => ArtifactFile.WriteText(path, OrdersText(orders));

    /// <summary>Writes <c>fills.csv</c>.</summary>
    public static void WriteFills(string path, IEnumerable<FillRecord> fills) => ArtifactFile.WriteText(path, FillsText(fills));

    /// <summary>Writes <c>trades.csv</c>: one row per round trip.</summary>
    public static void WriteTrades(string path, IEnumerable<RoundTrip> roundTrips) => ArtifactFile.WriteText(path, TradesText(roundTrips));

    /// <summary>Writes <c>equity.csv</c>, with the drawdown from <see cref="DrawdownSeries"/> as a fraction.</summary>
    public static void WriteEquity(string path, IReadOnlyList<EquityPoint> points) => ArtifactFile.WriteText(path, EquityText(points));

    /// <summary>The text of <c>orders.csv</c>.</summary>
    public static string OrdersText(IEnumerable<OrderRecord> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        StringBuilder text = new StringBuilder(OrdersHeader).Append('\n');
        foreach (OrderRecord order in orders)
        {
            text.Append(ArtifactTime.Format(order.TimeNs)).Append(',')
                .Append(CsvText.Integer(order.OrderId)).Append(',');
            CsvText.AppendField(text, order.ClientOrderId);
            text.Append(',');
            CsvText.AppendField(text, order.Symbol);
            text.Append(',').Append(CsvText.SideText(order.Side))
                .Append(',').Append(TypeText(order.Type))
                .Append(',').Append(TimeInForceText(order.TimeInForce))
                .Append(',').Append(CsvText.Integer(order.Quantity))
                .Append(',').Append(order.LimitMicros == 0 ? string.Empty : DecimalText.FormatMicros(order.LimitMicros))
                .Append(',');
            CsvText.AppendField(text, order.Status);
            text.Append(',').Append(CsvText.Integer(order.FilledQuantity)).Append(',');
            CsvText.AppendField(text, order.Reason);
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The text of <c>fills.csv</c>.</summary>
    public static string FillsText(IEnumerable<FillRecord> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        StringBuilder text = new StringBuilder(FillsHeader).Append('\n');
        foreach (FillRecord fill in fills)
        {
            text.Append(ArtifactTime.Format(fill.TimeNs)).Append(',')
                .Append(CsvText.Integer(fill.OrderId)).Append(',');
            CsvText.AppendField(text, fill.ClientOrderId);
            text.Append(',');
            CsvText.AppendField(text, fill.Symbol);
            text.Append(',').Append(CsvText.SideText(fill.Side))
                .Append(',').Append(CsvText.Integer(fill.Quantity))
                .Append(',').Append(DecimalText.FormatMicros(fill.PriceMicros))
                .Append(',').Append(DecimalText.FormatMicros(fill.FeeMicros))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The text of <c>trades.csv</c>.</summary>
    public static string TradesText(IEnumerable<RoundTrip> roundTrips)
    {
        ArgumentNullException.ThrowIfNull(roundTrips);
        StringBuilder text = new StringBuilder(TradesHeader).Append('\n');
        foreach (RoundTrip trip in roundTrips)
        {
            text.Append(ArtifactTime.Format(trip.EntryTimeNs))
                .Append(',').Append(DecimalText.FormatMicros(trip.EntryPriceMicros))
                .Append(',').Append(ArtifactTime.Format(trip.ExitTimeNs))
                .Append(',').Append(DecimalText.FormatMicros(trip.ExitPriceMicros))
                .Append(',').Append(CsvText.Integer(trip.Quantity))
                .Append(',').Append(PnlText(trip.PnlMicros))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The text of <c>equity.csv</c>.</summary>
    public static string EquityText(IReadOnlyList<EquityPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        long[] drawdowns = DrawdownSeries.Millionths(points);
        StringBuilder text = new StringBuilder(EquityHeader).Append('\n');
        for (int i = 0; i < points.Count; i++)
        {
            EquityPoint point = points[i];
            text.Append(ArtifactTime.Format(point.TimeNs))
                .Append(',').Append(DecimalText.FormatMicros(point.EquityMicros))
                .Append(',').Append(DecimalText.FormatMicros(point.CashMicros))
                .Append(',').Append(DecimalText.FormatMicros(point.GrossExposureMicros))
                // Millionths of a fraction format exactly like micros of a dollar: 0.012345.
                .Append(',').Append(DecimalText.FormatMicros(drawdowns[i]))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Profit and loss as money text: exactly two decimals when it is a whole number of cents
    /// (<c>12.50</c>, <c>-3.00</c>), otherwise the full exact micros text (<c>12.345678</c>).</summary>
    public static string PnlText(long pnlMicros)
    {
        const long MicrosPerCent = Micros.PerUnit / 100;
        if (pnlMicros % MicrosPerCent != 0)
        {
            return DecimalText.FormatMicros(pnlMicros);
        }

        long cents = pnlMicros / MicrosPerCent;
        string sign = cents < 0 ? "-" : string.Empty;
        UInt128 magnitude = (UInt128)Int128.Abs(cents);
        return string.Concat(
            sign,
            (magnitude / 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ".",
            (magnitude % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The order type as written: <c>market</c>, <c>limit</c>, <c>stop</c>, <c>stop_limit</c>.</summary>
    public static string TypeText(OrderType type) => type switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        OrderType.Stop => "stop",
        OrderType.StopLimit => "stop_limit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "An order row needs an order type."),
    };

    /// <summary>The time in force as written: <c>day</c>, <c>gtc</c>, <c>ioc</c>, <c>fok</c>, <c>opg</c>, <c>cls</c>.</summary>
    public static string TimeInForceText(TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Day => "day",
        TimeInForce.GoodTillCanceled => "gtc",
        TimeInForce.ImmediateOrCancel => "ioc",
        TimeInForce.FillOrKill => "fok",
        TimeInForce.AtTheOpen => "opg",
        TimeInForce.AtTheClose => "cls",
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "An order row needs a time in force."),
    };
}
